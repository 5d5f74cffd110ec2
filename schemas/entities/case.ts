/**
 * A case: one family's child protection plan, from the initial conference until the plan ends.
 * @module
 */
import * as z from 'zod'
import { Duration } from '../timescales/settings.ts'
import { Id, isoDate, MAX_NAME_LENGTH, MAX_TEXT_LENGTH, OptionalEmail, optionalIsoDate, optionalText, requiredText, timeOfDay, Timestamp } from './fields.ts'

/** Whether the child protection plan is still in force. */
export const CaseStatus = z.enum(['open', 'plan-ended'], { error: 'Select open or plan ended' })
export type CaseStatus = z.infer<typeof CaseStatus>

/** Words for each case status. */
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = { open: 'Open', 'plan-ended': 'Plan ended' }

/** Most children one case may name. */
export const MAX_CHILDREN = 20
/** Most review conference dates one case may hold. */
export const MAX_REVIEW_CONFERENCES = 50

const childFields = {
  name: requiredText('Child’s name', MAX_NAME_LENGTH, 'Enter the child’s name'),
  dateOfBirth: isoDate('Date of birth'),
}

/** A child subject to the plan, as a request sends it. */
export const ChildInput = z.strictObject(childFields)
export type ChildInput = z.infer<typeof ChildInput>

/** A child subject to the plan, as stored. */
export const Child = z.strictObject({ id: Id, ...childFields })
export type Child = z.infer<typeof Child>

const childList = <T extends z.ZodType>(item: T) =>
  z
    .array(item, { error: 'Add at least one child' })
    .min(1, 'Add at least one child')
    .max(MAX_CHILDREN, `A case can have ${MAX_CHILDREN} children or fewer`)

const reviewConferenceDates = z
  .array(isoDate('Review conference date'), { error: 'Review conference dates must be a list of dates' })
  .max(MAX_REVIEW_CONFERENCES, `Enter ${MAX_REVIEW_CONFERENCES} review conference dates or fewer`)

/** The two kinds of child protection conference (seed 003). */
export const ConferenceKind = z.enum(['initial', 'review'], { error: 'Select an initial or a review conference' })
export type ConferenceKind = z.infer<typeof ConferenceKind>

/** What a review conference decided: the plan continues, or it ends (which closes the core group). */
export const ConferenceOutcome = z.enum(['plan-continues', 'plan-ends'], { error: 'Select whether the plan continues or ends' })
export type ConferenceOutcome = z.infer<typeof ConferenceOutcome>

export const CONFERENCE_OUTCOME_LABELS: Record<ConferenceOutcome, string> = {
  'plan-continues': 'The child protection plan continues',
  'plan-ends': 'The child protection plan ends',
}

const conferenceDetails = {
  time: timeOfDay('Start time').nullable().default(null),
  venue: optionalText('Venue', MAX_TEXT_LENGTH),
  /** The independent chair: a named recipient of the plan (seed 003). */
  chairName: optionalText('Name of the independent chair', MAX_NAME_LENGTH),
  chairEmail: OptionalEmail,
}

/**
 * A booked conference's details, one per date of `initialConferenceDate` and `reviewConferenceDates`
 * (the dates the timescales run from stay there; this holds the rest).
 */
export const Conference = z.strictObject({
  kind: ConferenceKind,
  date: isoDate('Date of the conference'),
  ...conferenceDetails,
  outcome: ConferenceOutcome.nullable().default(null),
})
export type Conference = z.infer<typeof Conference>

/** POST /api/cases/:id/conferences: book a review conference, or give the initial one its details. */
export const BookConferenceInput = z.strictObject({ kind: ConferenceKind, date: isoDate('Date of the conference'), ...conferenceDetails })
export type BookConferenceInput = z.infer<typeof BookConferenceInput>

/** PATCH /api/cases/:id/conferences/:date: change a conference's details or record its outcome. */
export const UpdateConferenceInput = z.strictObject({
  time: conferenceDetails.time.optional(),
  venue: z.optional(conferenceDetails.venue),
  chairName: z.optional(conferenceDetails.chairName),
  chairEmail: z.optional(conferenceDetails.chairEmail),
  outcome: ConferenceOutcome.nullable().optional(),
})
export type UpdateConferenceInput = z.infer<typeof UpdateConferenceInput>

/**
 * A case's own time between core groups, instead of the authority's (seed 001: "four weekly core
 * groups may be required dependent upon the needs and age of the child"), and why.
 */
const intervalFields = {
  coreGroupInterval: Duration.refine((d) => d.value >= 1, 'Enter a time between core groups of 1 or more').nullable().default(null),
  coreGroupIntervalReason: optionalText('Why this case meets at a different interval', MAX_TEXT_LENGTH),
}

const caseFields = {
  familyName: requiredText('Family name', MAX_NAME_LENGTH),
  initialConferenceDate: isoDate('Date of the initial conference'),
}

type CaseDates = {
  initialConferenceDate?: string
  reviewConferenceDates?: readonly string[]
  conferences?: readonly Conference[]
  status?: CaseStatus
  planEndedDate?: string | null
}

/** Cross-field checks shared by the create, update and stored schemas (only on fields present). */
function checkCaseDates(value: CaseDates, ctx: z.core.$RefinementCtx): void {
  const initial = value.initialConferenceDate
  const seen = new Set<string>()
  value.reviewConferenceDates?.forEach((date, i) => {
    const path = ['reviewConferenceDates', i]
    if (initial !== undefined && date <= initial) {
      ctx.addIssue({ code: 'custom', path, message: 'Review conference date must be after the initial conference' })
    } else if (seen.has(date)) {
      ctx.addIssue({ code: 'custom', path, message: 'Enter each review conference date once' })
    }
    seen.add(date)
  })
  value.conferences?.forEach((conference, i) => {
    const known = conference.kind === 'initial' ? conference.date === initial : value.reviewConferenceDates?.includes(conference.date)
    if (known === false) ctx.addIssue({ code: 'custom', path: ['conferences', i, 'date'], message: 'A conference’s details need its date among the case’s conference dates' })
  })
  if (value.status === 'plan-ended' && value.planEndedDate === null) {
    ctx.addIssue({ code: 'custom', path: ['planEndedDate'], message: 'Enter the date the plan ended' })
  }
  if (value.status === 'open' && value.planEndedDate) {
    ctx.addIssue({ code: 'custom', path: ['planEndedDate'], message: 'An open case cannot have a date the plan ended' })
  }
  if (initial !== undefined && value.planEndedDate && value.planEndedDate < initial) {
    ctx.addIssue({
      code: 'custom',
      path: ['planEndedDate'],
      message: 'Date the plan ended must be on or after the initial conference',
    })
  }
}

/** A case as stored. `reviewConferenceDates` are held or booked review conferences, in date order. */
export const Case = z
  .strictObject({
    id: Id,
    authorityId: Id,
    ...caseFields,
    children: childList(Child),
    reviewConferenceDates,
    status: CaseStatus,
    planEndedDate: optionalIsoDate('Date the plan ended'),
    /** The day the core group agreed its Terms of Reference (seed 003), null until then. */
    termsOfReferenceAgreedDate: optionalIsoDate('Date the terms of reference were agreed').default(null),
    /** The member named to support school applications and transitions, where there is one (seed 003). */
    transitionsWorkerMemberId: Id.nullish().transform((v) => v ?? null),
    /** The details of booked conferences (time, venue, chair, outcome), by date. */
    conferences: z.array(Conference).max(MAX_REVIEW_CONFERENCES + 1).default([]),
    ...intervalFields,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .superRefine(checkCaseDates)
  .superRefine((c, ctx) => {
    if (c.coreGroupInterval && !c.coreGroupIntervalReason) {
      ctx.addIssue({ code: 'custom', path: ['coreGroupIntervalReason'], message: 'Say why this case meets at a different interval' })
    }
  })
export type Case = z.infer<typeof Case>

/** What a request to open a case carries. Review conference dates sort into date order. */
export const CreateCaseInput = z
  .strictObject({
    ...caseFields,
    children: childList(ChildInput),
    reviewConferenceDates: reviewConferenceDates.default([]).transform((dates) => [...dates].sort()),
  })
  .superRefine(checkCaseDates)
export type CreateCaseInput = z.infer<typeof CreateCaseInput>

/**
 * What a request to change a case carries: any subset of fields. A child with an id keeps it; one
 * without is new. Checks run on the fields present, so the server validates the merged row with `Case`.
 */
export const UpdateCaseInput = z
  .strictObject({
    familyName: caseFields.familyName.optional(),
    initialConferenceDate: caseFields.initialConferenceDate.optional(),
    children: childList(z.strictObject({ id: Id.optional(), ...childFields })).optional(),
    reviewConferenceDates: reviewConferenceDates.transform((dates) => [...dates].sort()).optional(),
    status: CaseStatus.optional(),
    planEndedDate: z.optional(optionalIsoDate('Date the plan ended')),
    termsOfReferenceAgreedDate: z.optional(optionalIsoDate('Date the terms of reference were agreed')),
    transitionsWorkerMemberId: Id.nullable().optional(),
    coreGroupInterval: intervalFields.coreGroupInterval.unwrap().optional(),
    coreGroupIntervalReason: z.optional(intervalFields.coreGroupIntervalReason),
  })
  .superRefine(checkCaseDates)
export type UpdateCaseInput = z.infer<typeof UpdateCaseInput>
