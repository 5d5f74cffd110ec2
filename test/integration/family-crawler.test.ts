/**
 * The crawler (issue 14): signed in as the parent, walk every API path and open every document a
 * parent can reach — following the ids the answers give, as a curious parent (or someone holding their
 * phone) would — and check that nothing restricted ever arrives: no professionals-only notes, no
 * passage of a professionals-only contribution, no staff-only list of accounts, and no other family
 * member's withheld contact details, in any answer, any socket frame, or any DOCX the parent may
 * download. The case is seeded with marked text (needles) in each of those places first, and the crawl
 * also checks that the parent does receive what is theirs, so a crawl that reached nothing fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetailResponse } from '../../schemas/api/cases.ts'
import type { MeetingDetailResponse } from '../../schemas/api/meetings.ts'
import type { VersionListResponse } from '../../schemas/api/versions.ts'
import { WITHHELD_SHARING } from '../../schemas/family/contact-sharing.ts'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { CloseCode, MessageType, SyncStep } from '../../schemas/protocol.ts'
import { openRawSocket, waitFor } from '../support/clients.ts'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { docxText } from '../support/docx-read.ts'
import { MisbehavingClient } from '../support/misbehaving-client.ts'
import { startTestServer, type TestServer, type TestUser } from '../support/server.ts'

/** Text that must never reach the parent, by where it was put. */
const NEEDLES = {
  restrictedNotes: 'NEEDLE restricted notes: police intelligence about the household',
  professionalsOnly: 'NEEDLE professionals-only contribution about the other parent',
  withheldAddress: 'NEEDLE 12 Refuge Road, Somewhere',
  withheldPhone: '07700 900999',
  withheldEmail: 'needle.other.parent@family.test',
  withheldSharing: 'NEEDLE post to the refuge address only',
  staffOnlyEmail: 'needle.staff.only@authority.test',
}
/** Text the parent must receive: proof the crawl reached the copies it was allowed. */
const SHARED_PASSAGE = 'Shared passage: Robin is settled in class'

let server: TestServer
let group: CoreGroupFixture
let otherParentId: string
let versionId: string

const api = (method: string, path: string, as: TestUser, body?: unknown) => server.request(method, path, { as, body, headers: { origin: server.httpUrl } })
async function ok<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text()
  expect(res.status, text.slice(0, 300)).toBe(status)
  return JSON.parse(text) as T
}
async function write(doc: string, as: TestUser, section: string, text: string): Promise<void> {
  const client = await MisbehavingClient.connect(`${server.syncUrl}/${encodeURIComponent(doc)}`, as)
  expect(await client.send(client.insertText(section, text))).toMatchObject({ kind: 'acked' })
}

beforeAll(async () => {
  server = await startTestServer()
  group = await seedTestCoreGroup(server)
  const sw = group.as.socialWorker
  const caseId = group.caseRow.id

  // A staff account outside the group, and another parent (living apart) whose contact details are withheld.
  await server.signUp({ name: 'Needle Staff', email: NEEDLES.staffOnlyEmail, accountRole: 'staff' })
  const other = await server.signUp({ name: 'Jordan Brook', email: NEEDLES.withheldEmail, accountRole: 'family' })
  const added = await ok<{ member: { id: string } }>(
    await api('POST', `/api/cases/${caseId}/members`, sw, {
      name: 'Jordan Brook',
      role: 'parent-carer',
      contact: { address: NEEDLES.withheldAddress, phone: NEEDLES.withheldPhone, email: NEEDLES.withheldEmail },
      sharingSecurely: NEEDLES.withheldSharing,
      optedInDate: group.caseRow.initialConferenceDate,
      userId: other.id,
    }),
    201,
  )
  otherParentId = added.member.id

  // Professionals-only notes of the first meeting, then the meeting finalised and sent to the parent.
  await write(`meeting:${group.meeting.id}:restricted`, sw, 'notes', NEEDLES.restrictedNotes)
  await write(`meeting:${group.meeting.id}`, sw, 'item:purpose-and-role', 'We met to talk about the plan')
  versionId = (await ok<{ version: { id: string } }>(await api('POST', `/api/meetings/${group.meeting.id}/finalise`, sw), 201)).version.id
  await ok(await api('POST', `/api/versions/${versionId}/distributions`, sw, { memberId: group.people.parent.member.id }), 201)

  // The joint report: one professionals-only contribution and one shared, merged, then shared with the family.
  const report = `report:${group.preReview.id}`
  const hv = group.people.healthVisitor.member.id
  const teacher = group.people.teacher.member.id
  await write(report, group.as.healthVisitor, `contrib:${hv}:analysis`, NEEDLES.professionalsOnly)
  await ok(await api('POST', `/api/reports/${group.preReview.id}/contributions/${hv}/submit`, group.as.healthVisitor, { professionalsOnly: true }))
  await write(report, group.as.teacher, `contrib:${teacher}:analysis`, SHARED_PASSAGE)
  await ok(await api('POST', `/api/reports/${group.preReview.id}/contributions/${teacher}/submit`, group.as.teacher, {}))
  await ok(await api('POST', `/api/reports/${group.preReview.id}/merge`, sw, {}))
  await ok(await api('POST', `/api/reports/${group.preReview.id}/share`, sw, { shared: true }))
})
afterAll(async () => {
  await server.stop()
})

/** Everything the parent received, as text, with where it came from. */
const received: Array<{ where: string; text: string }> = []

function expectNoNeedle(): void {
  for (const { where, text } of received) {
    for (const [kind, needle] of Object.entries(NEEDLES)) {
      expect(text.includes(needle), `${kind} arrived in ${where}`).toBe(false)
    }
  }
}

/** GETs `path` as the parent, keeps what arrived, and returns the status and JSON (or DOCX text). */
async function crawlGet(path: string): Promise<{ status: number; body: unknown }> {
  const res = await api('GET', path, group.as.parent)
  const type = res.headers.get('content-type') ?? ''
  if (type.includes('wordprocessingml')) {
    const text = await docxText(Buffer.from(await res.arrayBuffer()))
    received.push({ where: `GET ${path}`, text })
    return { status: res.status, body: null }
  }
  const text = await res.text()
  received.push({ where: `GET ${path}`, text })
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null }
}

/**
 * Opens `doc` as the parent over a raw socket, asks for the whole document (sync step 1 with an empty
 * state vector) and keeps every frame as UTF-8 (Yjs writes strings as UTF-8). Returns the close code
 * if the server refused it, else null.
 */
async function crawlSocket(doc: string): Promise<number | null> {
  const raw = await openRawSocket(`${server.syncUrl}/${encodeURIComponent(doc)}`, group.as.parent)
  let code: number | null = null
  void raw.closed.then((c) => (code = c.code))
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.Sync)
  encoding.writeVarUint(e, SyncStep.Step1)
  encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()))
  if (raw.ws.readyState === raw.ws.OPEN) raw.ws.send(encoding.toUint8Array(e))
  const step2 = () =>
    raw.frames.some((f) => {
      const d = decoding.createDecoder(f)
      return decoding.readVarUint(d) === MessageType.Sync && decoding.readVarUint(d) === SyncStep.Step2
    })
  await waitFor(() => code !== null || step2(), 5000, `${doc} to answer`)
  received.push({ where: `socket ${doc}`, text: Buffer.concat(raw.frames.map((f) => Buffer.from(f))).toString('utf8') })
  const refused = code
  raw.ws.close()
  return refused
}

describe('the parent’s crawl', () => {
  it('walks every page of the API the parent can reach and never receives restricted text', async () => {
    const caseId = group.caseRow.id
    const paths = ['/api/session', '/api/dashboard', '/api/cases', '/api/settings', `/api/cases/${caseId}`, `/api/cases/${caseId}/members`, `/api/cases/${caseId}/meetings`, `/api/cases/${caseId}/plan/history`, `/api/cases/${caseId}/conferences`]
    const statuses = new Map<string, number>()
    for (const p of paths) statuses.set(p, (await crawlGet(p)).status)
    for (const p of paths) expect(statuses.get(p), p).toBe(200)

    const detail = (await crawlGet(`/api/cases/${caseId}`)).body as CaseDetailResponse
    for (const meeting of detail.meetings) {
      const m = await crawlGet(`/api/meetings/${meeting.id}`)
      expect(m.status).toBe(200)
      const md = m.body as MeetingDetailResponse
      // The parent is told of no professionals' documents.
      expect(md.documents.restricted).toBeNull()
      expect(md.documents.report).toBeNull()
      await crawlGet(`/api/meetings/${meeting.id}/next-meetings`)
      const versions = await crawlGet(`/api/meetings/${meeting.id}/versions`)
      expect(versions.status).toBe(200)
      for (const v of (versions.body as VersionListResponse).versions) {
        expect((await crawlGet(`/api/versions/${v.id}`)).status).toBe(200)
        for (const document of ['notes', 'plan', 'membership']) await crawlGet(`/api/versions/${v.id}/export.docx?document=${document}`)
        expect((await crawlGet(`/api/versions/${v.id}?copy=professional`)).status).toBe(404)
        expect((await crawlGet(`/api/versions/${v.id}/export.docx?copy=professional`)).status).toBe(404)
      }
      await crawlGet(`/api/reports/${meeting.id}`)
    }
    expect((await crawlGet(`/api/reports/${group.preReview.id}`)).status).toBe(200)
    expectNoNeedle()

    // What is theirs did arrive: the shared copy's version and the professionals' work contacts.
    const all = received.map((r) => r.text).join('\n')
    expect(all).toContain(group.people.teacher.user.email)
    expect(all).toContain(WITHHELD_SHARING)
    expect(all).toContain('We met to talk about the plan')
  })

  it('is refused every staff-only page of the API', async () => {
    const caseId = group.caseRow.id
    expect((await crawlGet('/api/users')).status).toBe(403)
    expect((await crawlGet(`/api/cases/${caseId}/audit`)).status).toBe(403)
    expect((await crawlGet(`/api/meetings/${group.meeting.id}/export.docx`)).status).toBe(403)
    expect((await crawlGet(`/api/meetings/${group.meeting.id}/export.docx?copy=family`)).status).toBe(403)
    expectNoNeedle()
  })

  it('opens every document the parent may read, and is refused the professionals’ ones before any content', async () => {
    const readable = [`meeting:${group.meeting.id}`, `meeting:${group.preReview.id}`, `plan:${group.caseRow.id}`, `report:${group.preReview.id}:family`]
    for (const doc of readable) expect(await crawlSocket(doc), doc).toBeNull()
    const refused = [`meeting:${group.meeting.id}:restricted`, `meeting:${group.preReview.id}:restricted`, `report:${group.preReview.id}`]
    for (const doc of refused) expect(await crawlSocket(doc), doc).toBe(CloseCode.Forbidden)
    expectNoNeedle()
    expect(received.find((r) => r.where === `socket report:${group.preReview.id}:family`)?.text).toContain(SHARED_PASSAGE)
  })

  it('gets another family member’s row without their contact details, and the professionals’ rows whole', async () => {
    const { body } = await crawlGet(`/api/cases/${group.caseRow.id}/members`)
    const members = (body as CaseDetailResponse).members
    expect(members.find((m) => m.id === otherParentId)).toMatchObject({ name: 'Jordan Brook', contact: { address: null, phone: null, email: null }, sharingSecurely: WITHHELD_SHARING })
    expect(members.find((m) => m.id === group.people.parent.member.id)?.contact.email).toBe(group.people.parent.user.email)
    expect(members.find((m) => m.id === group.people.teacher.member.id)?.contact.email).toBe(group.people.teacher.user.email)
    // The social worker still sees the whole sheet.
    const lead = await ok<CaseDetailResponse>(await api('GET', `/api/cases/${group.caseRow.id}/members`, group.as.socialWorker))
    expect(lead.members.find((m) => m.id === otherParentId)?.contact.address).toBe(NEEDLES.withheldAddress)
  })

  it('cannot do what only staff do', async () => {
    const parent = group.as.parent
    const caseId = group.caseRow.id
    const refusals: Array<[string, string, unknown]> = [
      ['POST', '/api/cases', { familyName: 'Made up', initialConferenceDate: '2026-12-01', children: [{ name: 'A Child', dateOfBirth: '2020-01-01' }] }],
      ['POST', '/api/invitations', { email: 'x@example.test', name: 'X', accountRole: 'staff' }],
      ['PATCH', '/api/settings', { name: 'Renamed' }],
      ['PATCH', `/api/cases/${caseId}`, { familyName: 'Renamed' }],
      ['POST', `/api/cases/${caseId}/members`, { name: 'X', role: 'professional', agency: 'Y', sharingSecurely: 'Z', optedInDate: '2026-12-01' }],
      ['POST', `/api/documents/${encodeURIComponent(`meeting:${group.meeting.id}`)}/locks`, { locked: true }],
      ['POST', `/api/meetings/${group.meeting.id}/reopen`, { reason: 'Because' }],
      ['POST', `/api/reports/${group.preReview.id}/share`, { shared: false }],
    ]
    for (const [method, path, body] of refusals) {
      const res = await api(method, path, parent, body)
      expect(res.status, `${method} ${path}`).toBe(403)
    }
  })
})
