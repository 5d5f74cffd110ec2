/**
 * Bounded and fair under abuse (issue 9 §1–4, §8 awareness): every frame kind is metered, each update is
 * bounded before any work proportional to it, held updates are capped, a peer that does not read is
 * closed, junk is not stored, and presence is changed only by its owner. Through real sockets.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { FRAME_RATES, HELD_LIMITS, MAX_AWARENESS_STATE_BYTES, MAX_UPDATES_PER_SECOND, UPDATE_LIMITS } from '../../schemas/limits.ts'
import { CloseCode, MessageType, SyncStep } from '../../schemas/protocol.ts'
import { sandboxRoomName } from '../../server/demo/sandbox.ts'
import { syncMessage } from '../../server/sync/room-messages.ts'
import { encodeUpdate, type Struct } from '../fuzz/forge-encode.ts'
import { openClient, openRawSocket, sectionText, typeInto, waitFor } from '../support/clients.ts'
import { MisbehavingClient } from '../support/misbehaving-client.ts'
import { startTestServer, type TestServer, type TestUser } from '../support/server.ts'

let server: TestServer
let user: TestUser
beforeAll(async () => {
  server = await startTestServer()
  user = await server.signUp()
})
afterAll(() => server.stop())

const SECTION = 'item:purpose'
let docCounter = 0
const freshDoc = () => `demo:bounds${++docCounter}`
/** Where a demo document is kept: its authority's sandbox room, in the sandbox store (issue 9 §8). */
const stored = (name: string) => {
  const room = sandboxRoomName(server.authorityId, name.replace(/^demo:/, ''))
  const store = server.rooms.storeOf(room)
  return { logLength: () => store.logLength(room), append: (update: Uint8Array) => store.append(room, update) }
}

function frame(type: number, ...payload: Array<(e: encoding.Encoder) => void>): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, type)
  for (const write of payload) write(e)
  return encoding.toUint8Array(e)
}
const paragraphAt = (client: number, clock: number): Uint8Array =>
  encodeUpdate({ lists: [{ client, clock, structs: [{ kind: 'item', origin: null, rightOrigin: null, parent: { root: SECTION }, parentSub: null, content: { ref: 'type', type: 'xmlElement', name: 'paragraph' } }] }], ds: [] })

async function send(name: string, update: Uint8Array) {
  const client = await MisbehavingClient.connect(`${server.syncUrl}/${name}`, user)
  const outcome = await client.send(update)
  client.close()
  return outcome
}

describe('one update is bounded before it is decoded', () => {
  it(`refuses more than ${UPDATE_LIMITS.structs} structs, ${UPDATE_LIMITS.structClients} client lists or ${UPDATE_LIMITS.deleteClients} deleting clients with 4413`, async () => {
    const name = freshDoc()
    const gc = (n: number): Struct[] => Array.from({ length: n }, () => ({ kind: 'gc', len: 1 }))
    const many = encodeUpdate({ lists: [{ client: 901, clock: 0, structs: gc(UPDATE_LIMITS.structs + 1) }], ds: [] })
    const lists = encodeUpdate({ lists: Array.from({ length: UPDATE_LIMITS.structClients + 1 }, (_, i) => ({ client: 1000 + i, clock: 0, structs: gc(1) })), ds: [] })
    const ds = encodeUpdate({ lists: [], ds: Array.from({ length: UPDATE_LIMITS.deleteClients + 1 }, (_, i) => ({ client: 1000 + i, ranges: [{ clock: 0, len: 1 }] })) })
    for (const update of [many, lists, ds]) {
      expect(await send(name, update)).toMatchObject({ kind: 'rejected', reason: 'too-large', closeCode: CloseCode.UpdateTooLarge })
    }
    expect(await stored(name).logLength()).toBe(0)
  })

  it('refuses subdocuments before building them, and keeps honest propagation near its unloaded pace', async () => {
    const name = freshDoc()
    const a = openClient(server.syncUrl, name, user)
    const b = openClient(server.syncUrl, name, user)
    await Promise.all([a.whenSynced(), b.whenSynced()])
    const roundTrip = async (text: string) => {
      const started = performance.now()
      typeInto(a.doc, SECTION, text)
      await waitFor(() => sectionText(b.doc, SECTION).includes(text), 10_000, 'the edit to propagate')
      return performance.now() - started
    }
    const baseline: number[] = []
    for (let i = 0; i < 5; i++) baseline.push(await roundTrip(` base${i}`))
    const subdocs: Struct[] = Array.from({ length: 40_000 }, (_, i) => ({ kind: 'item', origin: null, rightOrigin: null, parent: { root: SECTION }, parentSub: null, content: { ref: 'doc', guid: `g${i}`, opts: {} } }))
    const flood = encodeUpdate({ lists: [{ client: 902, clock: 0, structs: subdocs }], ds: [] })
    const attackers = await Promise.all(Array.from({ length: 10 }, () => MisbehavingClient.connect(`${server.syncUrl}/${name}`, user)))
    const verdicts = attackers.map((c) => c.send(flood))
    const loaded: number[] = []
    for (let i = 0; i < 5; i++) loaded.push(await roundTrip(` load${i}`))
    for (const v of await Promise.all(verdicts)) expect(v).toMatchObject({ kind: 'rejected', reason: 'invalid-content' })
    // Measured against the same test's own unloaded pace, with room for a loaded machine: the flood costs
    // a scan of its bytes, not seconds of decoding.
    const worst = Math.max(...loaded)
    expect(worst).toBeLessThan(Math.max(...baseline) * 20 + 1000)
    a.destroy()
    b.destroy()
  })
})

describe('held updates are capped', () => {
  it(`refuses a connection's held updates past ${HELD_LIMITS.updatesPerConnection} updates or ${HELD_LIMITS.bytesPerConnection} bytes with 4413`, async () => {
    const name = freshDoc()
    const raw = await openRawSocket(`${server.syncUrl}/${name}`, user)
    // Each waits for a client the server has never seen (client 77 at clock 0 is never sent).
    const waiting = (i: number) => encodeUpdate({ lists: [{ client: 5000, clock: i, structs: [{ kind: 'item', origin: { client: 77, clock: i }, rightOrigin: null, parent: null, parentSub: null, content: { ref: 'string', text: 'x'.repeat(8000) } }] }], ds: [] })
    let closed: number | null = null
    void raw.closed.then((c) => (closed = c.code))
    for (let i = 0; i < 400 && closed === null; i++) {
      raw.ws.send(frame(MessageType.Sync, (e) => encoding.writeVarUint(e, SyncStep.Update), (e) => encoding.writeVarUint8Array(e, waiting(i))))
      if (i % 50 === 49) await new Promise((r) => setTimeout(r, 300)) // under the update rate
    }
    expect((await raw.closed).code).toBe(CloseCode.UpdateTooLarge)
    expect(await stored(name).logLength()).toBe(0)
  })
})

describe('every frame kind is metered', () => {
  const kinds: Array<{ what: string; rate: number; frame: () => Uint8Array }> = [
    { what: 'updates written with a non-canonical varint type', rate: MAX_UPDATES_PER_SECOND, frame: () => new Uint8Array([0x80, 0x00, 0x82, 0x00, 0x02, 0x00, 0x00]) },
    { what: 'awareness messages', rate: FRAME_RATES.awareness, frame: () => frame(MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, new Uint8Array([0]))) },
    { what: 'awareness queries', rate: FRAME_RATES.queryAwareness, frame: () => frame(MessageType.QueryAwareness) },
    { what: 'sync step 1 messages', rate: FRAME_RATES.syncStep1, frame: () => syncMessage(SyncStep.Step1, new Uint8Array([0])) },
  ]
  for (const kind of kinds) {
    it(`closes a connection that sends more than ${kind.rate} ${kind.what} a second with 4529`, async () => {
      const raw = await openRawSocket(`${server.syncUrl}/${freshDoc()}`, user)
      for (let i = 0; i < kind.rate * 3; i++) raw.ws.send(kind.frame())
      expect((await raw.closed).code).toBe(CloseCode.RateLimited)
    })
  }

  it('closes a socket that does not read what it asked for, with 4508', async () => {
    const name = freshDoc()
    const writer = new Y.Doc()
    typeInto(writer, SECTION, 'x'.repeat(400_000))
    await stored(name).append(Y.encodeStateAsUpdate(writer))
    const raw = await openRawSocket(`${server.syncUrl}/${name}`, user)
    ;(raw.ws as unknown as { _socket: { pause(): void } })._socket.pause()
    let closed = false
    void raw.closed.then(() => (closed = true))
    for (let i = 0; i < 200 && !closed; i++) {
      raw.ws.send(syncMessage(SyncStep.Step1, new Uint8Array([0])))
      await new Promise((r) => setTimeout(r, 1000 / (FRAME_RATES.syncStep1 - 2)))
      if (i === 60) (raw.ws as unknown as { _socket: { resume(): void } })._socket.resume() // to read the close
    }
    expect((await raw.closed).code).toBe(CloseCode.SlowReader)
  }, 60_000)
})

describe('nothing useless is stored', () => {
  it('refuses bytes after the delete set (a V2 update sent as V1), and stores nothing', async () => {
    const name = freshDoc()
    const junk = encodeUpdate({ lists: [], ds: [], trailing: new Uint8Array(1000).fill(7) })
    expect(await send(name, junk)).toMatchObject({ kind: 'rejected', reason: 'malformed', closeCode: CloseCode.MalformedMessage })
    const v2 = new Y.Doc()
    typeInto(v2, SECTION, 'sent as V2')
    expect((await send(name, Y.encodeStateAsUpdateV2(v2))).kind).toBe('rejected')
    expect(await stored(name).logLength()).toBe(0)
  })

  it('acknowledges an empty update, a repeated one and a reconnect’s delete set without appending them', async () => {
    const name = freshDoc()
    const honest = openClient(server.syncUrl, name, user)
    await honest.whenSynced()
    typeInto(honest.doc, SECTION, 'typed then partly deleted')
    await honest.whenSaved()
    const text = honest.doc.getXmlFragment(SECTION).get(0) as Y.XmlElement
    honest.doc.transact(() => (text.get(0) as Y.XmlText).delete(0, 6))
    await honest.whenSaved()
    const logged = await stored(name).logLength()
    expect((await send(name, encodeUpdate({ lists: [], ds: [] }))).kind).toBe('acked')
    expect((await send(name, Y.encodeStateAsUpdate(honest.doc))).kind).toBe('acked')
    honest.destroy()
    const again = openClient(server.syncUrl, name, user)
    await again.whenSynced()
    await again.whenSaved()
    expect(await stored(name).logLength()).toBe(logged)
    again.destroy()
  })
})

describe('presence belongs to its connection', () => {
  it('neither removes another connection’s presence nor relays a state over the size limit', async () => {
    const name = freshDoc()
    const honest = openClient(server.syncUrl, name, user)
    const watcher = openClient(server.syncUrl, name, user)
    await Promise.all([honest.whenSynced(), watcher.whenSynced()])
    honest.awareness.setLocalStateField('user', { id: user.id, name: user.name, color: '#225' })
    await waitFor(() => watcher.awareness.getStates().has(honest.doc.clientID), 5000, 'the presence to arrive')
    const forger = new awarenessProtocol.Awareness(new Y.Doc())
    const removal = (client: number) => {
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint(e, client)
      encoding.writeVarUint(e, 99)
      encoding.writeVarString(e, 'null')
      return encoding.toUint8Array(e)
    }
    const raw = await openRawSocket(`${server.syncUrl}/${name}`, user)
    raw.ws.send(frame(MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, removal(honest.doc.clientID))))
    forger.setLocalState({ user: { id: user.id, name: user.name }, junk: 'x'.repeat(MAX_AWARENESS_STATE_BYTES + 1) })
    raw.ws.send(frame(MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(forger, [forger.clientID]))))
    raw.ws.send(syncMessage(SyncStep.Step1, new Uint8Array([0]))) // a barrier: answered after the two
    await waitFor(() => raw.frames.some((f) => isStep2(f)), 5000, 'the barrier')
    await new Promise((r) => setTimeout(r, 100))
    expect(watcher.awareness.getStates().has(honest.doc.clientID)).toBe(true)
    expect(watcher.awareness.getStates().has(forger.clientID)).toBe(false)
    raw.ws.close()
    honest.destroy()
    watcher.destroy()
  })
})

function isStep2(f: Uint8Array): boolean {
  const d = decoding.createDecoder(f)
  return decoding.readVarUint(d) === MessageType.Sync && decoding.readVarUint(d) === SyncStep.Step2
}
