import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_LEAD_SHARING_SECURELY, type CaseDetailResponse, type CaseListResponse } from '../../schemas/api/cases.ts'
import type { ApiErrorBody } from '../../schemas/api/errors.ts'
import { addDays } from '../support/dates.ts'
import { buildCaseInput, caseWithMembers, createCase, expectStatus } from '../support/case-factories.ts'
import { startTestServer, type TestServer, type TestUser } from '../support/server.ts'

let server: TestServer
let lead: TestUser
let parent: TestUser
let stranger: TestUser
let admin: TestUser

beforeAll(async () => {
  server = await startTestServer()
  lead = await server.signUp({ name: 'Lee Lead' })
  parent = await server.signUp({ name: 'Pat Parent', accountRole: 'family' })
  stranger = await server.signUp({ name: 'Sid Stranger' })
  admin = await server.signUp({ name: 'Ada Admin', accountRole: 'administrator' })
})
afterAll(() => server.stop())

describe('POST /api/cases', () => {
  it('opens a case with the creator as its lead social worker', async () => {
    const detail = await createCase(server, lead, { familyName: '  Patel ' })
    expect(detail.case).toMatchObject({ familyName: 'Patel', status: 'open', planEndedDate: null })
    expect(detail.members).toHaveLength(1)
    expect(detail.members[0]).toMatchObject({
      name: 'Lee Lead',
      role: 'lead-social-worker',
      userId: lead.id,
      agency: 'Children’s Social Care',
      sharingSecurely: DEFAULT_LEAD_SHARING_SECURELY,
      contact: { email: lead.email },
    })
    expect(detail.viewer).toEqual({ memberId: detail.members[0]!.id, role: 'lead-social-worker', canManage: true })
    expect(detail.proposal).toMatchObject({ type: 'first' })
    expect(detail.dueItems.map((i) => i.key)).toContain('first-core-group')
  })

  it('keeps the lead’s own answer to how information is shared securely', async () => {
    const detail = await createCase(server, lead, { sharingSecurely: 'Egress to the team inbox', agency: 'Anytown Children’s Services' })
    expect(detail.members[0]).toMatchObject({ sharingSecurely: 'Egress to the team inbox', agency: 'Anytown Children’s Services' })
  })

  it('rejects a bad payload naming each field', async () => {
    const res = await server.request('POST', '/api/cases', { as: lead, body: { children: [{ name: '', dateOfBirth: '2026-02-30' }], sharingSecurely: ' ', colour: 'red' } })
    const body = await expectStatus<ApiErrorBody>(res, 400)
    expect(body.error.code).toBe('validation-failed')
    expect(body.error.fields).toEqual({
      familyName: 'Enter the family name',
      initialConferenceDate: 'Enter the date of the initial conference',
      'children.0.name': 'Enter the child’s name',
      'children.0.dateOfBirth': 'Date of birth must be a real date',
      sharingSecurely: 'Enter how information will be shared securely',
      colour: 'This field is not recognised',
    })
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|stack/i)
  })

  it('rejects a body that is not JSON, and anyone signed out', async () => {
    const notJson = await server.request('POST', '/api/cases', { as: lead, body: '{nope', headers: { 'content-type': 'application/json' } })
    expect((await expectStatus<ApiErrorBody>(notJson, 400)).error.message).toMatch(/valid JSON/)
    await expectStatus(await server.request('POST', '/api/cases', { body: buildCaseInput() }), 401)
    await expectStatus(await server.request('GET', '/api/cases'), 401)
  })
})

describe('reading cases', () => {
  it('lists the cases a user is a current member of; administrators see every case of the authority', async () => {
    const { caseId } = await caseWithMembers(server, lead, [{ user: parent, role: 'parent-carer', agency: null }], { familyName: 'Listed' })
    const ids = async (as: TestUser) => (await expectStatus<CaseListResponse>(await server.request('GET', '/api/cases', { as }), 200)).cases.map((k) => k.id)
    expect(await ids(lead)).toContain(caseId)
    expect(await ids(parent)).toContain(caseId)
    expect(await ids(stranger)).not.toContain(caseId)
    expect(await ids(admin)).toContain(caseId)
    const forParent = (await expectStatus<CaseListResponse>(await server.request('GET', '/api/cases', { as: parent }), 200)).cases.find((k) => k.id === caseId)
    expect(forParent).toMatchObject({ familyName: 'Listed', viewerRole: 'parent-carer', childCount: 1 })
  })

  it('shows a case to its members and administrators, and to nobody else (404, so ids do not leak)', async () => {
    const { caseId } = await caseWithMembers(server, lead, [{ user: parent, role: 'parent-carer', agency: null }])
    const asParent = await expectStatus<CaseDetailResponse>(await server.request('GET', `/api/cases/${caseId}`, { as: parent }), 200)
    expect(asParent.viewer).toMatchObject({ role: 'parent-carer', canManage: false })
    const asAdmin = await expectStatus<CaseDetailResponse>(await server.request('GET', `/api/cases/${caseId}`, { as: admin }), 200)
    expect(asAdmin.viewer).toEqual({ memberId: null, role: null, canManage: true })
    const hidden = await expectStatus<ApiErrorBody>(await server.request('GET', `/api/cases/${caseId}`, { as: stranger }), 404)
    expect(hidden.error).toEqual({ code: 'not-found', message: 'Case not found' })
    for (const path of [`/api/cases/${caseId}/members`, `/api/cases/${caseId}/meetings`]) {
      await expectStatus(await server.request('GET', path, { as: stranger }), 404)
    }
  })

  it('answers 404 for unknown and impossible ids', async () => {
    for (const path of ['/api/cases/case_nothere', '/api/cases/not%20an%20id', '/api/cases/case_nothere/members', '/api/cases/case_nothere/meetings']) {
      await expectStatus(await server.request('GET', path, { as: lead }), 404)
    }
    await expectStatus(await server.request('PATCH', '/api/cases/case_nothere', { as: lead, body: { familyName: 'X' } }), 404)
  })
})

describe('PATCH /api/cases/:id', () => {
  it('lets the lead social worker change the case, and nobody else who is not its manager', async () => {
    const { caseId } = await caseWithMembers(server, lead, [{ user: parent, role: 'parent-carer', agency: null }])
    const changed = await expectStatus<CaseDetailResponse>(
      await server.request('PATCH', `/api/cases/${caseId}`, { as: lead, body: { familyName: 'Smith-Jones', reviewConferenceDates: ['2026-05-28'] } }),
      200,
    )
    expect(changed.case).toMatchObject({ familyName: 'Smith-Jones', reviewConferenceDates: ['2026-05-28'] })
    const refused = await expectStatus<ApiErrorBody>(await server.request('PATCH', `/api/cases/${caseId}`, { as: parent, body: { familyName: 'Mine' } }), 403)
    expect(refused.error.code).toBe('forbidden')
    await expectStatus(await server.request('PATCH', `/api/cases/${caseId}`, { as: stranger, body: { familyName: 'Mine' } }), 404)
    await expectStatus(await server.request('PATCH', `/api/cases/${caseId}`, { as: admin, body: { familyName: 'Smith' } }), 200)
  })

  it('names each bad field, including ones that only break the whole case', async () => {
    const { caseId } = await caseWithMembers(server, lead, [])
    const bad = await expectStatus<ApiErrorBody>(await server.request('PATCH', `/api/cases/${caseId}`, { as: lead, body: { status: 'closed', children: [] } }), 400)
    expect(bad.error.fields).toEqual({ status: 'Select open or plan ended', children: 'Add at least one child' })
    const merged = await expectStatus<ApiErrorBody>(
      await server.request('PATCH', `/api/cases/${caseId}`, { as: lead, body: { status: 'plan-ended', planEndedDate: addDays('2026-03-02', -1) } }),
      400,
    )
    expect(merged.error.fields).toEqual({ planEndedDate: 'Date the plan ended must be on or after the initial conference' })
    const ended = await expectStatus<CaseDetailResponse>(
      await server.request('PATCH', `/api/cases/${caseId}`, { as: lead, body: { status: 'plan-ended', planEndedDate: '2026-06-01' } }),
      200,
    )
    expect(ended.proposal).toBeNull()
    const reopened = await expectStatus<CaseDetailResponse>(await server.request('PATCH', `/api/cases/${caseId}`, { as: lead, body: { status: 'open' } }), 200)
    expect(reopened.case.planEndedDate).toBeNull()
  })
})
