import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decodeChannelMessage, decodeClusterMessage, encodeChannelMessage, encodeClusterMessage, PROCESS_ID_BYTES } from './fanout-codec.ts'

describe('fan-out channel messages', () => {
  const id = randomBytes(PROCESS_ID_BYTES)

  it('round-trips every kind with its sender', () => {
    const data = new Uint8Array([0, 1, 2, 255, 0])
    for (const message of [
      { kind: 'update', data, seq: 1 },
      { kind: 'awareness', data },
      { kind: 'awareness-query' },
      { kind: 'resync-request' },
    ] as const) {
      const decoded = decodeChannelMessage(encodeChannelMessage(id, message))
      expect(decoded?.from.equals(id)).toBe(true)
      expect(decoded?.message.kind).toBe(message.kind)
      if ('data' in message) expect(Array.from((decoded!.message as { data: Uint8Array }).data)).toEqual(Array.from(data))
    }
  })

  it('carries the publisher seq of an update, up to 2^48', () => {
    for (const seq of [1, 2, 255, 256, 2 ** 32 + 7, 2 ** 48 - 1]) {
      const decoded = decodeChannelMessage(encodeChannelMessage(id, { kind: 'update', data: new Uint8Array([9]), seq }))
      expect(decoded?.message).toEqual({ kind: 'update', seq, data: new Uint8Array([9]) })
    }
    // An update too short to hold its seq is not one.
    expect(decodeChannelMessage(encodeChannelMessage(id, { kind: 'update', data: new Uint8Array(0), seq: 1 }).subarray(0, 20))).toBeNull()
  })

  it('round-trips an access change on the cluster channel, and refuses one that does not parse', () => {
    const change = { userIds: ['user_1'], caseId: 'case_1', left: true, reason: 'no longer a member of the core group' }
    const decoded = decodeClusterMessage(encodeClusterMessage(id, { kind: 'access-changed', change }))
    expect(decoded?.from.equals(id)).toBe(true)
    expect(decoded?.message).toEqual({ kind: 'access-changed', change })
    const bad = encodeClusterMessage(id, { kind: 'access-changed', change: { ...change, left: 'yes' as unknown as boolean } })
    expect(decodeClusterMessage(bad)).toBeNull()
    expect(decodeClusterMessage(Buffer.concat([bad.subarray(0, 17), Buffer.from('{not json')]))).toBeNull()
    expect(decodeClusterMessage(encodeChannelMessage(id, { kind: 'awareness-query' }))).toBeNull()
  })

  it('round-trips an ended session, and refuses forged session lists (not strings, too many, too long)', () => {
    const change = { userIds: ['user_1'], sessionIds: ['sess_a'], left: true, reason: 'session ended' }
    expect(decodeClusterMessage(encodeClusterMessage(id, { kind: 'access-changed', change }))?.message).toEqual({ kind: 'access-changed', change })
    for (const sessionIds of [[1], Array.from({ length: 1001 }, (_, i) => `s${i}`), ['x'.repeat(201)], 'sess_a']) {
      const forged = encodeClusterMessage(id, { kind: 'access-changed', change: { ...change, sessionIds: sessionIds as unknown as string[] } })
      expect(decodeClusterMessage(forged)).toBeNull()
    }
  })

  it('refuses bytes that are too short or of an unknown kind', () => {
    expect(decodeChannelMessage(Buffer.from([0, 1, 2]))).toBeNull()
    const unknown = encodeChannelMessage(id, { kind: 'awareness-query' })
    unknown[0] = 42
    expect(decodeChannelMessage(unknown)).toBeNull()
  })
})
