/**
 * The scale-out hook points of the sync core, with an in-memory channel instead of Redis: two `Rooms`
 * (two "processes") over one store.
 */
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { MessageType, SyncStep } from '../../schemas/protocol.ts'
import { MemoryHub } from '../../test/support/memory-hub.ts'
import type { DocumentStore, StoredDocument } from '../store/document-store.ts'
import { openSqlite } from '../store/sqlite/database.ts'
import { SqliteDocumentStore } from '../store/sqlite/sqlite-document-store.ts'
import { Rooms } from './rooms.ts'

function fakeSocket() {
  const frames: Uint8Array[] = []
  return { frames, socket: { send: (f: Uint8Array) => frames.push(f), close: () => {} } }
}

function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.Sync)
  encoding.writeVarUint(e, SyncStep.Update)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

function textEdit(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc)
  doc.getText('t').insert(doc.getText('t').length, text)
  return Y.encodeStateAsUpdate(doc, before)
}

let toClose: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of toClose) await c()
  toClose = []
})

function setup(store: DocumentStore = new SqliteDocumentStore(openSqlite(':memory:'))) {
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

describe('Rooms with a fan-out channel', () => {
  it('stores a client update once, publishes it, and the other process applies and relays it', async () => {
    const { hub, one, two, store } = setup()
    const [roomOne, roomTwo] = await Promise.all([one.get('demo:f'), two.get('demo:f')])
    const writer = fakeSocket()
    const reader = fakeSocket()
    const conn = roomOne.join(writer.socket, { userId: 'u1' })
    roomTwo.join(reader.socket, { userId: 'u2' })
    reader.frames.length = 0
    conn.enqueue(updateFrame(textEdit(new Y.Doc(), 'hello')))
    // The publish follows the commit: wait for what the other process shows, not for a fixed time.
    await vi.waitFor(() => expect(roomTwo.doc.getText('t').toString()).toBe('hello'))
    expect(reader.frames.some((f) => f[0] === MessageType.Sync && f[1] === SyncStep.Update)).toBe(true)
    expect(await store.logLength('demo:f')).toBe(1)
    expect(hub.published.filter((p) => p.message.kind === 'update').map((p) => p.from)).toEqual(['one'])
  })

  it('subscribes before it loads, and applies what arrived during the load after it', async () => {
    const inner = new SqliteDocumentStore(openSqlite(':memory:'))
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => (release = r))
    const slow: DocumentStore = {
      append: (d, u, c) => inner.append(d, u, c),
      setLock: (d, s, l) => inner.setLock(d, s, l),
      locks: (d) => inner.locks(d),
      load: async (d): Promise<StoredDocument> => {
        const stored = await inner.load(d)
        await gate
        return stored
      },
      logLength: (d) => inner.logLength(d),
      compact: (d) => inner.compact(d),
      quarantine: (d, s, r) => inner.quarantine(d, s, r),
      quarantined: (d) => inner.quarantined(d),
      claimClients: (d, u, c) => inner.claimClients(d, u, c),
      clientOwners: (d) => inner.clientOwners(d),
      close: () => inner.close(),
    }
    const { hub, one } = setup(slow)
    const loading = one.get('demo:early')
    await vi.waitFor(() => expect(hub.subscribers('demo:early')).toBe(1))
    // Another process stores and publishes while this one is still reading the store.
    const update = textEdit(new Y.Doc(), 'published meanwhile')
    hub.node('elsewhere').publish('demo:early', { kind: 'update', data: update })
    release()
    const room = await loading
    expect(room.doc.getText('t').toString()).toBe('published meanwhile')
  })

  it('stores, relays and publishes a server change, and resolves only once it is durable', async () => {
    const { hub, one, two, store } = setup()
    const [roomOne, roomTwo] = await Promise.all([one.get('demo:s'), two.get('demo:s')])
    const local = fakeSocket()
    roomOne.join(local.socket, { userId: 'u1' })
    local.frames.length = 0
    await roomOne.applyServerChange((doc) => doc.getMap('control').set('locked', true))
    expect(await store.logLength('demo:s')).toBe(1)
    expect(local.frames.length).toBe(1)
    expect(roomTwo.doc.getMap('control').get('locked')).toBe(true)
    // Applied on two as a remote change: not stored or published again.
    expect(hub.published.filter((p) => p.message.kind === 'update').map((p) => p.from)).toEqual(['one'])
  })

  it('drops the room when the store refuses a server change, and the change is not published', async () => {
    const inner = new SqliteDocumentStore(openSqlite(':memory:'))
    let failAppends = false
    const flaky: DocumentStore = {
      append: (d, u, c) => (failAppends ? Promise.reject(new Error('disk full')) : inner.append(d, u, c)),
      setLock: (d, s, l) => inner.setLock(d, s, l),
      locks: (d) => inner.locks(d),
      load: (d) => inner.load(d),
      logLength: (d) => inner.logLength(d),
      compact: (d) => inner.compact(d),
      quarantine: (d, s, r) => inner.quarantine(d, s, r),
      quarantined: (d) => inner.quarantined(d),
      claimClients: (d, u, c) => inner.claimClients(d, u, c),
      clientOwners: (d) => inner.clientOwners(d),
      close: () => inner.close(),
    }
    const { hub, one } = setup(flaky)
    const room = await one.get('demo:fail')
    failAppends = true
    await expect(room.applyServerChange((doc) => doc.getMap('control').set('locked', true))).rejects.toThrow('disk full')
    await vi.waitFor(() => expect(one.isLoaded('demo:fail')).toBe(false))
    expect(hub.published.filter((p) => p.message.kind === 'update')).toEqual([])
    expect(hub.subscribers('demo:fail')).toBe(0)
  })

  it('publishes presence from its connections, relays presence from others without publishing it again', async () => {
    const { hub, one, two } = setup()
    const [roomOne, roomTwo] = await Promise.all([one.get('demo:p'), two.get('demo:p')])
    const conn = roomOne.join(fakeSocket().socket, { userId: 'u1' })
    const watcher = fakeSocket()
    roomTwo.join(watcher.socket, { userId: 'u2' })
    watcher.frames.length = 0
    const clientDoc = new Y.Doc()
    const clientAwareness = new awarenessProtocol.Awareness(clientDoc)
    clientAwareness.setLocalState({ cursor: 1 })
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, MessageType.Awareness)
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(clientAwareness, [clientDoc.clientID]))
    conn.enqueue(encoding.toUint8Array(e))
    await vi.waitFor(() => expect(roomTwo.awareness.getStates().get(clientDoc.clientID)).toEqual({ cursor: 1 }))
    expect(watcher.frames.some((f) => f[0] === MessageType.Awareness)).toBe(true)
    expect(hub.published.filter((p) => p.message.kind === 'awareness').map((p) => p.from)).toEqual(['one'])
    clientAwareness.destroy()
  })

  it('unsubscribes when the room unloads', async () => {
    const store = new SqliteDocumentStore(openSqlite(':memory:'))
    const hub = new MemoryHub()
    const rooms = new Rooms(store, { fanout: hub.node('one'), idleUnloadMs: 10 })
    toClose.push(async () => {
      await rooms.closeAll()
      await store.close()
    })
    const room = await rooms.get('demo:u')
    const conn = room.join(fakeSocket().socket, { userId: 'u1' })
    expect(hub.subscribers('demo:u')).toBe(1)
    room.leave(conn)
    await vi.waitFor(() => expect(rooms.isLoaded('demo:u')).toBe(false))
    expect(hub.subscribers('demo:u')).toBe(0)
  })
})

describe('Rooms without connections', () => {
  it('unloads a room fetched only to write a server change (and its subscription goes with it)', async () => {
    const store = new SqliteDocumentStore(openSqlite(':memory:'))
    const hub = new MemoryHub()
    const rooms = new Rooms(store, { fanout: hub.node('one'), idleUnloadMs: 10 })
    toClose.push(async () => {
      await rooms.closeAll()
      await store.close()
    })
    const room = await rooms.get('demo:lock-only')
    await room.applyServerChange((doc) => doc.getMap('control').set('locked', true))
    await vi.waitFor(() => expect(rooms.isLoaded('demo:lock-only')).toBe(false))
    expect(hub.subscribers('demo:lock-only')).toBe(0)
    expect(await store.logLength('demo:lock-only')).toBe(0) // compacted on unload
    const reloaded = await rooms.get('demo:lock-only')
    expect(reloaded.doc.getMap('control').get('locked')).toBe(true)
  })
})
