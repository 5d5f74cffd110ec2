/**
 * Core group members: rows of the membership and contact sheet. Members are opted out (by date), never
 * deleted, so the history of who was in the group stays. Validated on write and on read.
 * @module
 */
import { Member } from '../../../schemas/entities/index.ts'
import { newId } from '../../auth/tokens.ts'
import { nowIso, parseRow } from '../entity-row.ts'
import type { Db } from '../schema.ts'

/** A member ready to insert: validated, with its id and timestamps. */
export function buildMember(input: Omit<Member, 'id' | 'createdAt' | 'updatedAt'>): Member {
  const at = nowIso()
  return Member.parse({ ...input, id: newId('mem'), createdAt: at, updatedAt: at })
}

export async function insertMember(db: Db, value: Member): Promise<Member> {
  const m = Member.parse(value)
  await db
    .insertInto('members')
    .values({ id: m.id, case_id: m.caseId, user_id: m.userId, data: JSON.stringify(m), created_at: m.createdAt, updated_at: m.updatedAt })
    .execute()
  return m
}

export async function getMember(db: Db, id: string): Promise<Member | null> {
  const row = await db.selectFrom('members').select('data').where('id', '=', id).executeTakeFirst()
  return row ? parseRow(Member, row) : null
}

/** Writes a changed member (validated again, `updatedAt` set now). */
export async function saveMember(db: Db, value: Member): Promise<Member> {
  const m = Member.parse({ ...value, updatedAt: nowIso() })
  await db.updateTable('members').set({ user_id: m.userId, data: JSON.stringify(m), updated_at: m.updatedAt }).where('id', '=', m.id).execute()
  return m
}

/** Every member of a case, opted out or not, in the order they joined. */
export async function listMembers(db: Db, caseId: string): Promise<Member[]> {
  const rows = await db.selectFrom('members').select('data').where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute()
  return rows.map((r) => parseRow(Member, r))
}

/** The user's membership rows in one case (usually one; more when they left and rejoined). */
export async function membershipsOf(db: Db, caseId: string, userId: string): Promise<Member[]> {
  const rows = await db.selectFrom('members').select('data').where('case_id', '=', caseId).where('user_id', '=', userId).orderBy('created_at').execute()
  return rows.map((r) => parseRow(Member, r))
}

/** Every membership row of a user, across cases. */
export async function membershipsOfUser(db: Db, userId: string): Promise<Member[]> {
  const rows = await db.selectFrom('members').select('data').where('user_id', '=', userId).execute()
  return rows.map((r) => parseRow(Member, r))
}
