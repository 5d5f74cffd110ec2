/**
 * The plan's row history as the room integrates it (issue 11 §6): the rows of the plan's `actions`
 * section are read just before an accepted update is applied and again right after, and every
 * difference becomes history entries (`rowChanges`, schemas/plan/row-history.ts): one per field
 * changed, one for a row added or removed. They are written once the update is committed
 * (`permissionHooks` → `observeIntegration`, server/sync/guard.ts), so a refused or failed update
 * leaves no history. Rows are matched by their Yjs item, so a row whose fields all change is still
 * one row; entries name it by its `id`.
 * @module
 */
import * as Y from 'yjs'
import { PLAN_ACTIONS_SECTION } from '../../schemas/plan/plan-rules.ts'
import { rowChanges, type HistoryEntry } from '../../schemas/plan/row-history.ts'

type Row = Record<string, unknown>

/**
 * The plan's `actions` section as a `Y.Array`, or null when the document holds it as another type
 * (never in a plan the guard has kept; reading must not throw inside a room's turn).
 */
export function planActions(doc: Y.Doc): Y.Array<unknown> | null {
  try {
    return doc.getArray<unknown>(PLAN_ACTIONS_SECTION)
  } catch {
    return null
  }
}

/** The plan's rows now, by their Yjs item, in plan order: each row's plain value (`Y.Text` as a string). */
export function snapshotPlanRows(doc: Y.Doc): Map<Y.Item, Row> {
  const rows = new Map<Y.Item, Row>()
  for (let item = planActions(doc)?._start ?? null; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue
    const type: unknown = item.content.type
    if (type instanceof Y.Map) rows.set(item, type.toJSON() as Row)
  }
  return rows
}

/** The history entries between two snapshots of the plan's rows, each with the id of its row. */
export function planRowChanges(
  before: ReadonlyMap<Y.Item, Row>,
  after: ReadonlyMap<Y.Item, Row>,
  who: { memberId: string; name: string },
  at: string,
): Array<{ rowId: string; entry: HistoryEntry }> {
  const out: Array<{ rowId: string; entry: HistoryEntry }> = []
  const add = (item: Y.Item, old: Row | null, now: Row | null) => {
    const rowId = rowIdOf(item, now ?? old!)
    for (const entry of rowChanges(old, now, who, at)) out.push({ rowId, entry })
  }
  for (const [item, old] of before) add(item, old, after.get(item) ?? null)
  for (const [item, now] of after) if (!before.has(item)) add(item, null, now)
  return out
}

/** A row's `id`; a row without one (never accepted into a plan) is named by its Yjs item. */
function rowIdOf(item: Y.Item, row: Row): string {
  return typeof row.id === 'string' && row.id !== '' ? row.id : `y:${item.id.client}:${item.id.clock}`
}
