/**
 * `/api/cases/:id/audit`: a case's audit trail, for its lead social worker and team manager.
 * @module
 */
import { Hono } from 'hono'
import { Member } from '../../../schemas/entities/index.ts'
import { canManageLocks } from '../../../schemas/permissions.ts'
import { requireAuth, type AppEnv } from '../../auth/middleware.ts'
import { parseRow } from '../../db/entity-row.ts'
import { listAudit } from '../../db/repos/audit.ts'
import { forbidden, notFound } from '../../errors.ts'
import type { ApiServices } from '../index.ts'
import { idParam } from '../validate.ts'
import { resolveMembership, viewerOf } from '../../cases/membership.ts'

export function auditRoutes(services: ApiServices) {
  return new Hono<AppEnv>().get('/:id/audit', async (c) => {
    const { user } = requireAuth(c)
    const caseId = idParam(c, 'id', 'Case')
    const caseRow = await services.db.selectFrom('cases').select('authority_id').where('id', '=', caseId).executeTakeFirst()
    if (!caseRow || caseRow.authority_id !== user.authorityId) throw notFound('Case')
    const rows = await services.db.selectFrom('members').select('data').where('case_id', '=', caseId).where('user_id', '=', user.id).execute()
    // The same membership rule as every other route and the socket (UK date, join and leave dates).
    const membership = resolveMembership(rows.map((r) => parseRow(Member, r)))
    if (!membership.active) throw notFound('Case')
    const viewer = viewerOf(user.id, membership)
    if (!canManageLocks(viewer)) throw forbidden('Only the lead social worker or the team manager can read the audit trail')
    return c.json({ events: await listAudit(services.db, { caseId }) })
  })
}
