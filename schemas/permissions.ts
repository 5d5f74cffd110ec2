/**
 * The permission rules (issue 4 §3, DESIGN §1, §3, §4) as pure functions of their inputs.
 *
 * A document is the unit of reading permission, a section (root type) the unit of writing permission and
 * of locking. The server calls these on every connection and every update; the client calls the same
 * functions to make editors read-only, so both sides always agree. Nothing here does I/O.
 * @module
 */
import * as z from 'zod'
import { ACTION_OWNER_FIELDS } from './content/rows.ts'
import { parseSectionName, type DocumentRef, type SectionRef } from './documents.ts'
import { PROFESSIONAL_ROLES, type AccountRole, type CoreGroupRole } from './roles.ts'

/** The connection's user as seen from one case: computed by the server from the membership rows. */
export interface Viewer {
  userId: string
  /** The user's core group membership in this case; null when the user is not a member. */
  memberId: string | null
  /** The member's role; null when the user is not a member of this case. */
  role: CoreGroupRole | null
  /** An opted-out member keeps the row (for the record) but loses access to the case's documents. */
  optedOut: boolean
}

/** The per-meeting roles (chair and note taker are given to members, one meeting at a time). */
export interface MeetingRoles {
  chairMemberId: string | null
  noteTakerMemberId: string | null
}

/**
 * The plain form of a document's `control` map (which only the server writes), so that lock checks stay
 * pure and need no Yjs. `sections` holds the names of locked sections; a finalised document is locked
 * everywhere.
 */
export const ControlState = z.object({
  locked: z.boolean(),
  sections: z.record(z.string(), z.literal(true)),
  finalisedVersion: z.string().optional(),
})
export type ControlState = z.infer<typeof ControlState>

/** Why an update to a section is refused; sent to the client in the `Rejected` message. */
export const WriteDenial = z.enum(['not-writable', 'locked', 'control', 'unknown-section', 'read-only'])
export type WriteDenial = z.infer<typeof WriteDenial>

/**
 * Every reason an update is refused, sent in the `Rejected` message: a {@link WriteDenial}, or
 * `malformed` (not a well-formed Yjs update: yjs would throw, skip or misplace part of it; close 4400),
 * `invalid-content` (content the section's schema does not allow), `foreign-client` (structs under a
 * Yjs client id that belongs to another user, or deletions ahead of its clocks), `too-large` (over
 * `UPDATE_LIMITS` or `HELD_LIMITS`; close 4413), `held-too-long` (waited past `HELD_LIMITS.ageMs` for
 * structs the server has not seen; close 4408).
 */
export const RefusalReason = z.enum([...WriteDenial.options, 'malformed', 'invalid-content', 'foreign-client', 'too-large', 'held-too-long'])
export type RefusalReason = z.infer<typeof RefusalReason>
/** The outcome of {@link writeDecision}: either allowed, or refused with the reason the user is told. */
export type WriteDecision = { ok: true } | { ok: false; reason: WriteDenial }

/** The control state of a document nobody has locked yet. */
export const UNLOCKED: ControlState = Object.freeze({ locked: false, sections: Object.freeze({}) })

/** Roles that run the case: they lock, unlock, finalise and export (the lead social worker and the team manager). */
const CASE_MANAGER_ROLES: ReadonlySet<CoreGroupRole> = new Set(['lead-social-worker', 'team-manager'])

/** A member who has not opted out: the only kind of viewer who gets anything at all. */
function activeRole(viewer: Viewer): CoreGroupRole | null {
  if (viewer.role === null || viewer.memberId === null || viewer.optedOut) return null
  return viewer.role
}

/** True for a current member in a professional role: the restricted notes and the joint report are theirs only. */
export function isProfessional(viewer: Viewer): boolean {
  const role = activeRole(viewer)
  return role !== null && PROFESSIONAL_ROLES.has(role)
}

/** Whether the viewer may open (read) the document: the unit of reading permission (DESIGN §3). */
export function canRead(viewer: Viewer, doc: DocumentRef): boolean {
  if (activeRole(viewer) === null) return false
  switch (doc.kind) {
    case 'meeting':
    case 'demo':
    // The plan: every current member, the family included (schemas/plan/plan-rules.ts `canReadPlan`).
    case 'plan':
      return true
    case 'restricted':
    case 'report':
      return isProfessional(viewer)
    // The family's copy of the joint report: every current member, but a family member only once the
    // social worker has shared the draft (`familyReportReadable`, schemas/report/sharing.ts), which
    // the server checks when the socket opens.
    case 'report-family':
      return true
  }
}

/** Whether a section kind belongs to a document kind's layout; others are 'unknown-section' there. */
export function sectionBelongsTo(doc: DocumentRef, section: SectionRef): boolean {
  if (section.kind === 'control') return true
  switch (doc.kind) {
    case 'meeting':
    case 'demo':
      return section.kind === 'item' || section.kind === 'update' || section.kind === 'actions' || section.kind === 'attendance'
    case 'restricted':
      return section.kind === 'notes'
    case 'report':
      return section.kind === 'contrib' || section.kind === 'joint' || section.kind === 'position' || section.kind === 'comments' || section.kind === 'resolutions'
    case 'report-family':
      return section.kind === 'draft' || section.kind === 'views' || section.kind === 'comments' || section.kind === 'resolutions'
    case 'plan':
      return section.kind === 'actions'
  }
}

/** Whether the viewer chairs or takes the notes of this meeting (these roles are per meeting, not per case). */
function runsMeeting(viewer: Viewer, meetingRoles: MeetingRoles | null): boolean {
  if (viewer.memberId === null || meetingRoles === null) return false
  return meetingRoles.chairMemberId === viewer.memberId || meetingRoles.noteTakerMemberId === viewer.memberId
}

/**
 * Whether the viewer may write the section, ignoring locks: the unit of writing permission. `control` is
 * written by the server only, so nobody may write it; sections outside the document's layout, nobody.
 */
export function canWriteSection(
  viewer: Viewer,
  doc: DocumentRef,
  section: SectionRef | null,
  meetingRoles: MeetingRoles | null,
): boolean {
  if (section === null || !canRead(viewer, doc) || !sectionBelongsTo(doc, section)) return false
  const lead = viewer.role === 'lead-social-worker'
  switch (section.kind) {
    case 'item':
    case 'actions':
    case 'attendance':
    case 'notes':
      return lead || runsMeeting(viewer, meetingRoles)
    case 'update':
      return lead || section.memberId === viewer.memberId
    case 'contrib':
    case 'position':
    case 'comments':
    case 'views':
      return section.memberId === viewer.memberId
    case 'joint':
    case 'resolutions':
      return lead
    // The shared draft is the server's copy of the joint sections; nobody writes it.
    case 'draft':
    case 'control':
      return false
  }
}

/** Whether the viewer may lock and unlock sections or whole documents of the case. */
export function canManageLocks(viewer: Viewer): boolean {
  const role = activeRole(viewer)
  return role !== null && CASE_MANAGER_ROLES.has(role)
}

/** Whether the viewer may finalise a document (lock everything and record an immutable version). */
export function canFinalise(viewer: Viewer): boolean {
  return canManageLocks(viewer)
}

/** Whether the viewer may export documents of the case (DOCX) and record their distribution. */
export function canExport(viewer: Viewer): boolean {
  return canManageLocks(viewer)
}

/** Whether the section is locked: by its own lock, by a whole-document lock, or because the document is finalised. */
export function isLocked(control: ControlState, section: string): boolean {
  if (control.locked || control.finalisedVersion !== undefined) return true
  return Object.hasOwn(control.sections, section) && control.sections[section] === true
}

/**
 * The decision for one section an update touches (the server rejects the whole update on the first
 * refusal). Reasons are checked from the most fundamental: a viewer who may not read the document is
 * `read-only`; then `control`, names outside the layout, sections the viewer may not write, and locks.
 */
export function writeDecision(
  viewer: Viewer,
  doc: DocumentRef,
  sectionName: string,
  meetingRoles: MeetingRoles | null,
  control: ControlState,
): WriteDecision {
  if (!canRead(viewer, doc)) return { ok: false, reason: 'read-only' }
  const section = parseSectionName(sectionName)
  if (section?.kind === 'control') return { ok: false, reason: 'control' }
  if (section === null || !sectionBelongsTo(doc, section)) return { ok: false, reason: 'unknown-section' }
  if (!canWriteSection(viewer, doc, section, meetingRoles)) return { ok: false, reason: 'not-writable' }
  if (isLocked(control, sectionName)) return { ok: false, reason: 'locked' }
  return { ok: true }
}

/**
 * One change to a row section, resolved by the server's update check to the row and the field it
 * touches (issue 8 §5): `row` is the row as it stands before the update (null for a row the update
 * adds), `key` the field (null when the row itself is added or removed).
 */
export interface RowChange {
  section: string
  row: Readonly<Record<string, unknown>> | null
  key: string | null
}

/**
 * The decision for one change to a row: whoever may write the section may change anything in it; the
 * owner of an existing action row (its `owner` is the viewer's member id) may change that row's status,
 * progress notes and changed date, and nothing else of it. Locks apply to both.
 */
export function rowWriteDecision(
  viewer: Viewer,
  doc: DocumentRef,
  change: RowChange,
  meetingRoles: MeetingRoles | null,
  control: ControlState,
): WriteDecision {
  const decision = writeDecision(viewer, doc, change.section, meetingRoles, control)
  if (decision.ok || decision.reason !== 'not-writable') return decision
  const ownsRow = change.row !== null && viewer.memberId !== null && change.row.owner === viewer.memberId
  if (parseSectionName(change.section)?.kind === 'actions' && ownsRow && change.key !== null && ACTION_OWNER_FIELDS.has(change.key)) {
    return isLocked(control, change.section) ? { ok: false, reason: 'locked' } : { ok: true }
  }
  return decision
}

/** The chair and the note taker of one meeting must be different people (issue 4 §3; the API answers 409). */
export function chairAndNoteTakerDiffer(meetingRoles: MeetingRoles): boolean {
  return meetingRoles.chairMemberId === null || meetingRoles.noteTakerMemberId === null ||
    meetingRoles.chairMemberId !== meetingRoles.noteTakerMemberId
}

/** Account types that may open a new case (and so become its lead social worker): the authority's staff. */
const CASE_STARTER_ACCOUNTS: ReadonlySet<AccountRole> = new Set(['staff', 'administrator'])

/**
 * Whether the account may start a case. Opening one makes its creator the lead social worker, who
 * then adds the core group; a family account never may (issue 9, "only social care staff start cases").
 */
export function canStartCase(account: { accountRole: AccountRole }): boolean {
  return CASE_STARTER_ACCOUNTS.has(account.accountRole)
}
