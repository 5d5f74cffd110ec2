/**
 * A contribution's status (issue 12 §2): submitted (locked for its author until the lead social worker
 * reopens it), drafting (something written) or not started, against the draft deadline.
 * @module
 */
import * as z from 'zod'

export const ContributionStatus = z.enum(['submitted', 'drafting', 'not-started'])
export type ContributionStatus = z.infer<typeof ContributionStatus>

/** Words for each status, for the contents list and the case page. */
export const CONTRIBUTION_STATUS_LABELS: Record<ContributionStatus, string> = {
  submitted: 'Submitted',
  drafting: 'Drafting',
  'not-started': 'Not started',
}

/** The status from what is recorded (a submission) and what is written (any content in the member's sections). */
export function contributionStatus(submitted: boolean, hasContent: boolean): ContributionStatus {
  if (submitted) return 'submitted'
  return hasContent ? 'drafting' : 'not-started'
}

/** The sections of one member's contribution (`contrib:<memberId>:<field>`), which submitting locks. */
export function contributionSections(memberId: string, fields: readonly { key: string }[]): string[] {
  return fields.map((f) => `contrib:${memberId}:${f.key}`)
}

/**
 * Who may submit a contribution: its author (locking their own), or the lead social worker on their
 * behalf (for a written report sent in). Only the lead social worker reopens one.
 */
export function canSubmitContribution(viewer: { memberId: string | null; role: string | null }, memberId: string): boolean {
  return viewer.memberId === memberId || viewer.role === 'lead-social-worker'
}

export function canReopenContribution(viewer: { role: string | null }): boolean {
  return viewer.role === 'lead-social-worker'
}

/** Where the contribution stands against the draft deadline, in words ("3 days left", "2 days overdue"). */
export function deadlineWords(status: ContributionStatus, deadline: string | null, today: string): string | null {
  if (deadline === null || status === 'submitted') return null
  const days = Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000)
  if (days > 1) return `due in ${days} days`
  if (days === 1) return 'due tomorrow'
  if (days === 0) return 'due today'
  return days === -1 ? '1 day overdue' : `${-days} days overdue`
}
