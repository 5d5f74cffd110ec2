/**
 * The plan on the family's page (issue 14, item 2): "Things you need to do" (the actions the family
 * member owns, which they update themselves: status and progress, as the plan's rules allow) apart from
 * "What the professionals will do", each in plain words with the glossary.
 * @module
 */
import { splitActions } from '../../schemas/family/next-steps.ts'
import { isOverdue } from '../../schemas/plan/due.ts'
import { editableFields, type PlanContext } from '../../schemas/plan/plan-rules.ts'
import { dateWords } from '../../schemas/plan/words.ts'
import type { Viewer } from '../../schemas/permissions.ts'
import type { Member } from '../../schemas/entities/index.ts'
import { ConnectionStatus } from '../components/ConnectionStatus.tsx'
import { ProgressCell, StatusCell, StatusText } from '../plan/PlanCells.tsx'
import { setField, type PlanRow } from '../plan/plan-rows.ts'
import type { PlanDocument } from '../plan/use-plan-document.ts'
import { Glossed } from './Glossary.tsx'

interface Props {
  plan: PlanDocument
  viewer: Viewer
  members: readonly Member[]
  today: string
}

function dueWords(row: PlanRow, today: string, start = 'By') {
  return row.due ? `${start} ${dateWords(row.due, today)}` : `${start === 'By' ? 'No' : 'no'} date set yet`
}

export function FamilyActions({ plan, viewer, members, today }: Props) {
  const { mine, others } = splitActions(plan.rows, viewer.memberId)
  const context: PlanContext = { meetingInProgress: null, control: plan.control }
  const doc = plan.sync?.doc
  const nameOf = (id: string | null) => {
    const m = members.find((x) => x.id === id)
    return m ? `${m.name}${m.agency ? ` (${m.agency})` : ''}` : 'Someone not chosen yet'
  }
  const byOwner = new Map<string | null, PlanRow[]>()
  for (const row of others) byOwner.set(row.owner, [...(byOwner.get(row.owner) ?? []), row])
  return (
    <>
      <section className="family-section" aria-labelledby="family-todo" data-testid="family-todo">
        <h2 id="family-todo">Things you need to do</h2>
        {mine.length > 0 && <ConnectionStatus connection={plan.connection} save={plan.save} testIdPrefix="plan-" />}
        {!plan.loaded ? (
          <p>Loading the plan…</p>
        ) : mine.length === 0 ? (
          <p>There is nothing in the plan for you to do yet.</p>
        ) : (
          <ul className="family-list">
            {mine.map((row) => {
              const editable = editableFields(viewer, context, row.record)
              const id = (field: string) => `family-${row.key}--${field}`
              return (
                <li key={row.key} className="family-card" data-testid="family-own-action">
                  <h3 className="family-card__title">
                    <Glossed text={row.action.trim() || 'Not written yet'} />
                  </h3>
                  {row.need && (
                    <p>
                      <strong>Why: </strong>
                      <Glossed text={row.need} />
                    </p>
                  )}
                  {row.how && (
                    <p>
                      <strong>How: </strong>
                      <Glossed text={row.how} />
                    </p>
                  )}
                  <p>
                    <strong>{dueWords(row, today)}</strong>
                    {isOverdue(row, today) && <strong className="tag tag--overdue family-card__tag">Late</strong>}
                  </p>
                  {doc && (editable.has('status') || editable.has('progress')) ? (
                    <div className="family-card__update">
                      <StatusCell id={id('status')} rowName="your action" status={row.status} editable={editable.has('status')} onCommit={(s) => !doc.isDestroyed && setField(doc, row.map, 'status', s, today)} />
                      <ProgressCell id={id('progress')} rowName="your action" doc={doc} row={row} today={today} editable={editable.has('progress')} />
                    </div>
                  ) : (
                    <p>
                      <StatusText status={row.status} />
                    </p>
                  )}
                </li>
              )
            })}
          </ul>
        )}
      </section>
      <section className="family-section" aria-labelledby="family-professionals" data-testid="family-professionals">
        <h2 id="family-professionals">
          <Glossed text="What the professionals will do" />
        </h2>
        {plan.loaded && others.length === 0 && <p>The plan has no actions for the professionals yet.</p>}
        {[...byOwner].map(([owner, rows]) => (
          <div key={owner ?? 'nobody'} className="family-owner">
            <h3 className="family-owner__name">{nameOf(owner)} will:</h3>
            <ul className="family-list family-list--plain">
              {rows.map((row) => (
                <li key={row.key} data-testid="family-other-action">
                  <Glossed text={row.action.trim() || 'Not written yet'} /> <span className="family-muted">({dueWords(row, today, 'by')}; <StatusText status={row.status} />)</span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </>
  )
}
