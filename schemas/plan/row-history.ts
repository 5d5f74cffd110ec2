/**
 * The history of a plan row (issue 11 §5, §6): every change kept as who, when, which field, old and
 * new value, and the words a meeting reads when it reviews the row ("in progress since 16 December;
 * progress added by Tom Ellis on 5 January").
 *
 * The rules, in plain English:
 * - {@link rowChanges} compares a row before and after one change. A row added is one entry (`field`
 *   null, `old` null, `new` the row); a row removed is one entry (`field` null, `old` the row, `new`
 *   null). Otherwise there is one entry per field whose value differs, in the table's field order.
 * - A field missing, `undefined`, `null` or `''` all mean "empty", and empty to empty is no change.
 * - The row's own `added` and `changed` dates are bookkeeping, not changes, so they are never entries.
 * - {@link statusSince}: the row's current status dates from the last entry that set it (its most
 *   recent status change, or the day it was added).
 * - {@link describeRowHistory}: the status and since when, then each change made on or after `since`
 *   (pass the last meeting's date to include what was changed at it, or the day after to leave it
 *   out), oldest first, with repeated identical phrases said once (typing progress makes many
 *   entries). The latest status change is already in the first phrase, so it is not repeated. When
 *   nothing changed on or after `since`, it says "no changes since …".
 * - Days are UK days; dates leave out the year when it is today's year. Names come from `names`
 *   (member id → name) when known there, otherwise from the name stored with the entry.
 * @module
 */
import * as z from 'zod'
import { Timestamp } from '../entities/fields.ts'
import { ActionStatus } from '../content/rows.ts'
import type { IsoDate } from '../timescales/iso-date.ts'
import { ACTION_FIELDS } from './plan-rules.ts'
import { dateWords, STATUS_WORDS, ukDayOfInstant, type IsoDateTime } from './words.ts'

/** One change to one row: who, when, which field (null: the whole row added or removed), old and new. */
export const HistoryEntry = z.strictObject({
  at: Timestamp,
  by: z.strictObject({ memberId: z.string(), name: z.string() }),
  field: z.string().nullable(),
  old: z.unknown(),
  new: z.unknown(),
})
export type HistoryEntry = z.infer<typeof HistoryEntry>

/** Fields that are bookkeeping of the history itself, never recorded as changes. */
export const UNTRACKED_FIELDS: ReadonlySet<string> = new Set(['added', 'changed'])

type Row = Readonly<Record<string, unknown>>

const isEmpty = (v: unknown) => v === undefined || v === null || v === ''

function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  return ka.length === kb.length && ka.every((k) => sameValue((a as Row)[k], (b as Row)[k]))
}

/** Field order: the table's order, then any other field alphabetically. */
function fieldOrder(a: string, b: string): number {
  const ia = (ACTION_FIELDS as readonly string[]).indexOf(a)
  const ib = (ACTION_FIELDS as readonly string[]).indexOf(b)
  if (ia !== ib) return ia === -1 ? 1 : ib === -1 ? -1 : ia - ib
  return a < b ? -1 : a > b ? 1 : 0
}

/** The history entries of one change to a row (see the module comment); [] when nothing changed. */
export function rowChanges(
  before: Row | null,
  after: Row | null,
  who: { memberId: string; name: string },
  at: IsoDateTime,
): HistoryEntry[] {
  const by = { memberId: who.memberId, name: who.name }
  if (before === null && after === null) return []
  if (before === null) return [{ at, by, field: null, old: null, new: { ...after } }]
  if (after === null) return [{ at, by, field: null, old: { ...before }, new: null }]
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((f) => !UNTRACKED_FIELDS.has(f))
    .sort(fieldOrder)
  return fields
    .filter((f) => !sameValue(before[f], after[f]))
    .map((f) => ({ at, by, field: f, old: before[f] ?? null, new: after[f] ?? null }))
}

/** The entries sorted by time, oldest first (stable: entries of one change keep their order). */
function chronological(history: readonly HistoryEntry[]): HistoryEntry[] {
  const time = (e: HistoryEntry) => {
    const ms = Date.parse(e.at)
    return Number.isNaN(ms) ? 0 : ms
  }
  return [...history].sort((a, b) => time(a) - time(b))
}

/** The status an entry sets, if it sets one (a status change, or a row added with a status). */
function statusSetBy(entry: HistoryEntry): ActionStatusValue | null {
  const value = entry.field === 'status' ? entry.new : entry.field === null && isRow(entry.new) ? entry.new.status : undefined
  const parsed = ActionStatus.safeParse(value)
  return parsed.success ? parsed.data : null
}
type ActionStatusValue = z.infer<typeof ActionStatus>
const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The row's current status, the UK day it was set, and words ("in progress since 16 December"); null when the history never sets one. */
export function statusSince(
  history: readonly HistoryEntry[],
  today: IsoDate,
): { status: ActionStatusValue; since: IsoDate; words: string; entry: HistoryEntry } | null {
  const sorted = chronological(history)
  for (let i = sorted.length - 1; i >= 0; i--) {
    const entry = sorted[i]!
    if (entry.field === null && isEmpty(entry.new)) return null // the row was removed
    const status = statusSetBy(entry)
    const since = ukDayOfInstant(entry.at)
    if (status !== null && since !== null) {
      return { status, since, words: `${STATUS_WORDS[status]} since ${dateWords(since, today)}`, entry }
    }
  }
  return null
}

const FIELD_WORDS: Record<string, string> = {
  need: 'need',
  outcome: 'outcome',
  action: 'action',
  how: '“how”',
}

type Names = ReadonlyMap<string, string> | Readonly<Record<string, string>>

function nameOf(names: Names, memberId: string): string | undefined {
  if (names instanceof Map) return names.get(memberId)
  const record = names as Readonly<Record<string, string>>
  return Object.hasOwn(record, memberId) ? record[memberId] : undefined
}

/** What one entry did, in words, without who or when ("progress added", "due date changed to 12 January"). */
function whatChanged(entry: HistoryEntry, names: Names, today: IsoDate): string {
  if (entry.field === null) return isEmpty(entry.old) ? 'added' : 'removed'
  const { field, old, new: value } = entry
  switch (field) {
    case 'status': {
      const status = ActionStatus.safeParse(value)
      return status.success ? `marked ${STATUS_WORDS[status.data]}` : 'status changed'
    }
    case 'progress':
      if (isEmpty(value)) return 'progress cleared'
      if (isEmpty(old) || (typeof old === 'string' && typeof value === 'string' && value.startsWith(old))) return 'progress added'
      return 'progress edited'
    case 'owner':
      if (isEmpty(value)) return 'owner removed'
      return `owner changed to ${(typeof value === 'string' && nameOf(names, value)) || 'a member no longer listed'}`
    case 'due':
      return isEmpty(value) ? 'due date removed' : `due date changed to ${dateWords(String(value), today)}`
    default:
      return `${FIELD_WORDS[field] ?? field} ${isEmpty(old) ? 'added' : isEmpty(value) ? 'cleared' : 'changed'}`
  }
}

/**
 * The row's history for a review: its status and since when, then what changed on or after `since`
 * (see the module comment), joined with "; ". `today` sets which years are left out (default `since`).
 */
export function describeRowHistory(history: readonly HistoryEntry[], since: IsoDate, names: Names, today: IsoDate = since): string {
  const current = statusSince(history, today)
  const phrases: string[] = current ? [current.words] : []
  const recent = chronological(history).filter((e) => {
    const day = ukDayOfInstant(e.at)
    return day !== null && day >= since
  })
  for (const entry of recent) {
    if (entry === current?.entry && entry.field === 'status') continue
    const day = ukDayOfInstant(entry.at)!
    const who = nameOf(names, entry.by.memberId) ?? entry.by.name
    const phrase = `${whatChanged(entry, names, today)} by ${who} on ${dateWords(day, today)}`
    if (!phrases.includes(phrase)) phrases.push(phrase)
  }
  if (recent.length === 0) phrases.push(`no changes since ${dateWords(since, today)}`)
  return phrases.join('; ')
}
