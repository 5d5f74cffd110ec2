/**
 * One case as the case page shows it: the case, its whole membership sheet, its meetings, what is due
 * (the timescales, computed with the authority's settings, and, for members, the plan's overdue
 * actions) and the
 * proposed next core group.
 * @module
 */
import type { CaseDetailResponse } from '../../schemas/api/cases.ts'
import { membersForViewer } from '../../schemas/family/contact-sharing.ts'
import { mergeByDueDate, planActionDueItems } from '../../schemas/plan/plan-due-items.ts'
import { computeDueItems, proposeNextMeeting, settingsForCase } from '../../schemas/timescales/index.ts'
import { listMembers } from '../db/repos/members.ts'
import { listMeetings } from '../db/repos/meetings.ts'
import type { Db } from '../db/schema.ts'
import type { CaseAccess } from './case-access.ts'
import { readPlanRows, type PlanSource } from './plan-document.ts'

export async function caseDetail(db: Db, access: CaseAccess, plan: PlanSource): Promise<CaseDetailResponse> {
  const { case: c, authority, today } = access
  // The plan is read by the case's current members only (an administrator who is not one sees the timescales).
  const [members, meetings, rows] = await Promise.all([listMembers(db, c.id), listMeetings(db, c.id), access.member ? readPlanRows(plan, c.id) : []])
  const settings = settingsForCase(authority.settings, c)
  const names = new Map(members.map((m) => [m.id, m.name]))
  return {
    case: c,
    // A family member never gets another family member's contact details (schemas/family/contact-sharing.ts).
    members: membersForViewer(members, access.viewer.role, access.viewer.memberId),
    meetings,
    dueItems: mergeByDueDate(computeDueItems(c, meetings, settings, today), planActionDueItems(rows, today, names)),
    proposal: c.status === 'open' ? proposeNextMeeting(c, meetings, settings, today) : null,
    viewer: access.viewer,
  }
}
