/**
 * Finalise, versions, DOCX export and the distribution record (issue 13), through the real server and
 * real sockets: finalising is a barrier (an open socket's edit afterwards is refused), versions are
 * immutable and numbered across reopenings, the DOCX reads back (mammoth and document.xml) with every
 * section, the attendance and the action cells, the family copy never holds the restricted notes, a
 * version's export is the same bytes on every download, and members download only what they were sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentSync } from '../../client/collab/document-sync.ts'
import type { VersionViewResponse } from '../../schemas/api/version-view.ts'
import type { DistributionResponse, FinaliseResponse, VersionListResponse } from '../../schemas/api/versions.ts'
import { CloseCode } from '../../schemas/protocol.ts'
import { listAudit } from '../../server/db/repos/audit.ts'
import { canonicalHash } from '../../server/versions/canonical-hash.ts'
import { docFromState } from '../../server/versions/version-repo.ts'
import { loadStoredDocument } from '../../server/versions/stored-document.ts'
import { versionDocuments } from '../../server/versions/version-repo.ts'
import { openClient, waitFor } from '../support/clients.ts'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { docxHtml, docxParts, docxText } from '../support/docx-read.ts'
import { writeMinutes, writeRestricted, WORDS } from '../support/minutes-content.ts'
import { MisbehavingClient } from '../support/misbehaving-client.ts'
import { startTestServer, type TestServer, type TestUser } from '../support/server.ts'

let server: TestServer
let group: CoreGroupFixture
let minutes: string
let restricted: string
const clients: DocumentSync[] = []

beforeAll(async () => {
  server = await startTestServer()
  group = await seedTestCoreGroup(server)
  minutes = `meeting:${group.meeting.id}`
  restricted = `${minutes}:restricted`
  const lead = openClient(server.syncUrl, minutes, group.as.socialWorker)
  const notes = openClient(server.syncUrl, restricted, group.as.socialWorker)
  clients.push(lead, notes)
  await Promise.all([lead.whenSynced(), notes.whenSynced()])
  writeMinutes(lead.doc, group)
  writeRestricted(notes.doc)
  await Promise.all([lead.whenSaved(), notes.whenSaved()])
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
})

const api = (method: string, path: string, as: TestUser, body?: unknown) => server.request(method, path, { as, body, headers: { origin: server.httpUrl } })
async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text()
  expect(res.status, text.slice(0, 300)).toBe(status)
  return JSON.parse(text) as T
}
async function download(path: string, as: TestUser): Promise<{ bytes: Buffer; name: string }> {
  const res = await api('GET', path, as)
  expect(res.status, await res.clone().text().then((t) => t.slice(0, 200))).toBe(200)
  expect(res.headers.get('content-type')).toContain('wordprocessingml')
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? ''
  return { bytes: Buffer.from(await res.arrayBuffer()), name }
}
/** An edit to the teacher's own update section, over a raw socket opened before any finalise. */
const teacherEdit = (client: MisbehavingClient, words: string) => client.send(client.insertText(`update:${group.people.teacher.member.id}`, words))

describe('finalise', () => {
  let version1: FinaliseResponse['version']

  it('is for the lead social worker or team manager only; others get 403, strangers 404', async () => {
    for (const who of ['teacher', 'parent', 'healthVisitor'] as const) {
      expect((await api('POST', `/api/meetings/${group.meeting.id}/finalise`, group.as[who])).status).toBe(403)
    }
    const stranger = await server.signUp()
    expect((await api('POST', `/api/meetings/${group.meeting.id}/finalise`, stranger)).status).toBe(404)
    expect((await api('GET', `/api/meetings/${group.meeting.id}/versions`, stranger)).status).toBe(404)
  })

  it('locks the minutes and the restricted notes: an open socket\'s edit afterwards is refused', async () => {
    const teacher = await MisbehavingClient.connect(`${server.syncUrl}/${encodeURIComponent(minutes)}`, group.as.teacher)
    expect((await teacherEdit(teacher, 'Before the finalise. ')).kind).toBe('acked')
    const res = await api('POST', `/api/meetings/${group.meeting.id}/finalise`, group.as.socialWorker)
    version1 = (await json<FinaliseResponse>(res, 201)).version
    expect(version1.number).toBe(1)
    expect(version1.documents.map((d) => d.role)).toEqual(['minutes', 'plan', 'restricted'])
    expect(version1.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(await server.store.locks(minutes)).toMatchObject({ locked: true })
    expect(await server.store.locks(restricted)).toMatchObject({ locked: true })
    const refused = await teacherEdit(teacher, 'After the finalise. ')
    expect(refused).toMatchObject({ kind: 'rejected', reason: 'locked', closeCode: CloseCode.UpdateRejected })
    // Every open editor hears it: the lead's client shows the document finalised.
    await waitFor(() => clients[0]!.doc.getMap('control').get('finalisedVersion') === version1.id, 5_000, 'control.finalisedVersion')
    await waitFor(() => clients[1]!.doc.getMap('control').get('finalisedVersion') === version1.id, 5_000, 'restricted finalised')
  })

  it('records each document\'s full state as stored, whose canonical hash is the one recorded', async () => {
    const docs = await versionDocuments(server.db, version1.id, ['minutes', 'restricted', 'plan'])
    for (const d of version1.documents) {
      const stored = docs.get(d.role)!
      expect(canonicalHash(docFromState(stored.state))).toBe(d.sha256)
      // The barrier held: the store has nothing newer of the content than the version.
      expect(canonicalHash((await loadStoredDocument(server.store, stored.doc)).doc)).toBe(d.sha256)
    }
  })

  it('refuses a second finalise of the same draft, and unlocking a finalised document (409)', async () => {
    expect((await api('POST', `/api/meetings/${group.meeting.id}/finalise`, group.as.teamManager)).status).toBe(409)
    expect((await api('POST', `/api/documents/${encodeURIComponent(minutes)}/locks`, group.as.socialWorker, { locked: false })).status).toBe(409)
    expect(await server.store.locks(minutes)).toMatchObject({ locked: true })
  })

  it('lists the version for every member; only managers see the recipients', async () => {
    const list = await json<VersionListResponse>(await api('GET', `/api/meetings/${group.meeting.id}/versions`, group.as.socialWorker), 200)
    expect(list.state).toBe('finalised')
    expect(list.versions.map((v) => v.number)).toEqual([1])
    expect(list.versions[0]!.createdBy.name).toBe(group.people.socialWorker.user.name)
    expect(list.recipients.map((r) => r.memberId).sort()).toEqual(Object.values(group.people).map((p) => p.member.id).sort())
    expect(list.recipients.find((r) => r.memberId === group.people.parent.member.id)).toMatchObject({ copy: 'family', sharingSecurely: 'Paper copy handed over at home visits' })
    const parent = await json<VersionListResponse>(await api('GET', `/api/meetings/${group.meeting.id}/versions`, group.as.parent), 200)
    expect(parent.versions).toHaveLength(1)
    expect(parent.recipients).toEqual([])
  })
})

describe('DOCX export of a version', () => {
  let versionId: string
  let professional: Buffer

  beforeAll(async () => {
    const list = await json<VersionListResponse>(await api('GET', `/api/meetings/${group.meeting.id}/versions`, group.as.socialWorker), 200)
    versionId = list.versions[0]!.id
  })

  it('holds every section, the attendance, the updates and the action table; the professional copy has the restricted notes', async () => {
    const file = await download(`/api/versions/${versionId}/export.docx?copy=professional`, group.as.socialWorker)
    professional = file.bytes
    expect(file.name).toBe(`Brook-core-group-notes-${group.meeting.date}-v1.docx`)
    const text = await docxText(file.bytes)
    expect(text).toContain('Notes of core group meeting')
    expect(text).toMatch(/Held at 10:00 on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ 20\d\d, Meadow Lane Primary School/)
    for (const words of [WORDS.purpose, WORDS.purposeBold, WORDS.purposeList, WORDS.purposeLink, WORDS.childsViews, WORDS.nextMeetings, WORDS.teacherUpdate, WORDS.restricted, 'Role of the core group']) {
      expect(text).toContain(words)
    }
    expect(text).toContain('Before the finalise.')
    expect(text).not.toContain('After the finalise.')
    const html = await docxHtml(file.bytes)
    // Attendance from the register: who attended, and apologies with the written report.
    expect(html).toMatch(/Who attended:[\s\S]*Sam Okafor \(Children’s Social Care\)[\s\S]*Tom Ellis \(Meadow Lane Primary School\)[\s\S]*Apologies:[\s\S]*Hana Novak \(Health Visiting Service\) — written report received/)
    // The three questions before the members' updates.
    expect(text).toContain('What is working well and what is not')
    // The action table's cells, from the plan's rows.
    for (const header of ['Need', 'Desired outcome', 'Action', 'How', 'Who', 'By when', 'Status', 'Progress']) expect(html).toContain(`<th><p><strong>${header}</strong></p></th>`)
    for (const cell of ['Keep the bedtime routine chart agreed with the health visitor', 'Send the social worker Robin’s attendance every Friday', 'Alex Brook', 'in progress', 'Chart started on the fridge.']) {
      expect(html).toContain(`<td><p>${cell}</p></td>`)
    }
    expect(html).toContain('<strong>Alex agreed</strong>')
    expect(html).toContain('<a href="https://example.test/leaflet">leaflet for families</a>')
    const parts = docxParts(file.bytes)
    const header = [...parts.entries()].filter(([n]) => n.startsWith('word/header')).map(([, x]) => x).join('')
    expect(header).toContain('OFFICIAL-SENSITIVE')
    expect(header).toContain('Brook family · Notes of core group meeting · Version 1 · Professional copy')
    expect(header).not.toContain('DRAFT')
  })

  it('the family copy never contains the restricted notes', async () => {
    const file = await download(`/api/versions/${versionId}/export.docx?copy=family`, group.as.socialWorker)
    expect(file.name).toBe(`Brook-core-group-notes-${group.meeting.date}-v1-family.docx`)
    const text = await docxText(file.bytes)
    expect(text).toContain(WORDS.purpose)
    expect(text).not.toContain(WORDS.restricted)
    expect(text).not.toContain('Professionals-only notes')
    for (const [, part] of docxParts(file.bytes)) expect(part).not.toContain('police intelligence')
  })

  it('is the same bytes on every download', async () => {
    const again = await download(`/api/versions/${versionId}/export.docx?copy=professional`, group.as.teamManager)
    expect(Buffer.compare(again.bytes, professional)).toBe(0)
  })

  it('exports the plan (landscape) and the membership sheet', async () => {
    const plan = await download(`/api/versions/${versionId}/export.docx?document=plan`, group.as.socialWorker)
    expect(plan.name).toBe(`Brook-child-protection-plan-${group.meeting.date}-v1.docx`)
    expect(docxParts(plan.bytes).get('word/document.xml')).toContain('w:orient="landscape"')
    expect(await docxText(plan.bytes)).toContain('Refer Alex to the housing options team')
    const sheet = await download(`/api/versions/${versionId}/export.docx?document=membership`, group.as.socialWorker)
    const html = await docxHtml(sheet.bytes)
    expect(html).toContain('How will information be shared securely?')
    expect(html).toContain('NHS mail')
    expect(html).toContain('Egress secure email to the designated safeguarding lead')
    // The Terms of Reference go with the sheet (seed 003): lead, deputy and team manager by name.
    expect(html).toContain('Terms of Reference')
    expect(html).toMatch(/Lead member<\/p><\/td><td[^>]*><p>Sam Okafor, Children’s Social Care/)
    expect(html).toContain('Not agreed yet')
  })

  it('shows the version read-only: a family member gets the family copy and cannot ask for the other', async () => {
    const view = await json<VersionViewResponse>(await api('GET', `/api/versions/${versionId}`, group.as.parent), 200)
    expect(view.notes.copy).toBe('family')
    expect(JSON.stringify(view)).not.toContain(WORDS.restricted)
    expect((await api('GET', `/api/versions/${versionId}?copy=professional`, group.as.parent)).status).toBe(404)
    const pro = await json<VersionViewResponse>(await api('GET', `/api/versions/${versionId}`, group.as.teacher), 200)
    expect(JSON.stringify(pro)).toContain(WORDS.restricted)
  })
})

describe('distribution', () => {
  let versionId: string
  beforeAll(async () => {
    versionId = (await json<VersionListResponse>(await api('GET', `/api/meetings/${group.meeting.id}/versions`, group.as.socialWorker), 200)).versions[0]!.id
  })

  it('records sending to a member, how from their sharing arrangement; only managers record', async () => {
    expect((await api('POST', `/api/versions/${versionId}/distributions`, group.as.teacher, { memberId: group.people.parent.member.id })).status).toBe(403)
    const sent = await json<DistributionResponse>(await api('POST', `/api/versions/${versionId}/distributions`, group.as.socialWorker, { memberId: group.people.parent.member.id }), 201)
    expect(sent.distribution).toMatchObject({ memberId: group.people.parent.member.id, copy: 'family', method: 'Paper copy handed over at home visits', acknowledgedAt: null })
    expect((await api('POST', `/api/versions/${versionId}/distributions`, group.as.socialWorker, { memberId: group.people.parent.member.id })).status).toBe(409)
  })

  it('a member downloads only what they were sent, in their copy, and acknowledges it', async () => {
    // The teacher was not sent this version yet: not there.
    expect((await api('GET', `/api/versions/${versionId}/export.docx`, group.as.teacher)).status).toBe(404)
    expect((await api('POST', `/api/versions/${versionId}/acknowledge`, group.as.teacher)).status).toBe(404)
    expect((await api('GET', `/api/versions/${versionId}/export.docx?copy=professional`, group.as.parent)).status).toBe(404)
    const mine = await download(`/api/versions/${versionId}/export.docx`, group.as.parent)
    expect(mine.name).toMatch(/-v1-family\.docx$/)
    expect(await docxText(mine.bytes)).not.toContain(WORDS.restricted)
    const ack = await json<DistributionResponse>(await api('POST', `/api/versions/${versionId}/acknowledge`, group.as.parent), 200)
    expect(ack.distribution.acknowledgedAt).not.toBeNull()
    expect(ack.distribution.firstDownloadedAt).not.toBeNull()
    const own = await json<VersionListResponse>(await api('GET', `/api/meetings/${group.meeting.id}/versions`, group.as.parent), 200)
    expect(own.distributions.map((d) => d.memberId)).toEqual([group.people.parent.member.id])
  })
})

describe('reopen and version 2', () => {
  it('needs a reason, reopens for a new draft, and the next finalise is version 2; version 1 is unchanged', async () => {
    const list = await json<VersionListResponse>(await api('GET', `/api/meetings/${group.meeting.id}/versions`, group.as.socialWorker), 200)
    const v1 = list.versions[0]!
    const before = await download(`/api/versions/${v1.id}/export.docx?copy=professional`, group.as.socialWorker)
    expect((await api('POST', `/api/meetings/${group.meeting.id}/reopen`, group.as.teacher, { reason: 'A fictional correction' })).status).toBe(403)
    expect((await api('POST', `/api/meetings/${group.meeting.id}/reopen`, group.as.socialWorker, { reason: '  ' })).status).toBe(400)
    expect((await api('POST', `/api/meetings/${group.meeting.id}/reopen`, group.as.socialWorker, { reason: 'The teacher’s update was incomplete' })).status).toBe(201)
    expect((await api('POST', `/api/meetings/${group.meeting.id}/reopen`, group.as.socialWorker, { reason: 'Again' })).status).toBe(409)
    await waitFor(() => clients[0]!.doc.getMap('control').get('finalisedVersion') === undefined, 5_000, 'the draft to reopen')
    expect(await server.store.locks(minutes)).toMatchObject({ locked: false })

    const teacher = await MisbehavingClient.connect(`${server.syncUrl}/${encodeURIComponent(minutes)}`, group.as.teacher)
    expect((await teacherEdit(teacher, 'Added after reopening. ')).kind).toBe('acked')
    const v2 = (await json<FinaliseResponse>(await api('POST', `/api/meetings/${group.meeting.id}/finalise`, group.as.teamManager), 201)).version
    expect(v2.number).toBe(2)
    expect(v2.hash).not.toBe(v1.hash)
    const after = await json<VersionListResponse>(await api('GET', `/api/meetings/${group.meeting.id}/versions`, group.as.socialWorker), 200)
    expect(after.versions.map((v) => [v.number, v.reopened?.reason ?? null])).toEqual([
      [2, null],
      [1, 'The teacher’s update was incomplete'],
    ])
    const again = await download(`/api/versions/${v1.id}/export.docx?copy=professional`, group.as.socialWorker)
    expect(Buffer.compare(again.bytes, before.bytes)).toBe(0)
    const v2file = await download(`/api/versions/${v2.id}/export.docx`, group.as.socialWorker)
    expect(v2file.name).toBe(`Brook-core-group-notes-${group.meeting.date}-v2.docx`)
    expect(await docxText(v2file.bytes)).toContain('Added after reopening.')
  })
})

describe('live draft export', () => {
  it('is for managers, marked DRAFT on every page', async () => {
    expect((await api('GET', `/api/meetings/${group.meeting.id}/export.docx`, group.as.teacher)).status).toBe(403)
    const file = await download(`/api/meetings/${group.meeting.id}/export.docx?copy=family`, group.as.socialWorker)
    expect(file.name).toBe(`Brook-core-group-notes-${group.meeting.date}-DRAFT-family.docx`)
    const parts = docxParts(file.bytes)
    const header = [...parts.entries()].filter(([n]) => n.startsWith('word/header')).map(([, x]) => x).join('')
    const footer = [...parts.entries()].filter(([n]) => n.startsWith('word/footer')).map(([, x]) => x).join('')
    expect(header).toContain('DRAFT')
    expect(footer).toContain('DRAFT')
    expect(await docxText(file.bytes)).not.toContain(WORDS.restricted)
  })
})

describe('audit', () => {
  it('records finalise, reopen, export, download, distribution and acknowledgement with ids only', async () => {
    const events = await listAudit(server.db, { caseId: group.caseRow.id })
    const names = new Set(events.map((e) => e.event))
    for (const e of ['finalise', 'reopen', 'export', 'download', 'distribution-recorded', 'acknowledged']) expect(names, e).toContain(e)
    const all = JSON.stringify(events)
    for (const words of Object.values(WORDS)) expect(all).not.toContain(words)
    expect(all).not.toContain('The teacher’s update was incomplete')
  })
})
