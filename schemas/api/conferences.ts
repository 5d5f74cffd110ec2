/**
 * `/api/cases/:id/conferences` payloads: the case's child protection conferences, initial and review,
 * with their details and, for a review conference, the joint report's dates counted back from it.
 * @module
 */
import * as z from 'zod'
import { Conference } from '../entities/case.ts'

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/** One conference as the case page shows it. */
export const ConferenceView = z.strictObject({
  ...Conference.shape,
  /** The conference's day has come (an outcome may be recorded). */
  held: z.boolean(),
  /** For a review conference: when the pre-review core group, draft, amendments and final report are due. */
  jointReport: z.strictObject({ preReviewBy: date, draftBy: date, amendmentsBy: date, finalBy: date }).nullable(),
})
export type ConferenceView = z.infer<typeof ConferenceView>

/** GET /api/cases/:id/conferences (and the answer to booking or changing one). */
export const ConferenceListResponse = z.strictObject({ conferences: z.array(ConferenceView) })
export type ConferenceListResponse = z.infer<typeof ConferenceListResponse>
