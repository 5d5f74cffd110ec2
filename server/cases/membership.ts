/**
 * Which membership row speaks for a user in a case, and on which date: the one rule behind both the
 * API's access (case-access.ts) and the sync socket's (sync/access.ts), so that the page and its open
 * documents never disagree about who is in the core group.
 *
 * - The date is today in the UK (Europe/London), never the UTC date: a member opted out today has left
 *   from midnight UK time, even in the hour after it when UTC is still on yesterday.
 * - A row counts from its `optedInDate` up to (not including) its `optedOutDate` (`isActiveMember`): a
 *   member who joins next week has no access yet.
 * - Of a user's rows, the most recently created active one speaks for them; without an active one, the
 *   most recent row (a former or future member: known to the case, with no access).
 * @module
 */
import { isActiveMember, type Member } from '../../schemas/entities/index.ts'
import type { Viewer } from '../../schemas/permissions.ts'
import { ukDateOf } from '../../schemas/timescales/index.ts'

/** The date access is decided on: today's date in the UK. */
export function accessDate(now: Date = new Date()): string {
  return ukDateOf(now)
}

/** The row that speaks for one user in one case, on `date`. */
export interface Membership {
  /** The most recent active row; else the most recent row; null when the user has no row in the case. */
  member: Member | null
  /** Whether `member` is in the group on `date`. */
  active: boolean
  date: string
}

/** Rows oldest first, by creation time; rows created together keep their given order. */
function byCreation(rows: readonly Member[]): Member[] {
  return rows.map((m, i) => ({ m, i })).sort((a, b) => a.m.createdAt.localeCompare(b.m.createdAt) || a.i - b.i).map(({ m }) => m)
}

/** The membership of a user from their rows in one case (in any order), on the UK date `date`. */
export function resolveMembership(rows: readonly Member[], date: string = accessDate()): Membership {
  const newestFirst = byCreation(rows).reverse()
  const active = newestFirst.find((m) => isActiveMember(m, date))
  if (active) return { member: active, active: true, date }
  return { member: newestFirst[0] ?? null, active: false, date }
}

/** The members of a case in the group on `date` (those with sections of their own in its documents). */
export function activeMembers(rows: readonly Member[], date: string): Member[] {
  return rows.filter((m) => isActiveMember(m, date))
}

/** The permission rules' view of a user (schemas/permissions.ts) from their membership. */
export function viewerOf(userId: string, membership: Membership): Viewer {
  const { member, active } = membership
  return { userId, memberId: member?.id ?? null, role: member?.role ?? null, optedOut: !active }
}
