/**
 * Who may read and write the child protection plan (issue 11 §1, §2), as pure functions.
 *
 * The plan is one Yjs document per case, `plan:<caseId>` (not one per meeting). Its rows live in the
 * `actions` section: a `Y.Array` of `Y.Map` rows, each an `ActionRow` (schemas/content/rows.ts). The
 * server calls {@link planWriteDecision} for every row change an update makes; the client calls the same
 * functions to decide which cells are editable, so both sides agree.
 *
 * The rules, in plain English:
 * - **Reading**: every current member of the core group reads the plan, the family included.
 *   Somebody who is not a member, or has opted out, reads and writes nothing ("read-only").
 * - **During a meeting**: the meeting's chair, its note taker and the lead social worker may add rows,
 *   remove rows and change any field of any row.
 * - **Between meetings**: only the lead social worker may add, remove and change rows.
 * - **The owner of a row** (whoever its `owner` names: a professional, a parent, the child) may at any
 *   time change that row's status, progress notes and changed date (`ACTION_OWNER_FIELDS`), and
 *   nothing else of it: not its action, not its due date, not who owns it; nor may they remove it.
 * - **Nobody else** may change anything ("not-writable"): not the team manager or the deputy lead
 *   unless they chair or take notes, not a member on somebody else's row.
 * - A **lock** (optional `control` in the context; a lead social worker's or team manager's lock, or a
 *   finalised state) refuses every change, whoever makes it ("locked").
 *
 * The reasons are the `WriteDenial` values of schemas/permissions.ts, so the server can send them in
 * its `Rejected` message unchanged.
 * @module
 */
import { ACTION_OWNER_FIELDS } from '../content/rows.ts'
import { ID_PATTERN, PLAN_DOCUMENT_PREFIX } from '../documents.ts'
import { isLocked, type ControlState, type Viewer, type WriteDecision } from '../permissions.ts'

/** The prefix of the plan document's name: `plan:<caseId>` (defined with the other names in documents.ts). */
export { PLAN_DOCUMENT_PREFIX }
/** The plan's row section: a `Y.Array` of `ActionRow` maps. */
export const PLAN_ACTIONS_SECTION = 'actions'

/** The name of the case's plan document. Throws on a case id outside the id pattern. */
export function planDocumentName(caseId: string): string {
  if (!ID_PATTERN.test(caseId)) throw new RangeError(`Not a case id: ${JSON.stringify(caseId)}`)
  return `${PLAN_DOCUMENT_PREFIX}${caseId}`
}

/** The case id of a plan document's name, or null when the name is not `plan:<caseId>`. */
export function parsePlanDocumentName(name: string): string | null {
  if (!name.startsWith(PLAN_DOCUMENT_PREFIX)) return null
  const caseId = name.slice(PLAN_DOCUMENT_PREFIX.length)
  return ID_PATTERN.test(caseId) ? caseId : null
}

/** What the rules need to know about the moment of the change. */
export interface PlanContext {
  /** The meeting under way now, with its chair and note taker; null between meetings. */
  meetingInProgress: { chairMemberId: string | null; noteTakerMemberId: string | null } | null
  /** The plan document's control state; absent means nothing is locked. */
  control?: ControlState
}

/**
 * One change to the plan's rows, as the server's update check resolves it: `row` is the row as it
 * stands before the update (null for a row the update adds); `key` the field changed (null when the
 * whole row is added or removed).
 */
export interface PlanChange {
  row: Readonly<Record<string, unknown>> | null
  key: string | null
}

/** The kind of a change: adding a row, removing one, or changing one field of an existing row. */
export type PlanChangeKind = 'add-row' | 'remove-row' | 'edit-field'

export function planChangeKind(change: PlanChange): PlanChangeKind {
  if (change.row === null) return 'add-row'
  return change.key === null ? 'remove-row' : 'edit-field'
}

/** The viewer's member id when they are a current member (a role, a membership, not opted out). */
function activeMemberId(viewer: Viewer): string | null {
  return viewer.role === null || viewer.memberId === null || viewer.optedOut ? null : viewer.memberId
}

/** Whether the viewer may read the plan: every current member, the family included. */
export function canReadPlan(viewer: Viewer): boolean {
  return activeMemberId(viewer) !== null
}

/**
 * Whether the viewer may add, remove and change every row now: the lead social worker always; the
 * chair and the note taker while their meeting is in progress.
 */
export function canEditPlan(viewer: Viewer, context: PlanContext): boolean {
  const memberId = activeMemberId(viewer)
  if (memberId === null) return false
  if (viewer.role === 'lead-social-worker') return true
  const meeting = context.meetingInProgress
  return meeting !== null && (meeting.chairMemberId === memberId || meeting.noteTakerMemberId === memberId)
}

/** Whether the viewer owns the row (its `owner` is the viewer's member id, and they are a current member). */
export function ownsRow(viewer: Viewer, row: Readonly<Record<string, unknown>> | null): boolean {
  const memberId = activeMemberId(viewer)
  return memberId !== null && row !== null && row.owner === memberId
}

/**
 * The decision for one change to the plan's rows (see the module comment): `read-only` for somebody
 * who may not read the plan, `not-writable` for a change they may not make, `locked` for a change
 * they could make but the plan (or its `actions` section) is locked.
 */
export function planWriteDecision(viewer: Viewer, context: PlanContext, change: PlanChange): WriteDecision {
  if (!canReadPlan(viewer)) return { ok: false, reason: 'read-only' }
  const allowed =
    canEditPlan(viewer, context) ||
    (planChangeKind(change) === 'edit-field' && ownsRow(viewer, change.row) && ACTION_OWNER_FIELDS.has(change.key!))
  if (!allowed) return { ok: false, reason: 'not-writable' }
  if (context.control !== undefined && isLocked(context.control, PLAN_ACTIONS_SECTION)) return { ok: false, reason: 'locked' }
  return { ok: true }
}

/** Every field of an action row, in the order the table shows them. */
export const ACTION_FIELDS = ['need', 'outcome', 'action', 'how', 'owner', 'due', 'status', 'progress', 'added', 'changed'] as const

/**
 * The fields of an existing row the viewer may change now (for making cells editable): all of them for
 * whoever may edit the plan, the owner fields for the row's owner, none otherwise or when locked.
 */
export function editableFields(viewer: Viewer, context: PlanContext, row: Readonly<Record<string, unknown>>): ReadonlySet<string> {
  return new Set(ACTION_FIELDS.filter((key) => planWriteDecision(viewer, context, { row, key }).ok))
}
