/**
 * `/api/meetings/:id`: one meeting as the meeting page needs it (GET), changing it (PATCH, the case's
 * managers) and choosing its chair and note taker at the start of the meeting (POST /roles, the managers
 * or the chair). When the chair or note taker changes, the affected people's sockets to the meeting's
 * documents are closed so that their write access is decided again, the new roles are written into the
 * documents' `control` (every open page follows them live), and the change is audited.
 * @module
 */
import { Hono } from 'hono'
import { MeetingDetailResponse, MeetingRolesInput, NextMeetingsResponse } from '../../../schemas/api/meetings.ts'
import { proposeMeetingSeries } from '../../../schemas/timescales/index.ts'
import { CONTROL_SECTION } from '../../../schemas/documents.ts'
import { CancelMeetingInput, HELD_BEFORE_ITS_DAY_MESSAGE, isActiveMember, Meeting, UpdateMeetingInput, type Member } from '../../../schemas/entities/index.ts'
import { PROFESSIONAL_ROLES } from '../../../schemas/roles.ts'
import { agendaFor } from '../../../schemas/templates/index.ts'
import { requireAuth, type AppEnv } from '../../auth/middleware.ts'
import { manageableCase, readableCase, type CaseAccess } from '../../cases/case-access.ts'
import { lockWhole, MEETING_CANCELLED_LOCK } from '../../cases/case-closure.ts'
import { closeMeetingSockets, closePlanSockets } from '../../cases/close-sockets.ts'
import { checkMeetingRoles } from '../../cases/meeting-roles.ts'
import { recordAudit } from '../../db/repos/audit.ts'
import { listMembers } from '../../db/repos/members.ts'
import { getMeeting, listMeetings, saveMeeting } from '../../db/repos/meetings.ts'
import { badRequest, conflict, forbidden, notFound } from '../../errors.ts'
import type { ApiServices } from '../index.ts'
import { idParam, parseMerged, readJson } from '../validate.ts'

function meetingDetail(access: CaseAccess, meeting: Meeting, members: readonly Member[]): MeetingDetailResponse {
  const { member } = access
  const professional = member !== null && PROFESSIONAL_ROLES.has(member.role)
  return {
    meeting,
    case: { id: access.case.id, familyName: access.case.familyName, children: access.case.children.map((c) => ({ name: c.name })) },
    agenda: [...agendaFor(meeting.agendaVariant ?? access.authority.agendaVariant, meeting.type).items],
    members: members
      .filter((m) => isActiveMember(m, access.today))
      .map(({ id, name, agency, role }) => ({ id, name, agency, role })),
    viewer: member ? { memberId: member.id, role: member.role } : null,
    meetingRoles: { chairMemberId: meeting.chairMemberId, noteTakerMemberId: meeting.noteTakerMemberId },
    documents: {
      minutes: `meeting:${meeting.id}`,
      restricted: professional ? `meeting:${meeting.id}:restricted` : null,
      report: professional && meeting.type === 'pre-review' ? `report:${meeting.id}` : null,
    },
  }
}

export function meetingRoutes(services: ApiServices) {
  const { db, rooms } = services
  return new Hono<AppEnv>()
    .get('/:id', async (c) => {
      const { user } = requireAuth(c)
      const meeting = await getMeeting(db, idParam(c, 'id', 'Meeting'))
      if (!meeting) throw notFound('Meeting')
      const access = await readableCase(db, user, meeting.caseId).catch(hideCase)
      return c.json(MeetingDetailResponse.parse(meetingDetail(access, meeting, await listMembers(db, meeting.caseId))))
    })
    .patch('/:id', async (c) => {
      const { user } = requireAuth(c)
      const current = await getMeeting(db, idParam(c, 'id', 'Meeting'))
      if (!current) throw notFound('Meeting')
      const access = await readableCase(db, user, current.caseId).catch(hideCase)
      const { rearrangeReason, ...change } = await readJson(c, UpdateMeetingInput)
      if (!access.viewer.canManage && !deputyMayRecord(access, current, change)) {
        throw forbidden('Only the lead social worker or the team manager can change this meeting; the deputy lead can record it when the social worker is absent')
      }
      if (current.status === 'cancelled') throw conflict('This core group was cancelled: plan a new core group instead')
      if (change.type !== undefined && change.type !== current.type) {
        // The minutes document was built from the agenda of its type; another type needs another meeting.
        throw conflict('The type of a core group cannot change once it is planned: plan a new core group instead', {
          type: 'The type of a core group cannot change once it is planned',
        })
      }
      const moved = current.status === 'planned' && ((change.date !== undefined && change.date !== current.date) || (change.time !== undefined && change.time !== current.time))
      if (moved && rearrangeReason === undefined) {
        throw badRequest('There is a problem with the information you gave', { rearrangeReason: 'Give the reason the core group is re-arranged' })
      }
      const next = parseMerged(Meeting, {
        ...current,
        ...change,
        // Recording the meeting as held fills in the day it was held, unless given.
        heldDate: change.heldDate !== undefined ? change.heldDate : change.status && change.status !== 'planned' && !current.heldDate ? (change.date ?? current.date) : current.heldDate,
        rearrangements: moved
          ? [...current.rearrangements, { fromDate: current.date, fromTime: current.time, toDate: change.date ?? current.date, toTime: change.time ?? current.time, reason: rearrangeReason, at: new Date().toISOString(), by: user.id }]
          : current.rearrangements,
      })
      if (next.status !== 'planned' && next.heldDate !== null && next.heldDate > access.today) {
        throw conflict(HELD_BEFORE_ITS_DAY_MESSAGE, { [change.heldDate !== undefined ? 'heldDate' : 'status']: HELD_BEFORE_ITS_DAY_MESSAGE })
      }
      const members = await listMembers(db, current.caseId)
      const rolesChanged = next.chairMemberId !== current.chairMemberId || next.noteTakerMemberId !== current.noteTakerMemberId || next.viceChairMemberId !== current.viceChairMemberId
      if (rolesChanged) checkMeetingRoles(next, members, access.today)
      const saved = await saveMeeting(db, next)
      if (moved) {
        await recordAudit(db, {
          event: 'meeting-rearranged',
          authorityId: access.authority.id,
          caseId: saved.caseId,
          userId: user.id,
          doc: `meeting:${saved.id}`,
          detail: { meetingId: saved.id, fromDate: current.date, toDate: saved.date },
        })
      }
      await afterRolesChange(services, access, user.id, current, saved, members)
      return c.json(MeetingDetailResponse.parse(meetingDetail(access, saved, members)))
    })
    .post('/:id/cancel', async (c) => {
      const { user } = requireAuth(c)
      const current = await getMeeting(db, idParam(c, 'id', 'Meeting'))
      if (!current) throw notFound('Meeting')
      const access = await manageableCase(db, user, current.caseId).catch(hideCase)
      const { reason } = await readJson(c, CancelMeetingInput)
      if (current.status !== 'planned') {
        throw conflict(current.status === 'cancelled' ? 'This core group is already cancelled' : 'A core group that has been held cannot be cancelled')
      }
      const saved = await saveMeeting(db, parseMerged(Meeting, { ...current, status: 'cancelled', cancellation: { reason, date: access.today, by: user.id } }))
      // Nothing more is written for a meeting that will not happen: its minutes and notes are kept, read-only.
      await lockWhole(services.store, rooms, [`meeting:${saved.id}`, `meeting:${saved.id}:restricted`], MEETING_CANCELLED_LOCK)
      // Its chair and note taker no longer edit the plan today (meetingInProgress leaves it out).
      if (current.date === access.today) closePlanSockets(rooms, saved.caseId, await meetingRunners(db, current))
      await recordAudit(db, {
        event: 'meeting-cancelled',
        authorityId: access.authority.id,
        caseId: saved.caseId,
        userId: user.id,
        doc: `meeting:${saved.id}`,
        detail: { meetingId: saved.id, date: saved.date },
      })
      return c.json(MeetingDetailResponse.parse(meetingDetail(access, saved, await listMembers(db, saved.caseId))))
    })
    .get('/:id/next-meetings', async (c) => {
      const { user } = requireAuth(c)
      const meeting = await getMeeting(db, idParam(c, 'id', 'Meeting'))
      if (!meeting) throw notFound('Meeting')
      const access = await readableCase(db, user, meeting.caseId).catch(hideCase)
      const series = access.case.status === 'open'
        ? proposeMeetingSeries(access.case, await listMeetings(db, meeting.caseId), access.authority.settings, access.today)
        : { conference: access.today, proposals: [] }
      return c.json(NextMeetingsResponse.parse({ conference: series.conference, proposals: series.proposals.map(({ date, type, reason }) => ({ date, type, reason })) }))
    })
    .post('/:id/roles', async (c) => {
      const { user } = requireAuth(c)
      const current = await getMeeting(db, idParam(c, 'id', 'Meeting'))
      if (!current) throw notFound('Meeting')
      const access = await readableCase(db, user, current.caseId).catch(hideCase)
      if (!mayChooseMeetingRoles(access, current)) throw forbidden('Only the lead social worker, the team manager or the chair can choose the chair and note taker')
      const input = await readJson(c, MeetingRolesInput)
      if (access.case.status !== 'open') throw conflict('The plan has ended: the core group’s meetings can no longer change')
      const members = await listMembers(db, current.caseId)
      const next = parseMerged(Meeting, { ...current, ...input })
      checkMeetingRoles(next, members, access.today)
      const saved = await saveMeeting(db, next)
      await afterRolesChange(services, access, user.id, current, saved, members)
      return c.json(MeetingDetailResponse.parse(meetingDetail(access, saved, members)))
    })
}

/** The user ids of a meeting's chair and note taker. */
async function meetingRunners(db: ApiServices['db'], meeting: Meeting): Promise<Set<string>> {
  const members = await listMembers(db, meeting.caseId)
  const ids = [meeting.chairMemberId, meeting.noteTakerMemberId].map((id) => members.find((m) => m.id === id)?.userId)
  return new Set(ids.filter((u): u is string => typeof u === 'string'))
}

/** What the deputy lead may record about a meeting when the social worker is absent (seed 001, 003). */
const DEPUTY_RECORD_FIELDS: ReadonlySet<string> = new Set(['status', 'heldDate', 'socialWorkerAbsent', 'socialWorkerUpdateDate', 'minutesToSocialWorkerDate'])

/**
 * The deputy lead stands in for an absent social worker: they may record the meeting as held and the
 * date the update was sent, and nothing else, and only where the social worker is recorded as absent.
 */
function deputyMayRecord(access: CaseAccess, meeting: Meeting, change: Record<string, unknown>): boolean {
  if (access.member?.role !== 'deputy-lead') return false
  const absent = change.socialWorkerAbsent ?? meeting.socialWorkerAbsent
  return absent === true && Object.keys(change).every((k) => DEPUTY_RECORD_FIELDS.has(k))
}

/** The case's managers choose a meeting's chair and note taker; so does its chair, handing over during the meeting. */
function mayChooseMeetingRoles(access: CaseAccess, meeting: Meeting): boolean {
  return access.viewer.canManage || (access.member !== null && access.member.id === meeting.chairMemberId)
}

/**
 * After a meeting is saved: when its chair or note taker changed, the affected people reconnect with
 * their new rights (the meeting's documents, and the plan on the meeting's day), the documents' control
 * shows the new roles to every open page, and the change is audited. A change of date alone can move
 * the plan's editing rights too.
 */
async function afterRolesChange(services: ApiServices, access: CaseAccess, userId: string, current: Meeting, saved: Meeting, members: readonly Member[]): Promise<void> {
  const { db, rooms } = services
  const rolesChanged = saved.chairMemberId !== current.chairMemberId || saved.noteTakerMemberId !== current.noteTakerMemberId
  const affected = new Set<string>()
  for (const id of [current.chairMemberId, current.noteTakerMemberId, saved.chairMemberId, saved.noteTakerMemberId]) {
    const memberUserId = members.find((m) => m.id === id)?.userId
    if (memberUserId) affected.add(memberUserId)
  }
  // The plan's editors during a meeting are the chair and note taker of the meeting dated today.
  const today = (m: Meeting) => m.date === access.today
  if ((rolesChanged || saved.date !== current.date) && (today(current) || today(saved))) closePlanSockets(rooms, saved.caseId, affected)
  if (!rolesChanged) return
  const meetingRoles = { chairMemberId: saved.chairMemberId, noteTakerMemberId: saved.noteTakerMemberId }
  for (const name of [`meeting:${saved.id}`, `meeting:${saved.id}:restricted`]) {
    const room = await rooms.get(name)
    await room.applyServerChange((doc) => doc.getMap(CONTROL_SECTION).set('meetingRoles', meetingRoles))
  }
  closeMeetingSockets(rooms, saved.id, affected)
  await recordAudit(db, {
    event: 'meeting-roles-changed',
    authorityId: access.authority.id,
    caseId: saved.caseId,
    userId,
    doc: `meeting:${saved.id}`,
    detail: { meetingId: saved.id, ...meetingRoles },
  })
}

/** A meeting of a case the user may not see is a meeting that does not exist. */
function hideCase(err: unknown): never {
  if (err instanceof Error && 'status' in err && err.status === 404) throw notFound('Meeting')
  throw err
}
