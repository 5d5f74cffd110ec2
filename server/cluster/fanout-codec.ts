/**
 * The bytes of a message on a document's Redis channel: one kind byte, the sending process's 16-byte
 * id (so a process ignores its own messages), then the payload (a Yjs or awareness update, or none).
 * @module
 */
import type { FanoutMessage } from '../sync/fanout.ts'

export const PROCESS_ID_BYTES = 16

/** Wire kinds. `resync-request` is the channel's own: "I could not publish; reload from the store". */
const Kind = { update: 0, awareness: 1, 'awareness-query': 2, 'resync-request': 3 } as const
type Kind = keyof typeof Kind

export type ChannelMessage = FanoutMessage | { kind: 'resync-request' }

export function encodeChannelMessage(processId: Uint8Array, message: ChannelMessage): Buffer {
  const payload = 'data' in message ? message.data : new Uint8Array(0)
  const buf = Buffer.allocUnsafe(1 + PROCESS_ID_BYTES + payload.byteLength)
  buf[0] = Kind[message.kind]
  buf.set(processId, 1)
  buf.set(payload, 1 + PROCESS_ID_BYTES)
  return buf
}

/** Decodes a message; null when it is not one (too short, unknown kind). */
export function decodeChannelMessage(buf: Buffer): { from: Buffer; message: ChannelMessage } | null {
  if (buf.length < 1 + PROCESS_ID_BYTES) return null
  const from = buf.subarray(1, 1 + PROCESS_ID_BYTES)
  const data = new Uint8Array(buf.buffer, buf.byteOffset + 1 + PROCESS_ID_BYTES, buf.length - 1 - PROCESS_ID_BYTES)
  const kind = (Object.keys(Kind) as Kind[]).find((k) => Kind[k] === buf[0])
  switch (kind) {
    case 'update':
    case 'awareness':
      return { from, message: { kind, data } }
    case 'awareness-query':
    case 'resync-request':
      return { from, message: { kind } }
    default:
      return null
  }
}
