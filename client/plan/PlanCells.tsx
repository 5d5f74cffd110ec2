/**
 * The cells of a plan row: each field either a labelled native control bound to the row (where the
 * rules let the viewer change it) or plain text, and the SMART check in words.
 *
 * Plain text fields keep the writer's draft while they type and write it to the row after a short
 * pause and when they leave the field (so one sentence is one change in the row's history, not one per
 * key); selects and the date are written at once; progress notes are a shared text (`Y.Text`) several
 * people can type into together.
 * @module
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import type * as Y from 'yjs'
import type { SmartWarning } from '../../schemas/plan/smart-check.ts'
import { dateWords, STATUS_WORDS, type PlanStatus } from '../../schemas/plan/words.ts'
import { progressTextOf, touchRow, type PlanRow } from './plan-rows.ts'
import { bindTextarea } from './text-binding.ts'

export const STATUS_ORDER: readonly PlanStatus[] = ['not-started', 'in-progress', 'done', 'no-longer-needed']

/** "not started" → "Not started". */
export function statusLabel(status: PlanStatus): string {
  const words = STATUS_WORDS[status]
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** A symbol per status, beside its words (never the symbol or a colour alone). */
export const STATUS_ICONS: Record<PlanStatus, string> = { 'not-started': '○', 'in-progress': '◐', done: '✓', 'no-longer-needed': '–' }

export function StatusText({ status }: { status: PlanStatus }) {
  return (
    <span className={`plan-status plan-status--${status}`} data-status={status}>
      <span aria-hidden="true">{STATUS_ICONS[status]} </span>
      {statusLabel(status)}
    </span>
  )
}

/** A member the owner select offers (current members) or names (anyone who owned a row). */
export interface PlanMember {
  id: string
  name: string
  agency?: string | null
  /** Left the group: named on rows they own, not offered as a new owner. */
  optedOut?: boolean
}

/** Whether textareas grow with their text by CSS alone (`field-sizing: content`). */
const GROWS_BY_ITSELF = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content')

/** Grows a textarea to its text where CSS cannot (a browser without `field-sizing`). */
export function fitToText(el: HTMLTextAreaElement | null): void {
  if (!el || GROWS_BY_ITSELF) return
  el.style.height = 'auto'
  el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`
}

/** Keeps what the writer is typing until it is written to the row: after `delay` ms or on `flush`. */
export function useDraft(value: string, commit: (value: string) => void, delay = 300) {
  const [draft, setDraft] = useState(value)
  const dirty = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const latest = useRef({ value, commit, draft })
  latest.current = { value, commit, draft: dirty.current ? latest.current.draft : value }
  useEffect(() => {
    if (!dirty.current) setDraft(value)
  }, [value])
  const flush = useCallback(() => {
    clearTimeout(timer.current)
    if (!dirty.current) return
    dirty.current = false
    const { draft: d, value: v, commit: c } = latest.current
    if (d !== v) c(d)
  }, [])
  const change = useCallback(
    (next: string) => {
      dirty.current = true
      latest.current.draft = next
      setDraft(next)
      clearTimeout(timer.current)
      timer.current = setTimeout(flush, delay)
    },
    [flush, delay],
  )
  // Leaving the page (closing the tab, reloading) writes what was typed, as leaving the field does.
  useEffect(() => {
    const onHide = () => flush()
    window.addEventListener('pagehide', onHide)
    document.addEventListener('visibilitychange', onHide)
    return () => {
      window.removeEventListener('pagehide', onHide)
      document.removeEventListener('visibilitychange', onHide)
      flush()
    }
  }, [flush])
  return { draft, change, flush }
}

interface LabelProps {
  id: string
  label: string
  /** The row's name for screen readers and cards ("action 2"). */
  rowName: string
  /** Shown beside the control at every width (a second field in one column), not only on cards. */
  alwaysVisible?: boolean
}

export function CellLabel({ id, label, rowName, alwaysVisible }: LabelProps) {
  return (
    <label htmlFor={id} className={`plan-cell__label${alwaysVisible ? ' plan-cell__label--always' : ''}`}>
      {label}
      <span className="visually-hidden">, {rowName}</span>
    </label>
  )
}

/** A read-only value, with the field's name on cards and for screen readers. */
export function ReadOnlyValue({ label, rowName, children, alwaysVisible, empty }: { label: string; rowName: string; children: ReactNode; alwaysVisible?: boolean; empty?: boolean }) {
  return (
    <div className="plan-cell__readonly">
      <span className={`plan-cell__label${alwaysVisible ? ' plan-cell__label--always' : ''}`}>
        {label}
        <span className="visually-hidden">, {rowName}</span>
      </span>
      <p className={`plan-cell__text${empty ? ' plan-cell__text--empty' : ''}`}>{children}</p>
    </div>
  )
}

interface TextCellProps {
  id: string
  label: string
  rowName: string
  value: string
  editable: boolean
  onCommit: (value: string) => void
  alwaysVisible?: boolean
  placeholder?: string
}

/** need, outcome, action, how: a textarea where editable, text otherwise. */
export function TextCell({ id, label, rowName, value, editable, onCommit, alwaysVisible, placeholder }: TextCellProps) {
  if (!editable) {
    return (
      <ReadOnlyValue label={label} rowName={rowName} alwaysVisible={alwaysVisible} empty={value.trim() === ''}>
        {value.trim() === '' ? 'Not written yet' : value}
      </ReadOnlyValue>
    )
  }
  return <EditableText id={id} label={label} rowName={rowName} value={value} onCommit={onCommit} alwaysVisible={alwaysVisible} placeholder={placeholder} />
}

function EditableText({ id, label, rowName, value, onCommit, alwaysVisible, placeholder }: Omit<TextCellProps, 'editable'>) {
  const { draft, change, flush } = useDraft(value, onCommit)
  const ref = useRef<HTMLTextAreaElement>(null)
  useLayoutEffect(() => fitToText(ref.current), [draft])
  return (
    <>
      <CellLabel id={id} label={label} rowName={rowName} alwaysVisible={alwaysVisible} />
      <textarea ref={ref} id={id} className="plan-cell__input" rows={2} maxLength={4000} value={draft} placeholder={placeholder} onChange={(e) => change(e.target.value)} onBlur={flush} data-field={id.slice(id.lastIndexOf('--') + 2)} />
    </>
  )
}

interface OwnerCellProps {
  id: string
  rowName: string
  owner: string | null
  members: readonly PlanMember[]
  editable: boolean
  onCommit: (owner: string | null) => void
}

export function ownerName(owner: string | null, members: readonly PlanMember[]): string {
  if (owner === null) return 'Nobody yet'
  const m = members.find((x) => x.id === owner)
  if (!m) return 'A member no longer listed'
  return m.optedOut ? `${m.name} (left the group)` : m.name
}

export function OwnerCell({ id, rowName, owner, members, editable, onCommit }: OwnerCellProps) {
  if (!editable) {
    return (
      <ReadOnlyValue label="Owner" rowName={rowName} empty={owner === null}>
        {ownerName(owner, members)}
      </ReadOnlyValue>
    )
  }
  const current = members.filter((m) => !m.optedOut)
  const listed = owner === null || current.some((m) => m.id === owner)
  return (
    <>
      <CellLabel id={id} label="Owner" rowName={rowName} />
      <select id={id} className="plan-cell__input" value={owner ?? ''} onChange={(e) => onCommit(e.target.value === '' ? null : e.target.value)} data-field="owner">
        <option value="">Nobody yet</option>
        {!listed && <option value={owner!}>{ownerName(owner, members)}</option>}
        {current.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
    </>
  )
}

interface DueCellProps {
  id: string
  rowName: string
  due: string | null
  today: string
  overdue: boolean
  editable: boolean
  onCommit: (due: string | null) => void
}

export function DueCell({ id, rowName, due, today, overdue, editable, onCommit }: DueCellProps) {
  const tag = overdue && (
    <strong className="tag tag--overdue plan-cell__tag">
      <span aria-hidden="true">⚠ </span>Overdue
    </strong>
  )
  if (!editable) {
    return (
      <>
        <ReadOnlyValue label="Due" rowName={rowName} empty={due === null} alwaysVisible>
          {due === null ? 'No date yet' : dateWords(due, today)}
        </ReadOnlyValue>
        {tag}
      </>
    )
  }
  return (
    <>
      <CellLabel id={id} label="Due" rowName={rowName} alwaysVisible />
      <input
        id={id}
        type="date"
        className="plan-cell__input"
        value={due ?? ''}
        onChange={(e) => {
          // A date half typed reads as '' with bad input: wait for the whole date.
          if (e.target.value === '' && e.target.validity.badInput) return
          onCommit(e.target.value === '' ? null : e.target.value)
        }}
        data-field="due"
      />
      {tag}
    </>
  )
}

interface StatusCellProps {
  id: string
  rowName: string
  status: PlanStatus
  editable: boolean
  onCommit: (status: PlanStatus) => void
}

export function StatusCell({ id, rowName, status, editable, onCommit }: StatusCellProps) {
  if (!editable) {
    return (
      <ReadOnlyValue label="Status" rowName={rowName}>
        <StatusText status={status} />
      </ReadOnlyValue>
    )
  }
  return (
    <>
      <CellLabel id={id} label="Status" rowName={rowName} alwaysVisible />
      <select id={id} className="plan-cell__input" value={status} onChange={(e) => onCommit(e.target.value as PlanStatus)} data-field="status">
        {STATUS_ORDER.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </select>
    </>
  )
}

interface ProgressCellProps {
  id: string
  rowName: string
  doc: Y.Doc
  row: PlanRow
  today: string
  editable: boolean
}

/** The progress notes: a textarea bound to the row's shared text where editable, text otherwise. */
export function ProgressCell({ id, rowName, doc, row, today, editable }: ProgressCellProps) {
  if (!editable) {
    const empty = row.progress.trim() === ''
    return (
      <ReadOnlyValue label="Progress notes" rowName={rowName} alwaysVisible empty={empty}>
        {empty ? 'No progress noted yet' : row.progress}
      </ReadOnlyValue>
    )
  }
  return (
    <>
      <CellLabel id={id} label="Progress notes" rowName={rowName} alwaysVisible />
      <ProgressTextarea id={id} doc={doc} map={row.map} text={row.progressText} initial={row.progress} today={today} />
    </>
  )
}

function ProgressTextarea({ id, doc, map, text, initial, today }: { id: string; doc: Y.Doc; map: Y.Map<unknown>; text: Y.Text | null; initial: string; today: string }) {
  const ref = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    if (text === null) {
      // A row stored without shared progress text: the first input makes one, holding all of it.
      el.value = initial
      const onFirstInput = () => {
        if (doc.isDestroyed) return
        doc.transact(() => {
          progressTextOf(doc, map).insert(0, el.value)
          touchRow(map, today)
        })
      }
      el.addEventListener('input', onFirstInput, { once: true })
      return () => el.removeEventListener('input', onFirstInput)
    }
    const unbind = bindTextarea(el, text, (edit, origin) => {
      if (doc.isDestroyed) return
      doc.transact(() => {
        edit()
        touchRow(map, today)
      }, origin)
    })
    const fit = () => fitToText(el)
    fit()
    el.addEventListener('input', fit)
    text.observe(fit)
    return () => {
      unbind()
      el.removeEventListener('input', fit)
      text.unobserve(fit)
    }
    // `initial` only seeds a row without shared text; the binding follows the text itself.
  }, [doc, map, text, today])
  return <textarea id={id} ref={ref} className="plan-cell__input plan-cell__input--progress" rows={3} maxLength={4000} data-field="progress" />
}

/** The SMART check in words: calm advice beside the row, never a block. */
export function SmartCheck({ warnings, rowName, closed }: { warnings: readonly SmartWarning[]; rowName: string; closed: boolean }) {
  if (closed) return null
  if (warnings.length === 0) {
    return (
      <p className="smart smart--ok" data-testid="smart-check" data-warnings="0">
        <span aria-hidden="true">✓ </span>SMART check: nothing missing.
      </p>
    )
  }
  return (
    <div className="smart" data-testid="smart-check" data-warnings={warnings.length}>
      <p className="smart__title">
        <span aria-hidden="true">ℹ </span>SMART check<span className="visually-hidden"> for {rowName}</span>
      </p>
      <ul className="smart__list">
        {warnings.map((w) => (
          <li key={w.rule} data-rule={w.rule}>
            {w.words}
          </li>
        ))}
      </ul>
    </div>
  )
}
