/**
 * `/api/reports/:id` (the id is the pre-review meeting's): the joint report's state, submitting and
 * reopening a contribution, the merge and sharing with the family (issue 12). Access follows the
 * report's documents (`reportContext`); every change goes through the room (`server/report/`).
 * @module
 */
import { Hono } from 'hono'
import { MergeInput, ReportResponse, ShareReportInput, SubmitContributionInput } from '../../../schemas/api/reports.ts'
import { requireAuth, type AppEnv } from '../../auth/middleware.ts'
import { reportContext } from '../../report/report-context.ts'
import { mergeReport, reopenContribution, reportState, shareReport, submitContribution } from '../../report/report-service.ts'
import type { ApiServices } from '../index.ts'
import { idParam, readJson } from '../validate.ts'

export function reportRoutes(services: ApiServices) {
  const { db } = services
  const state = async (user: Parameters<typeof reportContext>[1], id: string) => ReportResponse.parse(await reportState(services, await reportContext(db, user, id)))
  return new Hono<AppEnv>()
    .get('/:id', async (c) => {
      const { user } = requireAuth(c)
      return c.json(await state(user, idParam(c, 'id', 'Report')))
    })
    .post('/:id/contributions/:memberId/submit', async (c) => {
      const { user } = requireAuth(c)
      const id = idParam(c, 'id', 'Report')
      const memberId = idParam(c, 'memberId', 'Contribution')
      const ctx = await reportContext(db, user, id)
      const input = await readJson(c, SubmitContributionInput)
      await submitContribution(services, ctx, memberId, input, user.id)
      return c.json(await state(user, id))
    })
    .post('/:id/contributions/:memberId/reopen', async (c) => {
      const { user } = requireAuth(c)
      const id = idParam(c, 'id', 'Report')
      const memberId = idParam(c, 'memberId', 'Contribution')
      const ctx = await reportContext(db, user, id)
      await reopenContribution(services, ctx, memberId, user.id)
      return c.json(await state(user, id))
    })
    .post('/:id/merge', async (c) => {
      const { user } = requireAuth(c)
      const id = idParam(c, 'id', 'Report')
      const ctx = await reportContext(db, user, id)
      const input = await readJson(c, MergeInput)
      await mergeReport(services, ctx, input, user.id)
      return c.json(await state(user, id))
    })
    .post('/:id/share', async (c) => {
      const { user } = requireAuth(c)
      const id = idParam(c, 'id', 'Report')
      const ctx = await reportContext(db, user, id)
      const input = await readJson(c, ShareReportInput)
      await shareReport(services, ctx, input.shared, user.id)
      return c.json(await state(user, id))
    })
}
