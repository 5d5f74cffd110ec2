/**
 * What a signed-in user may do with one document: computed from the membership rows and the meeting's
 * roles when the connection opens (DESIGN §4), then used by the update check on every update. Which
 * membership row counts, on which (UK) date, is the API's own rule (server/cases/membership.ts).
 * @module
 */
import type * as Y from 'yjs'
import * as z from 'zod'
import { Meeting, Member } from '../../schemas/entities/index.ts'
import { MINUTES_LAYOUT_KEY, MinutesLayoutEntry } from '../../schemas/templates/minutes-layout.ts'
import { CONTROL_SECTION, parseDocumentName, type DocumentRef } from '../../schemas/documents.ts'
import { canRead, type MeetingRoles, type Viewer } from '../../schemas/permissions.ts'
import { documentLayout } from '../../schemas/layout.ts'
import { meetingInProgress } from '../../schemas/plan/meeting-in-progress.ts'
import { agendaFor, DEFAULT_AGENDA_VARIANT } from '../../schemas/templates/registry.ts'
import { familyReportReadable } from '../../schemas/report/sharing.ts'
import { accessDate, activeMembers, resolveMembership, viewerOf } from '../cases/membership.ts'
import { parseRowShared } from '../db/entity-row.ts'
import { listMeetings } from '../db/repos/meetings.ts'
import { getAuthorityShared } from '../db/repos/users.ts'
import { reportSharedAt } from '../report/report-rows.ts'
import type { Db } from '../db/schema.ts'

export interface DocumentAccess {
  doc: DocumentRef
  /** The case the document belongs to (null for the demo sandbox). */
  caseId: string | null
  authorityId: string | null
  viewer: Viewer
  /**
   * The per-meeting roles that decide writing: the meeting's own for its documents; for the plan
   * (`plan:<caseId>`), the chair and note taker of the case's meeting in progress today
   * (`meetingInProgress`), or null between meetings.
   */
  meetingRoles: MeetingRoles | null
  /** The viewer's name as a member of the case (the plan's history records it); absent when not a member. */
  memberName?: string
  /** The sections the document holds; updates to any other section are refused. */
  sections: ReadonlySet<string>
}

export type AccessResult = { ok: true; access: DocumentAccess } | { ok: false; reason: 'unknown-document' | 'forbidden' }

/**
 * Resolves the access of `user` to the document `name`.
 *
 * "Not yours" and "not there" get one answer (issue 9 §8): a document of another authority's case,
 * or of a case of the user's own authority they have never been a member of (unless they administer
 * the authority), is `unknown-document`, like a missing one, so the answer tells nobody what exists.
 * The meeting and its case are read in one query, so both cost the same. `forbidden` is only for
 * someone who knows the case: a former or future member, or a member who may not read this document
 * (a parent on the professionals' notes).
 */
export async function resolveAccess(db: Db, user: { id: string; authorityId: string; accountRole?: string }, name: string): Promise<AccessResult> {
  const doc = parseDocumentName(name)
  if (!doc) return { ok: false, reason: 'unknown-document' }
  if (doc.kind === 'demo') {
    // The demo sandbox holds no case data: every signed-in user of the authority edits it as its lead.
    const viewer: Viewer = { userId: user.id, memberId: user.id, role: 'lead-social-worker', optedOut: false }
    const sections = new Set(documentLayout(doc, [], []).map((s) => s.name))
    return { ok: true, access: { doc, caseId: null, authorityId: user.authorityId, viewer, meetingRoles: null, sections } }
  }
  if (doc.kind === 'plan') return resolvePlanAccess(db, user, doc)
  const meetingId = 'reportId' in doc ? doc.reportId : doc.meetingId
  const meetingRow = await db
    .selectFrom('meetings')
    .innerJoin('cases', 'cases.id', 'meetings.case_id')
    .select(['meetings.data as data', 'cases.authority_id as authority_id'])
    .where('meetings.id', '=', meetingId)
    .executeTakeFirst()
  if (!meetingRow || meetingRow.authority_id !== user.authorityId) return { ok: false, reason: 'unknown-document' }
  const meeting = parseRowShared(Meeting, meetingRow)
  if ((doc.kind === 'report' || doc.kind === 'report-family') && meeting.type !== 'pre-review') return { ok: false, reason: 'unknown-document' }
  const allMembers = (await db.selectFrom('members').select('data').where('case_id', '=', meeting.caseId).execute()).map((r) => parseRowShared(Member, r))
  const today = accessDate()
  const membership = resolveMembership(allMembers.filter((m) => m.userId === user.id), today)
  if (membership.member === null && user.accountRole !== 'administrator') return { ok: false, reason: 'unknown-document' }
  const viewer = viewerOf(user.id, membership)
  const meetingRoles: MeetingRoles = { chairMemberId: meeting.chairMemberId, noteTakerMemberId: meeting.noteTakerMemberId }
  if (!canRead(viewer, doc)) return { ok: false, reason: 'forbidden' }
  // The family's copy of the joint report opens for the family only once the draft is shared (issue 12 §7).
  if (doc.kind === 'report-family' && !familyReportReadable(viewer, (await reportSharedAt(db, meeting.id)) !== null)) return { ok: false, reason: 'forbidden' }
  const authority = await getAuthorityShared(db, meetingRow.authority_id)
  const agenda = agendaFor(meeting.agendaVariant ?? authority?.agendaVariant ?? DEFAULT_AGENDA_VARIANT, meeting.type).items
  const sections = new Set(documentLayout(doc, agenda, activeMembers(allMembers, today)).map((s) => s.name))
  return { ok: true, access: { doc, caseId: meeting.caseId, authorityId: meetingRow.authority_id, viewer, meetingRoles, sections } }
}

/**
 * The plan of a case (`plan:<caseId>`): the case itself, no meeting, with the same answers as the
 * meeting's documents (another authority's or a never-known case: `unknown-document`; a former member
 * or a non-member administrator: `forbidden`). Writing is decided per row and field by the update
 * check (`planWriteDecision`); its "meeting in progress" is the case's meeting dated today (UK).
 */
async function resolvePlanAccess(db: Db, user: { id: string; authorityId: string; accountRole?: string }, doc: Extract<DocumentRef, { kind: 'plan' }>): Promise<AccessResult> {
  const caseRow = await db.selectFrom('cases').select(['id', 'authority_id']).where('id', '=', doc.caseId).executeTakeFirst()
  if (!caseRow || caseRow.authority_id !== user.authorityId) return { ok: false, reason: 'unknown-document' }
  const allMembers = (await db.selectFrom('members').select('data').where('case_id', '=', caseRow.id).execute()).map((r) => parseRowShared(Member, r))
  const today = accessDate()
  const membership = resolveMembership(allMembers.filter((m) => m.userId === user.id), today)
  if (membership.member === null && user.accountRole !== 'administrator') return { ok: false, reason: 'unknown-document' }
  const viewer = viewerOf(user.id, membership)
  if (!canRead(viewer, doc)) return { ok: false, reason: 'forbidden' }
  const meetingRoles = meetingInProgress(await listMeetings(db, caseRow.id), today, viewer.memberId)
  const sections = new Set(documentLayout(doc, [], []).map((s) => s.name))
  const access: DocumentAccess = { doc, caseId: caseRow.id, authorityId: caseRow.authority_id, viewer, meetingRoles, sections }
  if (membership.member) access.memberName = membership.member.name
  return { ok: true, access }
}

/**
 * A meeting's agenda sections are those its minutes document was created with (`control.layout`,
 * written once by the server), so a later change of the authority's agenda leaves old minutes intact.
 */
export function withDocumentLayout(access: DocumentAccess, doc: Y.Doc): DocumentAccess {
  if (access.doc.kind !== 'meeting') return access
  const layout = layoutOf(doc.getMap(CONTROL_SECTION).get(MINUTES_LAYOUT_KEY))
  if (!layout) return access
  const sections = new Set([...access.sections].filter((s) => !s.startsWith('item:')))
  for (const entry of layout) sections.add(entry.section)
  return { ...access, sections }
}

const MinutesLayout = z.array(MinutesLayoutEntry)
/**
 * The stored layout, checked once per value: the room's map hands every socket the same array until
 * the layout is written again (a new value), so the check is not repeated per connection.
 */
const layouts = new WeakMap<object, readonly MinutesLayoutEntry[] | null>()
function layoutOf(stored: unknown): readonly MinutesLayoutEntry[] | null {
  if (typeof stored !== 'object' || stored === null) return null
  let layout = layouts.get(stored)
  if (layout === undefined) {
    const parsed = MinutesLayout.safeParse(stored)
    layout = parsed.success ? parsed.data : null
    layouts.set(stored, layout)
  }
  return layout
}
