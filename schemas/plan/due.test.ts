import { describe, expect, it } from 'vitest'
import { actionsOwnedBy, isOverdue, overdueActions, sortByDue, type DueFields } from './due.ts'

const today = '2026-01-12'

describe('isOverdue', () => {
  it('is overdue when the due date is before today and the action is open', () => {
    expect(isOverdue({ due: '2026-01-11', status: 'not-started' }, today)).toBe(true)
    expect(isOverdue({ due: '2025-12-01', status: 'in-progress' }, today)).toBe(true)
  })
  it('is not overdue on the due date itself, or later', () => {
    expect(isOverdue({ due: '2026-01-12', status: 'not-started' }, today)).toBe(false)
    expect(isOverdue({ due: '2026-02-01', status: 'in-progress' }, today)).toBe(false)
  })
  it('is never overdue once done or no longer needed', () => {
    expect(isOverdue({ due: '2025-12-01', status: 'done' }, today)).toBe(false)
    expect(isOverdue({ due: '2025-12-01', status: 'no-longer-needed' }, today)).toBe(false)
  })
  it('is never overdue without a real due date', () => {
    expect(isOverdue({ due: null, status: 'not-started' }, today)).toBe(false)
    expect(isOverdue({ status: 'not-started' }, today)).toBe(false)
    expect(isOverdue({ due: '2025-02-30', status: 'not-started' }, today)).toBe(false)
  })
})

describe('overdueActions', () => {
  const rows: Array<DueFields & { id: string }> = [
    { id: 'a', due: '2026-01-05', status: 'in-progress' },
    { id: 'b', due: '2025-12-16', status: 'not-started' },
    { id: 'c', due: '2025-12-01', status: 'done' },
    { id: 'd', due: null, status: 'not-started' },
    { id: 'e', due: '2026-01-12', status: 'not-started' },
    { id: 'f', due: '2026-01-05', status: 'not-started' },
    { id: 'g', due: '2025-11-20', status: 'no-longer-needed' },
    { id: 'h', due: '2025-12-20', status: 'in-progress' },
  ]
  it('lists open rows past due, longest overdue first, ties in plan order', () => {
    expect(overdueActions(rows, today).map((r) => r.id)).toEqual(['b', 'h', 'a', 'f'])
  })
  it('returns the same row objects and leaves the input alone', () => {
    const copy = [...rows]
    const result = overdueActions(rows, today)
    expect(result[0]).toBe(rows[1])
    expect(rows).toEqual(copy)
  })
  it('is empty when nothing is overdue', () => {
    expect(overdueActions(rows, '2025-11-01')).toEqual([])
    expect(overdueActions([], today)).toEqual([])
  })
})

describe('sortByDue and actionsOwnedBy', () => {
  it('sorts by due date with undated rows last, stable', () => {
    const rows = [
      { id: 1, due: null },
      { id: 2, due: '2026-02-01' },
      { id: 3 },
      { id: 4, due: '2026-01-01' },
      { id: 5, due: '2026-02-01' },
    ]
    expect(sortByDue(rows).map((r) => r.id)).toEqual([4, 2, 5, 1, 3])
  })
  it('filters “my actions”', () => {
    const rows = [
      { id: 1, owner: 'm-teacher' },
      { id: 2, owner: 'm-parent' },
      { id: 3, owner: null },
      { id: 4, owner: 'm-teacher' },
    ]
    expect(actionsOwnedBy(rows, 'm-teacher').map((r) => r.id)).toEqual([1, 4])
    expect(actionsOwnedBy(rows, 'm-nobody')).toEqual([])
  })
})
