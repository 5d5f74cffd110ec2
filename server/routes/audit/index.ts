/**
 * `/api/cases/:id/audit` and `/api/cases/:id/audit.csv`: a case's audit trail in words, filtered by
 * person, kind and UK date, for its lead social worker and team manager (issue 15 §9).
 * @module
 */
import { Hono, type Context } from 'hono'
import { AuditQuery, AuditTrailResponse, auditQueryInput } from '../../../schemas/api/audit.ts'
import { Member } from '../../../schemas/entities/index.ts'
import { canManageLocks } from '../../../schemas/permissions.ts'
import { ukDateOf } from '../../../schemas/timescales/index.ts'
import { auditCsv } from '../../audit/audit-csv.ts'
import { readAuditTrail, type AuditCase } from '../../audit/audit-trail.ts'
import { requireAuth, type AppEnv } from '../../auth/middleware.ts'
import { resolveMembership, viewerOf } from '../../cases/membership.ts'
import { parseRow } from '../../db/entity-row.ts'
import { getAuthority } from '../../db/repos/users.ts'
import { forbidden, notFound, validationFailed } from '../../errors.ts'
import type { ApiServices } from '../index.ts'
import { idParam } from '../validate.ts'

/** Most events the CSV holds (the page shows the newest 500). */
export const AUDIT_CSV_LIMIT = 20_000

/** The case, if the caller is its current lead social worker or team manager (others 403, non-members 404). */
async function auditableCase(services: ApiServices, c: Context<AppEnv>): Promise<AuditCase> {
  const { user } = requireAuth(c)
  const caseId = idParam(c, 'id', 'Case')
  const caseRow = await services.db.selectFrom('cases').select('authority_id').where('id', '=', caseId).executeTakeFirst()
  if (!caseRow || caseRow.authority_id !== user.authorityId) throw notFound('Case')
  const rows = await services.db.selectFrom('members').select('data').where('case_id', '=', caseId).where('user_id', '=', user.id).execute()
  // The same membership rule as every other route and the socket (UK date, join and leave dates).
  const membership = resolveMembership(rows.map((r) => parseRow(Member, r)))
  if (!membership.active) throw notFound('Case')
  if (!canManageLocks(viewerOf(user.id, membership))) throw forbidden('Only the lead social worker or the team manager can read the audit trail')
  const authority = await getAuthority(services.db, user.authorityId)
  return { id: caseId, authorityId: user.authorityId, agendaVariant: authority?.agendaVariant }
}

function auditQuery(c: Context<AppEnv>): AuditQuery {
  const parsed = AuditQuery.safeParse(auditQueryInput({ person: c.req.query('person'), kind: c.req.queries('kind'), from: c.req.query('from'), to: c.req.query('to') }))
  if (!parsed.success) throw validationFailed(parsed.error)
  return parsed.data
}

export function auditRoutes(services: ApiServices) {
  return new Hono<AppEnv>()
    .get('/:id/audit', async (c) => {
      const k = await auditableCase(services, c)
      return c.json(AuditTrailResponse.parse(await readAuditTrail(services.db, k, auditQuery(c))))
    })
    .get('/:id/audit.csv', async (c) => {
      const k = await auditableCase(services, c)
      const trail = await readAuditTrail(services.db, k, auditQuery(c), AUDIT_CSV_LIMIT)
      // The file name carries the case id and the day only, never a name.
      return c.body(`\uFEFF${auditCsv(trail.events)}`, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit-${k.id}-${ukDateOf()}.csv"`,
        'cache-control': 'no-store',
      })
    })
}
