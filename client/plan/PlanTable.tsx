/**
 * The child protection plan as a live table (issue 11 §3, §4): one row per action of the case's
 * `plan:<caseId>` document, editable in place exactly where `editableFields` lets the viewer (the
 * server enforces the same rules), read-only text everywhere else; who is on which row; the SMART
 * check in words under each row; "Add an action" and remove for those who may; "Only my actions" and
 * "by due date". At tablet width (and in a narrow column, such as beside the minutes) each row becomes
 * a card.
 * @module
 */
import { useEffect, useRef, useState, type CSSProperties, type FocusEvent } from 'react'
import { canEditPlan, editableFields, ownsRow, PLAN_ACTIONS_SECTION, planWriteDecision, type PlanContext } from '../../schemas/plan/plan-rules.ts'
import { actionsOwnedBy, isOverdue, sortByDue } from '../../schemas/plan/due.ts'
import { smartWarnings } from '../../schemas/plan/smart-check.ts'
import { dateWords, isOpenStatus } from '../../schemas/plan/words.ts'
import { LockResponse } from '../../schemas/api/locks.ts'
import { canManageLocks, isLocked, type Viewer } from '../../schemas/permissions.ts'
import { api } from '../api/client.ts'
import type { Presence } from '../collab/use-presence.ts'
import { ConnectionStatus } from '../components/ConnectionStatus.tsx'
import { ReadabilityWarning } from '../family/ReadabilityWarning.tsx'
import { isFamilyRole } from '../../schemas/family/contact-sharing.ts'
import { DueCell, OwnerCell, ProgressCell, SmartCheck, StatusCell, TextCell, type PlanMember } from './PlanCells.tsx'
import { addRow, removeRow, setField, type PlainField, type PlanRow } from './plan-rows.ts'
import type { PlanDocument } from './use-plan-document.ts'

interface PlanTableProps {
  plan: PlanDocument
  viewer: Viewer
  /** The meeting under way now (its chair and note taker may change the plan), or null. */
  meetingInProgress: PlanContext['meetingInProgress']
  /** Every member who may own or has owned a row (opted-out members are named, not offered). */
  members: readonly PlanMember[]
  today: string
  /** On a meeting's page: rows added or changed on the meeting's day are marked so. */
  meetingDate?: string
  title?: string
  /** Heading level of the table's title (2 on its own tab, 3 inside an agenda item). */
  level?: 2 | 3
}

type Order = 'plan' | 'due'

/** What the viewer may do with the plan, in one sentence above the table. */
export function planAccessWords(viewer: Viewer, context: PlanContext, rows: readonly PlanRow[]): string {
  if (context.control && isLocked(context.control, PLAN_ACTIONS_SECTION)) {
    return context.control.finalisedVersion ? 'The plan is finalised: nobody can change it.' : 'The plan is locked: nobody can change it until it is unlocked.'
  }
  if (canEditPlan(viewer, context)) {
    const meeting = context.meetingInProgress
    if (viewer.role === 'lead-social-worker') return 'As the lead social worker you can add, change and remove actions at any time.'
    const role = meeting?.chairMemberId === viewer.memberId ? 'chair' : 'note taker'
    return `As the ${role} of today’s meeting you can add, change and remove actions.`
  }
  const owned = rows.some((r) => ownsRow(viewer, r.record))
  const others = 'The lead social worker changes the plan between meetings; the chair and the note taker also change it during a meeting.'
  return owned
    ? `You can update the status and progress notes of the actions you own. ${others}`
    : `You can read the plan and will be able to update any action you are given. ${others}`
}

export function PlanTable({ plan, viewer, meetingInProgress, members, today, meetingDate, title = 'Child protection plan', level = 2 }: PlanTableProps) {
  const { sync, rows, loaded, people, control } = plan
  const context: PlanContext = { meetingInProgress, control }
  const [mine, setMine] = useState(false)
  const [order, setOrder] = useState<Order>('plan')
  const [focusKey, setFocusKey] = useState<string | null>(null)
  const Heading = level === 2 ? 'h2' : 'h3'
  const canAdd = planWriteDecision(viewer, context, { row: null, key: null }).ok
  const memberId = viewer.optedOut ? null : viewer.memberId
  const myCount = memberId ? actionsOwnedBy(rows, memberId).length : 0
  const filtered = mine && memberId ? actionsOwnedBy(rows, memberId) : rows
  const shown = order === 'due' ? sortByDue(filtered) : filtered
  const family = isFamilyRole(viewer.role)
  const smartMembers = members.map((m) => ({ memberId: m.id, name: m.name, optedOut: m.optedOut ?? false }))
  const others = people.filter((p) => !p.isSelf)
  const rowNumber = (key: string | null) => (key === null ? null : rows.findIndex((r) => r.key === key) + 1 || null)
  const locked = isLocked(control, PLAN_ACTIONS_SECTION)
  const [lockProblem, setLockProblem] = useState<string>()
  const lock = async () => {
    setLockProblem(undefined)
    try {
      await api('POST', `/api/documents/${encodeURIComponent(plan.name)}/locks`, LockResponse, { section: PLAN_ACTIONS_SECTION, locked: !locked })
    } catch (err) {
      setLockProblem(err instanceof Error ? err.message : 'Could not change the lock')
    }
  }

  const add = () => {
    if (!sync) return
    setMine(false)
    setFocusKey(addRow(sync.doc, today))
  }

  return (
    <section className="plan" aria-labelledby="plan-title" data-testid="plan">
      <div className="plan__header">
        <Heading className="plan__title" id="plan-title">
          {title}
        </Heading>
        <ConnectionStatus connection={plan.connection} save={plan.save} label="Plan" testIdPrefix="plan-" />
      </div>
      {(plan.notice || lockProblem) && (
        <div className="notice notice--warning" role="alert" data-testid="plan-notice">
          {plan.notice ?? lockProblem}
        </div>
      )}
      <p className="plan__access" data-testid="plan-access">
        {planAccessWords(viewer, context, rows)}
      </p>
      {others.length > 0 && (
        <p className="plan__people" data-testid="plan-people">
          <span className="plan__people-label">Also in the plan: </span>
          {others.map((p, i) => (
            <span key={p.clientId} className="plan__person">
              <span className="presence__swatch" style={{ backgroundColor: p.color }} aria-hidden="true" /> {p.name}
              {p.planRow && rowNumber(p.planRow) ? ` (on action ${rowNumber(p.planRow)})` : ' (reading)'}
              {i < others.length - 1 ? ', ' : ''}
            </span>
          ))}
        </p>
      )}
      <div className="plan__controls">
        {memberId && (
          <label className="checkbox plan__control">
            <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} data-testid="plan-only-mine" />
            Only my actions ({myCount})
          </label>
        )}
        <label className="plan__control">
          Order{' '}
          <select value={order} onChange={(e) => setOrder(e.target.value as Order)} data-testid="plan-order">
            <option value="plan">As added to the plan</option>
            <option value="due">By due date (no date last)</option>
          </select>
        </label>
      </div>
      {!loaded && rows.length === 0 ? (
        <p aria-busy="true">Loading the plan…</p>
      ) : shown.length === 0 ? (
        <p className="plan__empty" data-testid="plan-empty">
          {mine ? 'You own no actions in the plan.' : canAdd ? 'The plan has no actions yet. Add the first one below.' : 'The plan has no actions yet.'}
        </p>
      ) : (
        <div className="plan__frame">
          <table className="plan-table">
            <caption className="visually-hidden">
              {title}: {shown.length} {shown.length === 1 ? 'action' : 'actions'}
              {mine ? ' you own' : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="plan-table__number">
                  <span className="visually-hidden">Action number</span>#
                </th>
                <th scope="col">Need</th>
                <th scope="col">Desired outcome</th>
                <th scope="col">Action and how</th>
                <th scope="col">Owner and due date</th>
                <th scope="col">Status and progress</th>
              </tr>
            </thead>
            {shown.map((row) => (
              <PlanRowBody
                key={row.key}
                plan={plan}
                row={row}
                number={row.index + 1}
                editable={editableFields(viewer, context, row.record)}
                canRemove={planWriteDecision(viewer, context, { row: row.record, key: null }).ok}
                members={members}
                warnings={family ? null : smartWarnings(row, today, smartMembers)}
                today={today}
                meetingDate={meetingDate}
                here={others.filter((p) => p.planRow === row.key)}
                onRowFocus={plan.focusRow}
                autoFocus={focusKey === row.key}
                onFocused={() => setFocusKey(null)}
              />
            ))}
          </table>
        </div>
      )}
      {(canAdd || canManageLocks(viewer)) && (
        <p className="plan__actions">
          {canAdd && (
            <button type="button" className="button button--secondary" onClick={add} disabled={!sync} data-testid="plan-add">
              Add an action
            </button>
          )}
          {canManageLocks(viewer) && !control.finalisedVersion && (
            <button type="button" className="link-button plan__lock" onClick={() => void lock()} data-testid="plan-lock">
              {locked ? 'Unlock the plan' : 'Lock the plan'}
            </button>
          )}
        </p>
      )}
    </section>
  )
}

interface RowProps {
  plan: PlanDocument
  row: PlanRow
  number: number
  editable: ReadonlySet<string>
  canRemove: boolean
  members: readonly PlanMember[]
  /** The SMART check, for the professionals who write the plan; null for the family (it is their advice, not the family's). */
  warnings: ReturnType<typeof smartWarnings> | null
  today: string
  meetingDate: string | undefined
  here: readonly Presence[]
  onRowFocus: (key: string | null) => void
  autoFocus: boolean
  onFocused: () => void
}

function PlanRowBody({ plan, row, number, editable, canRemove, members, warnings, today, meetingDate, here, onRowFocus, autoFocus, onFocused }: RowProps) {
  const body = useRef<HTMLTableSectionElement>(null)
  const [confirming, setConfirming] = useState(false)
  const doc = plan.sync?.doc
  const rowName = `action ${number}`
  const id = (field: string) => `plan-${row.key}--${field}`
  const commit = (key: PlainField) => (value: string | null) => {
    if (doc && !doc.isDestroyed) setField(doc, row.map, key, value, today)
  }
  const can = (field: string) => editable.has(field) && doc !== undefined

  useEffect(() => {
    if (!autoFocus) return
    body.current?.querySelector<HTMLElement>('textarea, select, input')?.focus()
    onFocused()
  }, [autoFocus, onFocused])

  const onBlur = (e: FocusEvent) => {
    if (!body.current?.contains(e.relatedTarget as Node | null)) onRowFocus(null)
  }
  const closed = !isOpenStatus(row.status)
  const marks: string[] = []
  if (meetingDate && row.added === meetingDate) marks.push('Added at this meeting')
  else if (meetingDate && row.changed === meetingDate) marks.push('Changed at this meeting')

  return (
    <tbody
      ref={body}
      className={`plan-row${closed ? ' plan-row--closed' : ''}${here.length ? ' plan-row--occupied' : ''}`}
      data-testid="plan-row"
      data-row={row.key}
      data-number={number}
      onFocus={() => onRowFocus(row.key)}
      onBlur={onBlur}
      style={here[0] ? ({ '--occupant': here[0].color } as CSSProperties) : undefined}
    >
      <tr className="plan-row__fields">
        <th scope="row" className="plan-table__number">
          <span className="plan-row__name">
            <span className="plan-row__word">Action </span>
            {number}
          </span>
        </th>
        <td className="plan-cell">
          <TextCell id={id('need')} label="Need" rowName={rowName} value={row.need} editable={can('need')} onCommit={commit('need')} placeholder="What the child needs" />
        </td>
        <td className="plan-cell">
          <TextCell id={id('outcome')} label="Desired outcome" rowName={rowName} value={row.outcome} editable={can('outcome')} onCommit={commit('outcome')} placeholder="What will be different, and how everyone will know" />
        </td>
        <td className="plan-cell">
          <TextCell id={id('action')} label="Action" rowName={rowName} value={row.action} editable={can('action')} onCommit={commit('action')} placeholder="What will be done" />
          <TextCell id={id('how')} label="How" rowName={rowName} value={row.how} editable={can('how')} onCommit={commit('how')} alwaysVisible placeholder="How, how often, who with" />
        </td>
        <td className="plan-cell">
          <OwnerCell id={id('owner')} rowName={rowName} owner={row.owner} members={members} editable={can('owner')} onCommit={commit('owner')} />
          <DueCell id={id('due')} rowName={rowName} due={row.due} today={today} overdue={isOverdue(row, today)} editable={can('due')} onCommit={commit('due')} />
        </td>
        <td className="plan-cell">
          <StatusCell id={id('status')} rowName={rowName} status={row.status} editable={can('status')} onCommit={(s) => commit('status')(s)} />
          {doc && <ProgressCell id={id('progress')} rowName={rowName} doc={doc} row={row} today={today} editable={can('progress')} />}
        </td>
      </tr>
      <tr className="plan-row__meta">
        <td colSpan={6}>
          <div className="plan-row__meta-inner">
            {warnings && <SmartCheck warnings={warnings} rowName={rowName} closed={closed} />}
            {!closed && editable.has('action') && <ReadabilityWarning action={row.action} how={row.how} />}
            <div className="plan-row__facts">
              {here.length > 0 && (
                <p className="plan-row__here" data-testid="row-presence">
                  {here.map((p) => (
                    <span key={p.clientId} className="plan-row__occupant" style={{ backgroundColor: p.color }}>
                      {p.name}
                    </span>
                  ))}{' '}
                  <span className="plan-row__here-words">{here.length === 1 ? 'is' : 'are'} on this action</span>
                </p>
              )}
              {marks.map((m) => (
                <strong key={m} className="tag plan-row__mark" data-testid="row-mark">
                  {m}
                </strong>
              ))}
              <p className="plan-row__dates">
                {row.added ? `Added ${dateWords(row.added, today)}` : 'Added before dates were kept'}
                {row.changed && row.changed !== row.added ? `; changed ${dateWords(row.changed, today)}` : ''}
              </p>
              {canRemove &&
                (confirming ? (
                  <p className="plan-row__confirm">
                    Remove {rowName} from the plan?{' '}
                    <button type="button" className="button button--warning" onClick={() => doc && removeRow(doc, row.map)} data-testid="plan-remove-confirm">
                      Yes, remove it
                    </button>{' '}
                    <button type="button" className="link-button" onClick={() => setConfirming(false)}>
                      Keep it
                    </button>
                  </p>
                ) : (
                  <button type="button" className="link-button plan-row__remove" onClick={() => setConfirming(true)} data-testid="plan-remove">
                    Remove<span className="visually-hidden"> {rowName}</span>
                  </button>
                ))}
            </div>
          </div>
        </td>
      </tr>
    </tbody>
  )
}
