/**
 * The joint report's API (issue 12): its state (contributions and their status against the draft
 * deadline, positions, sharing), submitting and reopening a contribution, the merge, sharing.
 * @module
 */
import * as z from 'zod'
import { Id } from '../entities/fields.ts'
import { ContributionStatus } from '../report/status.ts'

/** POST /api/reports/:id/contributions/:memberId/submit. */
export const SubmitContributionInput = z.strictObject({
  /** Keep the whole contribution out of the family's copy of the draft. */
  professionalsOnly: z.boolean({ error: 'Select whether the contribution is for professionals only' }).optional(),
})
export type SubmitContributionInput = z.infer<typeof SubmitContributionInput>

/** One member's contribution in the contents list. */
export const ContributionSummary = z.strictObject({
  memberId: Id,
  name: z.string(),
  agency: z.string().nullable(),
  status: ContributionStatus,
  professionalsOnly: z.boolean(),
  submittedAt: z.string().nullable(),
  /** Where it stands against the draft deadline, in words (null once submitted or without a deadline). */
  deadlineWords: z.string().nullable(),
})
export type ContributionSummary = z.infer<typeof ContributionSummary>

/** One passage the merge would change (the lead social worker's view of a re-merge). */
export const PendingPassage = z.strictObject({
  field: z.string(),
  fieldTitle: z.string(),
  memberId: Id,
  label: z.string(),
  kind: z.enum(['new', 'changed']),
  before: z.string().nullable(),
  after: z.string(),
  /** The social worker has edited this passage in the joint text: taking the change replaces their edit. */
  editedInJoint: z.boolean(),
})
export type PendingPassage = z.infer<typeof PendingPassage>

/** GET /api/reports/:id (and the answer of every report POST). */
export const ReportResponse = z.strictObject({
  report: z.strictObject({
    id: Id,
    document: z.string(),
    familyDocument: z.string(),
    meetingDate: z.string(),
    caseId: Id,
    familyName: z.string(),
    children: z.array(z.string()),
    /** Contributions are due at this meeting (seed 004); the draft goes out by `draftDue`. */
    draftDue: z.string(),
    sharedAt: z.string().nullable(),
    lastMergedAt: z.string().nullable(),
  }),
  viewer: z.strictObject({ memberId: Id.nullable(), role: z.string().nullable(), isLead: z.boolean(), professional: z.boolean() }),
  contributions: z.array(ContributionSummary),
  /** For the lead social worker: the passages a merge would add or change; empty for everyone else. */
  pending: z.array(PendingPassage),
})
export type ReportResponse = z.infer<typeof ReportResponse>

/** POST /api/reports/:id/merge: take or leave each changed passage; new passages are always taken. */
export const MergeInput = z.strictObject({
  decisions: z
    .array(z.strictObject({ field: z.string().max(64), memberId: Id, take: z.boolean() }))
    .max(500)
    .optional(),
})
export type MergeInput = z.infer<typeof MergeInput>

/** POST /api/reports/:id/share: share the draft with the family (again, to refresh their copy), or stop. */
export const ShareReportInput = z.strictObject({ shared: z.boolean({ error: 'Select whether to share the draft' }) })
export type ShareReportInput = z.infer<typeof ShareReportInput>
