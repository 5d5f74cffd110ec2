/**
 * `/api/cases/:id/members`: the membership and contact sheet (GET), adding a member (POST) and changing
 * one (PATCH `/:memberId`), including opting them out by `optedOutDate` — members are never deleted.
 * When a member leaves or their role or account changes, their open sockets to the case's documents
 * are closed, so their access is decided again from the new rows.
 * @module
 */
import { Hono } from 'hono'
import { MemberListResponse, MemberResponse } from '../../../schemas/api/cases.ts'
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

export function memberRoutes(services: ApiServices) {
  const { db, rooms } = services
  return new Hono<AppEnv>()
    .get('/:id/members', async (c) => {
      const { user } = requireAuth(c)
      const access = await readableCase(db, user, idParam(c, 'id', 'Case'))
      return c.json(MemberListResponse.parse({ members: await listMembers(db, access.case.id) }))
    })
    .post('/:id/members', async (c) => {
      const { user } = requireAuth(c)
      const access = await manageableCase(db, user, idParam(c, 'id', 'Case'))
      const input = await readJson(c, CreateMemberInput)
      const member = buildMember({ ...input, caseId: access.case.id })
      await checkLinkedUser(db, user, member, access.today)
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
}
