/**
 * Acknowledgements (issue 16 §2): cumulative, so the ones falling due together go as one frame, the
 * highest; a due ack still goes before any later frame to the same client and before its socket closes.
 */
import * as decoding from 'lib0/decoding'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { CloseCode, MessageType, SyncStep, encodeRejected, readAck } from '../../schemas/protocol.ts'
import { openSqlite } from '../store/sqlite/database.ts'
import { SqliteDocumentStore } from '../store/sqlite/sqlite-document-store.ts'
import { Connection } from './connection.ts'
import { Room } from './room.ts'
import { syncMessage } from './room-messages.ts'

function socket() {
  const frames: Uint8Array[] = []
  const state = { closed: null as number | null, framesAtClose: -1 }
  return {
    frames,
    state,
    socket: {
      send: (f: Uint8Array) => void frames.push(f),
      close: (code: number) => {
        state.closed = code
        state.framesAtClose = frames.length
      },
    },
  }
}

/** Each frame as `ack:<seq>` or its message type. */
const kinds = (frames: Uint8Array[]) =>
  frames.map((f) => {
    const d = decoding.createDecoder(f)
    const type = decoding.readVarUint(d)
    return type === MessageType.Ack ? `ack:${readAck(d)}` : `type:${type}`
  })

const nextTurn = () => new Promise((r) => setImmediate(r))

describe('acknowledgements', () => {
  it('five updates sent at once are all acknowledged, in fewer frames than updates, the last saying 5', async () => {
    const store = new SqliteDocumentStore(openSqlite(':memory:'))
    const room = await Room.load('demo:acks1', store)
    const author = new Y.Doc()
    const updates: Uint8Array[] = []
    author.on('update', (u: Uint8Array) => void updates.push(u))
    const text = author.getText('item:purpose')
    for (let i = 0; i < 5; i++) text.insert(text.length, `word${i} `)
    const client = socket()
    const conn = room.join(client.socket, { userId: 'u-author' })
    for (const u of updates) conn.enqueue(syncMessage(SyncStep.Update, u))
    await vi.waitFor(() => expect(kinds(client.frames).filter((k) => k.startsWith('ack:')).at(-1)).toBe('ack:5'))
    const acks = kinds(client.frames).filter((k) => k.startsWith('ack:')).map((k) => Number(k.slice(4)))
    expect(acks.length).toBeLessThan(5)
    expect(acks).toEqual([...acks].sort((a, b) => a - b))
    // Every acknowledged word is in the store.
    const stored = new Y.Doc()
    for (const u of (await store.load('demo:acks1')).updates) Y.applyUpdate(stored, u)
    expect(stored.getText('item:purpose').toString()).toBe('word0 word1 word2 word3 word4 ')
  })

  it('a due ack goes before a later frame to the same client, and before its socket closes', async () => {
    const client = socket()
    const conn = new Connection(client.socket, { userId: 'u' }, () => {})
    conn.acknowledge(1)
    conn.acknowledge(3)
    conn.acknowledge(2)
    conn.send(encodeRejected('item:purpose', 'locked'))
    expect(kinds(client.frames)).toEqual(['ack:3', `type:${MessageType.Rejected}`])
    await nextTurn()
    expect(kinds(client.frames)).toHaveLength(2)
    conn.acknowledge(4)
    conn.close(CloseCode.GoingAway, 'going away')
    expect(kinds(client.frames).at(-1)).toBe('ack:4')
    expect(client.state.framesAtClose).toBe(3)
    conn.acknowledge(5)
    await nextTurn()
    expect(client.frames).toHaveLength(3)
  })
})
