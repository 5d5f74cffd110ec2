/**
 * `/api/meetings/:id/decisions`, `/api/decisions/:id/sign-off` and `/api/team/decisions` payloads:
 * decisions in principle (seed 003) as the meeting page and the team manager's page show them.
 * @module
 */
import * as z from 'zod'
import { DecisionOutcome, DecisionText, SignOffNote } from '../entities/decision.ts'
import { MeetingType } from '../entities/meeting.ts'

/** POST /api/meetings/:id/decisions. */
export const RecordDecisionInput = z.strictObject({ text: DecisionText })
export type RecordDecisionInput = z.infer<typeof RecordDecisionInput>

/** POST /api/decisions/:id/sign-off. */
export const SignOffDecisionInput = z.strictObject({ outcome: DecisionOutcome, note: SignOffNote })
export type SignOffDecisionInput = z.infer<typeof SignOffDecisionInput>

/** A person named on a decision: the user id and the name they have in the core group. */
export const DecisionPerson = z.strictObject({ userId: z.string(), name: z.string() })

/** One decision as the meeting page shows it. */
export const DecisionView = z.strictObject({
  id: z.string(),
  meetingId: z.string(),
  text: z.string(),
  recordedBy: DecisionPerson,
  recordedAt: z.string(),
  /** Null while it waits for the team manager. The note is for professionals only (null for the family). */
  signOff: z
    .strictObject({ by: DecisionPerson, at: z.string(), outcome: DecisionOutcome, note: z.string().nullable() })
    .nullable(),
})
export type DecisionView = z.infer<typeof DecisionView>

/** GET /api/meetings/:id/decisions (oldest first). */
export const DecisionListResponse = z.strictObject({ decisions: z.array(DecisionView) })
export type DecisionListResponse = z.infer<typeof DecisionListResponse>

/** POST /api/meetings/:id/decisions and POST /api/decisions/:id/sign-off. */
export const DecisionResponse = z.strictObject({ decision: DecisionView })
export type DecisionResponse = z.infer<typeof DecisionResponse>

/** One decision waiting for the signed-in team manager, with its case and meeting. */
export const PendingDecision = z.strictObject({
  id: z.string(),
  case: z.strictObject({ id: z.string(), familyName: z.string() }),
  meeting: z.strictObject({ id: z.string(), date: z.string(), type: MeetingType }),
  text: z.string(),
  recordedBy: DecisionPerson,
  recordedAt: z.string(),
  /** True when the viewer recorded it (as chair or note taker); they still sign it off, as its own act. */
  recordedByYou: z.boolean(),
})
export type PendingDecision = z.infer<typeof PendingDecision>

/** GET /api/team/decisions: oldest first, so nothing waits longest unseen. */
export const PendingDecisionsResponse = z.strictObject({ decisions: z.array(PendingDecision) })
export type PendingDecisionsResponse = z.infer<typeof PendingDecisionsResponse>
