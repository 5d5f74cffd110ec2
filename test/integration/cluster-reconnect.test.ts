/**
 * A client that reconnects — to another server of the cluster after its own died, or to the same one —
 * while its user types: a keystroke can reach the server before the sync step 2 that carries the
 * history it builds on. Both must be accepted and acknowledged.
 */
import * as encoding from 'lib0/encoding'
import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MessageType, SyncStep } from '../../schemas/protocol.ts'
import { sandboxRoomName } from '../../server/demo/sandbox.ts'
import { openRawSocket, sectionText, typeInto, waitFor } from '../support/clients.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

let server: TestServer | null = null
afterEach(async () => {
  await server?.stop()
  server = null
})

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.Sync)
  encoding.writeVarUint(e, step)
  encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

it('acknowledges an update sent before the sync step 2 that carries what it depends on', async () => {
  server = await startTestServer()
  const user = await server.signUp()
  const raw = await openRawSocket(`${server.syncUrl}/demo:reconnect`, user)
  const acks: number[] = []
  raw.ws.on('message', (d: Buffer) => {
    if (d[0] === MessageType.Ack) acks.push(d[1]!)
  })
  const doc = new Y.Doc()
  typeInto(doc, 'item:purpose', 'typed elsewhere;')
  const before = Y.encodeStateVector(doc)
  typeInto(doc, 'item:purpose', 'typed while reconnecting;')
  raw.ws.send(syncFrame(SyncStep.Update, Y.encodeStateAsUpdate(doc, before)))
  raw.ws.send(syncFrame(SyncStep.Step2, Y.encodeStateAsUpdate(doc)))
  await waitFor(() => acks.includes(2), 5_000, 'both updates to be acknowledged')
  raw.ws.close()
  const room = sandboxRoomName(server.authorityId, 'reconnect')
  const stored = await server.rooms.storeOf(room).load(room)
  const check = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(check, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(check, u)
  expect(sectionText(check, 'item:purpose')).toBe('typed elsewhere;typed while reconnecting;')
})
