import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CaseDetailResponse } from '../../schemas/api/cases.ts'
import type { ApiErrorBody } from '../../schemas/api/errors.ts'
import type { MeetingDetailResponse, MeetingListResponse } from '../../schemas/api/meetings.ts'
import { CHAIR_IS_NOTE_TAKER_MESSAGE } from '../../schemas/entities/index.ts'
import { CloseCode } from '../../schemas/protocol.ts'
import { agendaFor, MINUTES_LAYOUT_KEY, minutesLayout } from '../../schemas/templates/index.ts'
import { listAudit } from '../../server/db/repos/audit.ts'
import { buildMeetingInput, caseWithMembers, createMeeting, expectStatus } from '../support/case-factories.ts'
import { openRawSocket } from '../support/clients.ts'
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

const group = () =>
  caseWithMembers(server, lead, [
    { user: teacher, role: 'professional' },
    { user: parent, role: 'parent-carer', agency: null },
  ])

async function storedDoc(name: string): Promise<Y.Doc> {
  const stored = await server.store.load(name)
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(doc, u)
  return doc
}

describe('agenda of a meeting', () => {
  it('keeps the agenda its minutes were created with when the authority changes its agenda', async () => {
    const admin = await server.signUp({ accountRole: 'administrator' })
    const { caseId } = await group()
    const before = await createMeeting(server, lead, caseId, { type: 'subsequent', date: '2026-06-01' })
    const changed = await server.request('PATCH', '/api/settings', { as: admin, body: { agendaVariant: 'seed-001' } })
    expect(changed.status).toBe(200)
    try {
      const old = await expectStatus<MeetingDetailResponse>(await server.request('GET', `/api/meetings/${before.id}`, { as: lead }), 200)
      expect(old.agenda.map((i) => i.key)).toEqual(agendaFor('seed-004', 'subsequent').items.map((i) => i.key))
      const later = await createMeeting(server, lead, caseId, { type: 'subsequent', date: '2026-07-01' })
      const fresh = await expectStatus<MeetingDetailResponse>(await server.request('GET', `/api/meetings/${later.id}`, { as: lead }), 200)
      expect(fresh.agenda.map((i) => i.key)).toEqual(agendaFor('seed-001', 'subsequent').items.map((i) => i.key))
      expect(fresh.agenda.map((i) => i.key)).not.toEqual(old.agenda.map((i) => i.key))
    } finally {
      await server.request('PATCH', '/api/settings', { as: admin, body: { agendaVariant: 'seed-004' } })
    }
  })
})

describe('POST /api/cases/:id/meetings', () => {
  it('proposes the first core group 10 working days after the initial conference, across a bank holiday', async () => {
    // 2032-12-13 + 10 working days skips the substitute days for Christmas and Boxing Day (27 and 28
    // December; both fall on a weekend). Far ahead, so that the proposal is never already past.
    const { caseId } = await caseWithMembers(server, lead, [], { initialConferenceDate: '2032-12-13' })
    const detail = await expectStatus<CaseDetailResponse>(await server.request('GET', `/api/cases/${caseId}`, { as: lead }), 200)
    expect(detail.proposal).toMatchObject({ type: 'first', date: '2032-12-29' })
    const meeting = await createMeeting(server, lead, caseId)
    expect(meeting).toMatchObject({ type: 'first', date: '2032-12-29', status: 'planned', time: '10:00', venue: 'Anytown Family Centre' })
    // The next one is proposed from the interval, as a subsequent core group.
    const after = await expectStatus<CaseDetailResponse>(await server.request('GET', `/api/cases/${caseId}`, { as: lead }), 200)
    expect(after.proposal).toMatchObject({ type: 'subsequent', date: '2033-01-26' })
    expect(after.meetings.map((m) => m.id)).toEqual([meeting.id])
  })

  it('creates the minutes document with the sections of the meeting’s agenda', async () => {
    const { caseId } = await group()
    const meeting = await createMeeting(server, lead, caseId, { type: 'pre-review', date: '2026-06-01' })
    const doc = await storedDoc(`meeting:${meeting.id}`)
    const layout = doc.getMap('control').get(MINUTES_LAYOUT_KEY)
    expect(layout).toEqual(minutesLayout(agendaFor('seed-004', 'pre-review')))
    expect(layout).toHaveLength(15)
    expect((layout as Array<{ section: string }>)[0]).toEqual({
      section: 'item:note-taker',
      title: 'Chair and note taker',
      prompt: expect.any(String),
    })
  })

  it('refuses the same person as chair and note taker with 409', async () => {
    const { caseId, members } = await group()
    const res = await server.request('POST', `/api/cases/${caseId}/meetings`, { as: lead, body: buildMeetingInput({ chairMemberId: members[0]!.id, noteTakerMemberId: members[0]!.id }) })
    const body = await expectStatus<ApiErrorBody>(res, 409)
    expect(body.error).toMatchObject({ code: 'conflict', message: CHAIR_IS_NOTE_TAKER_MESSAGE })
    const list = await expectStatus<MeetingListResponse>(await server.request('GET', `/api/cases/${caseId}/meetings`, { as: lead }), 200)
    expect(list.meetings).toEqual([])
  })

  it('needs the chair and note taker to be current members of this case', async () => {
    const { caseId } = await group()
    const other = await group()
    const res = await server.request('POST', `/api/cases/${caseId}/meetings`, { as: lead, body: buildMeetingInput({ chairMemberId: other.members[0]!.id, noteTakerMemberId: 'mem_nobody' }) })
    const body = await expectStatus<ApiErrorBody>(res, 400)
    expect(body.error.fields).toEqual({
      chairMemberId: 'Select a current member of the core group as chair',
      noteTakerMemberId: 'Select a current member of the core group as note taker',
    })
  })

  it('rejects bad payloads naming each field', async () => {
    const { caseId } = await group()
    const res = await server.request('POST', `/api/cases/${caseId}/meetings`, { as: lead, body: { type: 'party', date: '2026-13-01', time: '25:00', onlineLink: 'http://x', extra: 1 } })
    const body = await expectStatus<ApiErrorBody>(res, 400)
    expect(body.error.fields).toEqual({
      type: 'Select the type of core group',
      date: 'Date of the meeting must be a real date',
      time: 'Start time must be a real time, like 09:30 or 14:00',
      onlineLink: 'Enter the online meeting link, starting with https://',
      extra: 'This field is not recognised',
    })
    const missing = await expectStatus<ApiErrorBody>(await server.request('POST', `/api/cases/${caseId}/meetings`, { as: lead, body: {} }), 400)
    expect(missing.error.fields).toEqual({ time: 'Enter the start time' })
    // Checks across fields run once each field is right on its own.
    const nowhere = await expectStatus<ApiErrorBody>(await server.request('POST', `/api/cases/${caseId}/meetings`, { as: lead, body: { time: '10:00' } }), 400)
    expect(nowhere.error.fields).toEqual({ venue: 'Enter a venue or an online meeting link' })
  })

  it('lets only the case’s managers plan meetings', async () => {
    const { caseId } = await group()
    await expectStatus(await server.request('POST', `/api/cases/${caseId}/meetings`, { as: parent, body: buildMeetingInput() }), 403)
    await expectStatus(await server.request('POST', `/api/cases/${caseId}/meetings`, { as: stranger, body: buildMeetingInput() }), 404)
    await expectStatus(await server.request('POST', '/api/cases/case_nothere/meetings', { as: lead, body: buildMeetingInput() }), 404)
  })
})

describe('GET /api/meetings/:id', () => {
  it('gives the meeting page its agenda, members, the viewer’s place and the documents they may open', async () => {
    const { caseId, members, leadMemberId } = await group()
    const meeting = await createMeeting(server, lead, caseId, { type: 'pre-review', date: '2026-06-01', chairMemberId: leadMemberId, noteTakerMemberId: members[0]!.id })
    const asTeacher = await expectStatus<MeetingDetailResponse>(await server.request('GET', `/api/meetings/${meeting.id}`, { as: teacher }), 200)
    expect(asTeacher).toMatchObject({
      case: { id: caseId, familyName: 'Smith' },
      viewer: { memberId: members[0]!.id, role: 'professional' },
      meetingRoles: { chairMemberId: leadMemberId, noteTakerMemberId: members[0]!.id },
      documents: { minutes: `meeting:${meeting.id}`, restricted: `meeting:${meeting.id}:restricted`, report: `report:${meeting.id}` },
    })
    expect(asTeacher.agenda.map((i) => i.key)).toEqual(agendaFor('seed-004', 'pre-review').items.map((i) => i.key))
    expect(asTeacher.members.map((m) => m.role).sort()).toEqual(['lead-social-worker', 'parent-carer', 'professional'])
    const asParent = await expectStatus<MeetingDetailResponse>(await server.request('GET', `/api/meetings/${meeting.id}`, { as: parent }), 200)
    expect(asParent.documents).toEqual({ minutes: `meeting:${meeting.id}`, restricted: null, report: null })
    const first = await createMeeting(server, lead, caseId, { type: 'first', date: '2026-03-16' })
    const firstForTeacher = await expectStatus<MeetingDetailResponse>(await server.request('GET', `/api/meetings/${first.id}`, { as: teacher }), 200)
    expect(firstForTeacher.documents.report).toBeNull()
  })

  it('answers 404 for unknown meetings and for meetings of cases the user is not in', async () => {
    const { caseId } = await group()
    const meeting = await createMeeting(server, lead, caseId)
    await expectStatus(await server.request('GET', '/api/meetings/meet_nothere', { as: lead }), 404)
    const hidden = await expectStatus<ApiErrorBody>(await server.request('GET', `/api/meetings/${meeting.id}`, { as: stranger }), 404)
    expect(hidden.error.message).toBe('Meeting not found')
    await expectStatus(await server.request('PATCH', '/api/meetings/meet_nothere', { as: lead, body: { time: '11:00' } }), 404)
  })
})

describe('PATCH /api/meetings/:id', () => {
  it('records the meeting as held and the dates after it', async () => {
    const { caseId } = await group()
    const meeting = await createMeeting(server, lead, caseId, { date: '2026-03-16' })
    const held = await expectStatus<MeetingDetailResponse>(await server.request('PATCH', `/api/meetings/${meeting.id}`, { as: lead, body: { status: 'held' } }), 200)
    expect(held.meeting).toMatchObject({ status: 'held', heldDate: '2026-03-16' })
    const bad = await expectStatus<ApiErrorBody>(await server.request('PATCH', `/api/meetings/${meeting.id}`, { as: lead, body: { time: 'noon', status: 'done' } }), 400)
    expect(bad.error.fields).toEqual({ time: 'Start time must be a real time, like 09:30 or 14:00', status: 'Select the status of the meeting' })
    const early = await expectStatus<ApiErrorBody>(await server.request('PATCH', `/api/meetings/${meeting.id}`, { as: lead, body: { notesDistributedDate: '2026-03-01' } }), 400)
    expect(early.error.fields).toEqual({ notesDistributedDate: 'Date the notes were sent out must be on or after the day of the meeting' })
    const type = await expectStatus<ApiErrorBody>(await server.request('PATCH', `/api/meetings/${meeting.id}`, { as: lead, body: { type: 'subsequent' } }), 409)
    expect(type.error.fields).toHaveProperty('type')
    await expectStatus(await server.request('PATCH', `/api/meetings/${meeting.id}`, { as: parent, body: { time: '11:00' } }), 403)
  })

  it('changing the chair closes the affected people’s documents and is audited; chair = note taker is 409', async () => {
    const { caseId, members, leadMemberId } = await group()
    const meeting = await createMeeting(server, lead, caseId, { chairMemberId: leadMemberId })
    const socket = await openRawSocket(`${server.syncUrl}/meeting:${meeting.id}`, teacher)
    const deadline = Date.now() + 5000
    while (socket.frames.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))

    const same = await expectStatus<ApiErrorBody>(await server.request('PATCH', `/api/meetings/${meeting.id}`, { as: lead, body: { noteTakerMemberId: leadMemberId } }), 409)
    expect(same.error.message).toBe(CHAIR_IS_NOTE_TAKER_MESSAGE)

    const changed = await expectStatus<MeetingDetailResponse>(await server.request('PATCH', `/api/meetings/${meeting.id}`, { as: lead, body: { noteTakerMemberId: members[0]!.id } }), 200)
    expect(changed.meetingRoles).toEqual({ chairMemberId: leadMemberId, noteTakerMemberId: members[0]!.id })
    expect((await socket.closed).code).toBe(CloseCode.AccessChanged)
    const audit = await listAudit(server.db, { caseId })
    expect(audit.find((e) => e.event === 'meeting-roles-changed')?.detail).toMatchObject({ meetingId: meeting.id, noteTakerMemberId: members[0]!.id })
  })
})
