/**
 * `/api/invitations`: an administrator invites a user with a one-time, expiring link; the invitee
 * opens it and sets a password, which signs them in.
 * @module
 */
import { Hono } from 'hono'
import { AcceptInvitationInput, CreateInvitationInput } from '../../../schemas/api/session.ts'
import { isFirstRunInvitation, type AuthService } from '../../auth/auth-service.ts'
import { requireAuth, type AppEnv } from '../../auth/middleware.ts'
import { recordAudit } from '../../db/repos/audit.ts'
import type { Db } from '../../db/schema.ts'
import { deleteOpenInvitation, listOpenInvitations } from '../../db/repos/sessions.ts'
import { forbidden, notFound } from '../../errors.ts'
import { sessionBody, setSessionCookie } from '../session/index.ts'
import { idParam, readJson } from '../validate.ts'

export function invitationRoutes(auth: AuthService, db: Db) {
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const { user } = requireAuth(c)
      if (user.accountRole !== 'administrator') throw forbidden('Only an administrator can invite users')
      const input = await readJson(c, CreateInvitationInput)
      const { token, expiresAt } = await auth.invite({ ...input, authorityId: user.authorityId }, user.id)
      return c.json({ link: `${new URL(c.req.url).origin}/invite/${token}`, expiresAt }, 201)
    })
    // Withdraw an invitation not yet used: its link stops working at once.
    .delete('/pending/:id', async (c) => {
      const { user } = requireAuth(c)
      if (user.accountRole !== 'administrator') throw forbidden('Only an administrator can withdraw invitations')
      if (!(await deleteOpenInvitation(db, idParam(c, 'id', 'Invitation'), user.authorityId))) throw notFound('Invitation')
      await recordAudit(db, { event: 'invitation-withdrawn', userId: user.id, authorityId: user.authorityId })
      return c.body(null, 204)
    })
    // Send again: the old link stops working and a new one, with a fresh expiry, is made for the same person.
    .post('/pending/:id/resend', async (c) => {
      const { user } = requireAuth(c)
      if (user.accountRole !== 'administrator') throw forbidden('Only an administrator can resend invitations')
      const old = (await listOpenInvitations(db, user.authorityId)).find((r) => r.id === idParam(c, 'id', 'Invitation'))
      if (!old || !(await deleteOpenInvitation(db, old.id, user.authorityId))) throw notFound('Invitation')
      const { token, expiresAt } = await auth.invite({ authorityId: user.authorityId, email: old.email, name: old.name, accountRole: old.account_role }, user.id)
      return c.json({ link: `${new URL(c.req.url).origin}/invite/${token}`, expiresAt }, 201)
    })
    .get('/:token', async (c) => {
      const row = await auth.openInvitation(c.req.param('token'))
      // The first administrator chooses their own name and email: the placeholder ones are not shown.
      const own = isFirstRunInvitation(row)
      return c.json({ email: own ? '' : row.email, name: own ? '' : row.name, accountRole: row.account_role, expiresAt: row.expires_at, choosesOwnDetails: own })
    })
    .post('/:token/accept', async (c) => {
      const { password, name, email } = await readJson(c, AcceptInvitationInput)
      const signed = await auth.acceptInvitation(c.req.param('token'), password, { name, email })
      setSessionCookie(c, signed.token, signed.expiresAt)
      return c.json(sessionBody(signed), 201)
    })
}
