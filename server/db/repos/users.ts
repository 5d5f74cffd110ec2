/**
 * Authorities and user accounts.
 * @module
 */
import { Authority, User } from '../../../schemas/entities/index.ts'
import { newId } from '../../auth/tokens.ts'
import { nowIso, parseRow, parseRowShared } from '../entity-row.ts'
import type { Db } from '../schema.ts'

export async function insertAuthority(db: Db, input: Omit<Authority, 'id' | 'createdAt' | 'updatedAt'>): Promise<Authority> {
  const at = nowIso()
  const authority = Authority.parse({ ...input, id: newId('auth'), createdAt: at, updatedAt: at })
  await db.insertInto('authorities').values({ id: authority.id, data: JSON.stringify(authority), created_at: at, updated_at: at }).execute()
  return authority
}

const authorityRow = (db: Db, id: string) => db.selectFrom('authorities').select('data').where('id', '=', id).executeTakeFirst()

export async function getAuthority(db: Db, id: string): Promise<Authority | null> {
  const row = await authorityRow(db, id)
  return row ? parseRow(Authority, row) : null
}

/** `getAuthority` for the read every socket makes as it opens (`parseRowShared`: frozen, parsed once per text). */
export async function getAuthorityShared(db: Db, id: string): Promise<Readonly<Authority> | null> {
  const row = await authorityRow(db, id)
  return row ? parseRowShared(Authority, row) : null
}

export async function saveAuthority(db: Db, authority: Authority): Promise<Authority> {
  const next = Authority.parse({ ...authority, updatedAt: nowIso() })
  await db.updateTable('authorities').set({ data: JSON.stringify(next), updated_at: next.updatedAt }).where('id', '=', next.id).execute()
  return next
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertUser(
  db: Db,
  input: Pick<User, 'authorityId' | 'name' | 'email' | 'accountRole'>,
  passwordHash: string | null,
): Promise<User> {
  const at = nowIso()
  const user = User.parse({ ...input, id: newId('user'), disabledAt: null, createdAt: at, updatedAt: at })
  await db
    .insertInto('users')
    .values({ id: user.id, authority_id: user.authorityId, email: user.email, password_hash: passwordHash, disabled_at: null, data: JSON.stringify(user), created_at: at, updated_at: at })
    .execute()
  return user
}

export async function getUser(db: Db, id: string): Promise<User | null> {
  const row = await db.selectFrom('users').select('data').where('id', '=', id).executeTakeFirst()
  return row ? parseRow(User, row) : null
}

export async function findUserByEmail(db: Db, email: string): Promise<{ user: User; passwordHash: string | null } | null> {
  const row = await db.selectFrom('users').select(['data', 'password_hash']).where('email', '=', email.trim().toLowerCase()).executeTakeFirst()
  return row ? { user: parseRow(User, row), passwordHash: row.password_hash } : null
}

export async function listUsers(db: Db, authorityId: string): Promise<User[]> {
  const rows = await db.selectFrom('users').select('data').where('authority_id', '=', authorityId).orderBy('email').execute()
  return rows.map((r) => parseRow(User, r))
}

/** Sets an account's password (already hashed). */
export async function setPasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: nowIso() }).where('id', '=', userId).execute()
}

/** Saves a changed account (its name, role, or whether it is disabled). */
export async function saveUser(db: Db, user: User): Promise<User> {
  const next = User.parse({ ...user, updatedAt: nowIso() })
  await db
    .updateTable('users')
    .set({ email: next.email, disabled_at: next.disabledAt, data: JSON.stringify(next), updated_at: next.updatedAt })
    .where('id', '=', next.id)
    .execute()
  return next
}
