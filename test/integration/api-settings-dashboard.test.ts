import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DashboardResponse } from '../../schemas/api/dashboard.ts'
import type { ApiErrorBody } from '../../schemas/api/errors.ts'
import type { SettingsResponse } from '../../schemas/api/settings.ts'
import type { UserListResponse } from '../../schemas/api/users.ts'
import { DEFAULT_TIMESCALE_SETTINGS, TIMESCALE_VARIANTS } from '../../schemas/timescales/index.ts'
import { caseWithMembers, createMeeting, expectStatus } from '../support/case-factories.ts'
import { addDays, today } from '../support/dates.ts'
import { startTestServer, type TestServer, type TestUser } from '../support/server.ts'

let server: TestServer
let lead: TestUser
let parent: TestUser
let admin: TestUser

beforeAll(async () => {
  server = await startTestServer()
  lead = await server.signUp({ name: 'Lee Lead' })
  parent = await server.signUp({ name: 'Pat Parent', accountRole: 'family' })
  admin = await server.signUp({ name: 'Ada Admin', accountRole: 'administrator' })
})
afterAll(() => server.stop())

describe('/api/settings', () => {
  it('shows the authority’s settings and the variants to choose from', async () => {
    const body = await expectStatus<SettingsResponse>(await server.request('GET', '/api/settings', { as: lead }), 200)
    expect(body.settings).toEqual(DEFAULT_TIMESCALE_SETTINGS)
    expect(body.authority.agendaVariant).toBe('seed-004')
    expect(body.timescaleVariants.map((v) => v.id)).toEqual(TIMESCALE_VARIANTS.map((v) => v.id))
    expect(body.agendaVariants.map((v) => v.id)).toEqual(['seed-004', 'seed-001'])
  })

  it('lets only administrators change them, naming each bad field', async () => {
    const change = { settings: { notesDistribution: { value: 10, unit: 'working-days' } } }
    await expectStatus(await server.request('PATCH', '/api/settings', { as: lead, body: change }), 403)
    const bad = await expectStatus<ApiErrorBody>(
      await server.request('PATCH', '/api/settings', { as: admin, body: { agendaVariant: 'mine', settings: { coreGroupInterval: { value: 1.5, unit: 'fortnights' } } } }),
      400,
    )
    expect(bad.error.fields).toEqual({
      agendaVariant: 'Select an agenda',
      'settings.coreGroupInterval.value': 'Enter a whole number',
      'settings.coreGroupInterval.unit': 'Select working days, calendar days, weeks or months',
    })
    const ok = await expectStatus<SettingsResponse>(await server.request('PATCH', '/api/settings', { as: admin, body: { ...change, agendaVariant: 'seed-001' } }), 200)
    expect(ok.settings.notesDistribution).toEqual({ value: 10, unit: 'working-days' })
    expect(ok.settings.coreGroupInterval).toEqual(DEFAULT_TIMESCALE_SETTINGS.coreGroupInterval)
    expect(ok.authority.agendaVariant).toBe('seed-001')
    // Put it back for the other tests of this file.
    await expectStatus(await server.request('PATCH', '/api/settings', { as: admin, body: { agendaVariant: 'seed-004', settings: { notesDistribution: { value: 5, unit: 'working-days' } } } }), 200)
  })
})

describe('switched-off rules, a case’s own interval and Northern Ireland', () => {
  it('a switched-off rule leaves the case with no due item for it; switching it on brings it back', async () => {
    const { caseId } = await caseWithMembers(server, lead, [], { familyName: 'Switch', initialConferenceDate: addDays(today(), -60) })
    const meeting = await createMeeting(server, lead, caseId, { date: addDays(today(), -30) })
    await expectStatus(await server.request('PATCH', `/api/meetings/${meeting.id}`, { as: lead, body: { status: 'held' } }), 200)
    const rules = async () =>
      ((await expectStatus<{ dueItems: Array<{ rule: string }> }>(await server.request('GET', `/api/cases/${caseId}`, { as: lead }), 200)).dueItems).map((i) => i.rule)
    expect(await rules()).toContain('minutesToSocialWorker')
    const off = await expectStatus<SettingsResponse>(await server.request('PATCH', '/api/settings', { as: admin, body: { settings: { switchedOff: ['minutesToSocialWorker'] } } }), 200)
    expect(off.settings.switchedOff).toEqual(['minutesToSocialWorker'])
    expect(off.settings.minutesToSocialWorker).toEqual(DEFAULT_TIMESCALE_SETTINGS.minutesToSocialWorker)
    expect(await rules()).not.toContain('minutesToSocialWorker')
    expect(await rules()).toContain('notesDistribution')
    const bad = await expectStatus<ApiErrorBody>(await server.request('PATCH', '/api/settings', { as: admin, body: { settings: { switchedOff: ['bedtime'] } } }), 400)
    expect(bad.error.fields).toEqual({ 'settings.switchedOff.0': 'Select a timescale rule' })
    await expectStatus(await server.request('PATCH', '/api/settings', { as: admin, body: { settings: { switchedOff: [] } } }), 200)
    expect(await rules()).toContain('minutesToSocialWorker')
  })

  it('a case meets at its own interval with a reason; the next core group’s due date follows, and going back drops the reason', async () => {
    const { caseId } = await caseWithMembers(server, lead, [], { familyName: 'Interval', initialConferenceDate: addDays(today(), -60) })
    const meeting = await createMeeting(server, lead, caseId, { date: addDays(today(), -20) })
    await expectStatus(await server.request('PATCH', `/api/meetings/${meeting.id}`, { as: lead, body: { status: 'held' } }), 200)
    type Detail = { case: { coreGroupInterval: unknown; coreGroupIntervalReason: string | null }; dueItems: Array<{ key: string; dueDate: string }>; proposal: { dueDate: string } }
    const next = (d: Detail) => d.dueItems.find((i) => i.key === `next-core-group:${meeting.id}`)!.dueDate
    const before = await expectStatus<Detail>(await server.request('GET', `/api/cases/${caseId}`, { as: lead }), 200)
    const noReason = await expectStatus<ApiErrorBody>(
      await server.request('PATCH', `/api/cases/${caseId}`, { as: lead, body: { coreGroupInterval: { value: 2, unit: 'weeks' } } }),
      400,
    )
    expect(noReason.error.fields).toEqual({ coreGroupIntervalReason: 'Say why this case meets at a different interval' })
    await expectStatus(await server.request('PATCH', `/api/cases/${caseId}`, { as: parent, body: { coreGroupInterval: { value: 2, unit: 'weeks' }, coreGroupIntervalReason: 'x' } }), 404)
    const own = await expectStatus<Detail>(
      await server.request('PATCH', `/api/cases/${caseId}`, { as: lead, body: { coreGroupInterval: { value: 2, unit: 'weeks' }, coreGroupIntervalReason: 'A baby of six weeks' } }),
      200,
    )
    expect(own.case.coreGroupIntervalReason).toBe('A baby of six weeks')
    expect(next(own) < next(before)).toBe(true)
    expect(own.proposal.dueDate).toBe(next(own))
    const back = await expectStatus<Detail>(await server.request('PATCH', `/api/cases/${caseId}`, { as: lead, body: { coreGroupInterval: null } }), 200)
    expect(back.case).toMatchObject({ coreGroupInterval: null, coreGroupIntervalReason: null })
    expect(next(back)).toBe(next(before))
  })

  it('Northern Ireland is refused in words', async () => {
    const bad = await expectStatus<ApiErrorBody>(await server.request('PATCH', '/api/settings', { as: admin, body: { nation: 'northern-ireland' } }), 400)
    expect(bad.error.fields?.nation).toMatch(/^coregroup does not support Northern Ireland/)
  })
})

describe('/api/dashboard', () => {
  it('shows an overdue item for a case whose notes were not sent out in time', async () => {
    const initial = addDays(today(), -90)
    const { caseId } = await caseWithMembers(server, lead, [{ user: parent, role: 'parent-carer', agency: null }], { familyName: 'Drift', initialConferenceDate: initial })
    const meeting = await createMeeting(server, lead, caseId, { date: addDays(today(), -60) })
    await expectStatus(await server.request('PATCH', `/api/meetings/${meeting.id}`, { as: lead, body: { status: 'held' } }), 200)
    const { cases } = await expectStatus<DashboardResponse>(await server.request('GET', '/api/dashboard', { as: lead }), 200)
    const drift = cases.find((k) => k.id === caseId)!
    expect(drift.due).toContainEqual(expect.objectContaining({ key: `notes-distributed:${meeting.id}`, status: 'overdue', meetingId: meeting.id }))
    expect(drift.counts.overdue).toBeGreaterThanOrEqual(1)
    expect(drift.due.every((i) => i.status === 'overdue' || i.status === 'due-soon')).toBe(true)
    // Cases with overdue items come first.
    expect(cases[0]!.counts.overdue).toBeGreaterThanOrEqual(drift.counts.overdue)
    // The parent sees the same case; a case they are not in is not there.
    const forParent = await expectStatus<DashboardResponse>(await server.request('GET', '/api/dashboard', { as: parent }), 200)
    expect(forParent.cases.map((k) => k.id)).toEqual([caseId])
    expect(forParent.cases[0]!.viewerRole).toBe('parent-carer')
  })

  it('shows the next planned meeting and what is due soon', async () => {
    const { caseId } = await caseWithMembers(server, lead, [], { familyName: 'Fresh', initialConferenceDate: today() })
    const meeting = await createMeeting(server, lead, caseId)
    const { cases } = await expectStatus<DashboardResponse>(await server.request('GET', '/api/dashboard', { as: lead }), 200)
    const fresh = cases.find((k) => k.id === caseId)!
    expect(fresh.nextMeeting).toEqual({ id: meeting.id, date: meeting.date, type: 'first' })
    expect(fresh.counts.overdue).toBe(0)
  })

  it('needs a session', async () => {
    await expectStatus(await server.request('GET', '/api/dashboard'), 401)
  })
})

describe('/api/users', () => {
  it('lists the authority’s accounts for staff, not for family members', async () => {
    const body = await expectStatus<UserListResponse>(await server.request('GET', '/api/users', { as: lead }), 200)
    expect(body.users).toContainEqual({ id: parent.id, name: 'Pat Parent', email: parent.email })
    expect(Object.keys(body.users[0]!).sort()).toEqual(['email', 'id', 'name'])
    await expectStatus(await server.request('GET', '/api/users', { as: parent }), 403)
  })
})
