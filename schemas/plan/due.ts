/**
 * Due and overdue actions of the child protection plan (issue 11 §3, §7).
 *
 * Rules, in plain English:
 * - An action is **overdue** when it has a due date, that date is before today (an action due today
 *   is not yet overdue), and it is still open: not "done" and not "no longer needed".
 * - An action with no due date is never overdue (the SMART check warns about the missing date instead).
 * - A due date that is not a real `YYYY-MM-DD` date is ignored here (the row schema refuses it anyway).
 * - Overdue actions are listed by due date, the longest overdue first; actions due the same day keep
 *   the order they have in the plan.
 *
 * "Today" is the UK date (see `ukDateOf`); the caller passes it, so these functions stay pure.
 * The functions are generic: pass rows with any extra fields (an index, an id) and get the same
 * objects back.
 * @module
 */
import { isIsoDate, type IsoDate } from '../timescales/iso-date.ts'
import { isOpenStatus, type PlanStatus } from './words.ts'

/** The fields of an action row that its due state depends on. */
export interface DueFields {
  due?: IsoDate | null
  status: PlanStatus
}

/** True when the row's due date is a real date before `today` and the action is still open. */
export function isOverdue(row: DueFields, today: IsoDate): boolean {
  const due = row.due
  return typeof due === 'string' && isIsoDate(due) && due < today && isOpenStatus(row.status)
}

/** The rows that are overdue on `today`, sorted by due date (earliest first; ties keep plan order). */
export function overdueActions<T extends DueFields>(rows: readonly T[], today: IsoDate): T[] {
  return sortByDue(rows.filter((row) => isOverdue(row, today)))
}

/**
 * The rows sorted by due date, earliest first; rows without a (real) due date come last. Ties keep
 * their order in the plan (the sort is stable). Returns a new array.
 */
export function sortByDue<T extends { due?: IsoDate | null }>(rows: readonly T[]): T[] {
  const key = (row: T) => (typeof row.due === 'string' && isIsoDate(row.due) ? row.due : null)
  return [...rows].sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    if (ka === kb) return 0
    if (ka === null) return 1
    if (kb === null) return -1
    return ka < kb ? -1 : 1
  })
}

/** The rows owned by one member ("my actions"), in plan order. */
export function actionsOwnedBy<T extends { owner?: string | null }>(rows: readonly T[], memberId: string): T[] {
  return rows.filter((row) => row.owner === memberId)
}
