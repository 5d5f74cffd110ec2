import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocumentSync } from '../../client/collab/document-sync.ts'
import { MAX_FRAME_BYTES } from '../../schemas/limits.ts'
import { CloseCode, MessageType, SyncStep } from '../../schemas/protocol.ts'
import { sandboxRoomName } from '../../server/demo/sandbox.ts'
import { openClient, openRawSocket, sectionText, typeInto, waitFor } from '../support/clients.ts'
import { startTestServer, type TestServer, type TestUser } from '../support/server.ts'

let server: TestServer
let user: TestUser
const clients: DocumentSync[] = []
const open = (name: string) => {
  const c = openClient(server.syncUrl, name, user)
  clients.push(c)
  return c
}

beforeEach(async () => {
  server = await startTestServer()
  user = await server.signUp()
})
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server.stop()
})

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.Sync)
  encoding.writeVarUint(e, step)
  encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

/** A demo document's room: its authority's sandbox room, kept in the sandbox store (issue 9 §8). */
const demoRoom = (name: string) => sandboxRoomName(server.authorityId, name.replace(/^demo:/, ''))

async function storedText(name: string, section: string): Promise<string> {
  const room = demoRoom(name)
  const stored = await server.rooms.storeOf(room).load(room)
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(doc, u)
  return sectionText(doc, section)
}

describe('sync between y-websocket providers', () => {
  it('carries an edit in one section to the other client, and leaves other sections alone', async () => {
    const a = open('demo:one')
    const b = open('demo:one')
    await Promise.all([a.whenSynced(), b.whenSynced()])
    typeInto(a.doc, 'item:purpose', 'Agree the plan')
    await waitFor(() => sectionText(b.doc, 'item:purpose') === 'Agree the plan', 5000, 'edit to reach b')
    expect(sectionText(b.doc, 'item:updates')).toBe('')
  })

  it('acknowledges an update only once it is in the store', async () => {
    const raw = await openRawSocket(`${server.syncUrl}/demo:ack`, user)
    const doc = new Y.Doc()
    typeInto(doc, 'item:purpose', 'Durable words')
    const stateAtAck: string[] = []
    raw.ws.on('message', (data: Buffer) => {
      const frame = new Uint8Array(data)
      if (frame[0] === MessageType.Ack) {
        // Read the store the moment the ack arrives, before anything else can run.
        void storedText('demo:ack', 'item:purpose').then((t) => stateAtAck.push(`${frame[1]}:${t}`))
      }
    })
    raw.ws.send(syncFrame(SyncStep.Update, Y.encodeStateAsUpdate(doc)))
    await waitFor(() => stateAtAck.length === 1, 5000, 'ack')
    expect(stateAtAck).toEqual(['1:Durable words'])
    raw.ws.close()
  })

  it('shows "saving" until the acknowledgement and "saved" after it', async () => {
    const a = open('demo:saving')
    await a.whenSynced()
    await a.whenSaved()
    const states: string[] = []
    a.on('save', (s) => states.push(s))
    typeInto(a.doc, 'item:updates', 'Health visitor update')
    expect(a.save).toBe('saving')
    await a.whenSaved()
    expect(states).toEqual(['saving', 'saved'])
    expect(await storedText('demo:saving', 'item:updates')).toBe('Health visitor update')
  })

  it('gives a client that joins late the whole document', async () => {
    const a = open('demo:late')
    await a.whenSynced()
    typeInto(a.doc, 'item:purpose', 'First')
    typeInto(a.doc, 'item:next-steps', 'Next core group in four weeks')
    await a.whenSaved()
    const late = open('demo:late')
    await late.whenSynced()
    expect(sectionText(late.doc, 'item:purpose')).toBe('First')
    expect(sectionText(late.doc, 'item:next-steps')).toBe('Next core group in four weeks')
  })

  it('reloads an unloaded room from the store with the same content', async () => {
    await server.stop()
    server = await startTestServer({ idleUnloadMs: 50 })
    user = await server.signUp()
    const a = open('demo:unload')
    await a.whenSynced()
    typeInto(a.doc, 'item:purpose', 'Kept across unload')
    await a.whenSaved()
    a.destroy()
    await waitFor(() => !server.rooms.isLoaded(demoRoom('demo:unload')), 5000, 'room unload')
    expect(await server.rooms.storeOf(demoRoom('demo:unload')).logLength(demoRoom('demo:unload'))).toBe(0) // compacted into a snapshot
    const b = open('demo:unload')
    await b.whenSynced()
    expect(sectionText(b.doc, 'item:purpose')).toBe('Kept across unload')
  })

  it('refuses a document name outside the layout with close code UnknownDocument', async () => {
    const raw = await openRawSocket(`${server.syncUrl}/not-a-document`, user)
    expect((await raw.closed).code).toBe(CloseCode.UnknownDocument)
  })
})

describe('bad input closes only the offending connection', () => {
  const cases: Array<[string, (ws: import('ws').WebSocket) => void, number]> = [
    ['a malformed binary frame', (ws) => ws.send(new Uint8Array([0, 2, 200, 1, 2])), CloseCode.MalformedMessage],
    ['an update that is not a Yjs update', (ws) => ws.send(syncFrame(SyncStep.Update, new Uint8Array([255, 255, 255, 1, 7]))), CloseCode.MalformedMessage],
    ['a text frame', (ws) => ws.send('hello'), CloseCode.UnsupportedData],
    ['an unknown message type', (ws) => ws.send(new Uint8Array([42, 0])), CloseCode.UnknownMessageType],
    ['a frame over the size limit', (ws) => ws.send(new Uint8Array(MAX_FRAME_BYTES + 1)), CloseCode.MessageTooBig],
  ]
  for (const [what, send, code] of cases) {
    it(`${what} → close ${code}`, async () => {
      const name = 'demo:bad'
      const a = open(name)
      const b = open(name)
      await Promise.all([a.whenSynced(), b.whenSynced()])
      const raw = await openRawSocket(`${server.syncUrl}/${name}`, user)
      await waitFor(() => raw.frames.length > 0, 5000, 'server hello')
      send(raw.ws)
      expect((await raw.closed).code).toBe(code)
      typeInto(a.doc, 'item:purpose', 'still editing')
      await waitFor(() => sectionText(b.doc, 'item:purpose') === 'still editing', 5000, 'edit after bad frame')
      await a.whenSaved()
      expect(a.connection).toBe('online')
      expect(await storedText(name, 'item:purpose')).toBe('still editing')
    })
  }
})
