/**
 * `/api/users`: the authority's accounts, for linking a core group member to the person's account; and
 * for administrators every account with its kind and state, and the invitations not yet used.
 * @module
 */
import * as z from 'zod'
import { AccountRole } from '../roles.ts'

export const UserListResponse = z.strictObject({
  users: z.array(z.strictObject({ id: z.string(), name: z.string(), email: z.string() })),
})
export type UserListResponse = z.infer<typeof UserListResponse>

/** GET /api/users/accounts (administrators). */
export const AccountsResponse = z.strictObject({
  accounts: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      accountRole: AccountRole,
      /** When the account was disabled, or null while it can sign in. */
      disabledAt: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  invitations: z.array(
    z.strictObject({ id: z.string(), name: z.string(), email: z.string(), accountRole: AccountRole, createdAt: z.string(), expiresAt: z.string(), expired: z.boolean() }),
  ),
})
export type AccountsResponse = z.infer<typeof AccountsResponse>

/** PATCH /api/users/:id (administrators): disable or re-enable an account. */
export const AccountChangeInput = z.strictObject({ disabled: z.boolean({ error: 'Say whether the account is disabled' }) })
export type AccountChangeInput = z.infer<typeof AccountChangeInput>

/** POST /api/users/:id/password-reset: the one-time link to give the account's owner. */
export const PasswordResetLinkResponse = z.strictObject({ link: z.string(), expiresAt: z.string() })
export type PasswordResetLinkResponse = z.infer<typeof PasswordResetLinkResponse>
