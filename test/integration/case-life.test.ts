/**
 * Running a case over months (issue 15 §1–3, §10) through the real HTTP API, store and sockets:
 * conferences and the plan's end, one lead and one deputy, the deputy's powers when the social worker
 * is absent, cancelling and re-arranging meetings with a reason, "held" only once the day has come, the
 * first core group's default chair, and handing the case over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetailResponse, MemberListResponse } from '../../schemas/api/cases.ts'
import type { ConferenceListResponse } from '../../schemas/api/conferences.ts'
import type { ApiErrorBody } from '../../schemas/api/errors.ts'
import type { MeetingDetailResponse } from '../../schemas/api/meetings.ts'
import { HELD_BEFORE_ITS_DAY_MESSAGE } from '../../schemas/entities/index.ts'
import { DEFAULT_TIMESCALE_SETTINGS, jointReportDates } from '../../schemas/timescales/index.ts'
import { listAudit } from '../../server/db/repos/audit.ts'
import { caseWithMembers, createMeeting, expectStatus } from '../support/case-factories.ts'
import { openClient, typeInto, waitFor } from '../support/clients.ts'
import { addDays, today } from '../support/dates.ts'
import { startTestServer, type TestServer, type TestUser } from '../support/server.ts'

let server: TestServer
let lead: TestUser
let deputy: TestUser
let manager: TestUser
let teacher: TestUser
let parent: TestUser

beforeAll(async () => {
  server = await startTestServer()
  lead = await server.signUp({ name: 'Lee Lead' })
  deputy = await server.signUp({ name: 'Dee Deputy' })
  manager = await server.signUp({ name: 'Mo Manager' })
  teacher = await server.signUp({ name: 'Tia Teacher' })
  parent = await server.signUp({ name: 'Pat Parent', accountRole: 'family' })
})
afterAll(() => server.stop())

const group = (overrides: Record<string, unknown> = {}) =>
  caseWithMembers(
    server,
    lead,
    [
      { user: deputy, role: 'deputy-lead' },
      { user: manager, role: 'team-manager' },
      { user: teacher, role: 'professional' },
      { user: parent, role: 'parent-carer', agency: null },
    ],
    { initialConferenceDate: addDays(today(), -40), ...overrides },
  )

const fieldsOf = (body: unknown) => (body as ApiErrorBody).error.fields ?? {}

describe('conferences', () => {
  it('books a review conference with its chair, and the joint report dates count back from it', async () => {
    const { caseId } = await group()
    const date = addDays(today(), 50)
    const booked = await expectStatus<ConferenceListResponse>(
      await server.request('POST', `/api/cases/${caseId}/conferences`, { as: lead, body: { kind: 'review', date, time: '14:00', venue: 'Civic Centre, room 4', chairName: 'Ira Independent', chairEmail: 'ira.independent@example.invalid' } }),
      201,
    )
    const review = booked.conferences.find((k) => k.kind === 'review')!
    expect(review).toMatchObject({ date, time: '14:00', chairName: 'Ira Independent', held: false, outcome: null })
    expect(review.jointReport).toEqual(jointReportDates(date, DEFAULT_TIMESCALE_SETTINGS))
    expect(review.jointReport!.preReviewBy < review.jointReport!.draftBy && review.jointReport!.draftBy < review.jointReport!.finalBy).toBe(true)
    const detail = await expectStatus<CaseDetailResponse>(await server.request('GET', `/api/cases/${caseId}`, { as: teacher }), 200)
    expect(detail.case.reviewConferenceDates).toEqual([date])
    // The review is booked: the first review conference's due item shows it.
    expect(detail.dueItems.find((d) => d.key === 'review-conference:1')).toMatchObject({ plannedDate: date })
    const twice = await server.request('POST', `/api/cases/${caseId}/conferences`, { as: lead, body: { kind: 'review', date } })
    expect(twice.status).toBe(409)
    const early = await server.request('POST', `/api/cases/${caseId}/conferences`, { as: lead, body: { kind: 'review', date: addDays(today(), -60) } })
    expect(early.status).toBe(400)
    expect(fieldsOf(await early.json())['reviewConferenceDates.0']).toMatch(/after the initial conference/)
  })

  it('refuses booking by a professional who does not run the case, and an outcome before the day', async () => {
    const { caseId } = await group()
    const date = addDays(today(), 20)
    expect((await server.request('POST', `/api/cases/${caseId}/conferences`, { as: teacher, body: { kind: 'review', date } })).status).toBe(403)
    await expectStatus(await server.request('POST', `/api/cases/${caseId}/conferences`, { as: lead, body: { kind: 'review', date } }), 201)
    const early = await server.request('PATCH', `/api/cases/${caseId}/conferences/${date}`, { as: lead, body: { outcome: 'plan-ends' } })
    expect(early.status).toBe(409)
    expect(fieldsOf(await early.json()).outcome).toMatch(/once the conference has taken place/)
    expect((await server.request('PATCH', `/api/cases/${caseId}/conferences/2026-13-01`, { as: lead, body: {} })).status).toBe(404)
    expect((await server.request('PATCH', `/api/cases/${caseId}/conferences/${addDays(date, 1)}`, { as: lead, body: {} })).status).toBe(404)
  })

  it('the plan ending at a review conference closes the core group: documents read-only and kept, reopened with the case', async () => {
    const { caseId } = await group()
    const held = addDays(today(), -1)
    const meeting = await createMeeting(server, lead, caseId, { type: 'subsequent', date: addDays(today(), -10) })
    const name = `meeting:${meeting.id}`
    const client = openClient(server.syncUrl, name, teacher)
    await client.whenSynced()
    await expectStatus(await server.request('POST', `/api/cases/${caseId}/conferences`, { as: lead, body: { kind: 'review', date: held } }), 201)
    const ended = await server.request('PATCH', `/api/cases/${caseId}/conferences/${held}`, { as: lead, body: { outcome: 'plan-ends' } })
    expect(ended.status).toBe(200)
    const detail = await expectStatus<CaseDetailResponse>(await server.request('GET', `/api/cases/${caseId}`, { as: lead }), 200)
    expect(detail.case).toMatchObject({ status: 'plan-ended', planEndedDate: held })
    // The open page is told at once (control), and a write is refused by the store's lock.
    await waitFor(() => client.doc.getMap('control').get('locked') === true, 10_000, 'the minutes locked')
    const own = `update:${detail.members.find((m) => m.userId === teacher.id)!.id}`
    const before = (await server.rooms.get(name)).doc.getXmlFragment(own).toString()
    const refused = new Promise<string>((resolve) => client.on('rejected', (r: { reason: string }) => resolve(r.reason)))
    typeInto(client.doc, own, 'after the end')
    expect(await refused).toBe('locked')
    expect((await server.rooms.get(name)).doc.getXmlFragment(own).toString()).toBe(before)
    expect((await server.store.locks(name)).locked).toBe(true)
    // Planning a meeting is refused while the plan has ended.
    expect((await server.request('POST', `/api/cases/${caseId}/meetings`, { as: lead, body: { time: '10:00', venue: 'Room 1' } })).status).toBe(409)
    client.destroy()
    // Reopening lifts exactly the locks the plan's end set.
    await expectStatus(await server.request('PATCH', `/api/cases/${caseId}`, { as: lead, body: { status: 'open' } }), 200)
    expect((await server.rooms.get(name)).doc.getMap('control').get('locked')).toBe(false)
    expect((await server.store.locks(name)).locked).toBe(false)
  })
})

describe('roles', () => {
  it('one lead social worker and one deputy lead per case, refused in words', async () => {
    const { caseId } = await group()
    const second = await server.request('POST', `/api/cases/${caseId}/members`, { as: lead, body: { name: 'Another Deputy', agency: 'Children’s Social Care', role: 'deputy-lead', sharingSecurely: 'Secure email', optedInDate: today() } })
    expect(second.status).toBe(409)
    expect(fieldsOf(await second.json()).role).toBe('This case already has a deputy lead, Dee Deputy: change their role first')
    const lead2 = await server.request('POST', `/api/cases/${caseId}/members`, { as: lead, body: { name: 'Another Lead', agency: 'Children’s Social Care', role: 'lead-social-worker', sharingSecurely: 'Secure email', optedInDate: today() } })
    expect(lead2.status).toBe(409)
    expect(fieldsOf(await lead2.json()).role).toMatch(/already has a lead social worker, Lee Lead: hand the case over/)
  })

  it('the lead cannot opt out or change role; handing the case over is its own action', async () => {
    const { caseId, leadMemberId, members } = await group()
    const optOut = await server.request('PATCH', `/api/cases/${caseId}/members/${leadMemberId}`, { as: lead, body: { optedOutDate: today() } })
    expect(optOut.status).toBe(409)
    expect(fieldsOf(await optOut.json()).optedOutDate).toMatch(/hand the case to another social worker/)
    expect((await server.request('PATCH', `/api/cases/${caseId}/members/${leadMemberId}`, { as: lead, body: { role: 'professional' } })).status).toBe(409)
    const toParent = await server.request('POST', `/api/cases/${caseId}/hand-over`, { as: lead, body: { toMemberId: members[3]!.id } })
    expect(toParent.status).toBe(400)
    expect(fieldsOf(await toParent.json()).toMemberId).toMatch(/professional/)
    expect((await server.request('POST', `/api/cases/${caseId}/hand-over`, { as: teacher, body: { toMemberId: members[0]!.id } })).status).toBe(403)
    const handed = await expectStatus<MemberListResponse>(await server.request('POST', `/api/cases/${caseId}/hand-over`, { as: lead, body: { toMemberId: members[0]!.id } }), 200)
    const roleOf = (id: string) => handed.members.find((m) => m.id === id)!.role
    expect(roleOf(members[0]!.id)).toBe('lead-social-worker')
    expect(roleOf(leadMemberId)).toBe('professional')
    expect(handed.members.filter((m) => m.role === 'lead-social-worker')).toHaveLength(1)
    // The new lead runs the case; the former lead no longer does.
    expect((await server.request('PATCH', `/api/cases/${caseId}`, { as: deputy, body: { familyName: 'Smith-Jones' } })).status).toBe(200)
    expect((await server.request('PATCH', `/api/cases/${caseId}`, { as: lead, body: { familyName: 'Smith' } })).status).toBe(403)
    const audit = await listAudit(server.db, { caseId })
    expect(audit.some((e) => e.event === 'case-handed-over')).toBe(true)
  })

  it('the first core group is chaired by the team manager unless another chair is chosen; a vice chair is not the chair', async () => {
    const { caseId, members } = await group()
    const first = await createMeeting(server, lead, caseId, { type: 'first', date: addDays(today(), 3) })
    expect(first.chairMemberId).toBe(members[1]!.id)
    const same = await server.request('PATCH', `/api/meetings/${first.id}`, { as: lead, body: { viceChairMemberId: members[1]!.id } })
    expect(same.status).toBe(409)
    expect(fieldsOf(await same.json()).viceChairMemberId).toBe('The vice chair must be someone other than the chair')
    const vice = await expectStatus<MeetingDetailResponse>(await server.request('PATCH', `/api/meetings/${first.id}`, { as: lead, body: { viceChairMemberId: members[2]!.id } }), 200)
    expect(vice.meeting.viceChairMemberId).toBe(members[2]!.id)
    const later = await createMeeting(server, lead, caseId, { type: 'subsequent', date: addDays(today(), 30) })
    expect(later.chairMemberId).toBeNull()
  })

  it('the deputy lead records the meeting as held and the update sent when the social worker is absent, and nothing else', async () => {
    const { caseId } = await group()
    const meeting = await createMeeting(server, lead, caseId, { type: 'subsequent', date: addDays(today(), -2) })
    const notAbsent = await server.request('PATCH', `/api/meetings/${meeting.id}`, { as: deputy, body: { status: 'held' } })
    expect(notAbsent.status).toBe(403)
    const held = await expectStatus<MeetingDetailResponse>(
      await server.request('PATCH', `/api/meetings/${meeting.id}`, { as: deputy, body: { status: 'held', socialWorkerAbsent: true, socialWorkerUpdateDate: today() } }),
      200,
    )
    expect(held.meeting).toMatchObject({ status: 'held', heldDate: meeting.date, socialWorkerAbsent: true, socialWorkerUpdateDate: today() })
    expect((await server.request('PATCH', `/api/meetings/${meeting.id}`, { as: deputy, body: { venue: 'Elsewhere' } })).status).toBe(403)
    expect((await server.request('PATCH', `/api/meetings/${meeting.id}`, { as: teacher, body: { status: 'held', socialWorkerAbsent: true } })).status).toBe(403)
  })
})

describe('meetings', () => {
  it('is recorded as held only once its day has come', async () => {
    const { caseId } = await group()
    const meeting = await createMeeting(server, lead, caseId, { type: 'subsequent', date: addDays(today(), 5) })
    const early = await server.request('PATCH', `/api/meetings/${meeting.id}`, { as: lead, body: { status: 'held' } })
    expect(early.status).toBe(409)
    expect(fieldsOf(await early.json()).status).toBe(HELD_BEFORE_ITS_DAY_MESSAGE)
  })

  it('is re-arranged only with a reason, which is kept; the due item stays measured from the rule', async () => {
    const { caseId } = await group()
    const meeting = await createMeeting(server, lead, caseId, { type: 'first', date: addDays(today(), 5) })
    const bare = await server.request('PATCH', `/api/meetings/${meeting.id}`, { as: lead, body: { date: addDays(today(), 8) } })
    expect(bare.status).toBe(400)
    expect(fieldsOf(await bare.json()).rearrangeReason).toBe('Give the reason the core group is re-arranged')
    const moved = await expectStatus<MeetingDetailResponse>(
      await server.request('PATCH', `/api/meetings/${meeting.id}`, { as: lead, body: { date: addDays(today(), 8), rearrangeReason: 'The venue flooded' } }),
      200,
    )
    expect(moved.meeting.rearrangements).toMatchObject([{ fromDate: meeting.date, toDate: addDays(today(), 8), reason: 'The venue flooded', by: lead.id }])
    const detail = await expectStatus<CaseDetailResponse>(await server.request('GET', `/api/cases/${caseId}`, { as: lead }), 200)
    const first = detail.dueItems.find((d) => d.key === 'first-core-group')!
    expect(first.plannedDate).toBe(addDays(today(), 8))
    expect(first.dueDate).not.toBe(addDays(today(), 8))
  })

  it('is cancelled with a reason, never counts as held, and the next core group is proposed again', async () => {
    const { caseId } = await group()
    const meeting = await createMeeting(server, lead, caseId, { type: 'first', date: addDays(today(), 5) })
    const noReason = await server.request('POST', `/api/meetings/${meeting.id}/cancel`, { as: lead, body: { reason: '' } })
    expect(noReason.status).toBe(400)
    expect(fieldsOf(await noReason.json()).reason).toBe('Give the reason the core group is cancelled')
    expect((await server.request('POST', `/api/meetings/${meeting.id}/cancel`, { as: teacher, body: { reason: 'x' } })).status).toBe(403)
    const name = `meeting:${meeting.id}`
    const client = openClient(server.syncUrl, name, teacher)
    await client.whenSynced()
    const cancelled = await expectStatus<MeetingDetailResponse>(
      await server.request('POST', `/api/meetings/${meeting.id}/cancel`, { as: lead, body: { reason: 'The family were in hospital' } }),
      200,
    )
    expect(cancelled.meeting).toMatchObject({ status: 'cancelled', cancellation: { reason: 'The family were in hospital', date: today(), by: lead.id } })
    expect((await server.request('POST', `/api/meetings/${meeting.id}/cancel`, { as: lead, body: { reason: 'again' } })).status).toBe(409)
    expect((await server.request('PATCH', `/api/meetings/${meeting.id}`, { as: lead, body: { status: 'held' } })).status).toBe(409)
    const detail = await expectStatus<CaseDetailResponse>(await server.request('GET', `/api/cases/${caseId}`, { as: lead }), 200)
    expect(detail.proposal?.type).toBe('first')
    expect(detail.dueItems.find((d) => d.key === 'first-core-group')?.status).not.toBe('met')
    expect((await listAudit(server.db, { caseId })).some((e) => e.event === 'meeting-cancelled')).toBe(true)
    // Its minutes and notes are kept as they were, read-only: the open page is told, and a write is refused.
    await waitFor(() => client.doc.getMap('control').get('locked') === true, 10_000, 'the cancelled minutes locked')
    const own = `update:${detail.members.find((m) => m.userId === teacher.id)!.id}`
    const refused = new Promise<string>((resolve) => client.on('rejected', (r: { reason: string }) => resolve(r.reason)))
    typeInto(client.doc, own, 'after the cancellation')
    expect(await refused).toBe('locked')
    expect((await server.rooms.get(name)).doc.getXmlFragment(own).toString()).not.toContain('after the cancellation')
    expect((await server.store.locks(`${name}:restricted`)).locked).toBe(true)
    expect((await server.rooms.get(name)).doc.getMap('control').get('lockedBy')).toMatchObject({ '*': 'meeting-cancelled' })
    client.destroy()
  })
})

describe('terms of reference', () => {
  it('records the date agreed and the named transitions worker, who must be a current member', async () => {
    const { caseId, members } = await group()
    const wrong = await server.request('PATCH', `/api/cases/${caseId}`, { as: lead, body: { transitionsWorkerMemberId: 'mem_nobody' } })
    expect(wrong.status).toBe(400)
    expect(fieldsOf(await wrong.json()).transitionsWorkerMemberId).toBe('Select a current member of the core group')
    const saved = await expectStatus<CaseDetailResponse>(await server.request('PATCH', `/api/cases/${caseId}`, { as: lead, body: { termsOfReferenceAgreedDate: today(), transitionsWorkerMemberId: members[2]!.id } }), 200)
    expect(saved.case).toMatchObject({ termsOfReferenceAgreedDate: today(), transitionsWorkerMemberId: members[2]!.id })
    expect((await server.request('PATCH', `/api/cases/${caseId}`, { as: teacher, body: { termsOfReferenceAgreedDate: today() } })).status).toBe(403)
  })
})
