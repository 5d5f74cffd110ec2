/**
 * `/api/users`: the authority's accounts, for linking a core group member to the person's account.
 * @module
 */
import { z } from 'zod'

export const UserListResponse = z.strictObject({
  users: z.array(z.strictObject({ id: z.string(), name: z.string(), email: z.string() })),
})
export type UserListResponse = z.infer<typeof UserListResponse>
