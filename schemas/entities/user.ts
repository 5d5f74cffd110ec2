/**
 * A user account in an authority. Sign-in secrets are the auth module's business, not this schema's.
 * @module
 */
import * as z from 'zod'
import { AccountRole } from '../roles.ts'
import { Id, MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, requiredText, Timestamp } from './fields.ts'

const EMAIL_MESSAGE = 'Enter an email address in the correct format, like name@example.com'

/** A required email address, trimmed and lower-cased (accounts are looked up by it). */
export const RequiredEmail = z
  .string({ error: 'Enter an email address' })
  .trim()
  .min(1, 'Enter an email address')
  .max(MAX_EMAIL_LENGTH, `Email address must be ${MAX_EMAIL_LENGTH} characters or fewer`)
  .regex(z.regexes.email, EMAIL_MESSAGE)
  .toLowerCase()

const Role = z.enum(AccountRole.options, { error: 'Select the account type' })

const userFields = {
  name: requiredText('Full name', MAX_NAME_LENGTH),
  email: RequiredEmail,
  accountRole: Role,
}

/** A user as stored. `disabledAt` is set when the account can no longer sign in. */
export const User = z.strictObject({
  id: Id,
  authorityId: Id,
  ...userFields,
  disabledAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})
export type User = z.infer<typeof User>

/** What a request to create an account carries. */
export const CreateUserInput = z.strictObject(userFields)
export type CreateUserInput = z.infer<typeof CreateUserInput>

/** What a request to change an account carries (any subset; `disabled` switches sign-in off or on). */
export const UpdateUserInput = z.strictObject({
  name: userFields.name.optional(),
  email: userFields.email.optional(),
  accountRole: Role.optional(),
  disabled: z.boolean({ error: 'Select yes or no' }).optional(),
})
export type UpdateUserInput = z.infer<typeof UpdateUserInput>
