/**
 * Where an audit event happened, in words: the document and section by title ("Tom Ellis’s update in
 * the minutes of the first core group of 16 December 2026"), from the document and section names.
 * @module
 */
import { parseDocumentName, parseSectionName, type DocumentRef } from '../documents.ts'
import { JOINT_FIELDS } from '../layout.ts'
import { CONTRIBUTION_FORMAT } from '../templates/contribution-format.ts'
import { formatLongDate, isIsoDate } from '../timescales/iso-date.ts'
import { membersThing, type AuditFacts, type AuditMeetingFacts, type AuditWordsContext } from './audit-context.ts'

/** "the first core group of 16 December 2026", or words for a meeting no longer recorded. */
export function meetingWords(meeting: AuditMeetingFacts | undefined): string {
  if (!meeting) return 'a core group no longer recorded'
  const date = isIsoDate(meeting.date) ? formatLongDate(meeting.date) : meeting.date
  switch (meeting.type) {
    case 'first':
      return `the first core group of ${date}`
    case 'subsequent':
      return `the core group of ${date}`
    case 'pre-review':
      return `the core group of ${date} before the review conference`
  }
}

/** A document by title: "the minutes of the first core group of 16 December 2026". */
export function documentWords(ctx: AuditWordsContext, ref: DocumentRef): string {
  switch (ref.kind) {
    case 'meeting':
      return `the minutes of ${meetingWords(ctx.meetings.get(ref.meetingId))}`
    case 'restricted':
      return `the professionals-only notes of ${meetingWords(ctx.meetings.get(ref.meetingId))}`
    case 'report':
      return `the joint report from ${meetingWords(ctx.meetings.get(ref.reportId))}`
    case 'report-family':
      return `the family’s copy of the joint report from ${meetingWords(ctx.meetings.get(ref.reportId))}`
    case 'plan':
      return 'the child protection plan'
    case 'demo':
      return 'a demonstration document'
  }
}

const fieldTitle = (fields: ReadonlyArray<{ key: string; title: string }>, key: string) => fields.find((f) => f.key === key)?.title ?? key

/** A section by title, or null when the section is the whole document (or is not named). */
export function sectionWords(ctx: AuditWordsContext, ref: DocumentRef, name: string): string | null {
  if (name === '*') return null
  const section = parseSectionName(name)
  if (!section) return 'a section that is not part of the document'
  switch (section.kind) {
    case 'item': {
      const agenda = ref.kind === 'meeting' ? ctx.meetings.get(ref.meetingId)?.agenda : undefined
      return `the item “${agenda?.find((i) => i.key === section.key)?.title ?? section.key}”`
    }
    case 'update':
      return `${membersThing(ctx, section.memberId, 'update')}`
    case 'actions':
      return ref.kind === 'plan' ? null : 'the protection plan actions'
    case 'attendance':
      return 'the attendance and apologies'
    case 'notes':
      return null
    case 'contrib':
      return `${membersThing(ctx, section.memberId, 'contribution')}, “${fieldTitle(CONTRIBUTION_FORMAT, section.field)}”`
    case 'joint':
      return `the joint section “${fieldTitle(JOINT_FIELDS, section.field)}”`
    case 'position':
      return `${membersThing(ctx, section.memberId, 'position on the recommendation')}`
    case 'comments':
      return `${membersThing(ctx, section.memberId, 'comments')}`
    case 'resolutions':
      return 'the resolved comments'
    case 'draft':
      return `the shared draft of “${fieldTitle(JOINT_FIELDS, section.field)}”`
    case 'views':
      return `${membersThing(ctx, section.memberId, 'views')}`
    case 'control':
      return 'the document’s locks and settings'
  }
}

const EVENT_PLACES: Partial<Record<string, string>> = {
  'member-added': 'the core group’s members',
  'member-changed': 'the core group’s members',
  'case-handed-over': 'the core group’s members',
  'conference-booked': 'the case’s conferences',
  'conference-changed': 'the case’s conferences',
}

/**
 * Where an event happened, capitalised as a table cell: "Tom Ellis’s update in the minutes of the
 * first core group of 16 December 2026"; for events without a document, the part of the case they
 * changed, or "The case" (or "The service" for sign-ins, which belong to no case).
 */
export function auditWhere(ctx: AuditWordsContext, e: AuditFacts): string {
  const ref = e.doc ? parseDocumentName(e.doc) : null
  let words: string
  if (ref) {
    const section = e.section ? sectionWords(ctx, ref, e.section) : null
    const doc = documentWords(ctx, ref)
    words = section ? `${section} in ${doc}` : doc
  } else if (e.doc) {
    words = 'a document that is not recorded'
  } else {
    words = EVENT_PLACES[e.event] ?? (ACCOUNT_EVENTS.has(e.event) ? 'the service' : 'the case')
  }
  return words.charAt(0).toUpperCase() + words.slice(1)
}

const ACCOUNT_EVENTS = new Set(['sign-in', 'sign-in-failed', 'sign-out', 'session-expired', 'invitation-created', 'invitation-accepted', 'invitation-withdrawn', 'account-disabled', 'account-enabled', 'password-reset-issued', 'password-reset-used', 'limit-breached'])
