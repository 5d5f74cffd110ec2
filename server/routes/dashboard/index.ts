/**
 * `/api/dashboard`: "My cases" — for each case the user is a current member of (every case of the
 * authority for administrators), what is overdue and what is due soon, and the next planned meeting.
 * The overdue actions of the case's plan that the user owns count as overdue items too (issue 11 §7).
 * @module
 */
import { Hono } from 'hono'
import { DashboardResponse, type DashboardCase } from '../../../schemas/api/dashboard.ts'
import { isActiveMember, type Member } from '../../../schemas/entities/index.ts'
import { mergeByDueDate, ownedDueItems, planActionDueItems } from '../../../schemas/plan/plan-due-items.ts'
import { computeDueItems, settingsForCase, ukDateOf, type DueItem } from '../../../schemas/timescales/index.ts'
import { contributionDueItems } from '../../../schemas/report/contribution-due.ts'
import { PROFESSIONAL_ROLES } from '../../../schemas/roles.ts'
import { readPlanRows } from '../../cases/plan-document.ts'
import { submittedContributionsOf } from '../../report/report-rows.ts'
import { requireAuth, type AppEnv } from '../../auth/middleware.ts'
import { listCasesOfAuthority, listCasesOfUser } from '../../db/repos/cases.ts'
import { listMembers, membershipsOfUser } from '../../db/repos/members.ts'
import { listMeetingsOfCases } from '../../db/repos/meetings.ts'
import { getAuthority } from '../../db/repos/users.ts'
import { notFound } from '../../errors.ts'
import type { ApiServices } from '../index.ts'

export function dashboardRoutes(services: ApiServices) {
  const { db } = services
  return new Hono<AppEnv>().get('/', async (c) => {
    const { user } = requireAuth(c)
    const today = ukDateOf()
    const authority = await getAuthority(db, user.authorityId)
    if (!authority) throw notFound('Authority')
    const admin = user.accountRole === 'administrator'
    const current = new Map<string, Member>()
    for (const m of await membershipsOfUser(db, user.id)) if (isActiveMember(m, today)) current.set(m.caseId, m)
    const cases = (admin ? await listCasesOfAuthority(db, user.authorityId) : await listCasesOfUser(db, user.id)).filter(
      (k) => k.authorityId === user.authorityId && (admin || current.has(k.id)),
    )
    const meetings = await listMeetingsOfCases(db, cases.map((k) => k.id))
    // Your own overdue actions, from each plan of a case you are a member of.
    const actions = new Map<string, DueItem[]>(
      await Promise.all(
        cases.map(async (k): Promise<[string, DueItem[]]> => {
          const member = current.get(k.id)
          if (!member) return [k.id, []]
          const [plan, members] = await Promise.all([readPlanRows(services, k.id), listMembers(db, k.id)])
          const names = new Map(members.map((m) => [m.id, m.name]))
          // …and your own contribution to each joint report (issue 12), if you contribute.
          const contributions = PROFESSIONAL_ROLES.has(member.role) ? contributionDueItems(meetings.get(k.id) ?? [], await submittedContributionsOf(db, member.id), authority.settings, today) : []
          return [k.id, mergeByDueDate(ownedDueItems(planActionDueItems(plan, today, names), member.id), contributions)]
        }),
      ),
    )
    const rows: DashboardCase[] = cases.map((k) => {
      const ofCase = meetings.get(k.id) ?? []
      const items = mergeByDueDate(computeDueItems(k, ofCase, settingsForCase(authority.settings, k), today), actions.get(k.id) ?? [])
      const overdue = items.filter((i) => i.status === 'overdue')
      const dueSoon = items.filter((i) => i.status === 'due-soon')
      const next = ofCase.filter((m) => m.status === 'planned' && m.date >= today).sort((a, b) => (a.date < b.date ? -1 : 1))[0]
      return {
        id: k.id,
        familyName: k.familyName,
        status: k.status,
        viewerRole: current.get(k.id)?.role ?? null,
        due: [...overdue, ...dueSoon],
        counts: { overdue: overdue.length, dueSoon: dueSoon.length },
        nextMeeting: next ? { id: next.id, date: next.date, type: next.type } : null,
      }
    })
    // Cases with the most overdue first, so drift is seen.
    rows.sort((a, b) => b.counts.overdue - a.counts.overdue || b.counts.dueSoon - a.counts.dueSoon || a.familyName.localeCompare(b.familyName, 'en-GB'))
    return c.json(DashboardResponse.parse({ today, cases: rows }))
  })
}
