/**
 * `/api/cases/:id/plan/history`: the recorded changes to the rows of the case's child protection plan
 * (`plan:<caseId>`, issue 11 §6), newest first; `?row=<id>` keeps one row's. Read by the case's
 * current members, as the plan itself is (the family too): an administrator who is not a member, or
 * a former member, gets 403; anyone else 404.
 * @module
 */
import { Hono } from 'hono'
import { PlanHistoryResponse } from '../../../schemas/api/plan.ts'
import { ID_PATTERN } from '../../../schemas/documents.ts'
import { requireAuth, type AppEnv } from '../../auth/middleware.ts'
import { readableCase } from '../../cases/case-access.ts'
import { listPlanHistory } from '../../db/repos/plan-history.ts'
import { badRequest, forbidden } from '../../errors.ts'
import type { ApiServices } from '../index.ts'
import { idParam } from '../validate.ts'

export function casePlanRoutes(services: ApiServices) {
  const { db } = services
  return new Hono<AppEnv>().get('/:id/plan/history', async (c) => {
    const { user } = requireAuth(c)
    const access = await readableCase(db, user, idParam(c, 'id', 'Case'))
    if (!access.member) throw forbidden('Only members of the core group can see the plan')
    const row = c.req.query('row')
    if (row !== undefined && !ID_PATTERN.test(row)) throw badRequest('There is a problem with the row', { row: 'Choose a row of the plan' })
    const entries = await listPlanHistory(db, access.case.id, row === undefined ? {} : { rowId: row })
    return c.json(PlanHistoryResponse.parse({ entries }))
  })
}
