/**
 * What a case owes and by when, each item with an icon and its status in words (never colour alone).
 * @module
 */
import { DUE_STATUS_LABELS, type DueItem, type DueStatus } from '../../../schemas/timescales/due-items.ts'
import { longDate } from '../../dates.ts'

/** A symbol per status, read out by its words, not by the symbol. */
const ICONS: Record<DueStatus, string> = { overdue: '⚠', 'due-soon': '●', met: '✓', upcoming: '○' }

export function DueStatusTag({ status }: { status: DueStatus }) {
  return (
    <strong className={`tag tag--${status}`}>
      <span aria-hidden="true">{ICONS[status]} </span>
      {DUE_STATUS_LABELS[status]}
    </strong>
  )
}

function when(item: DueItem): string {
  if (item.status === 'met') return `done ${longDate(item.metDate!)}${item.late ? `, late (was due ${longDate(item.dueDate)})` : ''}`
  const planned = item.plannedDate ? `; booked for ${longDate(item.plannedDate)}` : ''
  return `${item.status === 'overdue' ? 'was due' : 'due'} ${longDate(item.dueDate)}${planned}`
}

export function DueList({ items, empty = 'Nothing is overdue or due soon.' }: { items: readonly DueItem[]; empty?: string }) {
  if (items.length === 0) {
    return (
      <p className="due-empty">
        <span aria-hidden="true">✓ </span>
        {empty}
      </p>
    )
  }
  return (
    <ul className="due-list">
      {items.map((item) => (
        <li key={item.key} className={`due-list__item due-list__item--${item.status}`} data-status={item.status} data-key={item.key}>
          <DueStatusTag status={item.status} /> {item.label}: {when(item)}
        </li>
      ))}
    </ul>
  )
}
