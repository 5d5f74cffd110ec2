/**
 * The bytes of a message on a Redis channel: one kind byte, the sending process's 16-byte id (so a
 * process ignores its own messages), then the payload:
 * - `update`: the publisher's 6-byte big-endian count of updates it published to the document (see
 *   `PublisherSeq`), then the Yjs update;
 * - `awareness`: the awareness update; `awareness-query`, `resync-request`: nothing;
 * - `access-changed` (on the cluster channel): the `AccessChange` as UTF-8 JSON.
 * @module
 */
import * as z from 'zod'
import type { AccessChange, ClusterMessage, FanoutMessage } from '../sync/fanout.ts'

export const PROCESS_ID_BYTES = 16
const SEQ_BYTES = 6
const HEADER_BYTES = 1 + PROCESS_ID_BYTES

/** Wire kinds. `resync-request` is the channel's own: "I could not publish; reload from the store". */
const Kind = { update: 0, awareness: 1, 'awareness-query': 2, 'resync-request': 3, 'access-changed': 4 } as const
type Kind = keyof typeof Kind

/** A message on a document's channel; an update carries the publisher's seq. */
export type ChannelMessage = Exclude<FanoutMessage, { kind: 'update' }> | { kind: 'update'; data: Uint8Array; seq: number } | { kind: 'resync-request' }

const AccessChangeJson = z.strictObject({
  userIds: z.array(z.string().max(200)).max(1000),
  caseId: z.string().max(200).optional(),
  docs: z.array(z.string().max(500)).max(100).optional(),
  sessionIds: z.array(z.string().max(200)).max(1000).optional(),
  left: z.boolean(),
  reason: z.string().max(120),
}) satisfies z.ZodType<AccessChange>

export function encodeChannelMessage(processId: Uint8Array, message: ChannelMessage): Buffer {
  const payload = 'data' in message ? message.data : new Uint8Array(0)
  const seqBytes = message.kind === 'update' ? SEQ_BYTES : 0
  const buf = header(processId, Kind[message.kind], seqBytes + payload.byteLength)
  if (message.kind === 'update') buf.writeUIntBE(message.seq, HEADER_BYTES, SEQ_BYTES)
  buf.set(payload, HEADER_BYTES + seqBytes)
  return buf
}

export function encodeClusterMessage(processId: Uint8Array, message: ClusterMessage): Buffer {
  const json = Buffer.from(JSON.stringify(message.change), 'utf8')
  const buf = header(processId, Kind[message.kind], json.byteLength)
  buf.set(json, HEADER_BYTES)
  return buf
}

/** Decodes a document channel's message; null when it is not one (too short, unknown kind). */
export function decodeChannelMessage(buf: Buffer): { from: Buffer; message: ChannelMessage } | null {
  if (buf.length < HEADER_BYTES) return null
  const from = buf.subarray(1, HEADER_BYTES)
  const kind = kindOf(buf)
  switch (kind) {
    case 'update':
      if (buf.length < HEADER_BYTES + SEQ_BYTES) return null
      return { from, message: { kind, seq: buf.readUIntBE(HEADER_BYTES, SEQ_BYTES), data: bytesFrom(buf, HEADER_BYTES + SEQ_BYTES) } }
    case 'awareness':
      return { from, message: { kind, data: bytesFrom(buf, HEADER_BYTES) } }
    case 'awareness-query':
    case 'resync-request':
      return { from, message: { kind } }
    default:
      return null
  }
}

/** Decodes a cluster channel's message; null when it is not one (or not a valid access change). */
export function decodeClusterMessage(buf: Buffer): { from: Buffer; message: ClusterMessage } | null {
  if (buf.length < HEADER_BYTES || kindOf(buf) !== 'access-changed') return null
  let json: unknown
  try {
    json = JSON.parse(buf.subarray(HEADER_BYTES).toString('utf8'))
  } catch {
    return null
  }
  const change = AccessChangeJson.safeParse(json)
  return change.success ? { from: buf.subarray(1, HEADER_BYTES), message: { kind: 'access-changed', change: change.data } } : null
}

function header(processId: Uint8Array, kind: number, payloadBytes: number): Buffer {
  const buf = Buffer.allocUnsafe(HEADER_BYTES + payloadBytes)
  buf[0] = kind
  buf.set(processId, 1)
  return buf
}

function kindOf(buf: Buffer): Kind | undefined {
  return (Object.keys(Kind) as Kind[]).find((k) => Kind[k] === buf[0])
}

function bytesFrom(buf: Buffer, offset: number): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset + offset, buf.length - offset)
}
