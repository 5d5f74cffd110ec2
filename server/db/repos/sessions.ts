/**
 * Server-side sessions, one-time invitations and password-reset links. Tokens are stored as their
 * sha256 only.
 * @module
 */
import type { AccountRole } from '../../../schemas/roles.ts'
import type { Db, InvitationsTable, PasswordResetsTable, SessionsTable } from '../schema.ts'

export type SessionRow = SessionsTable
export type InvitationRow = InvitationsTable & { account_role: AccountRole }

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute()
}

export async function getSession(db: Db, id: string): Promise<SessionRow | null> {
  return (await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
}

export async function touchSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute()
}

export async function deleteSession(db: Db, id: string): Promise<SessionRow | null> {
  const row = await getSession(db, id)
  if (row) await db.deleteFrom('sessions').where('id', '=', id).execute()
  return row
}

export async function insertInvitation(db: Db, row: InvitationRow): Promise<void> {
  await db.insertInto('invitations').values(row).execute()
}

export async function getInvitation(db: Db, id: string): Promise<InvitationRow | null> {
  return ((await db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst()) as InvitationRow | undefined) ?? null
}

/** Marks an invitation used; false when it was already used (so a link works once, even in a race). */
export async function useInvitation(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('invitations').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** The ids of a user's open sessions. */
export async function sessionIdsOfUser(db: Db, userId: string): Promise<string[]> {
  return (await db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).map((r) => r.id)
}

/** Invitations of an authority not yet used (expired ones included: the page says they expired). */
export async function listOpenInvitations(db: Db, authorityId: string): Promise<InvitationRow[]> {
  return (await db.selectFrom('invitations').selectAll().where('authority_id', '=', authorityId).where('used_at', 'is', null).orderBy('created_at').execute()) as InvitationRow[]
}

/** Withdraws an unused invitation; false when there was none to withdraw. */
export async function deleteOpenInvitation(db: Db, id: string, authorityId: string): Promise<boolean> {
  const result = await db.deleteFrom('invitations').where('id', '=', id).where('authority_id', '=', authorityId).where('used_at', 'is', null).executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

export type PasswordResetRow = PasswordResetsTable

/** Makes a reset link for an account; any earlier unused link of the account stops working. */
export async function replacePasswordReset(db: Db, row: PasswordResetRow): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('password_resets').where('user_id', '=', row.user_id).where('used_at', 'is', null).execute()
    await tx.insertInto('password_resets').values(row).execute()
  })
}

export async function getPasswordReset(db: Db, id: string): Promise<PasswordResetRow | null> {
  return (await db.selectFrom('password_resets').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
}

/** Marks a reset link used; false when it was already used (a link works once, even in a race). */
export async function usePasswordReset(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('password_resets').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
