/**
 * `GET /api/team/decisions`: the decisions in principle waiting for the signed-in team manager — from
 * every open case where they are a current member as team manager — with the case, the meeting's
 * date, who recorded it, when, and what was decided (seed 003).
 * @module
 */
import { Hono } from 'hono'
import { PendingDecisionsResponse, type PendingDecision } from '../../../schemas/api/decisions.ts'
import { isActiveMember } from '../../../schemas/entities/index.ts'
import { requireAuth, type AppEnv } from '../../auth/middleware.ts'
import { accessDate } from '../../cases/membership.ts'
import { getCase } from '../../db/repos/cases.ts'
import { listPendingDecisions } from '../../db/repos/decisions.ts'
import { getMeeting } from '../../db/repos/meetings.ts'
import { listMembers, membershipsOfUser } from '../../db/repos/members.ts'
import type { ApiServices } from '../index.ts'
import { namesFrom } from './decision-view.ts'

export function teamRoutes(services: ApiServices) {
  const { db } = services
  return new Hono<AppEnv>().get('/decisions', async (c) => {
    const { user } = requireAuth(c)
    const today = accessDate()
    const managed = new Set<string>()
    for (const m of await membershipsOfUser(db, user.id)) if (m.role === 'team-manager' && isActiveMember(m, today)) managed.add(m.caseId)
    const cases = new Map<string, { id: string; familyName: string }>()
    for (const id of managed) {
      const k = await getCase(db, id)
      if (k && k.authorityId === user.authorityId && k.status === 'open') cases.set(k.id, { id: k.id, familyName: k.familyName })
    }
    const pending = await listPendingDecisions(db, [...cases.keys()])
    const names = new Map<string, ReturnType<typeof namesFrom>>()
    const rows: PendingDecision[] = []
    for (const d of pending) {
      const meeting = await getMeeting(db, d.meetingId)
      if (!meeting) continue
      if (!names.has(d.caseId)) names.set(d.caseId, namesFrom(db, await listMembers(db, d.caseId)))
      rows.push({
        id: d.id,
        case: cases.get(d.caseId)!,
        meeting: { id: meeting.id, date: meeting.heldDate ?? meeting.date, type: meeting.type },
        text: d.text,
        recordedBy: { userId: d.recordedBy, name: await names.get(d.caseId)!(d.recordedBy) },
        recordedAt: d.recordedAt,
        recordedByYou: d.recordedBy === user.id,
      })
    }
    return c.json(PendingDecisionsResponse.parse({ decisions: rows }))
  })
}
