/**
 * Builders for cases, members and meetings made through the real HTTP API (so every test goes through
 * the same validation as the app): `buildCaseInput(overrides)`, `createCase(server, as, overrides)`, …
 */
import { expect } from 'vitest'
import type { CaseDetailResponse, MemberResponse } from '../../schemas/api/cases.ts'
import type { MeetingResponse } from '../../schemas/api/meetings.ts'
import type { TestServer, TestUser } from './server.ts'

export function buildCaseInput(overrides: Record<string, unknown> = {}) {
  return {
    familyName: 'Smith',
    initialConferenceDate: '2026-03-02',
    children: [{ name: 'Sam Smith', dateOfBirth: '2019-05-01' }],
    ...overrides,
  }
}

export function buildMemberInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Ms A Jones',
    agency: 'Hillside Primary School',
    role: 'professional',
    contact: { address: 'Hill Road, Anytown', phone: '01632 960 001', email: 'a.jones@hillside.sch.uk' },
    sharingSecurely: 'Secure email (Egress) to the school’s safeguarding inbox',
    optedInDate: '2026-03-02',
    ...overrides,
  }
}

export function buildMeetingInput(overrides: Record<string, unknown> = {}) {
  return { time: '10:00', venue: 'Anytown Family Centre', ...overrides }
}

/** Reads a JSON body, failing the test with the body when the status is not the expected one. */
export async function expectStatus<T = unknown>(res: Response, status: number): Promise<T> {
  const body = (await res.json().catch(() => null)) as T
  expect({ status: res.status, body }).toMatchObject({ status })
  return body
}

export async function createCase(server: TestServer, as: TestUser, overrides: Record<string, unknown> = {}): Promise<CaseDetailResponse> {
  return expectStatus<CaseDetailResponse>(await server.request('POST', '/api/cases', { as, body: buildCaseInput(overrides) }), 201)
}

export async function addMember(server: TestServer, as: TestUser, caseId: string, overrides: Record<string, unknown> = {}) {
  const res = await server.request('POST', `/api/cases/${caseId}/members`, { as, body: buildMemberInput(overrides) })
  return (await expectStatus<MemberResponse>(res, 201)).member
}

export async function createMeeting(server: TestServer, as: TestUser, caseId: string, overrides: Record<string, unknown> = {}) {
  const res = await server.request('POST', `/api/cases/${caseId}/meetings`, { as, body: buildMeetingInput(overrides) })
  return (await expectStatus<MeetingResponse>(res, 201)).meeting
}

/** A case whose lead is `lead`, with `others` added as members linked to their accounts. */
export async function caseWithMembers(
  server: TestServer,
  lead: TestUser,
  others: Array<{ user: TestUser; role: string; agency?: string | null }>,
  overrides: Record<string, unknown> = {},
) {
  const detail = await createCase(server, lead, overrides)
  const members = []
  for (const o of others) {
    members.push(await addMember(server, lead, detail.case.id, { name: o.user.name, role: o.role, agency: o.agency === undefined ? 'Anytown Agency' : o.agency, userId: o.user.id, optedInDate: detail.case.initialConferenceDate }))
  }
  return { detail, caseId: detail.case.id, leadMemberId: detail.viewer.memberId!, members }
}
