/**
 * Held updates in one room (issue 9 §2): an update that waits for another client's structs integrates
 * when they arrive and is acknowledged then; it is refused when it waits too long; and while nothing it
 * waits for arrives, other changes do not make the room look at it again.
 */
import * as decoding from 'lib0/decoding'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { CloseCode, MessageType, SyncStep, readAck } from '../../schemas/protocol.ts'
import { openSqlite } from '../store/sqlite/database.ts'
import { SqliteDocumentStore } from '../store/sqlite/sqlite-document-store.ts'
import { Room } from './room.ts'
import { syncMessage } from './room-messages.ts'

function socket() {
  const frames: Uint8Array[] = []
  const state = { closed: null as number | null }
  return { frames, state, socket: { send: (f: Uint8Array) => void frames.push(f), close: (code: number) => void (state.closed = code) } }
}

const acks = (frames: Uint8Array[]) =>
  frames.flatMap((f) => {
    const d = decoding.createDecoder(f)
    return decoding.readVarUint(d) === MessageType.Ack ? [readAck(d)] : []
  })

/** Two honest edits by `author`: the second depends on the first. */
function twoEdits() {
  const author = new Y.Doc()
  const updates: Uint8Array[] = []
  author.on('update', (u: Uint8Array) => void updates.push(u))
  const p = new Y.XmlElement('paragraph')
  author.getXmlFragment('item:purpose').insert(0, [p])
  p.insert(0, [new Y.XmlText('first')])
  return { first: Y.mergeUpdates(updates.splice(0)), second: () => ((p.get(0) as Y.XmlText).insert(5, ' second'), updates[0]!) }
}

const settle = () => new Promise((r) => setTimeout(r, 30))

describe('a held update', () => {
  it('claims no client ID while it waits: the rightful writer is accepted, the squatter’s structs set aside once it can be judged', async () => {
    const room = await Room.load('demo:held1', new SqliteDocumentStore(openSqlite(':memory:')))
    const { first, second } = twoEdits()
    const waiter = socket()
    const conn = room.join(waiter.socket, { userId: 'u-waiter' })
    conn.enqueue(syncMessage(SyncStep.Update, second()))
    await settle()
    expect(acks(waiter.frames)).toEqual([])
    expect(conn.held).not.toBeNull()
    const author = socket()
    room.join(author.socket, { userId: 'u-author' }).enqueue(syncMessage(SyncStep.Update, first))
    await vi.waitFor(() => expect(acks(waiter.frames)).toEqual([1]))
    expect(acks(author.frames)).toEqual([1])
    // Holding claimed nothing: the author's client ID stayed the author's, so what the waiter wrote
    // under it is set aside once the update can be judged whole: nothing of it integrates or is stored.
    expect(acks(waiter.frames)).toEqual([1])
    expect(room.doc.getXmlFragment('item:purpose').toString()).not.toContain('second')
    expect(room.doc.getXmlFragment('item:purpose').toString()).toContain('first')
  })

  it('holds deletions ahead under another’s client ID until that writer’s structs arrive, then integrates them', async () => {
    const room = await Room.load('demo:held5', new SqliteDocumentStore(openSqlite(':memory:')))
    const { first, second } = twoEdits()
    const author = socket()
    const authorConn = room.join(author.socket, { userId: 'u-author' })
    authorConn.enqueue(syncMessage(SyncStep.Update, first))
    await settle()
    // Someone else got the author's second edit relayed before a commit that never came, and deleted
    // it: their deletion reaches clocks of the author's the server lacks.
    const secondUpdate = second()
    const other = new Y.Doc()
    Y.applyUpdate(other, first)
    Y.applyUpdate(other, secondUpdate)
    const text = (other.getXmlFragment('item:purpose').get(0) as Y.XmlElement).get(0) as Y.XmlText
    text.delete(5, 7)
    const deleter = socket()
    const conn = room.join(deleter.socket, { userId: 'u-other' })
    conn.enqueue(syncMessage(SyncStep.Update, Y.encodeStateAsUpdate(other, Y.encodeStateVector(other))))
    await settle()
    expect(conn.held).not.toBeNull()
    expect(deleter.state.closed).toBeNull()
    expect(acks(deleter.frames)).toEqual([])
    // The author's client resends the edit: it integrates, and so does the deletion waiting on it.
    authorConn.enqueue(syncMessage(SyncStep.Update, secondUpdate))
    await vi.waitFor(() => expect(acks(deleter.frames)).toEqual([1]))
    expect(acks(author.frames)).toEqual([1, 2])
    expect(room.doc.getXmlFragment('item:purpose').toString()).toContain('>first<')
    expect(room.doc.getXmlFragment('item:purpose').toString()).not.toContain('second')
  })

  it('from its own author, integrates once its history arrives and is acknowledged as the later update', async () => {
    const room = await Room.load('demo:held2', new SqliteDocumentStore(openSqlite(':memory:')))
    const { first, second } = twoEdits()
    const author = socket()
    const conn = room.join(author.socket, { userId: 'u-author' })
    conn.enqueue(syncMessage(SyncStep.Update, second()))
    conn.enqueue(syncMessage(SyncStep.Step2, first))
    await vi.waitFor(() => expect(acks(author.frames)).toEqual([2]))
    expect(room.doc.getXmlFragment('item:purpose').toString()).toContain('first second')
  })

  it('is refused with 4408 when it waits longer than allowed', async () => {
    const room = await Room.load('demo:held3', new SqliteDocumentStore(openSqlite(':memory:')), {}, {
      heldLimits: { ageMs: 50, bytesPerConnection: 1 << 20, bytesPerRoom: 1 << 23, updatesPerConnection: 100 },
    })
    const { second } = twoEdits()
    const waiter = socket()
    room.join(waiter.socket, { userId: 'u-author' }).enqueue(syncMessage(SyncStep.Update, second()))
    await new Promise((r) => setTimeout(r, 150))
    expect(waiter.state.closed).toBe(CloseCode.HeldTooLong)
  })

  it('is not looked at again while nothing it waits for has arrived', async () => {
    const judged = new Map<string, number>()
    const room = await Room.load('demo:held4', new SqliteDocumentStore(openSqlite(':memory:')), {
      judgeUpdate: (_room, conn) => (judged.set(conn.identity.userId, (judged.get(conn.identity.userId) ?? 0) + 1), null),
    })
    const { first, second } = twoEdits()
    const author = socket()
    const waiting = room.join(author.socket, { userId: 'u-author' })
    waiting.enqueue(syncMessage(SyncStep.Update, second()))
    await settle()
    const other = new Y.Doc()
    const typist = socket()
    const conn = room.join(typist.socket, { userId: 'u-typist' })
    for (let i = 0; i < 20; i++) {
      const before = Y.encodeStateVector(other)
      other.getXmlFragment('item:next-steps').insert(0, [new Y.XmlElement('paragraph')])
      conn.enqueue(syncMessage(SyncStep.Update, Y.encodeStateAsUpdate(other, before)))
    }
    await vi.waitFor(() => expect(acks(typist.frames).at(-1)).toBe(20))
    // Judged once when it arrived; twenty changes by someone else did not make the room try it again.
    expect(judged.get('u-author')).toBe(1)
    waiting.enqueue(syncMessage(SyncStep.Step2, first))
    await vi.waitFor(() => expect(acks(author.frames)).toEqual([2]))
  })
})
