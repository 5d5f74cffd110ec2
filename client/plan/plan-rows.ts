/**
 * The plan's rows as the page reads and writes them: the `actions` section of `plan:<caseId>` is a
 * `Y.Array` of `Y.Map` rows (schemas/content/rows.ts `ActionRow`, plus the row's `id`); `progress` is a
 * `Y.Text`. Framework-free, so the same functions run in unit tests on a plain `Y.Doc`.
 *
 * Every write goes through one of the functions here, in one transaction, and also sets the row's
 * `changed` date to today (when it is not already today), so the plan always says when a row last
 * moved. A row is added with all its fields at once (the server refuses a row added in parts).
 * @module
 */
import * as Y from 'yjs'
import type { ActionRow } from '../../schemas/content/rows.ts'
import { PLAN_ACTIONS_SECTION } from '../../schemas/plan/plan-rules.ts'
import type { PlanStatus } from '../../schemas/plan/words.ts'

const STATUSES: readonly PlanStatus[] = ['not-started', 'in-progress', 'done', 'no-longer-needed']

/** One row of the plan, read from its `Y.Map` (values that do not match the schema read as empty). */
export interface PlanRow {
  /** The row's `id`; for a row stored without one, a stable key made from its Yjs item. */
  key: string
  /** The row's stored `id`, when it has one. */
  id: string | null
  /** Its place in the plan (the order rows were added). */
  index: number
  map: Y.Map<unknown>
  need: string
  outcome: string
  action: string
  how: string
  owner: string | null
  due: string | null
  status: PlanStatus
  /** The progress notes' text. */
  progress: string
  /** The progress notes' shared text, when the row has one. */
  progressText: Y.Text | null
  added: string | null
  changed: string | null
  /** The row as plain values, for the pure rules (`editableFields`, `smartWarnings`). */
  record: Record<string, unknown>
}

/** The plan's `actions` section in `doc`. */
export function planActions(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>(PLAN_ACTIONS_SECTION)
}

const text = (v: unknown) => (typeof v === 'string' ? v : '')
const nullableText = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null)

/** A key for a row without an `id`: its Yjs item id, the same in every copy of the document. */
function itemKey(map: Y.Map<unknown>, index: number): string {
  const item = (map as unknown as { _item?: { id: { client: number; clock: number } } | null })._item
  return item ? `y${item.id.client}-${item.id.clock}` : `row-${index}`
}

/** Reads one row. */
export function readRow(map: Y.Map<unknown>, index: number): PlanRow {
  const progressValue = map.get('progress')
  const progressText = progressValue instanceof Y.Text ? progressValue : null
  const progress = progressText ? progressText.toString() : text(progressValue)
  const status = STATUSES.includes(map.get('status') as PlanStatus) ? (map.get('status') as PlanStatus) : 'not-started'
  const id = typeof map.get('id') === 'string' ? (map.get('id') as string) : null
  const row = {
    key: id ?? itemKey(map, index),
    id,
    index,
    map,
    need: text(map.get('need')),
    outcome: text(map.get('outcome')),
    action: text(map.get('action')),
    how: text(map.get('how')),
    owner: nullableText(map.get('owner')),
    due: nullableText(map.get('due')),
    status,
    progress,
    progressText,
    added: nullableText(map.get('added')),
    changed: nullableText(map.get('changed')),
  }
  const record: Record<string, unknown> = {}
  for (const [k, v] of map.entries()) record[k] = v instanceof Y.Text ? v.toString() : v
  return { ...row, record }
}

/** Every row of the plan, in plan order (anything in the array that is not a row map is skipped). */
export function readRows(array: Y.Array<Y.Map<unknown>>): PlanRow[] {
  const rows: PlanRow[] = []
  array.forEach((map, index) => {
    if (map instanceof Y.Map) rows.push(readRow(map, index))
  })
  return rows
}

/** A fresh row id: `act_` and 16 random URL-safe characters (within the id pattern). */
export function newRowId(): string {
  const bytes = new Uint8Array(12)
  crypto.getRandomValues(bytes)
  let b64 = ''
  for (const b of bytes) b64 += String.fromCharCode(b)
  return `act_${btoa(b64).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`
}

/** The plain fields of a new row (progress starts as an empty shared text). */
export type NewRowFields = Partial<Pick<ActionRow, 'need' | 'outcome' | 'action' | 'how' | 'owner' | 'due'>>

/**
 * Adds a row at the end of the plan, with all its fields in one update: a fresh id, status not
 * started, added and changed today. Returns the new row's id.
 */
export function addRow(doc: Y.Doc, today: string, fields: NewRowFields = {}, origin: unknown = null): string {
  const id = newRowId()
  const map = new Y.Map<unknown>()
  const values: Record<string, unknown> = {
    id,
    need: fields.need ?? '',
    outcome: fields.outcome ?? '',
    action: fields.action ?? '',
    how: fields.how ?? '',
    owner: fields.owner ?? null,
    due: fields.due ?? null,
    status: 'not-started',
    progress: new Y.Text(),
    added: today,
    changed: today,
  }
  for (const [k, v] of Object.entries(values)) map.set(k, v)
  doc.transact(() => planActions(doc).push([map]), origin)
  return id
}

/** Sets the row's `changed` date to today, unless it already says today. Call inside a transaction. */
export function touchRow(map: Y.Map<unknown>, today: string): void {
  if (map.get('changed') !== today) map.set('changed', today)
}

/** The plain-valued fields the table writes directly (progress is written through its text binding). */
export type PlainField = 'need' | 'outcome' | 'action' | 'how' | 'owner' | 'due' | 'status'

/** Writes one field of a row (and its changed date); nothing when the value is already the same. */
export function setField(doc: Y.Doc, map: Y.Map<unknown>, key: PlainField, value: string | null, today: string, origin: unknown = null): void {
  const current = map.get(key) ?? null
  if (current === value) return
  doc.transact(() => {
    map.set(key, value)
    touchRow(map, today)
  }, origin)
}

/** The row's progress notes as shared text, made (as an empty `Y.Text`) when the row has none yet. */
export function progressTextOf(doc: Y.Doc, map: Y.Map<unknown>): Y.Text {
  const current = map.get('progress')
  if (current instanceof Y.Text) return current
  const created = new Y.Text(typeof current === 'string' ? current : '')
  doc.transact(() => map.set('progress', created))
  return created
}

/** Removes the row from the plan; false when it is no longer there. */
export function removeRow(doc: Y.Doc, map: Y.Map<unknown>, origin: unknown = null): boolean {
  const array = planActions(doc)
  const index = array.toArray().indexOf(map)
  if (index === -1) return false
  doc.transact(() => array.delete(index, 1), origin)
  return true
}
