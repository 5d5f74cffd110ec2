/**
 * Shared words and small helpers for the child protection plan (issue 11): how a status and a date are
 * written beside a row, and which statuses close an action.
 *
 * Dates are written the way a UK social worker writes them in a plan: "16 December", with the year
 * only when it is not this year ("16 December 2025" when today is in 2026). Times of changes are
 * instants (`2026-01-05T10:00:00.000Z`); the day they fall on is the UK (Europe/London) day, so a
 * change at 23:30 UTC on 30 June counts as 1 July.
 * @module
 */
import type * as z from 'zod'
import type { ActionStatus } from '../content/rows.ts'
import { parseIsoDate, ukDateOf, type IsoDate } from '../timescales/iso-date.ts'

export type { IsoDate }

/** An instant written in ISO 8601 (`2026-01-05T10:00:00.000Z`), as the server stamps changes. */
export type IsoDateTime = string

/** A status of an action row. */
export type PlanStatus = z.infer<typeof ActionStatus>

/** Statuses that close an action: it is no longer expected to happen, so it is never overdue. */
export const CLOSED_STATUSES: ReadonlySet<PlanStatus> = new Set<PlanStatus>(['done', 'no-longer-needed'])

/** True while the action is still to be carried out (not started or in progress). */
export function isOpenStatus(status: PlanStatus): boolean {
  return !CLOSED_STATUSES.has(status)
}

/** Each status in words, lower case, as it reads inside a sentence ("in progress since 16 December"). */
export const STATUS_WORDS: Record<PlanStatus, string> = {
  'not-started': 'not started',
  'in-progress': 'in progress',
  done: 'done',
  'no-longer-needed': 'no longer needed',
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const

/**
 * A date in UK words: `2026-12-16` → "16 December" when `today` is in 2026, "16 December 2026"
 * otherwise. A string that is not a real date is returned unchanged (never throws beside a row).
 */
export function dateWords(date: IsoDate, today: IsoDate): string {
  const d = parseIsoDate(date)
  if (d === null) return date
  const words = `${d.day} ${MONTHS[d.month - 1]}`
  const t = parseIsoDate(today)
  return t !== null && t.year === d.year ? words : `${words} ${d.year}`
}

/** The UK (Europe/London) calendar day of an instant; null when it is not a readable date and time. */
export function ukDayOfInstant(at: IsoDateTime): IsoDate | null {
  const ms = Date.parse(at)
  return Number.isNaN(ms) ? null : ukDateOf(new Date(ms))
}
