/**
 * An audit event in words (issue 15 §9): who, what and where, made when the trail is read from the
 * stored ids, so that the stored rows and the logs keep ids only.
 * @module
 */
import type { AuditFacts, AuditWordsContext } from './audit-context.ts'
import { auditWhat, auditWho } from './audit-what.ts'
import { auditWhere } from './audit-where.ts'

export type { AuditFacts, AuditMeetingFacts, AuditWordsContext } from './audit-context.ts'

export interface AuditWords {
  who: string
  what: string
  where: string
}

export function describeAuditEvent(ctx: AuditWordsContext, e: AuditFacts): AuditWords {
  return { who: auditWho(ctx, e), what: auditWhat(ctx, e), where: auditWhere(ctx, e) }
}

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
const LONDON_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' })

/** An instant in UK local time: "16 December 2026, 10:03:12". */
export function formatUkDateTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${LONDON_DAY.format(d)}, ${LONDON_TIME.format(d)}`
}

/**
 * The instant a UK calendar day begins (Europe/London, so 00:00 BST is 23:00 UTC the day before), as
 * an ISO timestamp comparable with the stored `at`.
 */
export function ukDayStart(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const utcMidnight = Date.UTC(y, m - 1, d)
  // London is UTC or UTC+1: the day starts at 00:00 or 23:00 UTC the day before.
  const hourThere = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(new Date(utcMidnight)))
  return new Date(utcMidnight - hourThere * 3_600_000).toISOString()
}
