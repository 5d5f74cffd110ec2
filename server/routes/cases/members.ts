/**
 * `/api/cases/:id/members`: the membership and contact sheet (GET), adding a member (POST) and changing
 * one (PATCH `/:memberId`), including opting them out by `optedOutDate` — members are never deleted.
 * When a member leaves or their role or account changes, their open sockets to the case's documents
 * are closed, so their access is decided again from the new rows.
 * @module
 */
import { Hono } from 'hono'
import { HandOverInput, MemberListResponse, MemberResponse } from '../../../schemas/api/cases.ts'
import { membersForViewer } from '../../../schemas/family/contact-sharing.ts'
import { canStartCase } from '../../../schemas/permissions.ts'
import { PROFESSIONAL_ROLES } from '../../../schemas/roles.ts'
import { CreateMemberInput, isActiveMember, Member, UpdateMemberInput, type User } from '../../../schemas/entities/index.ts'
import { requireAuth, type AppEnv } from '../../auth/middleware.ts'
import { manageableCase, readableCase } from '../../cases/case-access.ts'
import { closeCaseSockets } from '../../cases/close-sockets.ts'
import { recordAudit } from '../../db/repos/audit.ts'
import { buildMember, getMember, insertMember, listMembers, saveMember } from '../../db/repos/members.ts'
import { getUser } from '../../db/repos/users.ts'
import type { Db } from '../../db/schema.ts'
import { badRequest, conflict, notFound } from '../../errors.ts'
import type { ApiServices } from '../index.ts'
import { idParam, parseMerged, readJson } from '../validate.ts'

/** A member's account must be one of the authority's, and not already in the group as someone else. */
async function checkLinkedUser(db: Db, user: User, member: Pick<Member, 'id' | 'caseId' | 'userId' | 'optedOutDate'>, today: string): Promise<void> {
  if (member.userId === null) return
  const linked = await getUser(db, member.userId)
  if (!linked || linked.authorityId !== user.authorityId) {
    throw badRequest('There is a problem with the information you gave', { userId: 'Select an account from your authority' })
  }
  const others = (await listMembers(db, member.caseId)).filter((m) => m.id !== member.id && m.userId === member.userId && isActiveMember(m, today))
  if (others.length > 0 && (member.optedOutDate === null || member.optedOutDate > today)) {
    throw conflict('This person is already a member of the core group', { userId: 'This person is already a member of the core group' })
  }
}

/** Roles a case has exactly one of (seed 003: "a lead social worker and a deputy lead"). */
const SINGLE_ROLES = { 'lead-social-worker': 'a lead social worker', 'deputy-lead': 'a deputy lead' } as const

/**
 * One lead social worker and one deputy lead per case, refused in words (409) otherwise; the lead cannot
 * leave the group or give up the role except by handing the case over (`/hand-over`).
 */
async function checkCaseRoles(db: Db, next: Member, current: Member | null, today: string): Promise<void> {
  if (current?.role === 'lead-social-worker' && (next.role !== 'lead-social-worker' || (next.optedOutDate !== null && current.optedOutDate === null))) {
    const field = next.role !== 'lead-social-worker' ? 'role' : 'optedOutDate'
    const message = 'The lead social worker cannot leave the case or change role: hand the case to another social worker first'
    throw conflict(message, { [field]: message })
  }
  if (!(next.role in SINGLE_ROLES) || !isActiveMember(next, today) || current?.role === next.role) return
  const role = next.role as keyof typeof SINGLE_ROLES
  const holder = (await listMembers(db, next.caseId)).find((m) => m.id !== next.id && m.role === role && isActiveMember(m, today))
  if (holder) {
    const message = role === 'lead-social-worker'
      ? `This case already has ${SINGLE_ROLES[role]}, ${holder.name}: hand the case over to change the lead`
      : `This case already has ${SINGLE_ROLES[role]}, ${holder.name}: change their role first`
    throw conflict(message, { role: message })
  }
}

export function memberRoutes(services: ApiServices) {
  const { db, rooms } = services
  return new Hono<AppEnv>()
    .get('/:id/members', async (c) => {
      const { user } = requireAuth(c)
      const access = await readableCase(db, user, idParam(c, 'id', 'Case'))
      const members = membersForViewer(await listMembers(db, access.case.id), access.viewer.role, access.viewer.memberId)
      return c.json(MemberListResponse.parse({ members }))
    })
    .post('/:id/members', async (c) => {
      const { user } = requireAuth(c)
      const access = await manageableCase(db, user, idParam(c, 'id', 'Case'))
      const input = await readJson(c, CreateMemberInput)
      const member = buildMember({ ...input, caseId: access.case.id })
      await checkLinkedUser(db, user, member, access.today)
      await checkCaseRoles(db, member, null, access.today)
      await insertMember(db, member)
      await recordAudit(db, { event: 'member-added', authorityId: user.authorityId, caseId: access.case.id, userId: user.id, detail: { memberId: member.id, role: member.role } })
      return c.json(MemberResponse.parse({ member }), 201)
    })
    .patch('/:id/members/:memberId', async (c) => {
      const { user } = requireAuth(c)
      const access = await manageableCase(db, user, idParam(c, 'id', 'Case'))
      const memberId = idParam(c, 'memberId', 'Member')
      const current = await getMember(db, memberId)
      if (!current || current.caseId !== access.case.id) throw notFound('Member')
      const change = await readJson(c, UpdateMemberInput)
      const next = parseMerged(Member, { ...current, ...change })
      await checkLinkedUser(db, user, next, access.today)
      await checkCaseRoles(db, next, current, access.today)
      const saved = await saveMember(db, next)

      const optedOut = saved.optedOutDate !== null && current.optedOutDate !== saved.optedOutDate
      const accessChanged = optedOut || saved.role !== current.role || saved.userId !== current.userId || saved.optedInDate !== current.optedInDate
      if (accessChanged) {
        const leftNow = !isActiveMember(saved, access.today)
        for (const userId of new Set([current.userId, saved.userId])) {
          if (userId) closeCaseSockets(rooms, access.case.id, userId, leftNow || userId !== saved.userId)
        }
      }
      await recordAudit(db, {
        event: 'member-changed',
        authorityId: user.authorityId,
        caseId: access.case.id,
        userId: user.id,
        detail: {
          memberId: saved.id,
          role: saved.role,
          ...(saved.role !== current.role ? { previousRole: current.role } : {}),
          ...(optedOut ? { optedOutDate: saved.optedOutDate } : {}),
          ...(saved.userId !== current.userId ? { accountChanged: true } : {}),
        },
      })
      return c.json(MemberResponse.parse({ member: saved }))
    })
    .post('/:id/hand-over', async (c) => {
      const { user } = requireAuth(c)
      const access = await manageableCase(db, user, idParam(c, 'id', 'Case'))
      const input = await readJson(c, HandOverInput)
      const { case: k, today } = access
      if (k.status !== 'open') throw conflict('The plan for this case has ended: reopen the case to hand it over')
      const members = await listMembers(db, k.id)
      const lead = members.find((m) => m.role === 'lead-social-worker' && isActiveMember(m, today))
      const next = members.find((m) => m.id === input.toMemberId && isActiveMember(m, today))
      if (!next) throw badRequest('There is a problem with the information you gave', { toMemberId: 'Select a current member of the core group' })
      if (next.id === lead?.id) throw conflict('This person is already the lead social worker', { toMemberId: 'This person is already the lead social worker' })
      if (!PROFESSIONAL_ROLES.has(next.role) || next.userId === null) {
        throw badRequest('There is a problem with the information you gave', { toMemberId: 'Select a professional of the core group with an account' })
      }
      const account = await getUser(db, next.userId)
      if (!account || !canStartCase(account)) {
        throw badRequest('There is a problem with the information you gave', { toMemberId: 'Select a social care member of staff' })
      }
      // The former lead first: the case has one lead at every moment it is read.
      const former = lead
        ? await saveMember(db, parseMerged(Member, { ...lead, role: 'professional', optedOutDate: input.formerLeadLeaves ? today : null }))
        : null
      const taken = await saveMember(db, parseMerged(Member, { ...next, role: 'lead-social-worker' }))
      for (const m of [former, taken]) if (m?.userId) closeCaseSockets(rooms, k.id, m.userId, m === former && input.formerLeadLeaves)
      await recordAudit(db, {
        event: 'case-handed-over',
        authorityId: user.authorityId,
        caseId: k.id,
        userId: user.id,
        detail: { fromMemberId: former?.id ?? null, toMemberId: taken.id, formerLeadLeaves: input.formerLeadLeaves },
      })
      return c.json(MemberListResponse.parse({ members: await listMembers(db, k.id) }))
    })
}
