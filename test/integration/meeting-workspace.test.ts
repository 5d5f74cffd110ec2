/**
 * The live meeting's server side (issue 10): choosing the chair and note taker at the start of the
 * meeting (POST /api/meetings/:id/roles) moves write access and shows the new roles in the documents'
 * control at once; the attendance register's word on the lead social worker becomes the meeting's
 * record of their absence (and its 2-working-day update item); the next core groups are proposed until
 * the review conference; locks say who locked them. Through real sockets and the real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetailResponse } from '../../schemas/api/cases.ts'
import type { MeetingDetailResponse, NextMeetingsResponse } from '../../schemas/api/meetings.ts'
import { parseControlMeta } from '../../schemas/control.ts'
import { CloseCode } from '../../schemas/protocol.ts'
import { ukDateOf } from '../../schemas/timescales/iso-date.ts'
import { listAudit } from '../../server/db/repos/audit.ts'
import { getMeeting } from '../../server/db/repos/meetings.ts'
import { caseWithMembers, createMeeting, expectStatus } from '../support/case-factories.ts'
import { MisbehavingClient } from '../support/misbehaving-client.ts'
import { startTestServer, type TestServer, type TestUser } from '../support/server.ts'

let server: TestServer
let lead: TestUser
let teacher: TestUser
let nurse: TestUser
let parent: TestUser

beforeAll(async () => {
  server = await startTestServer()
  lead = await server.signUp({ name: 'Lee Lead' })
  teacher = await server.signUp({ name: 'Tia Teacher' })
  nurse = await server.signUp({ name: 'Nia Nurse' })
  parent = await server.signUp({ name: 'Pat Parent', accountRole: 'family' })
})
afterAll(() => server.stop())

async function meetingOfGroup() {
  const group = await caseWithMembers(
    server,
    lead,
    [
      { user: teacher, role: 'professional' },
      { user: nurse, role: 'professional' },
      { user: parent, role: 'parent-carer', agency: null },
    ],
    // A case whose review conference is still to come.
    { initialConferenceDate: ukDateOf() },
  )
  const [teacherId, nurseId, parentId] = group.members.map((m) => m.id) as [string, string, string]
  const meeting = await createMeeting(server, lead, group.caseId, { chairMemberId: group.leadMemberId, noteTakerMemberId: teacherId })
  return { ...group, meeting, teacherId, nurseId, parentId }
}

const roles = (meetingId: string, as: TestUser, body: unknown) => server.request('POST', `/api/meetings/${meetingId}/roles`, { as, body })

describe('choosing the chair and note taker in the meeting', () => {
  it('hands note taking to another member: write access moves, and the control shows the new roles', async () => {
    const g = await meetingOfGroup()
    const name = `meeting:${g.meeting.id}`
    const before = await MisbehavingClient.connect(`${server.syncUrl}/${name}`, teacher)
    expect(await before.send(before.insertText('item:note-taker', 'The teacher takes notes'))).toMatchObject({ kind: 'acked' })

    const res = await roles(g.meeting.id, lead, { chairMemberId: g.leadMemberId, noteTakerMemberId: g.nurseId })
    const detail = await expectStatus<MeetingDetailResponse>(res, 200)
    expect(detail.meetingRoles).toEqual({ chairMemberId: g.leadMemberId, noteTakerMemberId: g.nurseId })
    // Every open page learns the new roles from the minutes' control, live.
    const room = await server.rooms.get(name)
    expect(parseControlMeta(room.doc.getMap('control').toJSON()).meetingRoles).toEqual({ chairMemberId: g.leadMemberId, noteTakerMemberId: g.nurseId })
    // The old note taker's socket is closed so that its access is decided again; now read-only there.
    expect(await before.closeCode()).toBe(CloseCode.AccessChanged)
    const teacherAgain = await MisbehavingClient.connect(`${server.syncUrl}/${name}`, teacher)
    expect(await teacherAgain.send(teacherAgain.insertText('item:note-taker', 'No longer'))).toMatchObject({ kind: 'rejected', reason: 'not-writable' })
    const nurseNow = await MisbehavingClient.connect(`${server.syncUrl}/${name}`, nurse)
    expect(await nurseNow.send(nurseNow.insertText('item:note-taker', 'The nurse takes over'))).toMatchObject({ kind: 'acked' })
    const audit = await listAudit(server.db, { caseId: g.caseId })
    expect(audit.some((e) => e.event === 'meeting-roles-changed')).toBe(true)
  })

  it('lets the chair hand over, refuses the same person twice in words, and refuses other members', async () => {
    const g = await meetingOfGroup()
    // The teacher is made chair by the lead; as chair, she hands note taking to the nurse.
    await expectStatus(await roles(g.meeting.id, lead, { chairMemberId: g.teacherId, noteTakerMemberId: g.leadMemberId }), 200)
    await expectStatus(await roles(g.meeting.id, teacher, { chairMemberId: g.teacherId, noteTakerMemberId: g.nurseId }), 200)
    const same = await expectStatus<{ error: { message: string } }>(await roles(g.meeting.id, teacher, { chairMemberId: g.nurseId, noteTakerMemberId: g.nurseId }), 409)
    expect(same.error.message).toBe('The chair and the note taker must be different people')
    await expectStatus(await roles(g.meeting.id, parent, { chairMemberId: g.parentId, noteTakerMemberId: null }), 403)
    await expectStatus(await roles(g.meeting.id, nurse, { chairMemberId: g.nurseId, noteTakerMemberId: null }), 403)
    const unknownKey = await expectStatus<{ error: { fields: Record<string, string> } }>(await roles(g.meeting.id, lead, { chairMemberId: null, noteTakerMemberId: null, extra: 1 }), 400)
    expect(unknownKey.error.fields.extra).toBe('This field is not recognised')
    await expectStatus(await roles(g.meeting.id, lead, { chairMemberId: 'mem_nobody', noteTakerMemberId: null }), 400)
    const stranger = await server.signUp({ name: 'Sid Stranger' })
    await expectStatus(await roles(g.meeting.id, stranger, { chairMemberId: null, noteTakerMemberId: null }), 404)
    expect((await getMeeting(server.db, g.meeting.id))?.noteTakerMemberId).toBe(g.nurseId)
  })
})

describe('the attendance register', () => {
  it('records the lead social worker’s absence on the meeting, which starts the 2-working-day update', async () => {
    const g = await meetingOfGroup()
    const name = `meeting:${g.meeting.id}`
    const noteTaker = await MisbehavingClient.connect(`${server.syncUrl}/${name}`, teacher)
    expect(await noteTaker.send(noteTaker.insertRow('attendance', { memberId: g.leadMemberId, status: 'apologies' }))).toMatchObject({ kind: 'acked' })
    expect(await noteTaker.send(noteTaker.insertRow('attendance', { memberId: g.nurseId, status: 'absent' }))).toMatchObject({ kind: 'acked' })
    await expect.poll(async () => (await getMeeting(server.db, g.meeting.id))?.socialWorkerAbsent).toBe(true)
    // The meeting is held (today: a meeting is recorded as held only once its day has come), and the
    // update to the absent social worker is now due.
    await expectStatus(await server.request('PATCH', `/api/meetings/${g.meeting.id}`, { as: lead, body: { status: 'held', date: ukDateOf(), rearrangeReason: 'Held early for the test' } }), 200)
    const detail = await expectStatus<CaseDetailResponse>(await server.request('GET', `/api/cases/${g.caseId}`, { as: lead }), 200)
    expect(detail.dueItems.some((d) => d.rule === 'socialWorkerAbsentUpdate')).toBe(true)
    // Marked present after all: the absence is taken back.
    expect(await noteTaker.send(noteTaker.setRowField('attendance', 0, 'status', 'present'))).toMatchObject({ kind: 'acked' })
    await expect.poll(async () => (await getMeeting(server.db, g.meeting.id))?.socialWorkerAbsent).toBe(false)
  })

  it('is written only by the chair, the note taker and the lead social worker', async () => {
    const g = await meetingOfGroup()
    const name = `meeting:${g.meeting.id}`
    for (const user of [nurse, parent]) {
      const client = await MisbehavingClient.connect(`${server.syncUrl}/${name}`, user)
      expect(await client.send(client.insertRow('attendance', { memberId: g.leadMemberId, status: 'absent' }))).toMatchObject({ kind: 'rejected', reason: 'not-writable' })
    }
    expect((await getMeeting(server.db, g.meeting.id))?.socialWorkerAbsent).toBe(false)
  })
})

describe('the next core groups', () => {
  it('are proposed until the review conference, the last one before it the pre-review core group', async () => {
    const g = await meetingOfGroup()
    const res = await server.request('GET', `/api/meetings/${g.meeting.id}/next-meetings`, { as: parent })
    const series = await expectStatus<NextMeetingsResponse>(res, 200)
    expect(series.proposals.length).toBeGreaterThan(0)
    expect(series.proposals.at(-1)!.type).toBe('pre-review')
    for (const p of series.proposals) expect(p.date < series.conference && p.date > g.meeting.date).toBe(true)
    const stranger = await server.signUp({ name: 'Sid Stranger' })
    await expectStatus(await server.request('GET', `/api/meetings/${g.meeting.id}/next-meetings`, { as: stranger }), 404)
  })
})

describe('locks', () => {
  it('say who locked them', async () => {
    const g = await meetingOfGroup()
    const name = `meeting:${g.meeting.id}`
    await expectStatus(await server.request('POST', `/api/documents/${encodeURIComponent(name)}/locks`, { as: lead, body: { section: 'item:note-taker', locked: true } }), 200)
    const room = await server.rooms.get(name)
    expect(parseControlMeta(room.doc.getMap('control').toJSON()).lockedBy).toEqual({ 'item:note-taker': g.leadMemberId })
    await expectStatus(await server.request('POST', `/api/documents/${encodeURIComponent(name)}/locks`, { as: lead, body: { section: 'item:note-taker', locked: false } }), 200)
    expect(parseControlMeta(room.doc.getMap('control').toJSON()).lockedBy).toEqual({})
  })
})
