/**
 * "Your actions" above a member's update on the meeting page (issue 11 §5): the plan's rows that member
 * owns, earliest due first, with their status. The owner (and whoever may edit the plan) updates the
 * status and progress notes right here; everyone else reads them.
 * @module
 */
import { editableFields, type PlanContext } from '../../schemas/plan/plan-rules.ts'
import { actionsOwnedBy, isOverdue, sortByDue } from '../../schemas/plan/due.ts'
import { dateWords } from '../../schemas/plan/words.ts'
import type { Viewer } from '../../schemas/permissions.ts'
import { ProgressCell, StatusCell, StatusText } from './PlanCells.tsx'
import { setField } from './plan-rows.ts'
import type { PlanDocument } from './use-plan-document.ts'

interface Props {
  plan: PlanDocument
  viewer: Viewer
  context: PlanContext
  memberId: string
  memberName: string
  today: string
}

export function MemberActions({ plan, viewer, context, memberId, memberName, today }: Props) {
  const own = !viewer.optedOut && viewer.memberId === memberId
  const rows = sortByDue(actionsOwnedBy(plan.rows, memberId))
  // Another member's update lists their actions only when they have some.
  if (!own && rows.length === 0) return null
  const title = own ? 'Your actions' : `${memberName}’s actions`
  const headingId = `member-actions-${memberId}`
  const doc = plan.sync?.doc
  return (
    <section className="member-actions" aria-labelledby={headingId} data-testid={`member-actions-${memberId}`}>
      <h3 className="member-actions__title" id={headingId}>
        {title}
      </h3>
      {rows.length === 0 ? (
        <p className="member-actions__empty">You own no actions in the plan yet.</p>
      ) : (
        <ul className="member-actions__list">
          {rows.map((row) => {
            const editable = editableFields(viewer, context, row.record)
            const rowName = `action ${row.index + 1}`
            const id = (field: string) => `mine-${memberId}-${row.key}--${field}`
            return (
              <li
                key={row.key}
                className="member-actions__item"
                data-testid="member-action"
                data-row={row.key}
                onFocus={() => plan.focusRow(row.key)}
                onBlur={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && plan.focusRow(null)}
              >
                <p className="member-actions__what">
                  <strong>
                    Action {row.index + 1}: {row.action.trim() || 'not written yet'}
                  </strong>
                  <br />
                  <span className="member-actions__due">
                    {row.due ? `Due ${dateWords(row.due, today)}` : 'No due date yet'}
                    {isOverdue(row, today) && (
                      <strong className="tag tag--overdue plan-cell__tag">
                        <span aria-hidden="true">⚠ </span>Overdue
                      </strong>
                    )}
                  </span>{' '}
                  {!editable.has('status') && <StatusText status={row.status} />}
                </p>
                {(editable.has('status') || editable.has('progress')) && doc && (
                  <div className="member-actions__update">
                    <div className="member-actions__status">
                      <StatusCell id={id('status')} rowName={rowName} status={row.status} editable={editable.has('status')} onCommit={(s) => !doc.isDestroyed && setField(doc, row.map, 'status', s, today)} />
                    </div>
                    <div className="member-actions__progress">
                      <ProgressCell id={id('progress')} rowName={rowName} doc={doc} row={row} today={today} editable={editable.has('progress')} />
                    </div>
                  </div>
                )}
                {!(editable.has('status') || editable.has('progress')) && row.progress.trim() !== '' && (
                  <p className="member-actions__notes">
                    <span className="plan-cell__label plan-cell__label--always">Progress notes</span>
                    {row.progress}
                  </p>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

