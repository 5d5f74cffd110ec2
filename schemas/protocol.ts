/**
 * The sync protocol: y-websocket's messages plus coregroup's own, and the close codes.
 *
 * Every websocket frame is binary: a lib0 varUint message type, then its payload. Types 0–3 are the
 * y-websocket protocol unchanged (so `WebsocketProvider` connects as is); 100+ are coregroup's.
 *
 * - `Ack` (server → client): `varUint seq`. The first `seq` update-bearing messages (sync step 2 or
 *   update) that this client sent on this connection are durable in the store. Acks are monotonic.
 * - `Rejected` (server → client): `varString section`, `varString reason`. The last update was refused
 *   and was neither applied nor stored; a close with `CloseCode.UpdateRejected` follows.
 * @module
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  Ack: 100,
  Rejected: 101,
} as const
export type MessageType = (typeof MessageType)[keyof typeof MessageType]

/** Sub-types of a `Sync` message (y-protocols/sync). */
export const SyncStep = { Step1: 0, Step2: 1, Update: 2 } as const

/**
 * Close codes of the sync endpoint. 1000–1015 are the WebSocket standard's; 4000–4999 are ours and
 * follow y-websocket's convention: 4400–4499 mirror HTTP 4xx — the server decided, and the provider
 * does not reconnect by itself; 4500–4599 are transient and the provider reconnects with backoff.
 * Each has a sentence for the user in `describeClose`.
 */
export const CloseCode = {
  Normal: 1000,
  /** The server is shutting down; the client reconnects. */
  GoingAway: 1001,
  /** A text frame: the protocol is binary only. */
  UnsupportedData: 1003,
  /** The server failed while handling a frame (a defect); only this connection closes; it reconnects. */
  InternalError: 1011,
  /** A frame over `MAX_FRAME_BYTES` (closed by the websocket layer before it is buffered). */
  MessageTooBig: 1009,
  /** A binary frame that does not decode as a protocol message, or an update that is not a Yjs update. */
  MalformedMessage: 4400,
  /** Not signed in, or the session expired or was signed out. */
  Unauthenticated: 4401,
  /** Signed in but not allowed to read this document (or no longer a member of the core group). */
  Forbidden: 4403,
  /** The document name is not one the server serves. */
  UnknownDocument: 4404,
  /** An update waited too long for structs the server has not seen (held past `HELD_LIMITS.ageMs`). */
  HeldTooLong: 4408,
  /** An update touched a section this connection may not write, a locked section or `control`. */
  UpdateRejected: 4409,
  /** An update over `UPDATE_LIMITS`, or held updates over `HELD_LIMITS` bytes or count. */
  UpdateTooLarge: 4413,
  /** A message type the server does not know. */
  UnknownMessageType: 4415,
  /** The server failed to store or load; the client reconnects and resends what is unacknowledged. */
  StoreFailed: 4500,
  /** The user's access to the document changed (role, chair or note taker); the client reconnects. */
  AccessChanged: 4501,
  /** The connection does not read what the server sends (its buffer passed `MAX_BUFFERED_BYTES`). */
  SlowReader: 4508,
  /** Too many frames per second (of any kind), or too many documents open; the client backs off and reconnects. */
  RateLimited: 4529,
} as const
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

/** Words for the user when the server closes a connection. */
export function describeClose(code: number): string {
  switch (code) {
    case CloseCode.UnsupportedData:
    case CloseCode.MalformedMessage:
    case CloseCode.UnknownMessageType:
      return 'The server could not read a message from this page. Reconnecting…'
    case CloseCode.MessageTooBig:
      return 'That change is too large to send in one go. Try pasting less at a time.'
    case CloseCode.UpdateRejected:
      return 'You cannot change that part of the document. Your copy has been reloaded from the server.'
    case CloseCode.UnknownDocument:
      return 'This document does not exist.'
    case CloseCode.Unauthenticated:
      return 'Your session has ended. Please sign in again.'
    case CloseCode.Forbidden:
      return 'You do not have access to this document.'
    case CloseCode.RateLimited:
      return 'Too many changes too quickly. Reconnecting…'
    case CloseCode.UpdateTooLarge:
      return 'That change is too large to send in one go. Try pasting less at a time.'
    case CloseCode.HeldTooLong:
      return 'A change from this page waited too long for earlier changes. Reconnecting to send them again…'
    case CloseCode.SlowReader:
      return 'The connection is too slow to keep up. Reconnecting…'
    case CloseCode.AccessChanged:
      return 'Your access to this document changed. Reconnecting…'
    case CloseCode.StoreFailed:
      return 'The server could not save your last change. Reconnecting to send it again…'
    default:
      return 'Connection lost. Reconnecting…'
  }
}

export function encodeAck(seq: number): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.Ack)
  encoding.writeVarUint(e, seq)
  return encoding.toUint8Array(e)
}

export function encodeRejected(section: string, reason: string): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.Rejected)
  encoding.writeVarString(e, section)
  encoding.writeVarString(e, reason)
  return encoding.toUint8Array(e)
}

/** Reads an `Ack` payload (after the message type). */
export function readAck(d: decoding.Decoder): number {
  return decoding.readVarUint(d)
}

/** Reads a `Rejected` payload (after the message type). */
export function readRejected(d: decoding.Decoder): { section: string; reason: string } {
  return { section: decoding.readVarString(d), reason: decoding.readVarString(d) }
}

/** What a client's frame is, for metering: each kind has its own rate limit. */
export type FrameKind = 'update' | 'sync-step-1' | 'awareness' | 'query-awareness' | 'other'

/**
 * The kind of a frame a client sent. The type and step are varUints and are decoded as such: `0x80 0x00`
 * is type 0 as much as `0x00` is.
 */
export function frameKind(frame: Uint8Array): FrameKind {
  try {
    const d = decoding.createDecoder(frame)
    switch (decoding.readVarUint(d)) {
      case MessageType.Sync: {
        const step = decoding.readVarUint(d)
        if (step === SyncStep.Step1) return 'sync-step-1'
        return step === SyncStep.Step2 || step === SyncStep.Update ? 'update' : 'other'
      }
      case MessageType.Awareness:
        return 'awareness'
      case MessageType.QueryAwareness:
        return 'query-awareness'
      default:
        return 'other'
    }
  } catch {
    return 'other'
  }
}

/** True when a frame sent by a client carries document content (sync step 2 or update). */
export function isUpdateMessage(frame: Uint8Array): boolean {
  return frameKind(frame) === 'update'
}
