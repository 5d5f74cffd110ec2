import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetailResponse, MemberListResponse, MemberResponse } from '../../schemas/api/cases.ts'
import type { DashboardResponse } from '../../schemas/api/dashboard.ts'
import type { ApiErrorBody } from '../../schemas/api/errors.ts'
import { CloseCode } from '../../schemas/protocol.ts'
import { listAudit } from '../../server/db/repos/audit.ts'
import { addMember, buildMemberInput, caseWithMembers, createMeeting, expectStatus } from '../support/case-factories.ts'
import { openRawSocket } from '../support/clients.ts'
import { today } from '../support/dates.ts'
import { startTestServer, type TestServer, type TestUser } from '../support/server.ts'

let server: TestServer
let lead: TestUser
let teacher: TestUser
let parent: TestUser
let stranger: TestUser

beforeAll(async () => {
  server = await startTestServer()
  lead = await server.signUp({ name: 'Lee Lead' })
  teacher = await server.signUp({ name: 'Tia Teacher' })
  parent = await server.signUp({ name: 'Pat Parent', accountRole: 'family' })
  stranger = await server.signUp({ name: 'Sid Stranger' })
})
afterAll(() => server.stop())

/** Opens the user's socket to a document and waits until the server has let it in (first frame). */
async function openDocument(doc: string, as: TestUser) {
  const socket = await openRawSocket(`${server.syncUrl}/${doc}`, as)
  const deadline = Date.now() + 5000
  while (socket.frames.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
  expect(socket.frames.length).toBeGreaterThan(0)
  return socket
}

describe('POST /api/cases/:id/members', () => {
  it('adds a row of the membership sheet, with how information will be shared securely', async () => {
    const { caseId } = await caseWithMembers(server, lead, [])
    const member = await addMember(server, lead, caseId)
    expect(member).toMatchObject({ caseId, name: 'Ms A Jones', sharingSecurely: 'Secure email (Egress) to the school’s safeguarding inbox', optedOutDate: null, userId: null })
    const list = await expectStatus<MemberListResponse>(await server.request('GET', `/api/cases/${caseId}/members`, { as: lead }), 200)
    expect(list.members.map((m) => m.id)).toContain(member.id)
    const audit = await listAudit(server.db, { caseId })
    expect(audit.some((e) => e.event === 'member-added' && e.detail?.memberId === member.id)).toBe(true)
  })

  it('rejects bad payloads naming each field', async () => {
    const { caseId } = await caseWithMembers(server, lead, [])
    const res = await server.request('POST', `/api/cases/${caseId}/members`, {
      as: lead,
      body: buildMemberInput({ name: '', role: 'friend', sharingSecurely: undefined, contact: { email: 'nope' }, optedInDate: 'soon' }),
    })
    const body = await expectStatus<ApiErrorBody>(res, 400)
    expect(body.error.fields).toEqual({
      name: 'Enter the member’s name',
      role: 'Select the member’s role in the core group',
      sharingSecurely: 'Enter how information will be shared securely',
      'contact.email': 'Enter an email address in the correct format, like name@example.com',
      optedInDate: 'Date joined must be a date like 2026-03-27',
    })
  })

  it('links a member only to an account of the authority, once', async () => {
    const { caseId } = await caseWithMembers(server, lead, [{ user: teacher, role: 'professional' }])
    const unknown = await expectStatus<ApiErrorBody>(await server.request('POST', `/api/cases/${caseId}/members`, { as: lead, body: buildMemberInput({ userId: 'user_nobody' }) }), 400)
    expect(unknown.error.fields).toEqual({ userId: 'Select an account from your authority' })
    const twice = await expectStatus<ApiErrorBody>(await server.request('POST', `/api/cases/${caseId}/members`, { as: lead, body: buildMemberInput({ userId: teacher.id }) }), 409)
    expect(twice.error.fields).toEqual({ userId: 'This person is already a member of the core group' })
  })

  it('lets only the case’s managers add members', async () => {
    const { caseId } = await caseWithMembers(server, lead, [{ user: parent, role: 'parent-carer', agency: null }])
    await expectStatus(await server.request('POST', `/api/cases/${caseId}/members`, { as: parent, body: buildMemberInput() }), 403)
    await expectStatus(await server.request('POST', `/api/cases/${caseId}/members`, { as: stranger, body: buildMemberInput() }), 404)
    await expectStatus(await server.request('POST', '/api/cases/case_nothere/members', { as: lead, body: buildMemberInput() }), 404)
  })
})

describe('PATCH /api/cases/:id/members/:memberId', () => {
  it('changes a member and names bad fields, including ones that break the whole row', async () => {
    const { caseId, members } = await caseWithMembers(server, lead, [{ user: teacher, role: 'professional' }])
    const path = `/api/cases/${caseId}/members/${members[0]!.id}`
    const ok = await expectStatus<MemberResponse>(await server.request('PATCH', path, { as: lead, body: { sharingSecurely: 'Egress', contact: { phone: '07700 900 982' } } }), 200)
    expect(ok.member).toMatchObject({ sharingSecurely: 'Egress', contact: { phone: '07700 900 982', email: null } })
    const bad = await expectStatus<ApiErrorBody>(await server.request('PATCH', path, { as: lead, body: { sharingSecurely: '', role: 'boss' } }), 400)
    expect(bad.error.fields).toEqual({ sharingSecurely: 'Enter how information will be shared securely', role: 'Select the member’s role in the core group' })
    const early = await expectStatus<ApiErrorBody>(await server.request('PATCH', path, { as: lead, body: { optedOutDate: '2026-01-01' } }), 400)
    expect(early.error.fields).toEqual({ optedOutDate: 'Date left must be on or after the date joined' })
    const agencyless = await expectStatus<ApiErrorBody>(await server.request('PATCH', path, { as: lead, body: { agency: null } }), 400)
    expect(agencyless.error.fields).toEqual({ agency: 'Enter the member’s agency' })
  })

  it('answers 404 for a member that is not in this case', async () => {
    const a = await caseWithMembers(server, lead, [{ user: teacher, role: 'professional' }])
    const b = await caseWithMembers(server, lead, [])
    await expectStatus(await server.request('PATCH', `/api/cases/${b.caseId}/members/${a.members[0]!.id}`, { as: lead, body: { name: 'X' } }), 404)
    await expectStatus(await server.request('PATCH', `/api/cases/${b.caseId}/members/mem_nothere`, { as: lead, body: { name: 'X' } }), 404)
  })

  it('opting a member out keeps their row but takes their access away, closing their open documents', async () => {
    const { caseId, members, leadMemberId } = await caseWithMembers(server, lead, [{ user: teacher, role: 'professional' }])
    const meeting = await createMeeting(server, lead, caseId, { chairMemberId: leadMemberId })
    await expectStatus(await server.request('GET', `/api/cases/${caseId}`, { as: teacher }), 200)
    const socket = await openDocument(`meeting:${meeting.id}`, teacher)

    const out = await expectStatus<MemberResponse>(
      await server.request('PATCH', `/api/cases/${caseId}/members/${members[0]!.id}`, { as: lead, body: { optedOutDate: today() } }),
      200,
    )
    expect(out.member.optedOutDate).toBe(today())
    expect((await socket.closed).code).toBe(CloseCode.Forbidden)

    const gone = await expectStatus<ApiErrorBody>(await server.request('GET', `/api/cases/${caseId}`, { as: teacher }), 403)
    expect(gone.error.message).toMatch(/no longer a member/)
    await expectStatus(await server.request('GET', `/api/meetings/${meeting.id}`, { as: teacher }), 403)
    const dashboard = await expectStatus<DashboardResponse>(await server.request('GET', '/api/dashboard', { as: teacher }), 200)
    expect(dashboard.cases.map((k) => k.id)).not.toContain(caseId)
    // The sheet still lists them, with the date they left.
    const sheet = await expectStatus<CaseDetailResponse>(await server.request('GET', `/api/cases/${caseId}`, { as: lead }), 200)
    expect(sheet.members.find((m) => m.id === members[0]!.id)?.optedOutDate).toBe(today())
    // And a new socket is refused.
    const again = await openRawSocket(`${server.syncUrl}/meeting:${meeting.id}`, teacher).catch(() => null)
    if (again) expect((await again.closed).code).toBe(CloseCode.Forbidden)
    const audit = await listAudit(server.db, { caseId })
    expect(audit.find((e) => e.event === 'member-changed')?.detail).toMatchObject({ memberId: members[0]!.id, optedOutDate: today() })
  })

  it('a role change closes the member’s documents so that they reconnect with their new access', async () => {
    const { caseId, members, leadMemberId } = await caseWithMembers(server, lead, [{ user: teacher, role: 'professional' }])
    const meeting = await createMeeting(server, lead, caseId, { chairMemberId: leadMemberId })
    const socket = await openDocument(`meeting:${meeting.id}`, teacher)
    await expectStatus(await server.request('PATCH', `/api/cases/${caseId}/members/${members[0]!.id}`, { as: lead, body: { role: 'deputy-lead' } }), 200)
    expect((await socket.closed).code).toBe(CloseCode.AccessChanged)
    const audit = await listAudit(server.db, { caseId })
    expect(audit.find((e) => e.event === 'member-changed')?.detail).toMatchObject({ role: 'deputy-lead', previousRole: 'professional' })
  })
})
