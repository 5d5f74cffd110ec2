/**
 * `/api/cases/:id/conferences`: the case's child protection conferences (GET), booking a review
 * conference or giving the initial one its details (POST), and changing one or recording its outcome
 * (PATCH `/:date`). The dates stay on the case (`initialConferenceDate`, `reviewConferenceDates`), where
 * the timescales read them; a booked review conference therefore starts the joint report's deadlines
 * at once. Recording that the plan ends closes the core group: its documents are locked read-only and
 * kept (case-closure.ts).
 * @module
 */
import { Hono } from 'hono'
import { ConferenceListResponse } from '../../../schemas/api/conferences.ts'
import { BookConferenceInput, Case, UpdateConferenceInput, type Conference } from '../../../schemas/entities/index.ts'
import { isIsoDate } from '../../../schemas/timescales/index.ts'
import { requireAuth, type AppEnv } from '../../auth/middleware.ts'
import { afterCaseStatusChange } from '../../cases/case-closure.ts'
import { manageableCase, readableCase, type CaseAccess } from '../../cases/case-access.ts'
import { conferenceViews } from '../../cases/conferences.ts'
import { recordAudit } from '../../db/repos/audit.ts'
import { saveCase } from '../../db/repos/cases.ts'
import { badRequest, conflict, notFound } from '../../errors.ts'
import type { ApiServices } from '../index.ts'
import { idParam, parseMerged, readJson } from '../validate.ts'

function listOf(access: CaseAccess, k: Case): ConferenceListResponse {
  return ConferenceListResponse.parse({ conferences: conferenceViews(k, access.authority.settings, access.today) })
}

export function caseConferenceRoutes(services: ApiServices) {
  const { db } = services
  return new Hono<AppEnv>()
    .get('/:id/conferences', async (c) => {
      const { user } = requireAuth(c)
      const access = await readableCase(db, user, idParam(c, 'id', 'Case'))
      return c.json(listOf(access, access.case))
    })
    .post('/:id/conferences', async (c) => {
      const { user } = requireAuth(c)
      const access = await manageableCase(db, user, idParam(c, 'id', 'Case'))
      const input = await readJson(c, BookConferenceInput)
      const k = access.case
      if (k.status !== 'open') throw conflict('The plan for this case has ended: reopen the case to book a conference')
      const details: Conference = { ...input, outcome: null }
      let next: Case
      if (input.kind === 'review') {
        if (k.reviewConferenceDates.includes(input.date)) throw conflict('A review conference is already booked on that day', { date: 'A review conference is already booked on that day' })
        next = parseMerged(Case, { ...k, reviewConferenceDates: [...k.reviewConferenceDates, input.date].sort(), conferences: [...k.conferences, details] })
      } else {
        const kept = k.conferences.filter((x) => x.kind !== 'initial')
        next = parseMerged(Case, { ...k, initialConferenceDate: input.date, conferences: [...kept, details] })
      }
      const saved = await saveCase(db, next)
      await recordAudit(db, { event: 'conference-booked', authorityId: user.authorityId, caseId: k.id, userId: user.id, detail: { kind: input.kind, date: input.date } })
      return c.json(listOf(access, saved), 201)
    })
    .patch('/:id/conferences/:date', async (c) => {
      const { user } = requireAuth(c)
      const access = await manageableCase(db, user, idParam(c, 'id', 'Case'))
      const raw = c.req.param('date')
      const date = isIsoDate(raw) ? raw : null
      const k = access.case
      const view = date === null ? undefined : conferenceViews(k, access.authority.settings, access.today).find((x) => x.date === date)
      if (!view) throw notFound('Conference')
      const change = await readJson(c, UpdateConferenceInput)
      if (change.outcome && !view.held) {
        throw conflict('The outcome of a conference can be recorded once it has taken place', { outcome: 'The outcome can be recorded once the conference has taken place' })
      }
      if (change.outcome && view.kind === 'initial') {
        throw badRequest('There is a problem with the information you gave', { outcome: 'Record the outcome of a review conference; the initial conference started the plan' })
      }
      const { held: _held, jointReport: _dates, ...current } = view
      const updated: Conference = { ...current, ...change }
      const ends = updated.outcome === 'plan-ends'
      const wasEnding = current.outcome === 'plan-ends'
      const next = parseMerged(Case, {
        ...k,
        conferences: [...k.conferences.filter((x) => !(x.kind === view.kind && x.date === date)), updated],
        ...(ends && !wasEnding ? { status: 'plan-ended', planEndedDate: date } : {}),
        ...(!ends && wasEnding && k.status === 'plan-ended' ? { status: 'open', planEndedDate: null } : {}),
      })
      const saved = await saveCase(db, next)
      await afterCaseStatusChange(services, k, saved)
      await recordAudit(db, {
        event: 'conference-changed',
        authorityId: user.authorityId,
        caseId: k.id,
        userId: user.id,
        detail: { kind: view.kind, date, ...(change.outcome !== undefined ? { outcome: change.outcome } : {}) },
      })
      return c.json(listOf(access, saved))
    })
}
