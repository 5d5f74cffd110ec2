/**
 * Message framing for the two wire protocols the generator speaks.
 *
 * y-websocket: `varUint type, payload` — one document per socket (named in the URL).
 * Hocuspocus: `varString documentName, varUint type, payload`, and the client must send an
 * authentication message (`Auth`, `Token`, token) and wait for `Authenticated` before syncing.
 * Message types 0 (sync) and 1 (awareness) mean the same in both.
 * @module
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { WireProtocol } from './job.ts'

export const MessageType = { Sync: 0, Awareness: 1, Auth: 2 } as const
export const SyncStep = { Step1: 0, Step2: 1, Update: 2 } as const
/** Hocuspocus auth sub-types (`@hocuspocus/common` AuthMessageType). */
export const AuthStep = { Token: 0, PermissionDenied: 1, Authenticated: 2 } as const

export class Wire {
  constructor(readonly protocol: WireProtocol, readonly documentName: string) {}

  /** One frame of `type` whose payload `write` appends. */
  frame(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
    const e = encoding.createEncoder()
    if (this.protocol === 'hocuspocus') encoding.writeVarString(e, this.documentName)
    encoding.writeVarUint(e, type)
    write(e)
    return encoding.toUint8Array(e)
  }

  sync(step: number, data: Uint8Array): Uint8Array {
    return this.frame(MessageType.Sync, (e) => {
      encoding.writeVarUint(e, step)
      encoding.writeVarUint8Array(e, data)
    })
  }

  /** Hocuspocus only: the token message that opens the document on a socket (no auth configured, so any token). */
  authToken(token = ''): Uint8Array {
    return this.frame(MessageType.Auth, (e) => {
      encoding.writeVarUint(e, AuthStep.Token)
      encoding.writeVarString(e, token)
    })
  }

  /** Reads a frame's header: its message type, or null when it belongs to another document. */
  open(frame: Uint8Array): { type: number; decoder: decoding.Decoder } | null {
    const d = decoding.createDecoder(frame)
    if (this.protocol === 'hocuspocus' && decoding.readVarString(d) !== this.documentName) return null
    return { type: decoding.readVarUint(d), decoder: d }
  }
}
