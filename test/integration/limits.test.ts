/**
 * Limits from schemas/limits.ts: each breach closes only that connection with its documented code,
 * and is audited.
 */
import * as encoding from 'lib0/encoding'
import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MAX_DOCUMENTS_PER_CONNECTION, MAX_UPDATES_PER_SECOND } from '../../schemas/limits.ts'
import { CloseCode, MessageType, SyncStep } from '../../schemas/protocol.ts'
import { listAudit } from '../../server/db/repos/audit.ts'
import { openClient, openRawSocket, waitFor } from '../support/clients.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

let server: TestServer
afterEach(async () => {
  await server.stop()
})

it(`closes a connection that sends more than ${MAX_UPDATES_PER_SECOND} updates a second`, async () => {
  server = await startTestServer()
  const user = await server.signUp()
  const honest = openClient(server.syncUrl, 'demo:flood', user)
  await honest.whenSynced()
  const raw = await openRawSocket(`${server.syncUrl}/demo:flood`, user)
  const doc = new Y.Doc()
  for (let i = 0; i < MAX_UPDATES_PER_SECOND * 2; i++) {
    const before = Y.encodeStateVector(doc)
    doc.getXmlFragment('item:purpose').insert(0, [new Y.XmlElement('paragraph')])
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, MessageType.Sync)
    encoding.writeVarUint(e, SyncStep.Update)
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, before))
    raw.ws.send(encoding.toUint8Array(e))
  }
  expect((await raw.closed).code).toBe(CloseCode.RateLimited)
  await waitFor(() => honest.connection === 'online')
  const events = await listAudit(server.db, { userId: user.id })
  expect(events.some((e) => e.event === 'limit-breached' && e.detail?.limit === 'updates-per-second')).toBe(true)
  honest.destroy()
})

it(`refuses a session's document number ${MAX_DOCUMENTS_PER_CONNECTION + 1}`, async () => {
  server = await startTestServer()
  const user = await server.signUp()
  const open = []
  for (let i = 0; i < MAX_DOCUMENTS_PER_CONNECTION; i++) {
    const raw = await openRawSocket(`${server.syncUrl}/demo:many${i}`, user)
    await waitFor(() => raw.frames.length > 0)
    open.push(raw)
  }
  const extra = await openRawSocket(`${server.syncUrl}/demo:one-too-many`, user)
  expect((await extra.closed).code).toBe(CloseCode.RateLimited)
  const events = await listAudit(server.db, { userId: user.id })
  expect(events.some((e) => e.event === 'limit-breached' && e.detail?.limit === 'documents-per-session')).toBe(true)
  for (const r of open) r.ws.close()
})
