/**
 * `/api/password-resets/:token`: the link an administrator made for an account (POST
 * /api/users/:id/password-reset). Opening it shows whose account it is; choosing a new password there
 * sets it, ends every other session of the account and signs in. The link works once.
 * @module
 */
import { Hono } from 'hono'
import { ResetPasswordInput } from '../../../schemas/api/session.ts'
import type { AuthService } from '../../auth/auth-service.ts'
import type { AppEnv } from '../../auth/middleware.ts'
import { sessionBody, setSessionCookie } from '../session/index.ts'
import { readJson } from '../validate.ts'

export function passwordResetRoutes(auth: AuthService) {
  return new Hono<AppEnv>()
    .get('/:token', async (c) => {
      const { user, expiresAt } = await auth.openPasswordReset(c.req.param('token'))
      return c.json({ name: user.name, email: user.email, expiresAt })
    })
    .post('/:token', async (c) => {
      const { password } = await readJson(c, ResetPasswordInput)
      const signed = await auth.resetPassword(c.req.param('token'), password)
      setSessionCookie(c, signed.token, signed.expiresAt)
      return c.json(sessionBody(signed), 201)
    })
}
