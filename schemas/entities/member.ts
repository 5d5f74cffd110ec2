/**
 * A core group member: one row of seed 004's "core group membership and contact details" sheet.
 * Members are opted out, never deleted, so the history of who was in the group stays.
 * @module
 */
import * as z from 'zod'
import { CoreGroupRole, PROFESSIONAL_ROLES } from '../roles.ts'
import {
  Id,
  isoDate,
  MAX_NAME_LENGTH,
  MAX_TEXT_LENGTH,
  optionalIsoDate,
  OptionalEmail,
  OptionalPhone,
  optionalText,
  requiredText,
  Timestamp,
} from './fields.ts'

/** How to reach a member: any of address, telephone and email (each may be left blank). */
export const MemberContact = z.strictObject({
  address: optionalText('Address', MAX_TEXT_LENGTH),
  phone: OptionalPhone,
  email: OptionalEmail,
})
export type MemberContact = z.infer<typeof MemberContact>

/** The member's role, with a form message (same values as `CoreGroupRole` in roles.ts). */
const Role: z.ZodType<CoreGroupRole> = z.enum(CoreGroupRole.options, {
  error: 'Select the member’s role in the core group',
})

const memberFields = {
  name: requiredText('Name', MAX_NAME_LENGTH, 'Enter the member’s name'),
  /** The member's agency; required for professionals, optional for family members and advocates. */
  agency: optionalText('Agency', MAX_NAME_LENGTH),
  role: Role,
  contact: MemberContact.default({ address: null, phone: null, email: null }),
  /** Seed 004's column "How will information be shared securely?" — always answered. */
  sharingSecurely: requiredText(
    'How information will be shared securely',
    MAX_TEXT_LENGTH,
    'Enter how information will be shared securely',
  ),
  optedInDate: isoDate('Date joined', 'Enter the date the member joined the core group'),
  optedOutDate: optionalIsoDate('Date left'),
  /** The member's user account, when they have one (family members may not). */
  userId: Id.nullish().transform((v) => v ?? null),
}

type MemberLike = {
  role?: CoreGroupRole
  agency?: string | null
  optedInDate?: string
  optedOutDate?: string | null
}

/** Cross-field checks shared by the create, update and stored schemas (only on fields present). */
function checkMember(m: MemberLike, ctx: z.core.$RefinementCtx): void {
  if (m.role !== undefined && PROFESSIONAL_ROLES.has(m.role) && m.agency === null) {
    ctx.addIssue({ code: 'custom', path: ['agency'], message: 'Enter the member’s agency' })
  }
  if (m.optedInDate && m.optedOutDate && m.optedOutDate < m.optedInDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['optedOutDate'],
      message: 'Date left must be on or after the date joined',
    })
  }
}

/** A member as stored. `optedOutDate` is null while they are in the group. */
export const Member = z
  .strictObject({ id: Id, caseId: Id, ...memberFields, createdAt: Timestamp, updatedAt: Timestamp })
  .superRefine(checkMember)
export type Member = z.infer<typeof Member>

/** What a request to add a member carries. */
export const CreateMemberInput = z.strictObject(memberFields).superRefine(checkMember)
export type CreateMemberInput = z.infer<typeof CreateMemberInput>

/**
 * What a request to change a member carries (any subset; set `optedOutDate` to opt them out). Checks
 * run on the fields present; the server validates the merged row with `Member`.
 */
export const UpdateMemberInput = z
  .strictObject({
    name: memberFields.name.optional(),
    agency: z.optional(memberFields.agency),
    role: Role.optional(),
    contact: MemberContact.optional(),
    sharingSecurely: memberFields.sharingSecurely.optional(),
    optedInDate: memberFields.optedInDate.optional(),
    optedOutDate: z.optional(memberFields.optedOutDate),
    userId: z.optional(memberFields.userId),
  })
  .superRefine(checkMember)
export type UpdateMemberInput = z.infer<typeof UpdateMemberInput>

/** True when the member is in the group on `date` (joined on or before it and not yet left). */
export function isActiveMember(m: Pick<Member, 'optedInDate' | 'optedOutDate'>, date: string): boolean {
  return m.optedInDate <= date && (m.optedOutDate === null || m.optedOutDate > date)
}
