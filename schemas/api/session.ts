/**
 * Sign-in, session and invitation payloads.
 * @module
 */
import * as z from 'zod'
import { AccountRole } from '../roles.ts'

export const SignInInput = z.strictObject({
  email: z.string({ error: 'Enter your email address' }).trim().min(1, 'Enter your email address').max(254, 'Email address is too long'),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(200, 'Password is too long'),
})
export type SignInInput = z.infer<typeof SignInInput>

export const SessionUser = z.strictObject({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  accountRole: AccountRole,
  authorityId: z.string(),
})
export type SessionUser = z.infer<typeof SessionUser>

/** GET/POST /api/session response. Send `csrfToken` as `X-CSRF-Token` on every state-changing request. */
export const SessionResponse = z.strictObject({ user: SessionUser, csrfToken: z.string(), expiresAt: z.string() })
export type SessionResponse = z.infer<typeof SessionResponse>

export const CreateInvitationInput = z.strictObject({
  email: z.string({ error: 'Enter an email address' }).trim().toLowerCase().pipe(z.email('Enter an email address in the correct format, like name@example.com')),
  name: z.string({ error: 'Enter the person’s name' }).trim().min(1, 'Enter the person’s name').max(100, 'Name must be 100 characters or fewer'),
  accountRole: z.enum(AccountRole.options, { error: 'Select the account type' }),
})
export type CreateInvitationInput = z.infer<typeof CreateInvitationInput>

export const AcceptInvitationInput = z.strictObject({
  password: z.string({ error: 'Enter a password' }).min(12, 'Password must be at least 12 characters').max(200, 'Password must be 200 characters or fewer'),
  /** The first administrator's own name and email (the first-run link only; other invitations fix them). */
  name: z.string({ error: 'Enter your full name' }).trim().min(1, 'Enter your full name').max(100, 'Name must be 100 characters or fewer').optional(),
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .toLowerCase()
    .min(1, 'Enter your email address')
    .pipe(z.email('Enter an email address in the correct format, like name@example.com'))
    .optional(),
})
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>

/** POST /api/password-resets/:token: the new password chosen on a reset link. */
export const ResetPasswordInput = AcceptInvitationInput.pick({ password: true })
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>

/** GET /api/password-resets/:token: whose account the link resets, and until when it works. */
export const PasswordResetView = z.strictObject({ name: z.string(), email: z.string(), expiresAt: z.string() })
export type PasswordResetView = z.infer<typeof PasswordResetView>
