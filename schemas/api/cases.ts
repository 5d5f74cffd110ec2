/**
 * `/api/cases` payloads: opening a case (with the creator's own row of the membership sheet), the list
 * of a user's cases and one case with its core group, meetings and what is due.
 * @module
 */
import * as z from 'zod'
import { Case, CreateCaseInput } from '../entities/case.ts'
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH, requiredText } from '../entities/fields.ts'
import { Meeting, MeetingType } from '../entities/meeting.ts'
import { Member } from '../entities/member.ts'
import { CoreGroupRole } from '../roles.ts'
import { DueItem } from '../timescales/due-items.ts'

/** How the lead social worker shares information when they do not say otherwise. */
export const DEFAULT_LEAD_SHARING_SECURELY = 'Secure email through the authority’s system'
/** The lead social worker's agency when they do not say otherwise. */
export const DEFAULT_LEAD_AGENCY = 'Children’s Social Care'

/**
 * What a request to open a case carries: the case, plus the creator's own row of the membership sheet
 * (they become its lead social worker).
 */
export const CreateCaseRequest = CreateCaseInput.safeExtend({
  /** The lead social worker's agency. */
  agency: requiredText('Your agency', MAX_NAME_LENGTH, 'Enter your agency').default(DEFAULT_LEAD_AGENCY),
  /** The lead social worker's answer to "How will information be shared securely?". */
  sharingSecurely: requiredText(
    'How information will be shared securely',
    MAX_TEXT_LENGTH,
    'Enter how information will be shared securely',
  ).default(DEFAULT_LEAD_SHARING_SECURELY),
})
export type CreateCaseRequest = z.infer<typeof CreateCaseRequest>

/** The signed-in user's place in a case: their membership (if any) and what they may do. */
export const CaseViewer = z.strictObject({
  memberId: z.string().nullable(),
  role: CoreGroupRole.nullable(),
  /** True for the lead social worker, the team manager and the authority's administrators. */
  canManage: z.boolean(),
})
export type CaseViewer = z.infer<typeof CaseViewer>

/** One row of the list of cases. */
export const CaseSummary = z.strictObject({
  id: z.string(),
  familyName: z.string(),
  status: Case.shape.status,
  initialConferenceDate: z.string(),
  childCount: z.number().int(),
  viewerRole: CoreGroupRole.nullable(),
})
export type CaseSummary = z.infer<typeof CaseSummary>

/** GET /api/cases. */
export const CaseListResponse = z.strictObject({ cases: z.array(CaseSummary) })
export type CaseListResponse = z.infer<typeof CaseListResponse>

/** The proposed next core group, for the scheduling form. */
export const MeetingProposalBody = z.strictObject({
  date: z.string(),
  type: MeetingType,
  dueDate: z.string(),
  reason: z.string(),
})
export type MeetingProposalBody = z.infer<typeof MeetingProposalBody>

/** GET /api/cases/:id (and the body of POST /api/cases and PATCH /api/cases/:id). */
export const CaseDetailResponse = z.strictObject({
  case: Case,
  /** Every member, opted out or not (the sheet keeps the history), in the order they joined. */
  members: z.array(Member),
  meetings: z.array(Meeting),
  dueItems: z.array(DueItem),
  proposal: MeetingProposalBody.nullable(),
  viewer: CaseViewer,
})
export type CaseDetailResponse = z.infer<typeof CaseDetailResponse>

/** GET /api/cases/:id/members. */
export const MemberListResponse = z.strictObject({ members: z.array(Member) })
export type MemberListResponse = z.infer<typeof MemberListResponse>

/** POST and PATCH of one member. */
export const MemberResponse = z.strictObject({ member: Member })
export type MemberResponse = z.infer<typeof MemberResponse>

/**
 * POST /api/cases/:id/hand-over: the case passes to another social worker, who becomes its lead. The
 * former lead stays in the group as a professional unless `formerLeadLeaves` (then they leave today).
 */
export const HandOverInput = z.strictObject({
  toMemberId: z.string({ error: 'Select the social worker taking the case' }).min(1, 'Select the social worker taking the case'),
  formerLeadLeaves: z.boolean({ error: 'Select yes if the former lead leaves the core group' }).default(false),
})
export type HandOverInput = z.infer<typeof HandOverInput>
