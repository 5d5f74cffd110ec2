/**
 * Decisions in principle (seed 003, issue 15 §2): `POST|GET /api/meetings/:id/decisions` records one
 * at a core group whose social worker is absent (its chair, note taker or the deputy lead) and lists
 * a meeting's decisions (professionals see all, family members only those signed off);
 * `POST /api/decisions/:id/sign-off` is the team manager's agreement or not, fixed once given. The
 * rules are schemas/decisions/decision-rules.ts; the audit trail holds ids, never the text.
 * @module
 */
import { Hono } from 'hono'
import { DecisionListResponse, DecisionResponse, RecordDecisionInput, SignOffDecisionInput } from '../../../schemas/api/decisions.ts'
import { maySeeDecision, recordDecisionRefusal, signOffRefusal, type DecisionRefusal } from '../../../schemas/decisions/decision-rules.ts'
import type { Member } from '../../../schemas/entities/index.ts'
import { requireAuth, type AppEnv } from '../../auth/middleware.ts'
import { readableCase, type CaseAccess } from '../../cases/case-access.ts'
import { recordAudit } from '../../db/repos/audit.ts'
import { getDecision, insertDecision, listDecisionsOfMeeting, signOffDecision } from '../../db/repos/decisions.ts'
import { getMeeting } from '../../db/repos/meetings.ts'
import { listMembers } from '../../db/repos/members.ts'
import { conflict, forbidden, notFound } from '../../errors.ts'
import type { ApiServices } from '../index.ts'
import { idParam, readJson } from '../validate.ts'
import { decisionView, namesFrom } from './decision-view.ts'

const PLAN_ENDED_MESSAGE = 'The plan has ended: no decision in principle can be recorded or signed off'

/** The rules' view of the current member. */
const asDecisionMember = (m: Member | null) => (m ? { memberId: m.id, userId: m.userId, role: m.role } : null)

function refuse(refusal: DecisionRefusal): never {
  throw refusal.kind === 'conflict' ? conflict(refusal.message) : forbidden(refusal.message)
}

/** Routes under /api/meetings. */
export function meetingDecisionRoutes(services: ApiServices) {
  const { db } = services
  return new Hono<AppEnv>()
    .post('/:id/decisions', async (c) => {
      const { user } = requireAuth(c)
      const meeting = await getMeeting(db, idParam(c, 'id', 'Meeting'))
      if (!meeting) throw notFound('Meeting')
      const access = await readableCase(db, user, meeting.caseId).catch(hide('Meeting'))
      const refusal = recordDecisionRefusal(asDecisionMember(access.member), meeting)
      if (refusal) refuse(refusal)
      const { text } = await readJson(c, RecordDecisionInput)
      if (access.case.status !== 'open') throw conflict(PLAN_ENDED_MESSAGE)
      const decision = await insertDecision(db, { caseId: meeting.caseId, meetingId: meeting.id, text, recordedBy: user.id })
      await recordAudit(db, {
        event: 'decision-recorded',
        authorityId: access.authority.id,
        caseId: meeting.caseId,
        userId: user.id,
        doc: `meeting:${meeting.id}`,
        detail: { meetingId: meeting.id, decisionId: decision.id },
      })
      const view = await decisionView(decision, access.member!.role, namesFrom(db, await listMembers(db, meeting.caseId)))
      return c.json(DecisionResponse.parse({ decision: view }), 201)
    })
    .get('/:id/decisions', async (c) => {
      const { user } = requireAuth(c)
      const meeting = await getMeeting(db, idParam(c, 'id', 'Meeting'))
      if (!meeting) throw notFound('Meeting')
      const access = await readableCase(db, user, meeting.caseId).catch(hide('Meeting'))
      const role = memberRole(access)
      const nameOf = namesFrom(db, await listMembers(db, meeting.caseId))
      const visible = (await listDecisionsOfMeeting(db, meeting.id)).filter((d) => maySeeDecision(role, { signedOff: d.signOff !== null }))
      return c.json(DecisionListResponse.parse({ decisions: await Promise.all(visible.map((d) => decisionView(d, role, nameOf))) }))
    })
}

/** Routes under /api/decisions. */
export function decisionRoutes(services: ApiServices) {
  const { db } = services
  return new Hono<AppEnv>().post('/:id/sign-off', async (c) => {
    const { user } = requireAuth(c)
    const current = await getDecision(db, idParam(c, 'id', 'Decision'))
    if (!current) throw notFound('Decision')
    const access = await readableCase(db, user, current.caseId).catch(hide('Decision'))
    // Family members do not learn that a decision waiting for sign-off exists.
    if (access.member && !maySeeDecision(access.member.role, { signedOff: current.signOff !== null })) throw notFound('Decision')
    const refusal = signOffRefusal(asDecisionMember(access.member), { recordedBy: current.recordedBy, signedOff: current.signOff !== null })
    if (refusal) refuse(refusal)
    const { outcome, note } = await readJson(c, SignOffDecisionInput)
    if (access.case.status !== 'open') throw conflict(PLAN_ENDED_MESSAGE)
    const signed = await signOffDecision(db, current.id, { by: user.id, outcome, note })
    if (!signed) refuse(signOffRefusal(asDecisionMember(access.member), { recordedBy: current.recordedBy, signedOff: true })!)
    await recordAudit(db, {
      event: 'decision-signed-off',
      authorityId: access.authority.id,
      caseId: signed.caseId,
      userId: user.id,
      doc: `meeting:${signed.meetingId}`,
      detail: { meetingId: signed.meetingId, decisionId: signed.id, outcome },
    })
    const view = await decisionView(signed, access.member!.role, namesFrom(db, await listMembers(db, signed.caseId)))
    return c.json(DecisionResponse.parse({ decision: view }))
  })
}

/** Decisions are read by the core group's current members only, not by an administrator outside it. */
function memberRole(access: CaseAccess) {
  if (!access.member) throw forbidden('Only the members of this core group can read its decisions in principle')
  return access.member.role
}

/** Something of a case the user may not see does not exist. */
function hide(what: string) {
  return (err: unknown): never => {
    if (err instanceof Error && 'status' in err && err.status === 404) throw notFound(what)
    throw err
  }
}
