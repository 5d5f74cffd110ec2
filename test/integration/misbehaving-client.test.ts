/**
 * A client that crafts raw updates it may not send: each is rejected, nothing is stored, other clients
 * see nothing, and the audit trail has the event.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { DocumentSync } from '../../client/collab/document-sync.ts'
import { CloseCode } from '../../schemas/protocol.ts'
import { listAudit } from '../../server/db/repos/audit.ts'
import { openClient, sectionText, typeInto, waitFor } from '../support/clients.ts'
import type { CoreGroupFixture } from '../support/core-group.ts'
import { MisbehavingClient } from '../support/misbehaving-client.ts'
import { startMinutesFixture, type MinutesFixture } from '../support/minutes-fixture.ts'
import type { TestServer } from '../support/server.ts'

let fixture: MinutesFixture
let server: TestServer
let group: CoreGroupFixture
let doc: string
let healthVisitor: DocumentSync
let socialWorker: DocumentSync
const hvSection = () => fixture.hvSection

beforeAll(async () => {
  fixture = await startMinutesFixture()
  ;({ server, group, minutes: doc, healthVisitor, socialWorker } = fixture)
})
afterAll(() => fixture.stop())

async function attempt(craft: (c: MisbehavingClient) => Uint8Array, expected: { section: string; reason: string }) {
  const logBefore = await server.store.logLength(doc)
  const seenBefore = { hv: JSON.stringify(healthVisitor.doc.toJSON()), sw: JSON.stringify(socialWorker.doc.toJSON()) }
  const teacher = await MisbehavingClient.connect(`${server.syncUrl}/${doc}`, group.as.teacher)
  const outcome = await teacher.send(craft(teacher))
  expect(outcome).toMatchObject({ kind: 'rejected', ...expected, closeCode: CloseCode.UpdateRejected })
  // Nothing stored, nothing relayed: a round trip by an honest client proves the others are up to date.
  typeInto(socialWorker.doc, 'item:note-taker', '.')
  await socialWorker.whenSaved()
  await waitFor(() => sectionText(healthVisitor.doc, 'item:note-taker') === sectionText(socialWorker.doc, 'item:note-taker'))
  expect(await server.store.logLength(doc)).toBe(logBefore + 1)
  const strip = (json: string) => JSON.parse(json)[hvSection()]
  expect(healthVisitor.doc.getXmlFragment(hvSection()).toJSON()).toEqual(strip(seenBefore.hv) ?? '')
  const events = await listAudit(server.db, { caseId: group.caseRow.id })
  expect(events[0]).toMatchObject({ event: 'update-rejected', userId: group.people.teacher.user.id, doc, section: expected.section, detail: { reason: expected.reason } })
}

it('rejects an edit to another agency’s update', async () => {
  await attempt((c) => c.insertText(hvSection(), 'The teacher rewrites the health visitor'), { section: hvSection(), reason: 'not-writable' })
  expect(sectionText(healthVisitor.doc, hvSection())).toBe('Weight gain is on track.')
})

it('rejects deleting text in a section it may not write', async () => {
  await attempt((c) => c.deleteAll(hvSection()), { section: hvSection(), reason: 'not-writable' })
  expect(sectionText(socialWorker.doc, hvSection())).toBe('Weight gain is on track.')
})

it('rejects writing to the server-only control map', async () => {
  await attempt((c) => c.writeControl('locked', false), { section: 'control', reason: 'control' })
})

it('rejects a section that does not exist in the document', async () => {
  await attempt((c) => c.insertText('item:made-up-heading', 'x'), { section: 'item:made-up-heading', reason: 'unknown-section' })
})

it('rejects an edit to its own section once the social worker locks it', async () => {
  const own = `update:${group.people.teacher.member.id}`
  const lock = await server.request('POST', `/api/documents/${doc}/locks`, { as: group.as.socialWorker, body: { section: own, locked: true } })
  expect(lock.status).toBe(200)
  await attempt((c) => c.insertText(own, 'after the lock'), { section: own, reason: 'locked' })
  const events = await listAudit(server.db, { caseId: group.caseRow.id })
  expect(events.some((e) => e.event === 'lock' && e.section === own)).toBe(true)
})

it('rejects an update that is not a Yjs update at all, and keeps the document intact', async () => {
  const teacher = await MisbehavingClient.connect(`${server.syncUrl}/${doc}`, group.as.teacher)
  const outcome = await teacher.send(new Uint8Array([9, 9, 9, 9, 9]))
  expect(outcome).toMatchObject({ kind: 'rejected', reason: 'malformed', closeCode: CloseCode.MalformedMessage })
  expect(sectionText(socialWorker.doc, hvSection())).toBe('Weight gain is on track.')
})

it('drops presence that claims to be another user', async () => {
  const teacherSync = openClient(server.syncUrl, doc, group.as.teacher)
  await teacherSync.whenSynced()
  teacherSync.awareness.setLocalStateField('user', { id: group.people.socialWorker.user.id, name: group.people.socialWorker.user.name, color: '#000' })
  teacherSync.awareness.setLocalStateField('section', 'item:note-taker')
  const honest = openClient(server.syncUrl, doc, group.as.healthVisitor)
  await honest.whenSynced()
  honest.awareness.setLocalStateField('user', { id: group.people.healthVisitor.user.id, name: group.people.healthVisitor.user.name, color: '#111' })
  await waitFor(() => [...socialWorker.awareness.getStates().values()].some((s) => (s.user as { id?: string } | undefined)?.id === group.people.healthVisitor.user.id))
  const claimed = [...socialWorker.awareness.getStates().entries()].filter(([id, s]) => id === teacherSync.doc.clientID && s.user)
  expect(claimed).toEqual([])
  teacherSync.destroy()
  honest.destroy()
})
