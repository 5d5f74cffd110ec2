/**
 * `/api/cases/:id/meetings`: a case's meetings (GET) and planning the next one (POST). Type and date
 * left out come from `proposeNextMeeting`; creating a meeting creates its minutes document with the
 * sections of its agenda.
 * @module
 */
import { Hono } from 'hono'
import { MeetingListResponse, MeetingResponse } from '../../../schemas/api/meetings.ts'
import { CreateMeetingInput, isActiveMember, Meeting, type Member } from '../../../schemas/entities/index.ts'
import { agendaFor, minutesLayout } from '../../../schemas/templates/index.ts'
import { proposeNextMeeting, settingsForCase } from '../../../schemas/timescales/index.ts'
import { requireAuth, type AppEnv } from '../../auth/middleware.ts'
import { manageableCase, readableCase } from '../../cases/case-access.ts'
import { closePlanSockets } from '../../cases/close-sockets.ts'
import { checkMeetingRoles } from '../../cases/meeting-roles.ts'
import { createMinutesDocument } from '../../cases/minutes-document.ts'
import { recordAudit } from '../../db/repos/audit.ts'
import { listMembers } from '../../db/repos/members.ts'
import { insertMeeting, listMeetings, plannedMeetingFields } from '../../db/repos/meetings.ts'
import { conflict } from '../../errors.ts'
import type { ApiServices } from '../index.ts'
import { idParam, parseMerged, readJson } from '../validate.ts'

/**
 * Who chairs when nobody is chosen: the first core group is chaired by the team manager (seed 003:
 * "chaired by the team manager or a social care representative"); later ones wait for a choice.
 */
function defaultChair(type: Meeting['type'], members: readonly Member[], today: string, noteTaker: string | null): string | null {
  if (type !== 'first') return null
  const manager = members.find((m) => m.role === 'team-manager' && isActiveMember(m, today) && m.id !== noteTaker)
  return manager?.id ?? null
}

export function caseMeetingRoutes(services: ApiServices) {
  const { db, store, rooms } = services
  return new Hono<AppEnv>()
    .get('/:id/meetings', async (c) => {
      const { user } = requireAuth(c)
      const access = await readableCase(db, user, idParam(c, 'id', 'Case'))
      return c.json(MeetingListResponse.parse({ meetings: await listMeetings(db, access.case.id) }))
    })
    .post('/:id/meetings', async (c) => {
      const { user } = requireAuth(c)
      const access = await manageableCase(db, user, idParam(c, 'id', 'Case'))
      const input = await readJson(c, CreateMeetingInput)
      const { case: k, authority, today } = access
      if (k.status !== 'open') throw conflict('The plan for this case has ended: reopen the case to plan a core group')
      const [members, meetings] = await Promise.all([listMembers(db, k.id), listMeetings(db, k.id)])
      const proposal = proposeNextMeeting(k, meetings, settingsForCase(authority.settings, k), today)
      const type = input.type ?? proposal.type
      const meeting = parseMerged(Meeting, {
        ...input,
        chairMemberId: input.chairMemberId ?? defaultChair(type, members, today, input.noteTakerMemberId),
        type,
        date: input.date ?? proposal.date,
        caseId: k.id,
        agendaVariant: authority.agendaVariant,
        ...plannedMeetingFields(),
      })
      checkMeetingRoles(meeting, members, today)
      // The document first: a meeting row never exists without its minutes (an orphan document without
      // a row is unreachable, since access is resolved through the row).
      await createMinutesDocument(store, `meeting:${meeting.id}`, minutesLayout(agendaFor(meeting.agendaVariant ?? authority.agendaVariant, meeting.type)))
      await insertMeeting(db, meeting)
      if (meeting.date === today) {
        // A meeting today makes its chair and note taker editors of the whole plan: they reconnect to it.
        const runners = [meeting.chairMemberId, meeting.noteTakerMemberId].map((id) => members.find((m) => m.id === id)?.userId)
        closePlanSockets(rooms, k.id, new Set(runners.filter((u): u is string => typeof u === 'string')))
      }
      if (meeting.chairMemberId || meeting.noteTakerMemberId) {
        await recordAudit(db, {
          event: 'meeting-roles-changed',
          authorityId: authority.id,
          caseId: k.id,
          userId: user.id,
          doc: `meeting:${meeting.id}`,
          detail: { meetingId: meeting.id, chairMemberId: meeting.chairMemberId, noteTakerMemberId: meeting.noteTakerMemberId },
        })
      }
      return c.json(MeetingResponse.parse({ meeting }), 201)
    })
}
