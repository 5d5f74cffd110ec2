/**
 * A core group meeting: when and where it is, who chairs and who takes notes, and the dates that the
 * timescales are measured by (held, minutes to the social worker, notes sent out, joint report stages).
 * @module
 */
import * as z from 'zod'
import { AgendaVariantId } from '../templates/variant-id.ts'
import { Id, isoDate, MAX_TEXT_LENGTH, optionalIsoDate, OptionalMeetingLink, optionalText, requiredText, timeOfDay, Timestamp } from './fields.ts'

/** The three kinds of core group, each with its own agenda (seed 004). */
export const MeetingType = z.enum(['first', 'subsequent', 'pre-review'], { error: 'Select the type of core group' })
export type MeetingType = z.infer<typeof MeetingType>

/** Words for each meeting type. */
export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  first: 'First core group',
  subsequent: 'Core group',
  'pre-review': 'Core group before the review conference (joint report)',
}

/**
 * Where a meeting is in its life: planned, held, then notes sent to every member; or cancelled, with a
 * reason (seed 000: only in exceptional circumstances), which never counts as a core group held.
 */
export const MeetingStatus = z.enum(['planned', 'held', 'notes-distributed', 'cancelled'], { error: 'Select the status of the meeting' })
export type MeetingStatus = z.infer<typeof MeetingStatus>

/** Words for each meeting status. */
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planned',
  held: 'Held',
  'notes-distributed': 'Notes sent out',
  cancelled: 'Cancelled',
}

/** The statuses a meeting's record may be set to (PATCH); a meeting is cancelled only with a reason. */
export const RecordedMeetingStatus = z.enum(['planned', 'held', 'notes-distributed'], { error: 'Select the status of the meeting' })

/** Most characters of the reason a meeting is cancelled or re-arranged. */
export const MAX_REASON_LENGTH = 2000

/** Why a meeting was cancelled or moved: always given (seed 000, exceptional circumstances only). */
export const meetingChangeReason = (what: string) => requiredText(`Reason the core group is ${what}`, MAX_REASON_LENGTH, `Give the reason the core group is ${what}`)

/** A cancelled meeting's record: why, on which day, and by whom (a user id). */
export const MeetingCancellation = z.strictObject({ reason: meetingChangeReason('cancelled'), date: isoDate('Date cancelled'), by: Id })
export type MeetingCancellation = z.infer<typeof MeetingCancellation>

/** One move of a planned meeting to another day or time, with the reason given. */
export const MeetingRearrangement = z.strictObject({
  fromDate: isoDate('Date before'),
  fromTime: timeOfDay('Time before'),
  toDate: isoDate('Date after'),
  toTime: timeOfDay('Time after'),
  reason: meetingChangeReason('re-arranged'),
  at: Timestamp,
  by: Id,
})
export type MeetingRearrangement = z.infer<typeof MeetingRearrangement>

/** Most re-arrangements one meeting keeps. */
export const MAX_REARRANGEMENTS = 50

/** The message for a meeting whose chair is also its note taker (the API answers 409 with it). */
export const CHAIR_IS_NOTE_TAKER_MESSAGE = 'The chair and the note taker must be different people'

/**
 * True when one member is both chair and note taker, which seed 004 rules out. Not a schema check:
 * the API treats it as a conflict (409), not a malformed request.
 */
export function chairIsNoteTaker(m: { chairMemberId?: string | null; noteTakerMemberId?: string | null }): boolean {
  return !!m.chairMemberId && m.chairMemberId === m.noteTakerMemberId
}

const nullableId = Id.nullish().transform((v) => v ?? null)

const planFields = {
  type: MeetingType,
  date: isoDate('Date of the meeting'),
  time: timeOfDay('Start time'),
  venue: optionalText('Venue', MAX_TEXT_LENGTH),
  onlineLink: OptionalMeetingLink,
  chairMemberId: nullableId,
  noteTakerMemberId: nullableId,
  /** Chairs when the chair cannot (seed 000: "a chair and a vice chair"). */
  viceChairMemberId: nullableId.optional().transform((v) => v ?? null),
}

/** Dates recorded after the meeting, each checked against a timescale (see timescales/). */
const RECORD_DATE_LABELS = {
  heldDate: 'Date the meeting was held',
  minutesToSocialWorkerDate: 'Date the minutes reached the social worker',
  socialWorkerUpdateDate: 'Date the update reached the social worker',
  notesDistributedDate: 'Date the notes were sent out',
  jointReportDraftDate: 'Date the draft joint report was sent out',
  jointReportAmendmentsDate: 'Date the amendments were returned',
  jointReportFinalDate: 'Date the final joint report was ready',
} as const
type RecordDate = keyof typeof RECORD_DATE_LABELS

const recordFields = {
  ...(Object.fromEntries(
    Object.entries(RECORD_DATE_LABELS).map(([key, label]) => [key, optionalIsoDate(label)]),
  ) as { [K in RecordDate]: ReturnType<typeof optionalIsoDate> }),
  /** The social worker missed the meeting: the group sends them an update (seed 001). */
  socialWorkerAbsent: z.boolean({ error: 'Select yes if the social worker was absent' }).default(false),
}

type MeetingLike = Partial<Record<keyof typeof planFields | RecordDate | 'status' | 'socialWorkerAbsent' | 'cancellation', unknown>>

/** Cross-field checks shared by the create, update and stored schemas (only on fields present). */
function checkMeeting(m: MeetingLike, ctx: z.core.$RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
  if ('venue' in m && 'onlineLink' in m && !m.venue && !m.onlineLink) {
    issue('venue', 'Enter a venue or an online meeting link')
  }
  if ('cancellation' in m && (m.status === 'cancelled') !== (m.cancellation !== null && m.cancellation !== undefined)) {
    issue('cancellation', m.status === 'cancelled' ? 'Give the reason the core group is cancelled' : 'Only a cancelled core group has a cancellation')
  }
  if (m.status === 'notes-distributed' && m.notesDistributedDate === null) {
    issue('notesDistributedDate', 'Enter the date the notes were sent out')
  }
  if (m.status === 'planned' || m.status === 'cancelled') {
    for (const key of Object.keys(RECORD_DATE_LABELS) as RecordDate[]) {
      if (m[key]) issue(key, `${RECORD_DATE_LABELS[key]} can only be entered once the meeting is held`)
    }
  }
  const held = (m.heldDate ?? m.date) as string | null | undefined
  if (typeof held === 'string') {
    for (const key of Object.keys(RECORD_DATE_LABELS) as RecordDate[]) {
      const value = m[key]
      if (key !== 'heldDate' && typeof value === 'string' && value < held) {
        issue(key, `${RECORD_DATE_LABELS[key]} must be on or after the day of the meeting`)
      }
    }
  }
  if (m.socialWorkerAbsent === false && m.socialWorkerUpdateDate) {
    issue('socialWorkerUpdateDate', 'Only enter this date when the social worker was absent')
  }
  if (m.type !== undefined && m.type !== 'pre-review') {
    for (const key of ['jointReportDraftDate', 'jointReportAmendmentsDate', 'jointReportFinalDate'] as const) {
      if (m[key]) issue(key, 'Only a core group before the review conference has a joint report')
    }
  }
  const draft = m.jointReportDraftDate
  const amended = m.jointReportAmendmentsDate
  if (typeof draft === 'string' && typeof amended === 'string' && amended < draft) {
    issue('jointReportAmendmentsDate', 'Date the amendments were returned must be on or after the draft was sent out')
  }
}

/** A meeting as stored. `heldDate` is null until held; then the day it took place (usually `date`). */
export const Meeting = z
  .strictObject({
    id: Id,
    caseId: Id,
    ...planFields,
    status: MeetingStatus,
    ...recordFields,
    /**
     * The agenda the minutes were created with; set by the server, never by a request. Rows from
     * before it existed fall back to the authority's current agenda.
     */
    agendaVariant: AgendaVariantId.optional(),
    /** Set when the meeting is cancelled (status `cancelled`), null otherwise. */
    cancellation: MeetingCancellation.nullable().default(null),
    /** Every move of the meeting while planned, oldest first: the timescale stays measured from the rule, not the move. */
    rearrangements: z.array(MeetingRearrangement).max(MAX_REARRANGEMENTS).default([]),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .superRefine(checkMeeting)
export type Meeting = z.infer<typeof Meeting>

/**
 * What a request to plan a meeting carries. `type` and `date` may be left out: the server then uses
 * `proposeNextMeeting` (timescales/) from the case's earlier meetings.
 */
export const CreateMeetingInput = z
  .strictObject({ ...planFields, type: MeetingType.optional(), date: planFields.date.optional() })
  .superRefine(checkMeeting)
export type CreateMeetingInput = z.infer<typeof CreateMeetingInput>

/**
 * What a request to change a meeting carries: any subset of its fields, including its status and the
 * dates recorded after it. Checks run on the fields present; the server validates the merged row with
 * `Meeting`.
 */
export const UpdateMeetingInput = z
  .strictObject({
    ...Object.fromEntries(Object.entries({ ...planFields, ...recordFields }).map(([k, s]) => [k, z.optional(s)])),
    status: RecordedMeetingStatus.optional(),
    socialWorkerAbsent: z.boolean({ error: 'Select yes if the social worker was absent' }).optional(),
    rearrangeReason: meetingChangeReason('re-arranged').optional(),
  } as { [K in keyof typeof planFields | RecordDate]: z.ZodOptional<(typeof planFields & typeof recordFields)[K]> } & {
    status: z.ZodOptional<typeof RecordedMeetingStatus>
    socialWorkerAbsent: z.ZodOptional<z.ZodBoolean>
    /** Required when a planned meeting's date or time changes (a re-arrangement, kept in `rearrangements`). */
    rearrangeReason: z.ZodOptional<ReturnType<typeof meetingChangeReason>>
  })
  .superRefine(checkMeeting)
export type UpdateMeetingInput = z.infer<typeof UpdateMeetingInput>

/** POST /api/meetings/:id/cancel. */
export const CancelMeetingInput = z.strictObject({ reason: meetingChangeReason('cancelled') })
export type CancelMeetingInput = z.infer<typeof CancelMeetingInput>

/** The message when a meeting is recorded as held before its day (409). */
export const HELD_BEFORE_ITS_DAY_MESSAGE = 'A core group can only be recorded as held once its date has come'
