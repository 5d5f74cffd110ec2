/**
 * The plan's row history (issue 11 §6): every committed change to a row of a case's plan
 * (`plan:<caseId>`), one record per field changed, or per row added or removed. Append only.
 * Values are kept as JSON; the history is read by the case's members (`GET /api/cases/:id/plan/history`).
 * @module
 */
import type { PlanHistoryRecord } from '../../../schemas/api/plan.ts'
import type { HistoryEntry } from '../../../schemas/plan/row-history.ts'
import type { Db } from '../schema.ts'

/** An entry to record: a `HistoryEntry` of one plan row, with the case, the row id and the user. */
export interface PlanHistoryWrite {
  caseId: string
  rowId: string
  userId: string | null
  entry: HistoryEntry
}

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value))

/** Appends entries (in the given order, in one insert). */
export async function recordPlanHistory(db: Db, writes: readonly PlanHistoryWrite[]): Promise<void> {
  if (writes.length === 0) return
  await db
    .insertInto('plan_history')
    .values(
      writes.map((w) => ({
        case_id: w.caseId,
        row_id: w.rowId,
        at: w.entry.at,
        member_id: w.entry.by.memberId,
        member_name: w.entry.by.name,
        user_id: w.userId,
        field: w.entry.field,
        old_value: json(w.entry.old),
        new_value: json(w.entry.new),
      })),
    )
    .execute()
}

/** The case's recorded changes (of one row, with `rowId`), newest first. */
export async function listPlanHistory(db: Db, caseId: string, filter: { rowId?: string; limit?: number } = {}): Promise<PlanHistoryRecord[]> {
  let q = db.selectFrom('plan_history').selectAll().where('case_id', '=', caseId).orderBy('seq', 'desc')
  if (filter.rowId !== undefined) q = q.where('row_id', '=', filter.rowId)
  if (filter.limit !== undefined) q = q.limit(filter.limit)
  const rows = await q.execute()
  return rows.map((r) => ({
    seq: Number(r.seq),
    rowId: r.row_id,
    at: r.at,
    by: { memberId: r.member_id, name: r.member_name },
    field: r.field,
    old: r.old_value === null ? null : (JSON.parse(r.old_value) as unknown),
    new: r.new_value === null ? null : (JSON.parse(r.new_value) as unknown),
  }))
}
