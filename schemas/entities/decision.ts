/**
 * A decision in principle (seed 003): made at a core group whose social worker is absent, by the deputy
 * lead and the members, and taken to the team manager for sign-off. Once signed off it never changes.
 * @module
 */
import * as z from 'zod'
import { Id, optionalText, requiredText, Timestamp } from './fields.ts'

/** Most characters of what was decided. */
export const MAX_DECISION_LENGTH = 2000

/** Most characters of the team manager's note on signing off. */
export const MAX_SIGN_OFF_NOTE_LENGTH = 2000

/** The team manager's answer: agreed, or not agreed. */
export const DecisionOutcome = z.enum(['agreed', 'not-agreed'], { error: 'Select whether you agree with the decision' })
export type DecisionOutcome = z.infer<typeof DecisionOutcome>

/** What was decided, as the members wrote it. */
export const DecisionText = requiredText('What was decided', MAX_DECISION_LENGTH, 'Enter what was decided')

/** The team manager's note: why they agree or do not agree (optional). */
export const SignOffNote = optionalText('Note', MAX_SIGN_OFF_NOTE_LENGTH)

/** The team manager's sign-off, fixed once given. */
export const DecisionSignOff = z.strictObject({
  by: Id,
  at: Timestamp,
  outcome: DecisionOutcome,
  note: z.string().max(MAX_SIGN_OFF_NOTE_LENGTH).nullable(),
})
export type DecisionSignOff = z.infer<typeof DecisionSignOff>

/** A decision in principle as stored; `signOff` is null while it waits for the team manager. */
export const DecisionInPrinciple = z.strictObject({
  id: Id,
  caseId: Id,
  meetingId: Id,
  text: z.string().min(1).max(MAX_DECISION_LENGTH),
  /** The user id of the member who recorded it. */
  recordedBy: Id,
  recordedAt: Timestamp,
  signOff: DecisionSignOff.nullable(),
})
export type DecisionInPrinciple = z.infer<typeof DecisionInPrinciple>
