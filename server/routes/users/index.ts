/**
 * `/api/users`: the authority's accounts (id, name, email), for linking a core group member to the
 * person's account (family accounts do not get the staff list); for administrators, every account with
 * its kind and state and the invitations not yet used, and disabling or re-enabling an account (its
 * sessions end and its sockets close at once).
 * @module
 */
import { Hono } from 'hono'
import { AccountChangeInput, AccountsResponse, PasswordResetLinkResponse, UserListResponse } from '../../../schemas/api/users.ts'
import { requireAuth, type AppEnv } from '../../auth/middleware.ts'
import { listOpenInvitations } from '../../db/repos/sessions.ts'
import { getUser, listUsers } from '../../db/repos/users.ts'
import { conflict, forbidden, notFound } from '../../errors.ts'
import type { ApiServices } from '../index.ts'
import { idParam, readJson } from '../validate.ts'

export function userRoutes(services: ApiServices) {
  const { db, auth } = services
  const administrator = (c: Parameters<typeof requireAuth>[0]) => {
    const { user } = requireAuth(c)
    if (user.accountRole !== 'administrator') throw forbidden('Only an administrator can manage accounts')
    return user
  }
  const accounts = async (authorityId: string): Promise<AccountsResponse> => {
    const now = Date.now()
    return AccountsResponse.parse({
      accounts: (await listUsers(db, authorityId)).map(({ id, name, email, accountRole, disabledAt, createdAt }) => ({ id, name, email, accountRole, disabledAt, createdAt })),
      invitations: (await listOpenInvitations(db, authorityId)).map((r) => ({
        id: r.id,
        name: r.name,
        email: r.email,
        accountRole: r.account_role,
        createdAt: r.created_at,
        expiresAt: r.expires_at,
        expired: now >= Date.parse(r.expires_at),
      })),
    })
  }
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { user } = requireAuth(c)
      if (user.accountRole === 'family') throw forbidden('Only staff can see the list of accounts')
      const users = (await listUsers(db, user.authorityId)).filter((u) => u.disabledAt === null)
      return c.json(UserListResponse.parse({ users: users.map(({ id, name, email }) => ({ id, name, email })) }))
    })
    .get('/accounts', async (c) => c.json(await accounts(administrator(c).authorityId)))
    .patch('/:id', async (c) => {
      const admin = administrator(c)
      const { disabled } = await readJson(c, AccountChangeInput)
      const target = await getUser(db, idParam(c, 'id', 'Account'))
      if (!target || target.authorityId !== admin.authorityId) throw notFound('Account')
      if (target.id === admin.id && disabled) throw conflict('You cannot disable your own account: ask another administrator')
      await auth.setDisabled(target, disabled, admin.id)
      return c.json(await accounts(admin.authorityId))
    })
    // A one-time link, for the administrator to give the account's owner, to choose a new password.
    .post('/:id/password-reset', async (c) => {
      const admin = administrator(c)
      const target = await getUser(db, idParam(c, 'id', 'Account'))
      if (!target || target.authorityId !== admin.authorityId) throw notFound('Account')
      const { token, expiresAt } = await auth.issuePasswordReset(target, admin.id)
      return c.json(PasswordResetLinkResponse.parse({ link: `${new URL(c.req.url).origin}/reset/${token}`, expiresAt }), 201)
    })
}
