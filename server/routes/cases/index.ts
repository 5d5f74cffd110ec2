/**
 * `/api/cases`: the signed-in user's cases (GET), opening a case (POST; staff only, `canStartCase`: the
 * creator becomes its lead social worker), one case with its core group, meetings and due items (GET),
 * and changing it (PATCH). Members, meetings and the plan's history of a case are in members.ts,
 * meetings.ts and plan.ts beside this file.
 * @module
 */
import { Hono } from 'hono'
import { CaseDetailResponse, CaseListResponse, CreateCaseRequest, type CaseSummary } from '../../../schemas/api/cases.ts'
import { Case, isActiveMember, UpdateCaseInput, type Member } from '../../../schemas/entities/index.ts'
import { canStartCase } from '../../../schemas/permissions.ts'
import { ukDateOf } from '../../../schemas/timescales/index.ts'
import { newId } from '../../auth/tokens.ts'
import { requireAuth, type AppEnv } from '../../auth/middleware.ts'
import { manageableCase, readableCase } from '../../cases/case-access.ts'
import { afterCaseStatusChange } from '../../cases/case-closure.ts'
import { caseDetail } from '../../cases/case-view.ts'
import { recordAudit } from '../../db/repos/audit.ts'
import { buildCase, insertCase, listCasesOfAuthority, listCasesOfUser, saveCase } from '../../db/repos/cases.ts'
import { buildMember, insertMember, listMembers, membershipsOfUser } from '../../db/repos/members.ts'
import { badRequest, forbidden } from '../../errors.ts'
import type { ApiServices } from '../index.ts'
import { idParam, parseMerged, readJson } from '../validate.ts'
import { memberRoutes } from './members.ts'
import { caseMeetingRoutes } from './meetings.ts'
import { caseConferenceRoutes } from './conferences.ts'
import { casePlanRoutes } from './plan.ts'

export function caseRoutes(services: ApiServices) {
  const { db } = services
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { user } = requireAuth(c)
      const today = ukDateOf()
      const memberships = await membershipsOfUser(db, user.id)
      const roleOf = new Map<string, Member>()
      for (const m of memberships) if (isActiveMember(m, today)) roleOf.set(m.caseId, m)
      const cases = user.accountRole === 'administrator' ? await listCasesOfAuthority(db, user.authorityId) : await listCasesOfUser(db, user.id)
      const visible = cases.filter((k) => k.authorityId === user.authorityId && (user.accountRole === 'administrator' || roleOf.has(k.id)))
      const summaries: CaseSummary[] = visible.map((k) => ({
        id: k.id,
        familyName: k.familyName,
        status: k.status,
        initialConferenceDate: k.initialConferenceDate,
        childCount: k.children.length,
        viewerRole: roleOf.get(k.id)?.role ?? null,
      }))
      return c.json(CaseListResponse.parse({ cases: summaries }))
    })
    .post('/', async (c) => {
      const { user } = requireAuth(c)
      if (!canStartCase(user)) throw forbidden('Only social care staff can start a case')
      const { agency, sharingSecurely, ...input } = await readJson(c, CreateCaseRequest)
      // Both rows are validated before either is written, so a case is never left without its lead.
      const created = buildCase({ ...input, authorityId: user.authorityId, status: 'open', planEndedDate: null })
      const lead = buildMember({
        caseId: created.id,
        name: user.name,
        agency,
        role: 'lead-social-worker',
        contact: { address: null, phone: null, email: user.email },
        sharingSecurely,
        optedInDate: ukDateOf() < created.initialConferenceDate ? ukDateOf() : created.initialConferenceDate,
        optedOutDate: null,
        userId: user.id,
      })
      await insertCase(db, created)
      await insertMember(db, lead)
      await recordAudit(db, { event: 'member-added', authorityId: user.authorityId, caseId: created.id, userId: user.id, detail: { memberId: lead.id, role: lead.role } })
      const access = await readableCase(db, user, created.id)
      return c.json(CaseDetailResponse.parse(await caseDetail(db, access, services)), 201)
    })
    .get('/:id', async (c) => {
      const { user } = requireAuth(c)
      const access = await readableCase(db, user, idParam(c, 'id', 'Case'))
      return c.json(CaseDetailResponse.parse(await caseDetail(db, access, services)))
    })
    .patch('/:id', async (c) => {
      const { user } = requireAuth(c)
      const access = await manageableCase(db, user, idParam(c, 'id', 'Case'))
      const change = await readJson(c, UpdateCaseInput)
      const current = access.case
      if (change.transitionsWorkerMemberId) {
        const named = (await listMembers(db, current.id)).find((m) => m.id === change.transitionsWorkerMemberId)
        if (!named || !isActiveMember(named, access.today)) {
          throw badRequest('There is a problem with the information you gave', { transitionsWorkerMemberId: 'Select a current member of the core group' })
        }
      }
      const merged = parseMerged(Case, {
        ...current,
        ...change,
        children: change.children?.map((child) => ({ ...child, id: child.id ?? newId('child') })) ?? current.children,
        // A conference whose date is taken off the case takes its details with it.
        conferences: current.conferences.filter((k) =>
          k.kind === 'initial' ? k.date === (change.initialConferenceDate ?? current.initialConferenceDate) : (change.reviewConferenceDates ?? current.reviewConferenceDates).includes(k.date),
        ),
        // Reopening a case clears the date its plan ended unless one is given.
        planEndedDate: change.planEndedDate !== undefined ? change.planEndedDate : change.status === 'open' ? null : current.planEndedDate,
        // Going back to the authority's interval drops the reason for the case's own.
        ...(change.coreGroupInterval === null ? { coreGroupIntervalReason: null } : {}),
      })
      const saved = await saveCase(db, merged)
      await afterCaseStatusChange(services, current, saved)
      return c.json(CaseDetailResponse.parse(await caseDetail(db, { ...access, case: saved }, services)))
    })
    .route('/', memberRoutes(services))
    .route('/', caseMeetingRoutes(services))
    .route('/', casePlanRoutes(services))
    .route('/', caseConferenceRoutes(services))
}
