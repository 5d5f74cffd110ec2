import { describe, expect, it } from 'vitest'
import type { DueItem } from '../timescales/due-items.ts'
import { mergeByDueDate, ownedDueItems, planActionDueItems, type PlanDueRow } from './plan-due-items.ts'

const today = '2026-01-12'
const names = new Map([
  ['m-tom', 'Tom Ellis'],
  ['m-alex', 'Alex Brook'],
])
const row = (id: string, fields: Partial<PlanDueRow>): PlanDueRow => ({ id, action: `Action ${id}`, owner: 'm-tom', due: '2026-01-05', status: 'not-started', ...fields })

describe('planActionDueItems', () => {
  it('lists only the overdue open actions, longest overdue first, as overdue items', () => {
    const rows = [
      row('a', { due: '2026-01-05' }),
      row('b', { due: '2025-12-16', owner: 'm-alex', status: 'in-progress' }),
      row('c', { due: '2025-12-01', status: 'done' }),
      row('d', { due: '2025-12-01', status: 'no-longer-needed' }),
      row('e', { due: today }),
      row('f', { due: null }),
    ]
    expect(planActionDueItems(rows, today, names)).toEqual([
      { key: 'plan-action:b', rule: 'planAction', label: 'Action for Alex Brook: Action b', dueDate: '2025-12-16', status: 'overdue', rowId: 'b', ownerMemberId: 'm-alex' },
      { key: 'plan-action:a', rule: 'planAction', label: 'Action for Tom Ellis: Action a', dueDate: '2026-01-05', status: 'overdue', rowId: 'a', ownerMemberId: 'm-tom' },
    ])
  })

  it('says when nobody owns the action, or the owner is no longer listed, and shortens long words', () => {
    const long = `Agree   a routine\nchart ${'x'.repeat(200)}`
    const items = planActionDueItems([row('a', { owner: null }), row('b', { owner: 'm-gone' }), row('c', { action: long })], today, names)
    expect(items.map((i) => i.label.split(':')[0])).toEqual(['Action with no owner', 'Action for a member no longer listed', 'Action for Tom Ellis'])
    const shortened = items[2]!.label.slice('Action for Tom Ellis: '.length)
    expect(shortened.startsWith('Agree a routine chart x')).toBe(true)
    expect(shortened.length).toBe(80)
    expect(shortened.endsWith('…')).toBe(true)
  })
})

describe('ownedDueItems and mergeByDueDate', () => {
  const items = planActionDueItems([row('a', { owner: 'm-alex' }), row('b', { due: '2025-12-01' })], today, names)
  it('keeps the plan items a member owns', () => {
    expect(ownedDueItems(items, 'm-alex').map((i) => i.rowId)).toEqual(['a'])
    expect(ownedDueItems(items, 'm-nobody')).toEqual([])
  })
  it('merges by due date, keeping order within a day', () => {
    const other: DueItem = { key: 'first-core-group', rule: 'firstCoreGroup', label: 'First core group', dueDate: '2026-01-05', status: 'overdue' }
    expect(mergeByDueDate([other], items).map((i) => i.key)).toEqual(['plan-action:b', 'first-core-group', 'plan-action:a'])
  })
})
