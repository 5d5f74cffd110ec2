/**
 * `/api/meetings/:id`: one meeting as the meeting page needs it (GET) and changing it (PATCH). When the
 * chair or note taker changes, the affected people's sockets to the meeting's documents are closed so
 * that their write access is decided again, and the change is audited.
 * @module
 */
import { Hono } from 'hono'
import { MeetingDetailResponse } from '../../../schemas/api/meetings.ts'
import { isActiveMember, Meeting, UpdateMeetingInput, type Member } from '../../../schemas/entities/index.ts'
import { PROFESSIONAL_ROLES } from '../../../schemas/roles.ts'
import { agendaFor } from '../../../schemas/templates/index.ts'
import { requireAuth, type AppEnv } from '../../auth/middleware.ts'
import { manageableCase, readableCase, type CaseAccess } from '../../cases/case-access.ts'
import { closeMeetingSockets, closePlanSockets } from '../../cases/close-sockets.ts'
import { checkMeetingRoles } from '../../cases/meeting-roles.ts'
import { recordAudit } from '../../db/repos/audit.ts'
import { listMembers } from '../../db/repos/members.ts'
import { getMeeting, saveMeeting } from '../../db/repos/meetings.ts'
import { conflict, notFound } from '../../errors.ts'
import type { ApiServices } from '../index.ts'
import { idParam, parseMerged, readJson } from '../validate.ts'

function meetingDetail(access: CaseAccess, meeting: Meeting, members: readonly Member[]): MeetingDetailResponse {
  const { member } = access
  const professional = member !== null && PROFESSIONAL_ROLES.has(member.role)
  return {
    meeting,
    case: { id: access.case.id, familyName: access.case.familyName },
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
      const access = await manageableCase(db, user, current.caseId).catch(hideCase)
      const change = await readJson(c, UpdateMeetingInput)
      if (change.type !== undefined && change.type !== current.type) {
        // The minutes document was built from the agenda of its type; another type needs another meeting.
        throw conflict('The type of a core group cannot change once it is planned: plan a new core group instead', {
          type: 'The type of a core group cannot change once it is planned',
        })
      }
      const next = parseMerged(Meeting, {
        ...current,
        ...change,
        // Recording the meeting as held fills in the day it was held, unless given.
        heldDate: change.heldDate !== undefined ? change.heldDate : change.status && change.status !== 'planned' && !current.heldDate ? (change.date ?? current.date) : current.heldDate,
      })
      const members = await listMembers(db, current.caseId)
      const rolesChanged = next.chairMemberId !== current.chairMemberId || next.noteTakerMemberId !== current.noteTakerMemberId
      if (rolesChanged) checkMeetingRoles(next, members, access.today)
      const saved = await saveMeeting(db, next)
      const affected = new Set<string>()
      for (const id of [current.chairMemberId, current.noteTakerMemberId, saved.chairMemberId, saved.noteTakerMemberId]) {
        const userId = members.find((m) => m.id === id)?.userId
        if (userId) affected.add(userId)
      }
      // The plan's editors during a meeting are the chair and note taker of the meeting dated today.
      const today = (m: Meeting) => m.date === access.today
      if ((rolesChanged || saved.date !== current.date) && (today(current) || today(saved))) closePlanSockets(rooms, saved.caseId, affected)
      if (rolesChanged) {
        closeMeetingSockets(rooms, saved.id, affected)
        await recordAudit(db, {
          event: 'meeting-roles-changed',
          authorityId: access.authority.id,
          caseId: saved.caseId,
          userId: user.id,
          doc: `meeting:${saved.id}`,
          detail: { meetingId: saved.id, chairMemberId: saved.chairMemberId, noteTakerMemberId: saved.noteTakerMemberId },
        })
      }
      return c.json(MeetingDetailResponse.parse(meetingDetail(access, saved, members)))
    })
}

/** A meeting of a case the user may not see is a meeting that does not exist. */
function hideCase(err: unknown): never {
  if (err instanceof Error && 'status' in err && err.status === 404) throw notFound('Meeting')
  throw err
}
