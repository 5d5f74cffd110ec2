/**
 * Which meeting is "in progress" for the plan's rules (issue 11 §2; `PlanContext.meetingInProgress`
 * in plan-rules.ts): during a meeting its chair and its note taker edit the whole plan.
 *
 * Rules, in plain English:
 * - A meeting is in progress on the (UK) day it is dated: from midnight to midnight, not just the hour
 *   it is booked for, so the chair and the note taker can finish the plan after the meeting ends.
 * - A cancelled meeting never is.
 * - When several meetings of the case are dated today, the one the viewer chairs or takes notes for
 *   counts for them; otherwise the first in the given order.
 * - No meeting dated today: between meetings (null), when only the lead social worker edits the plan.
 *
 * "Today" is the UK date (`ukDateOf`); the caller passes it, so this stays pure.
 * @module
 */
import type { IsoDate } from '../timescales/iso-date.ts'
import type { PlanContext } from './plan-rules.ts'

/** What the rule needs of a meeting. */
export interface PlanMeetingFacts {
  date: IsoDate
  status?: string
  chairMemberId: string | null
  noteTakerMemberId: string | null
}

/** The meeting in progress on `today` for the viewer (member id, or null), or null between meetings. */
export function meetingInProgress(
  meetings: readonly PlanMeetingFacts[],
  today: IsoDate,
  viewerMemberId: string | null,
): PlanContext['meetingInProgress'] {
  const todays = meetings.filter((m) => m.date === today && m.status !== 'cancelled')
  const runs = (m: PlanMeetingFacts) => viewerMemberId !== null && (m.chairMemberId === viewerMemberId || m.noteTakerMemberId === viewerMemberId)
  const chosen = todays.find(runs) ?? todays[0]
  return chosen ? { chairMemberId: chosen.chairMemberId, noteTakerMemberId: chosen.noteTakerMemberId } : null
}
