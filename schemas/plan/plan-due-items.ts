/**
 * The plan's overdue actions as due items (issue 11 §7): what the case's "What is due" and the owner's
 * "My cases" list beside the timescales (`DueItem`, schemas/timescales/due-items.ts).
 *
 * Rules, in plain English:
 * - An action is listed when it is overdue (`overdueActions`, due.ts): a real due date before today
 *   and still open (not done, not no longer needed). Nothing else of the plan is a due item.
 * - Each item is `overdue`, keyed `plan-action:<row id>`, with the rule `planAction`, the row's due
 *   date, its id (`rowId`) and its owner (`ownerMemberId`), longest overdue first.
 * - The label names the owner ("Action for Tom Ellis: …"; "Action with no owner: …" when nobody owns it,
 *   or "a member no longer listed" when the owner is not among `names`) and the action's words,
 *   shortened to {@link MAX_LABEL_ACTION} characters.
 * - {@link ownedDueItems} keeps the items one member owns ("My cases" shows only your own actions).
 * @module
 */
import type { ActionRow } from '../content/rows.ts'
import { PLAN_ACTION_RULE, type DueItem } from '../timescales/due-items.ts'
import type { IsoDate } from '../timescales/iso-date.ts'
import { overdueActions } from './due.ts'

/** Longest part of an action's words in a due item's label. */
export const MAX_LABEL_ACTION = 80

type Names = ReadonlyMap<string, string>

/** What a plan row needs to be a due item. */
export type PlanDueRow = Pick<ActionRow, 'action' | 'owner' | 'due' | 'status'> & { id: string }

function shorten(words: string): string {
  const flat = words.replace(/\s+/g, ' ').trim()
  return flat.length <= MAX_LABEL_ACTION ? flat : `${flat.slice(0, MAX_LABEL_ACTION - 1).trimEnd()}…`
}

/** The plan's overdue actions on `today` as due items (see the module comment). */
export function planActionDueItems(rows: readonly PlanDueRow[], today: IsoDate, names: Names): DueItem[] {
  return overdueActions(rows, today).map((row) => {
    const owner = row.owner === null ? null : (names.get(row.owner) ?? 'a member no longer listed')
    const action = shorten(row.action) || 'an action with no words yet'
    return {
      key: `plan-action:${row.id}`,
      rule: PLAN_ACTION_RULE,
      label: owner === null ? `Action with no owner: ${action}` : `Action for ${owner}: ${action}`,
      dueDate: row.due!,
      status: 'overdue' as const,
      rowId: row.id,
      ownerMemberId: row.owner,
    }
  })
}

/** The items of actions `memberId` owns. */
export function ownedDueItems(items: readonly DueItem[], memberId: string): DueItem[] {
  return items.filter((item) => item.rule === PLAN_ACTION_RULE && item.ownerMemberId === memberId)
}

/** Due items merged by due date (stable: items due the same day keep their order, `a`'s first). */
export function mergeByDueDate(a: readonly DueItem[], b: readonly DueItem[]): DueItem[] {
  return [...a, ...b].sort((x, y) => (x.dueDate < y.dueDate ? -1 : x.dueDate > y.dueDate ? 1 : 0))
}
