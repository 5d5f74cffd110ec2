/**
 * Row sections (DESIGN §3): a `Y.Array` of `Y.Map` rows, one zod schema per section, so the server
 * refuses rows and fields that do not match (issue 8 §6) and the client builds rows from the same truth.
 *
 * Field values are plain values in the row map, except `text` fields, which hold a `Y.Text` so that
 * several people can type into them at once.
 * @module
 */
import * as z from 'zod'
import { Id } from '../entities/fields.ts'
import { isIsoDate } from '../timescales/iso-date.ts'
import type { SectionRef } from '../documents.ts'

/** Longest value of one free-text field of a row. */
export const MAX_ROW_TEXT = 4000

const rowText = z.string().max(MAX_ROW_TEXT)
const isoDate = z.string().refine(isIsoDate, 'must be a date written YYYY-MM-DD')

/** One member's attendance at the meeting (the `attendance` section). */
export const AttendanceRow = z
  .object({
    memberId: Id,
    status: z.enum(['present', 'apologies', 'absent']),
    /** For a member not attending: whether their written report was received. */
    reportReceived: z.boolean().optional(),
  })
  .strict()
export type AttendanceRow = z.infer<typeof AttendanceRow>

export const ActionStatus = z.enum(['not-started', 'in-progress', 'done', 'no-longer-needed'])

/**
 * One SMART action of the plan (the minutes' `actions` section; the plan document uses the same row).
 * `id` is the row's stable identity: optional in the minutes, required in the plan document
 * ({@link PlanActionRow}), where the history and the due items name rows by it. It never changes.
 */
export const ActionRow = z
  .object({
    id: Id,
    need: rowText,
    outcome: rowText,
    action: rowText,
    how: rowText,
    /** The member who owns the action; they may update its status and progress. */
    owner: Id.nullable(),
    due: isoDate.nullable(),
    status: ActionStatus,
    /** A `Y.Text` in the document (several people type progress notes at once). */
    progress: rowText,
    added: isoDate,
    changed: isoDate,
  })
  .partial({ id: true, how: true, progress: true, added: true, changed: true })
  .strict()
export type ActionRow = z.infer<typeof ActionRow>

/** A row of the plan document's `actions` section (`plan:<caseId>`): an {@link ActionRow} with its `id`. */
export const PlanActionRow = ActionRow.required({ id: true })
export type PlanActionRow = z.infer<typeof PlanActionRow>

/**
 * One dated entry of an agency's chronology since the last conference (`contrib:<memberId>:chronology`
 * of the joint report; seed 004: "significant events with dates and details of outcomes").
 */
export const ChronologyRow = z
  .object({
    id: Id,
    date: isoDate,
    event: rowText,
    outcome: rowText,
  })
  .partial({ outcome: true })
  .strict()
export type ChronologyRow = z.infer<typeof ChronologyRow>

/** One member's position on the report's recommendation (`position:<memberId>`; the last row counts). */
export const PositionRow = z
  .object({
    position: z.enum(['agree', 'disagree']),
    /** Why they disagree (the report shows "no reason given" for a disagreement without one). */
    reason: rowText,
    at: z.string().max(40),
  })
  .partial({ reason: true, at: true })
  .strict()
export type PositionRow = z.infer<typeof PositionRow>

/** Longest encoded Yjs relative position of a comment's anchor (base64). */
export const MAX_ANCHOR_LENGTH = 400

/**
 * One comment on a passage of the draft joint report (`comments:<memberId>`): anchored to the text of
 * `section` by two encoded `Y.RelativePosition`s (base64), so it follows edits around it.
 */
export const CommentRow = z
  .object({
    id: Id,
    section: z.string().max(200),
    anchor: z.string().max(MAX_ANCHOR_LENGTH),
    head: z.string().max(MAX_ANCHOR_LENGTH),
    /** The words commented on when the comment was written, shown if the passage has gone. */
    quote: z.string().max(500),
    text: rowText,
    at: z.string().max(40),
  })
  .partial({ quote: true })
  .strict()
export type CommentRow = z.infer<typeof CommentRow>

/** A comment the lead social worker has resolved (`resolutions`). */
export const ResolutionRow = z
  .object({
    commentId: Id,
    /** The commenter, whose `comments:<memberId>` holds the comment. */
    memberId: Id,
    at: z.string().max(40),
  })
  .strict()
export type ResolutionRow = z.infer<typeof ResolutionRow>

/** The schema of each row section and which of its fields are collaborative text. */
export const ROW_SECTIONS = {
  actions: { row: ActionRow, textFields: new Set(['progress']) },
  attendance: { row: AttendanceRow, textFields: new Set<string>() },
  chronology: { row: ChronologyRow, textFields: new Set<string>() },
  position: { row: PositionRow, textFields: new Set<string>() },
  comments: { row: CommentRow, textFields: new Set<string>() },
  resolutions: { row: ResolutionRow, textFields: new Set<string>() },
} as const satisfies Record<string, { row: z.ZodObject; textFields: ReadonlySet<string> }>

export type RowSectionName = keyof typeof ROW_SECTIONS

/** Which row schema a row section uses (a contribution's chronology uses `chronology`); null for other sections. */
export function rowSectionOf(ref: SectionRef): RowSectionName | null {
  switch (ref.kind) {
    case 'actions':
    case 'attendance':
    case 'position':
    case 'comments':
    case 'resolutions':
      return ref.kind
    case 'contrib':
      return ref.field === 'chronology' ? 'chronology' : null
    default:
      return null
  }
}

/** The fields an owner of an action row may change in it (issue 8 §5; issue 11). */
export const ACTION_OWNER_FIELDS: ReadonlySet<string> = new Set(['status', 'progress', 'changed'])
