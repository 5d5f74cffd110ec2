/**
 * Cases: one family's child protection plan. Validated with the entity schema on write and on read.
 * @module
 */
import { Case } from '../../../schemas/entities/index.ts'
import { newId } from '../../auth/tokens.ts'
import { nowIso, parseRow } from '../entity-row.ts'
import type { Db } from '../schema.ts'

/** A case ready to insert: validated, with its id and timestamps (children get ids too). */
export function buildCase(
  input: Omit<Case, 'id' | 'createdAt' | 'updatedAt' | 'children' | 'conferences' | 'termsOfReferenceAgreedDate' | 'transitionsWorkerMemberId' | 'coreGroupInterval' | 'coreGroupIntervalReason'> &
    Partial<Pick<Case, 'conferences' | 'termsOfReferenceAgreedDate' | 'transitionsWorkerMemberId' | 'coreGroupInterval' | 'coreGroupIntervalReason'>> & { children: Array<{ id?: string; name: string; dateOfBirth: string }> },
): Case {
  const at = nowIso()
  return Case.parse({
    ...input,
    id: newId('case'),
    children: input.children.map((c) => ({ ...c, id: c.id ?? newId('child') })),
    createdAt: at,
    updatedAt: at,
  })
}

export async function insertCase(db: Db, value: Case): Promise<Case> {
  const c = Case.parse(value)
  await db
    .insertInto('cases')
    .values({ id: c.id, authority_id: c.authorityId, status: c.status, data: JSON.stringify(c), created_at: c.createdAt, updated_at: c.updatedAt })
    .execute()
  return c
}

export async function getCase(db: Db, id: string): Promise<Case | null> {
  const row = await db.selectFrom('cases').select('data').where('id', '=', id).executeTakeFirst()
  return row ? parseRow(Case, row) : null
}

/** Writes a changed case (validated again, `updatedAt` set now). */
export async function saveCase(db: Db, value: Case): Promise<Case> {
  const c = Case.parse({ ...value, updatedAt: nowIso() })
  await db.updateTable('cases').set({ status: c.status, data: JSON.stringify(c), updated_at: c.updatedAt }).where('id', '=', c.id).execute()
  return c
}

/** Every case of an authority (administrators), by family name. */
export async function listCasesOfAuthority(db: Db, authorityId: string): Promise<Case[]> {
  const rows = await db.selectFrom('cases').select('data').where('authority_id', '=', authorityId).execute()
  return sortByFamily(rows.map((r) => parseRow(Case, r)))
}

/** The cases where the user has a membership row (active or not; callers filter), by family name. */
export async function listCasesOfUser(db: Db, userId: string): Promise<Case[]> {
  const rows = await db
    .selectFrom('cases')
    .select('cases.data')
    .where('cases.id', 'in', (eb) => eb.selectFrom('members').select('members.case_id').where('members.user_id', '=', userId))
    .execute()
  return sortByFamily(rows.map((r) => parseRow(Case, r)))
}

const sortByFamily = (cases: Case[]) => cases.sort((a, b) => a.familyName.localeCompare(b.familyName, 'en-GB') || a.id.localeCompare(b.id))
