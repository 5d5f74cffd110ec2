import { describe, expect, it } from 'vitest'
import { describeRowHistory } from '../../schemas/plan/row-history.ts'
import { parseHistories, withoutDrafting } from './plan-history.ts'

const entry = { at: '2026-01-05T10:00:00.000Z', by: { memberId: 'm-t', name: 'Tom Ellis' }, field: 'progress', old: '', new: 'Called' }

describe('parseHistories', () => {
  it('groups the response’s entries by row, as history entries', () => {
    const histories = parseHistories({ entries: [{ ...entry, seq: 2, rowId: 'r1' }, { ...entry, field: 'status', seq: 1, rowId: 'r1' }, { ...entry, seq: 3, rowId: 'r2' }] })
    expect(histories.get('r1')).toEqual([entry, { ...entry, field: 'status' }])
    expect(histories.get('r2')).toEqual([entry])
  })
  it('skips what it cannot read', () => {
    expect(parseHistories(null).size).toBe(0)
    expect(parseHistories({ entries: 'none' }).size).toBe(0)
    expect(parseHistories({ entries: [{ ...entry, rowId: 'r1' }, { at: 'yesterday', seq: 1, rowId: 'r1' }] }).size).toBe(0)
  })
})

describe('withoutDrafting', () => {
  const sam = { memberId: 'm-sw', name: 'Sam Okafor' }
  const tom = { memberId: 'm-t', name: 'Tom Ellis' }
  const at = (day: string, time = '10:00') => `${day}T${time}:00.000Z`
  const history = [
    { at: at('2026-12-02'), by: sam, field: null, old: null, new: { status: 'not-started', action: '' } },
    { at: at('2026-12-02', '10:01'), by: sam, field: 'action', old: '', new: 'Meet Robin weekly' },
    { at: at('2026-12-02', '10:02'), by: sam, field: 'owner', old: null, new: 'm-t' },
    { at: at('2026-12-02', '10:05'), by: tom, field: 'status', old: 'not-started', new: 'in-progress' },
    { at: at('2026-12-02', '10:06'), by: tom, field: 'progress', old: '', new: 'Met on Monday' },
    { at: at('2026-12-03'), by: sam, field: 'due', old: null, new: '2027-01-10' },
  ]
  it('leaves out the adder filling in the new row that day, and keeps everything else', () => {
    const kept = withoutDrafting(history)
    expect(kept.map((e) => e.field)).toEqual([null, 'status', 'progress', 'due'])
    expect(describeRowHistory(kept, '2026-12-02', {}, '2026-12-04')).toBe(
      'in progress since 2 December; added by Sam Okafor on 2 December; progress added by Tom Ellis on 2 December; due date changed to 10 January 2027 by Sam Okafor on 3 December',
    )
  })
  it('keeps a history without the row’s addition as it is', () => {
    expect(withoutDrafting(history.slice(1))).toHaveLength(5)
  })
})
