/**
 * What the audit trail's words are made from: the names of the accounts, members and meetings that an
 * event's ids point at, loaded when the trail is read (the stored rows carry ids only).
 * @module
 */
import type { MeetingType } from '../entities/meeting.ts'

/** One stored event, as the words need it: ids, document and section names, codes. */
export interface AuditFacts {
  event: string
  userId: string | null
  doc: string | null
  section: string | null
  detail: Record<string, string | number | boolean | null> | null
}

export interface AuditMeetingFacts {
  type: MeetingType
  date: string
  /** The agenda's items, for the titles of `item:<key>` sections. */
  agenda: ReadonlyArray<{ key: string; title: string }>
}

export interface AuditWordsContext {
  /** Account id → the account's name. */
  userNames: ReadonlyMap<string, string>
  /** Member id → the member's name (every member of the case, former members too). */
  memberNames: ReadonlyMap<string, string>
  meetings: ReadonlyMap<string, AuditMeetingFacts>
}

/** A member's name, or words that say the member is not known (never the id). */
export function memberName(ctx: AuditWordsContext, id: unknown): string {
  return typeof id === 'string' ? (ctx.memberNames.get(id) ?? 'a member no longer recorded') : 'nobody'
}

/** An account's name, or words that say the account is not known. */
export function accountName(ctx: AuditWordsContext, id: unknown): string {
  return typeof id === 'string' ? (ctx.userNames.get(id) ?? 'an account no longer recorded') : 'an unknown account'
}

/** "Tom Ellis’s update", or "the update of a member no longer recorded" when the id is not a member. */
export function membersThing(ctx: AuditWordsContext, id: unknown, thing: string): string {
  const name = typeof id === 'string' ? ctx.memberNames.get(id) : undefined
  return name ? `${name}’s ${thing}` : `the ${thing} of a member no longer recorded`
}
