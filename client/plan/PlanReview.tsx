/**
 * The review of the plan at a subsequent or pre-review core group (issue 11 §5): every open action,
 * with what has happened to it since the last meeting ("in progress since 16 December; progress added
 * by Tom Ellis on 5 January") from the plan's history, and whether it was added or changed at this
 * meeting. Without the history endpoint it says what the row itself records.
 * @module
 */
import { useEffect, useMemo, useState } from 'react'
import { sortByDue } from '../../schemas/plan/due.ts'
import { describeRowHistory } from '../../schemas/plan/row-history.ts'
import { dateWords, isOpenStatus } from '../../schemas/plan/words.ts'
import { ownerName, StatusText, type PlanMember } from './PlanCells.tsx'
import { usePlanHistory, withoutDrafting } from './plan-history.ts'
import type { PlanRow } from './plan-rows.ts'
import type { PlanDocument } from './use-plan-document.ts'

/** What a row says of itself when there is no history to read: when it was added and last changed. */
export function rowOwnWords(row: PlanRow, today: string): string {
  if (row.changed && row.changed !== row.added) return `last changed ${dateWords(row.changed, today)}`
  if (row.added) return `added ${dateWords(row.added, today)}; no change recorded since`
  return 'no change recorded'
}

interface Props {
  plan: PlanDocument
  caseId: string
  meetingDate: string
  /** The last meeting before this one (null: none, or not known yet): the review reads from its day. */
  since: string | null
  members: readonly PlanMember[]
  today: string
}

export function PlanReview({ plan, caseId, meetingDate, since, members, today }: Props) {
  const [version, setVersion] = useState(0)
  const history = usePlanHistory(caseId, version)
  const open = sortByDue(plan.rows.filter((r) => isOpenStatus(r.status)))
  const names = useMemo(() => new Map(members.map((m) => [m.id, m.name])), [members])

  // Changes made during the meeting show in the review soon after: the history is read again.
  const signature = plan.rows.map((r) => `${r.key}:${r.status}:${r.changed}:${r.progress.length}:${r.owner}`).join('|')
  useEffect(() => {
    if (history.status !== 'ok') return
    const t = setTimeout(() => setVersion((v) => v + 1), 1500)
    return () => clearTimeout(t)
    // Only a change to the rows reads the history again.
  }, [signature])

  const reviewFrom = since ?? meetingDate
  return (
    <section className="plan-review" aria-labelledby="plan-review-title" data-testid="plan-review">
      <h3 className="plan-review__title" id="plan-review-title">
        Actions to review ({open.length} open)
      </h3>
      <p className="plan-review__intro">
        {since
          ? `Every open action of the plan, with what has happened to it since the last core group on ${dateWords(since, today)}.`
          : 'Every open action of the plan, with what has happened to it so far.'}
        {history.status === 'unavailable' && ' The full history of each action cannot be shown right now, so each says when it last changed.'}
      </p>
      {open.length === 0 ? (
        <p className="plan-review__empty">No action is open: every action is done or no longer needed.</p>
      ) : (
        <ol className="plan-review__list">
          {open.map((row) => {
            const entries = row.id && history.status === 'ok' ? history.histories.get(row.id) : undefined
            const words = entries && entries.length > 0 ? describeRowHistory(withoutDrafting(entries), since ?? row.added ?? reviewFrom, names, today) : rowOwnWords(row, today)
            const added = row.added === meetingDate
            const changed = !added && row.changed === meetingDate
            return (
              <li key={row.key} className="plan-review__item" data-testid="review-row" data-row={row.key}>
                <p className="plan-review__what">
                  <strong>
                    Action {row.index + 1}: {row.action.trim() || 'not written yet'}
                  </strong>{' '}
                  {added && <strong className="tag plan-row__mark">Added at this meeting</strong>}
                  {changed && <strong className="tag plan-row__mark">Changed at this meeting</strong>}
                </p>
                <p className="plan-review__facts">
                  {ownerName(row.owner, members)} · {row.due ? `due ${dateWords(row.due, today)}` : 'no due date'} · <StatusText status={row.status} />
                </p>
                <p className="plan-review__history" data-testid="review-history">
                  {words.charAt(0).toUpperCase() + words.slice(1)}
                </p>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
