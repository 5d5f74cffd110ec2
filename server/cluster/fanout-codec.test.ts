import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decodeChannelMessage, encodeChannelMessage, PROCESS_ID_BYTES } from './fanout-codec.ts'

describe('fan-out channel messages', () => {
  const id = randomBytes(PROCESS_ID_BYTES)

  it('round-trips every kind with its sender', () => {
    const data = new Uint8Array([0, 1, 2, 255, 0])
    for (const message of [
      { kind: 'update', data },
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

  it('refuses bytes that are too short or of an unknown kind', () => {
    expect(decodeChannelMessage(Buffer.from([0, 1, 2]))).toBeNull()
    const unknown = encodeChannelMessage(id, { kind: 'awareness-query' })
    unknown[0] = 42
    expect(decodeChannelMessage(unknown)).toBeNull()
  })
})
