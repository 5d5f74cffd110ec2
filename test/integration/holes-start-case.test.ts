/**
 * Issue 9, "smaller holes": only the authority's staff start cases. A family account used to open a
 * case, become its lead social worker and add staff to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetailResponse } from '../../schemas/api/cases.ts'
import type { ApiErrorBody } from '../../schemas/api/errors.ts'
import { buildCaseInput, expectStatus } from '../support/case-factories.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.stop())

const casesOf = async () => (await server.db.selectFrom('cases').select('id').execute()).length

describe('POST /api/cases', () => {
  it('refuses a family account with 403 in the API’s error shape, and writes nothing', async () => {
    const parent = await server.signUp({ name: 'Pat Parent', accountRole: 'family' })
    const before = await casesOf()
    const res = await server.request('POST', '/api/cases', { as: parent, body: buildCaseInput({ familyName: 'Parent-made' }) })
    const body = await expectStatus<ApiErrorBody>(res, 403)
    expect(body).toEqual({ error: { code: 'forbidden', message: 'Only social care staff can start a case' } })
    expect(await casesOf()).toBe(before)
    const members = await server.db.selectFrom('members').select('id').where('user_id', '=', parent.id).execute()
    expect(members).toEqual([])
  })

  it('refuses a family account even with a body that would not validate (the rule comes first)', async () => {
    const parent = await server.signUp({ accountRole: 'family' })
    await expectStatus(await server.request('POST', '/api/cases', { as: parent, body: { colour: 'red' } }), 403)
  })

  it('opens the case for a social care staff account (201), who becomes its lead social worker', async () => {
    const staff = await server.signUp({ name: 'Sam Social', accountRole: 'staff' })
    const detail = await expectStatus<CaseDetailResponse>(await server.request('POST', '/api/cases', { as: staff, body: buildCaseInput() }), 201)
    expect(detail.members[0]).toMatchObject({ userId: staff.id, role: 'lead-social-worker' })
  })
})
