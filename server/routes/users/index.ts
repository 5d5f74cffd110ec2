/**
 * `/api/users`: the authority's accounts (id, name, email), for linking a core group member to the
 * person's account. Family accounts do not get the staff list.
 * @module
 */
import { Hono } from 'hono'
import { UserListResponse } from '../../../schemas/api/users.ts'
import { requireAuth, type AppEnv } from '../../auth/middleware.ts'
import { listUsers } from '../../db/repos/users.ts'
import { forbidden } from '../../errors.ts'
import type { ApiServices } from '../index.ts'

export function userRoutes(services: ApiServices) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const { user } = requireAuth(c)
    if (user.accountRole === 'family') throw forbidden('Only staff can see the list of accounts')
    const users = (await listUsers(services.db, user.authorityId)).filter((u) => u.disabledAt === null)
    return c.json(UserListResponse.parse({ users: users.map(({ id, name, email }) => ({ id, name, email })) }))
  })
}
