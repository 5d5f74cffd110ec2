/**
 * `/api/cases/:id/plan/*` payloads: the child protection plan's row history (issue 11 §6).
 * @module
 */
import * as z from 'zod'
import { HistoryEntry } from '../plan/row-history.ts'

/**
 * One recorded change to one row of the plan: a `HistoryEntry` (who, when, which field — null when the
 * whole row was added or removed — old and new value) with the row's `id` and its place in the record.
 */
export const PlanHistoryRecord = HistoryEntry.safeExtend({
  /** Increases with every change recorded; newer changes have larger numbers. */
  seq: z.number().int(),
  /** The plan row's `id`. */
  rowId: z.string(),
})
export type PlanHistoryRecord = z.infer<typeof PlanHistoryRecord>

/** GET /api/cases/:id/plan/history: every recorded change, newest first (`?row=<id>`: one row's). */
export const PlanHistoryResponse = z.strictObject({ entries: z.array(PlanHistoryRecord) })
export type PlanHistoryResponse = z.infer<typeof PlanHistoryResponse>
