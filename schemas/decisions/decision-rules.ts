/**
 * Who may record a decision in principle and who may sign it off (seed 003), as pure functions of the
 * member, the meeting and the decision. The server enforces them; the meeting page and the team page
 * call the same functions to decide what to offer.
 *
 * - Decisions in principle exist only where the social worker is absent: otherwise the social worker
 *   makes the decision at the meeting.
 * - The chair, the note taker or the deputy lead of that meeting records it (a current professional
 *   member; never the lead social worker, who is the one absent).
 * - Only a team manager of the case signs it off, agreeing or not (seed 003: "taken to the relevant
 *   team manager for sign-off"). A case has one team manager, who may have chaired or taken the notes
 *   of that meeting and recorded the decision there: they still sign it off, as a separate, recorded
 *   act (otherwise nobody could). Once signed off it cannot change.
 * @module
 */
import { PROFESSIONAL_ROLES, type CoreGroupRole } from '../roles.ts'

/** A current member of the case, as the rules see them; null for anyone who is not. */
export interface DecisionMember {
  memberId: string
  userId: string | null
  role: CoreGroupRole
}

/** What the rules need of the meeting. */
export interface DecisionMeeting {
  socialWorkerAbsent: boolean
  status: string
  chairMemberId: string | null
  noteTakerMemberId: string | null
}

/** What the rules need of a decision. */
export interface DecisionState {
  recordedBy: string
  signedOff: boolean
}

/** Refused as not allowed (403) or as not possible in the current state (409), with the words to show. */
export type DecisionRefusal = { kind: 'forbidden' | 'conflict'; message: string }

export const SOCIAL_WORKER_PRESENT_MESSAGE = 'Decisions in principle are recorded only when the social worker is absent; the social worker makes decisions at the meeting'
export const NOT_A_RECORDER_MESSAGE = 'Only the chair, the note taker or the deputy lead of this core group can record a decision in principle'
export const LEAD_RECORDS_NOTHING_MESSAGE = 'The lead social worker makes decisions at the meeting; decisions in principle are recorded by the chair, the note taker or the deputy lead when the social worker is absent'
export const CANCELLED_MEETING_MESSAGE = 'This core group was cancelled: no decision can be recorded for it'
export const NOT_TEAM_MANAGER_MESSAGE = 'Only a team manager of this case can sign off a decision in principle'
export const ALREADY_SIGNED_OFF_MESSAGE = 'This decision in principle has already been signed off and cannot change'

/** Why `member` may not record a decision in principle for `meeting`; null when they may. */
export function recordDecisionRefusal(member: DecisionMember | null, meeting: DecisionMeeting): DecisionRefusal | null {
  if (member === null || !PROFESSIONAL_ROLES.has(member.role)) return { kind: 'forbidden', message: NOT_A_RECORDER_MESSAGE }
  if (member.role === 'lead-social-worker') return { kind: 'forbidden', message: LEAD_RECORDS_NOTHING_MESSAGE }
  const runs = member.memberId === meeting.chairMemberId || member.memberId === meeting.noteTakerMemberId || member.role === 'deputy-lead'
  if (!runs) return { kind: 'forbidden', message: NOT_A_RECORDER_MESSAGE }
  if (meeting.status === 'cancelled') return { kind: 'conflict', message: CANCELLED_MEETING_MESSAGE }
  if (!meeting.socialWorkerAbsent) return { kind: 'conflict', message: SOCIAL_WORKER_PRESENT_MESSAGE }
  return null
}

/** Why `member` may not sign off `decision`; null when they may. */
export function signOffRefusal(member: DecisionMember | null, decision: DecisionState): DecisionRefusal | null {
  if (member === null || member.role !== 'team-manager') return { kind: 'forbidden', message: NOT_TEAM_MANAGER_MESSAGE }
  if (decision.signedOff) return { kind: 'conflict', message: ALREADY_SIGNED_OFF_MESSAGE }
  return null
}

/**
 * Whether a member in `role` sees a decision: professionals see every one; family members only those
 * the team manager has signed off (one waiting may still be overturned).
 */
export function maySeeDecision(role: CoreGroupRole, decision: Pick<DecisionState, 'signedOff'>): boolean {
  return PROFESSIONAL_ROLES.has(role) || decision.signedOff
}
