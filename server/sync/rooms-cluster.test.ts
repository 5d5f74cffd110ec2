/**
 * Consistency across processes in the sync core (issue 9 §7), with an in-memory channel instead of
 * Redis: access changes close the affected sockets in every process, the periodic re-check runs until
 * `closeAll`, and a gap in a publisher's updates makes the room catch up from the store.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../schemas/protocol.ts'
import { MemoryHub } from '../../test/support/memory-hub.ts'
import { openSqlite } from '../store/sqlite/database.ts'
import { SqliteDocumentStore } from '../store/sqlite/sqlite-document-store.ts'
import type { DocumentAccess } from './access.ts'
import { Rooms } from './rooms.ts'

const settle = (ms = 20) => new Promise((r) => setTimeout(r, ms))

let toClose: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of toClose) await c()
  toClose = []
})

function setup() {
  const store = new SqliteDocumentStore(openSqlite(':memory:'))
  const hub = new MemoryHub()
  const one = new Rooms(store, { fanout: hub.node('one') })
  const two = new Rooms(store, { fanout: hub.node('two') })
  toClose.push(async () => {
    await one.closeAll()
    await two.closeAll()
    await store.close()
  })
  return { hub, one, two, store }
}

/** A socket that records how it was closed. */
function socket() {
  const closes: number[] = []
  return { closes, socket: { send: () => {}, close: (code: number) => void closes.push(code) } }
}

/** Just enough access for matching by case (the check hooks are not installed here). */
const accessTo = (caseId: string) => ({ caseId }) as unknown as DocumentAccess

function textEdit(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

describe('access changes across processes', () => {
  it('closes the connections of the user to the case in every process, Forbidden when they left', async () => {
    const { hub, one, two } = setup()
    const [a, b] = await Promise.all([two.get('demo:a'), two.get('demo:b')])
    const victim = socket()
    const otherCase = socket()
    const otherUser = socket()
    a.join(victim.socket, { userId: 'u1', access: accessTo('case_1') })
    b.join(otherCase.socket, { userId: 'u1', access: accessTo('case_2') })
    a.join(otherUser.socket, { userId: 'u2', access: accessTo('case_1') })

    expect(one.changeAccess({ userIds: ['u1'], caseId: 'case_1', left: false, reason: 'access changed' })).toBe(0)
    expect(victim.closes).toEqual([CloseCode.AccessChanged])
    expect(otherCase.closes).toEqual([])
    expect(otherUser.closes).toEqual([])
    expect(a.connections.size).toBe(1)
    expect(hub.broadcasts).toEqual([{ from: 'one', message: { kind: 'access-changed', change: { userIds: ['u1'], caseId: 'case_1', left: false, reason: 'access changed' } } }])

    one.changeAccess({ userIds: ['u2'], caseId: 'case_1', left: true, reason: 'no longer a member of the core group' })
    expect(otherUser.closes).toEqual([CloseCode.Forbidden])
  })

  it('closes by document, and in the process that made the change as well', async () => {
    const { one, two } = setup()
    const here = socket()
    const there = socket()
    const elsewhere = socket()
    ;(await one.get('demo:m')).join(here.socket, { userId: 'chair' })
    ;(await two.get('demo:m')).join(there.socket, { userId: 'chair' })
    ;(await two.get('demo:n')).join(elsewhere.socket, { userId: 'chair' })
    expect(one.changeAccess({ userIds: ['chair'], docs: ['demo:m'], left: false, reason: 'meeting roles changed' })).toBe(1)
    expect(here.closes).toEqual([CloseCode.AccessChanged])
    expect(there.closes).toEqual([CloseCode.AccessChanged])
    expect(elsewhere.closes).toEqual([])
  })

  it('closes an ended session’s connections in every process, Unauthenticated, and no other session’s', async () => {
    const { one, two } = setup()
    const ended = socket()
    const sameUserOtherSession = socket()
    const here = socket()
    ;(await two.get('demo:s')).join(ended.socket, { userId: 'u1', sessionId: 'sess_a' })
    ;(await two.get('demo:s')).join(sameUserOtherSession.socket, { userId: 'u1', sessionId: 'sess_b' })
    ;(await one.get('demo:s')).join(here.socket, { userId: 'u1', sessionId: 'sess_a' })
    expect(one.changeAccess({ userIds: ['u1'], sessionIds: ['sess_a'], left: true, reason: 'session ended' })).toBe(1)
    expect(here.closes).toEqual([CloseCode.Unauthenticated])
    expect(ended.closes).toEqual([CloseCode.Unauthenticated])
    expect(sameUserOtherSession.closes).toEqual([])
  })

  it('runs the access re-check periodically, one run at a time, until closeAll', async () => {
    const { two } = setup()
    let runs = 0
    let running = 0
    let overlapped = false
    two.startAccessRecheck(async (rooms) => {
      expect(rooms).toBe(two)
      runs++
      if (++running > 1) overlapped = true
      await settle(35)
      running--
    }, 10)
    await settle(150)
    expect(runs).toBeGreaterThanOrEqual(2)
    expect(overlapped).toBe(false)
    await two.closeAll()
    const after = runs
    await settle(60)
    expect(runs).toBe(after)
  })
})

describe('the fan-out sequence of each publisher', () => {
  /** Room `demo:g` on two; an update committed by a publisher `p` that never reached two. */
  async function withLostUpdate() {
    const { hub, two, store } = setup()
    const room = await two.get('demo:g')
    await store.append('demo:g', textEdit('lost;'))
    // Published once committed, as a process does.
    const send = async (text: string, seq: number, process = 'p') => {
      const data = textEdit(`${text};`)
      await store.append('demo:g', data)
      hub.node(process).publish('demo:g', { kind: 'update', data, from: { process, seq } })
    }
    return { room, send }
  }
  const texts = (doc: Y.Doc) => doc.getText('t').toString().split(';').filter(Boolean).sort()

  it('catches up from the store when a publisher skips a number', async () => {
    const { room, send } = await withLostUpdate()
    await send('first', 4) // the first seen from p: no gap, whatever its number
    await vi.waitFor(() => expect(texts(room.doc)).toEqual(['first']))
    await send('third', 6) // 5 (the lost one) never came
    await vi.waitFor(() => expect(texts(room.doc)).toEqual(['first', 'lost', 'third']))
  })

  it('takes consecutive numbers, a publisher starting again from 1 and other publishers as they come', async () => {
    const { room, send } = await withLostUpdate()
    await send('a', 1)
    await send('b', 2)
    await send('c', 1) // p reopened the room
    await send('d', 9, 'q') // another publisher, first seen
    await send('e', 10, 'q')
    await vi.waitFor(() => expect(texts(room.doc)).toEqual(['a', 'b', 'c', 'd', 'e']))
  })
})
