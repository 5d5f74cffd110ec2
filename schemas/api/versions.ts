/**
 * Finalise, reopen, versions, DOCX export and the distribution record (issue 13).
 * @module
 */
import * as z from 'zod'
import { Id } from '../entities/fields.ts'
import { CoreGroupRole } from '../roles.ts'

/** What a version is of: a meeting's minutes (with its restricted notes and the plan) or its joint report. */
export const VersionSubject = z.enum(['minutes', 'report'])
export type VersionSubject = z.infer<typeof VersionSubject>

/** Which copy of an export: the professionals' (with the restricted notes) or the family's (never with them). */
export const ExportCopy = z.enum(['professional', 'family'], { error: 'Choose the professional or the family copy' })
export type ExportCopy = z.infer<typeof ExportCopy>

/** Which document an export is: the notes of the meeting, the plan on its own, the membership sheet, or the joint report. */
export const ExportDocument = z.enum(['notes', 'plan', 'membership', 'report'], { error: 'Choose notes, plan, membership or report' })
export type ExportDocument = z.infer<typeof ExportDocument>

/** The copy a member is sent: family members get the family copy, professionals the professional one. */
export function copyForRole(role: CoreGroupRole): ExportCopy {
  return role === 'parent-carer' || role === 'child' || role === 'advocate' ? 'family' : 'professional'
}

/** POST /api/meetings/:id/reopen. */
export const ReopenInput = z.strictObject({
  reason: z.string({ error: 'Enter why the notes are being reopened' }).trim().min(1, 'Enter why the notes are being reopened').max(2000, 'The reason must be 2000 characters or fewer'),
})
export type ReopenInput = z.infer<typeof ReopenInput>

/** POST /api/versions/:versionId/distributions: record sending the version to one member. */
export const RecordDistributionInput = z.strictObject({
  memberId: Id,
  /** How it was sent; defaults to the member's "how will information be shared securely". */
  method: z.string().trim().min(1, 'Enter how the notes were sent').max(500, 'How it was sent must be 500 characters or fewer').optional(),
})
export type RecordDistributionInput = z.infer<typeof RecordDistributionInput>

const Person = z.strictObject({ userId: z.string(), name: z.string() })

/** One finalised version. `reopened` is set once a later draft was started from it. */
export const VersionSummary = z.strictObject({
  id: z.string(),
  meetingId: z.string(),
  subject: VersionSubject,
  number: z.number().int().positive(),
  createdAt: z.string(),
  createdBy: Person,
  /** SHA-256 over the documents' canonical hashes. */
  hash: z.string(),
  documents: z.array(z.strictObject({ role: z.string(), sha256: z.string() })),
  reopened: z.strictObject({ at: z.string(), by: Person, reason: z.string() }).nullable(),
})
export type VersionSummary = z.infer<typeof VersionSummary>

/** One member's copy of a version: sent how and when, downloaded, acknowledged. */
export const Distribution = z.strictObject({
  id: z.string(),
  versionId: z.string(),
  memberId: z.string(),
  copy: ExportCopy,
  method: z.string(),
  sentAt: z.string(),
  sentBy: z.string(),
  firstDownloadedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
})
export type Distribution = z.infer<typeof Distribution>

/** A member the version can be sent to (case managers only). */
export const Recipient = z.strictObject({
  memberId: z.string(),
  name: z.string(),
  agency: z.string().nullable(),
  role: CoreGroupRole,
  copy: ExportCopy,
  sharingSecurely: z.string(),
})
export type Recipient = z.infer<typeof Recipient>

/** GET /api/meetings/:id/versions. */
export const VersionListResponse = z.strictObject({
  subject: VersionSubject,
  /** `finalised` while the newest version has not been reopened. */
  state: z.enum(['draft', 'finalised']),
  /** Newest first. */
  versions: z.array(VersionSummary),
  /** Every member's copies for case managers; the caller's own otherwise. */
  distributions: z.array(Distribution),
  recipients: z.array(Recipient),
  viewer: z.strictObject({ memberId: z.string().nullable(), canManage: z.boolean() }),
})
export type VersionListResponse = z.infer<typeof VersionListResponse>

/** POST /api/meetings/:id/finalise. */
export const FinaliseResponse = z.strictObject({ version: VersionSummary })
export type FinaliseResponse = z.infer<typeof FinaliseResponse>

/** POST /api/versions/:versionId/distributions and …/acknowledge. */
export const DistributionResponse = z.strictObject({ distribution: Distribution })
export type DistributionResponse = z.infer<typeof DistributionResponse>
