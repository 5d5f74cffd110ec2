/**
 * `/api/invitations`: an administrator invites a user with a one-time, expiring link; the invitee
 * opens it and sets a password, which signs them in.
 * @module
 */
import { Hono } from 'hono'
import { AcceptInvitationInput, CreateInvitationInput } from '../../../schemas/api/session.ts'
import type { AuthService } from '../../auth/auth-service.ts'
import { requireAuth, type AppEnv } from '../../auth/middleware.ts'
import { forbidden } from '../../errors.ts'
import { sessionBody, setSessionCookie } from '../session/index.ts'
import { readJson } from '../validate.ts'

export function invitationRoutes(auth: AuthService) {
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const { user } = requireAuth(c)
      if (user.accountRole !== 'administrator') throw forbidden('Only an administrator can invite users')
      const input = await readJson(c, CreateInvitationInput)
      const { token, expiresAt } = await auth.invite({ ...input, authorityId: user.authorityId }, user.id)
      return c.json({ link: `${new URL(c.req.url).origin}/invite/${token}`, expiresAt }, 201)
    })
    .get('/:token', async (c) => {
      const row = await auth.openInvitation(c.req.param('token'))
      return c.json({ email: row.email, name: row.name, accountRole: row.account_role, expiresAt: row.expires_at })
    })
    .post('/:token/accept', async (c) => {
      const { password } = await readJson(c, AcceptInvitationInput)
      const signed = await auth.acceptInvitation(c.req.param('token'), password)
      setSessionCookie(c, signed.token, signed.expiresAt)
      return c.json(sessionBody(signed), 201)
    })
}
