/**
 * One case as the case page shows it: the case, its whole membership sheet, its meetings, what is due
 * and the proposed next core group, computed with the authority's timescale settings.
 * @module
 */
import type { CaseDetailResponse } from '../../schemas/api/cases.ts'
import { computeDueItems, proposeNextMeeting } from '../../schemas/timescales/index.ts'
import { listMembers } from '../db/repos/members.ts'
import { listMeetings } from '../db/repos/meetings.ts'
import type { Db } from '../db/schema.ts'
import type { CaseAccess } from './case-access.ts'

export async function caseDetail(db: Db, access: CaseAccess): Promise<CaseDetailResponse> {
  const { case: c, authority, today } = access
  const [members, meetings] = await Promise.all([listMembers(db, c.id), listMeetings(db, c.id)])
  const settings = authority.settings
  return {
    case: c,
    members,
    meetings,
    dueItems: computeDueItems(c, meetings, settings, today),
    proposal: c.status === 'open' ? proposeNextMeeting(c, meetings, settings, today) : null,
    viewer: access.viewer,
  }
}
