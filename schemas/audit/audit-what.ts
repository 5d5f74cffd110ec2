/**
 * What happened, in a sentence per kind of event, with the detail codes (reasons, roles, limits) in
 * plain words and the people they name by name.
 * @module
 */
import { CONFERENCE_OUTCOME_LABELS } from '../entities/case.ts'
import { CORE_GROUP_ROLE_LABELS } from '../roles.ts'
import { formatLongDate, isIsoDate } from '../timescales/iso-date.ts'
import type { AuditEventName } from './events.ts'
import { accountName, memberName, membersThing, type AuditFacts, type AuditWordsContext } from './audit-context.ts'

type Detail = NonNullable<AuditFacts['detail']>

const dateWords = (value: unknown) => (typeof value === 'string' && isIsoDate(value) ? formatLongDate(value) : 'an unrecorded date')

const roleWords = (value: unknown) => {
  const label = typeof value === 'string' ? (CORE_GROUP_ROLE_LABELS as Record<string, string>)[value] : undefined
  return label ? label.toLowerCase() : 'a member'
}

/** Why the server refused a change (`RefusalReason`), as the end of "A change was refused because …". */
export const REFUSAL_WORDS: Record<string, string> = {
  'not-writable': 'they may not write in this section',
  locked: 'the section is locked',
  control: 'only the server may change a document’s locks and settings',
  'unknown-section': 'the section is not part of the document',
  'read-only': 'they may only read this document',
  malformed: 'the change was damaged',
  'invalid-content': 'the section does not allow what the change held',
  'foreign-client': 'the change carried edits in another person’s name',
  'too-large': 'the change was too large',
  'held-too-long': 'the change waited too long for earlier changes',
}

const SIGN_IN_REFUSALS: Record<string, string> = {
  'bad-credentials': 'the email or password was wrong',
  disabled: 'the account is disabled',
  'rate-limited': 'there were too many attempts',
}

const QUARANTINE_WORDS: Record<string, string> = {
  throws: 'it could not be read',
  'left-pending': 'it depended on changes that were never stored',
}

const ACCOUNT_ROLE_WORDS: Record<string, string> = { administrator: 'an administrator', staff: 'a member of staff', family: 'a family member' }

const EXPORT_WORDS: Record<string, string> = { notes: 'the notes', plan: 'the plan', membership: 'the membership sheet', report: 'the joint report' }

function limitWords(limit: unknown): string {
  if (limit === 'documents-per-session') return 'Tried to open more documents at once than a session may; refused'
  if (limit === 'updates-per-second') return 'Sent changes faster than allowed; the connection was closed'
  return 'Sent messages faster than allowed; the connection was closed'
}

function signInFailed(ctx: AuditWordsContext, e: AuditFacts, d: Detail): string {
  const as = e.userId ? ` as ${accountName(ctx, e.userId)}` : ''
  const why = SIGN_IN_REFUSALS[String(d.reason)] ?? 'it was refused'
  const retry = typeof d.retryAfter === 'number' ? ` (they could try again after ${d.retryAfter} seconds)` : ''
  return `Tried to sign in${as}, refused because ${why}${retry}`
}

function memberChanged(ctx: AuditWordsContext, d: Detail): string {
  const parts = [`Changed the details of ${memberName(ctx, d.memberId)}`]
  if (d.previousRole) parts.push(`their role went from ${roleWords(d.previousRole)} to ${roleWords(d.role)}`)
  if (d.optedOutDate) parts.push(`they left the core group on ${dateWords(d.optedOutDate)}`)
  if (d.accountChanged) parts.push('the account linked to them changed')
  return parts.join('; ')
}

function conferenceWords(d: Detail): string {
  return d.kind === 'initial' ? `the initial child protection conference of ${dateWords(d.date)}` : `the review conference of ${dateWords(d.date)}`
}

function conferenceChanged(d: Detail): string {
  const base = `Changed the details of ${conferenceWords(d)}`
  if (!('outcome' in d)) return base
  const outcome = typeof d.outcome === 'string' ? (CONFERENCE_OUTCOME_LABELS as Record<string, string>)[d.outcome] : undefined
  return outcome ? `${base}; outcome: ${outcome.charAt(0).toLowerCase()}${outcome.slice(1)}` : `${base}; the outcome was cleared`
}

const subjectWords = (subject: unknown) => (subject === 'report' ? 'the joint report' : 'the minutes')
const copyWords = (copy: unknown) => (copy === 'family' ? 'the family copy' : 'the professional copy')

/** One sentence saying what happened; every `AuditEventName` has its own. */
export function auditWhat(ctx: AuditWordsContext, e: AuditFacts): string {
  const d: Detail = e.detail ?? {}
  const sentences: Record<AuditEventName, () => string> = {
    'sign-in': () => 'Signed in',
    'sign-in-failed': () => signInFailed(ctx, e, d),
    'sign-out': () => 'Signed out',
    'session-expired': () => 'Their session ended',
    'invitation-created': () => `Invited someone to join as ${ACCOUNT_ROLE_WORDS[String(d.role)] ?? 'a user'}`,
    'invitation-accepted': () => 'Accepted their invitation and set up their account',
    'invitation-withdrawn': () => 'Withdrew an invitation',
    'account-disabled': () => `Disabled the account of ${accountName(ctx, d.account)}`,
    'account-enabled': () => `Re-enabled the account of ${accountName(ctx, d.account)}`,
    'password-reset-issued': () => `Made a password reset link for the account of ${accountName(ctx, d.account)}`,
    'password-reset-used': () => 'Chose a new password with a reset link, which signed the account out everywhere else',
    'document-opened': () => 'Opened the document',
    'document-refused': () => 'Was refused the document',
    'update-rejected': () => `A change was refused because ${REFUSAL_WORDS[String(d.reason)] ?? 'the server could not accept it'}`,
    'log-entry-quarantined': () =>
      `A stored change${typeof d.seq === 'number' ? ` (number ${d.seq})` : ''} was set aside because ${QUARANTINE_WORDS[String(d.reason)] ?? 'it could not be loaded'}`,
    'limit-breached': () => limitWords(d.limit),
    lock: () => (e.section ? 'Locked the section' : 'Locked the whole document'),
    unlock: () => (e.section ? 'Unlocked the section' : 'Unlocked the whole document'),
    'member-added': () => `Added ${memberName(ctx, d.memberId)} to the core group as ${roleWords(d.role)}`,
    'member-changed': () => memberChanged(ctx, d),
    'meeting-roles-changed': () => `Made ${memberName(ctx, d.chairMemberId)} the chair and ${memberName(ctx, d.noteTakerMemberId)} the note taker`,
    'meeting-cancelled': () => `Cancelled the core group of ${dateWords(d.date)}`,
    'meeting-rearranged': () => `Moved the core group from ${dateWords(d.fromDate)} to ${dateWords(d.toDate)}`,
    'conference-booked': () => `Booked ${conferenceWords(d)}`,
    'conference-changed': () => conferenceChanged(d),
    'case-handed-over': () =>
      `Handed the case from ${memberName(ctx, d.fromMemberId)} to ${memberName(ctx, d.toMemberId)}${d.formerLeadLeaves ? `; ${memberName(ctx, d.fromMemberId)} left the core group` : ''}`,
    'decision-recorded': () => 'Recorded a decision in principle, for the team manager to sign off',
    'decision-signed-off': () => (d.outcome === 'not-agreed' ? 'Signed off a decision in principle: did not agree' : 'Signed off a decision in principle: agreed'),
    finalise: () => `Finalised ${subjectWords(d.subject)}${typeof d.number === 'number' ? ` as version ${d.number}` : ''}`,
    reopen: () => `Reopened ${subjectWords(d.subject)}${typeof d.reopenedNumber === 'number' ? ` after version ${d.reopenedNumber}` : ''} for changes`,
    export: () => `Exported ${EXPORT_WORDS[String(d.document)] ?? 'a document'} (${copyWords(d.copy)}) as a Word document${d.versionId ? ' from a finalised version' : ', as it stands'}`,
    download: () => `Downloaded ${EXPORT_WORDS[String(d.document)] ?? 'a document'} (${copyWords(d.copy)}) that was sent to them`,
    'distribution-recorded': () => `Recorded sending ${copyWords(d.copy)} to ${memberName(ctx, d.memberId)}`,
    acknowledged: () => `Acknowledged receiving the copy sent to ${memberName(ctx, d.memberId)}`,
    'social-worker-absence-recorded': () =>
      d.socialWorkerAbsent ? 'Recorded the lead social worker as not at the meeting' : 'Recorded the lead social worker as at the meeting',
    'report-contribution-submitted': () => `Submitted ${membersThing(ctx, d.memberId, 'contribution')}`,
    'report-contribution-reopened': () => `Reopened ${membersThing(ctx, d.memberId, 'contribution')} for changes`,
    'report-merged': () => `Merged the submitted contributions into the joint sections (${Number(d.taken ?? 0)} passages taken, ${Number(d.left ?? 0)} left as they were)`,
    'report-shared': () => (d.shared ? 'Shared the draft with the family' : 'Stopped sharing the draft with the family'),
  }
  const sentence = (sentences as Record<string, (() => string) | undefined>)[e.event]
  return sentence ? sentence() : 'Something the audit trail has no words for'
}

/** Who did it: the account's name; "Someone who is not signed in" for sign-in attempts; "The system". */
export function auditWho(ctx: AuditWordsContext, e: AuditFacts): string {
  if (e.event === 'sign-in-failed') return 'Someone who is not signed in'
  if (!e.userId) return 'The system'
  const name = ctx.userNames.get(e.userId)
  return name ?? 'An account no longer recorded'
}
