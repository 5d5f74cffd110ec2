import { describe, expect, it } from 'vitest'
import { describeRowHistory, HistoryEntry, rowChanges, statusSince } from './row-history.ts'

// Fictional people: Sam Okafor (lead social worker), Tom Ellis (teacher), Jo Marsh (parent).
const sam = { memberId: 'm-lead', name: 'Sam Okafor' }
const tom = { memberId: 'm-teacher', name: 'Tom Ellis' }
const jo = { memberId: 'm-parent', name: 'Jo Marsh' }
const names = { 'm-lead': 'Sam Okafor', 'm-teacher': 'Tom Ellis', 'm-parent': 'Jo Marsh' }

const row = {
  need: 'Amy needs to be in school',
  outcome: 'Amy attends every day',
  action: 'Phone home when Amy is absent',
  owner: 'm-teacher',
  due: '2026-02-20',
  status: 'not-started',
  added: '2025-12-16',
  changed: '2025-12-16',
}

describe('rowChanges', () => {
  it('a row added is one entry with the whole row as new', () => {
    const entries = rowChanges(null, row, sam, '2025-12-16T10:00:00.000Z')
    expect(entries).toEqual([{ at: '2025-12-16T10:00:00.000Z', by: sam, field: null, old: null, new: row }])
    expect(HistoryEntry.safeParse(entries[0]).success).toBe(true)
  })
  it('a row removed is one entry with the whole row as old', () => {
    expect(rowChanges(row, null, sam, '2026-01-20T10:00:00.000Z')).toEqual([
      { at: '2026-01-20T10:00:00.000Z', by: sam, field: null, old: row, new: null },
    ])
  })
  it('nothing before or after is no entry', () => {
    expect(rowChanges(null, null, sam, '2026-01-20T10:00:00.000Z')).toEqual([])
  })
  it('one entry per changed field, in table order, with old and new', () => {
    const after = { ...row, due: '2026-03-01', status: 'in-progress', action: 'Phone home by 9:30', changed: '2026-01-05' }
    expect(rowChanges(row, after, sam, '2026-01-05T09:00:00.000Z')).toEqual([
      { at: '2026-01-05T09:00:00.000Z', by: sam, field: 'action', old: 'Phone home when Amy is absent', new: 'Phone home by 9:30' },
      { at: '2026-01-05T09:00:00.000Z', by: sam, field: 'due', old: '2026-02-20', new: '2026-03-01' },
      { at: '2026-01-05T09:00:00.000Z', by: sam, field: 'status', old: 'not-started', new: 'in-progress' },
    ])
  })
  it('a field appearing or going away is recorded with null on the empty side', () => {
    expect(rowChanges(row, { ...row, progress: 'Rang on Monday' }, tom, '2026-01-05T09:00:00.000Z')).toEqual([
      { at: '2026-01-05T09:00:00.000Z', by: tom, field: 'progress', old: null, new: 'Rang on Monday' },
    ])
    expect(rowChanges({ ...row, how: 'By phone' }, row, sam, '2026-01-05T09:00:00.000Z')).toEqual([
      { at: '2026-01-05T09:00:00.000Z', by: sam, field: 'how', old: 'By phone', new: null },
    ])
  })
  it('empty to empty, equal values and the added/changed dates are not changes', () => {
    expect(rowChanges(row, { ...row, how: '' }, sam, '2026-01-05T09:00:00.000Z')).toEqual([])
    expect(rowChanges({ ...row, owner: null }, { ...row, owner: undefined }, sam, '2026-01-05T09:00:00.000Z')).toEqual([])
    expect(rowChanges(row, { ...row, changed: '2026-01-05', added: '2026-01-01' }, sam, '2026-01-05T09:00:00.000Z')).toEqual([])
    expect(rowChanges({ ...row, extra: [1, { a: 2 }] }, { ...row, extra: [1, { a: 2 }] }, sam, '2026-01-05T09:00:00.000Z')).toEqual([])
  })
  it('fields outside the table come after it, alphabetically', () => {
    const entries = rowChanges({ zeta: 1, alpha: 1, need: 'a' }, { zeta: 2, alpha: 2, need: 'b' }, sam, '2026-01-05T09:00:00.000Z')
    expect(entries.map((e) => e.field)).toEqual(['need', 'alpha', 'zeta'])
  })
})

/** The history of one row: added at the meeting of 16 December, then worked on. */
const history: HistoryEntry[] = [
  ...rowChanges(null, row, sam, '2025-12-16T10:00:00.000Z'),
  ...rowChanges(row, { ...row, status: 'in-progress' }, sam, '2025-12-16T10:30:00.000Z'),
  ...rowChanges({ ...row, status: 'in-progress' }, { ...row, status: 'in-progress', progress: 'Rang mum on Monday.' }, tom, '2026-01-05T15:00:00.000Z'),
  ...rowChanges(
    { ...row, status: 'in-progress', progress: 'Rang mum on Monday.' },
    { ...row, status: 'in-progress', progress: 'Rang mum on Monday. Home visit on Tuesday.' },
    tom,
    '2026-01-05T15:05:00.000Z',
  ),
]

describe('statusSince', () => {
  it('dates the current status from its last change', () => {
    expect(statusSince(history, '2026-01-12')).toMatchObject({ status: 'in-progress', since: '2025-12-16', words: 'in progress since 16 December 2025' })
    expect(statusSince(history, '2025-12-20')?.words).toBe('in progress since 16 December')
  })
  it('dates it from the day the row was added when it never changed', () => {
    expect(statusSince(history.slice(0, 1), '2026-01-12')).toMatchObject({ status: 'not-started', since: '2025-12-16' })
  })
  it('ignores the order entries are given in', () => {
    expect(statusSince([...history].reverse(), '2026-01-12')?.since).toBe('2025-12-16')
  })
  it('is null with no history, or for a removed row', () => {
    expect(statusSince([], '2026-01-12')).toBeNull()
    expect(statusSince([...history, ...rowChanges(row, null, sam, '2026-01-20T10:00:00.000Z')], '2026-01-20')).toBeNull()
  })
  it('uses the UK day of the change', () => {
    const late = rowChanges(row, { ...row, status: 'done' }, jo, '2026-06-30T23:30:00.000Z')
    expect(statusSince(late, '2026-07-02')?.words).toBe('done since 1 July')
  })
})

describe('describeRowHistory', () => {
  it('reads like the issue’s example, repeated typing said once', () => {
    expect(describeRowHistory(history, '2025-12-17', names, '2026-01-12')).toBe(
      'in progress since 16 December 2025; progress added by Tom Ellis on 5 January',
    )
    expect(describeRowHistory(history, '2025-12-17', names)).toBe(
      'in progress since 16 December; progress added by Tom Ellis on 5 January 2026',
    )
  })
  it('includes the day of `since` itself, without repeating the status change', () => {
    expect(describeRowHistory(history, '2025-12-16', names, '2025-12-20')).toBe(
      'in progress since 16 December; added by Sam Okafor on 16 December; progress added by Tom Ellis on 5 January 2026',
    )
  })
  it('says so when nothing changed since', () => {
    expect(describeRowHistory(history, '2026-01-06', names, '2026-01-12')).toBe(
      'in progress since 16 December 2025; no changes since 6 January',
    )
    expect(describeRowHistory([], '2026-01-06', names, '2026-01-12')).toBe('no changes since 6 January')
  })
  it('words every kind of change, with earlier status changes and current names', () => {
    const base = { ...row, status: 'in-progress', progress: 'Rang mum.' }
    const more: HistoryEntry[] = [
      ...rowChanges(base, { ...base, status: 'done' }, jo, '2026-01-07T09:00:00.000Z'),
      ...rowChanges({ ...base, status: 'done' }, base, sam, '2026-01-08T09:00:00.000Z'),
      ...rowChanges(base, { ...base, owner: 'm-parent', due: '2026-03-01', how: 'By phone' }, sam, '2026-01-08T09:10:00.000Z'),
      ...rowChanges(base, { ...base, progress: 'Rang dad.', action: 'Visit', outcome: '' }, { memberId: 'm-lead', name: 'S. Okafor' }, '2026-01-09T09:00:00.000Z'),
      ...rowChanges(base, { ...base, progress: '', owner: null, due: null }, sam, '2026-01-10T09:00:00.000Z'),
      ...rowChanges(base, { ...base, owner: 'm-gone' }, sam, '2026-01-10T09:05:00.000Z'),
      ...rowChanges(base, null, sam, '2026-01-11T09:00:00.000Z'),
    ]
    expect(describeRowHistory(more, '2026-01-07', names, '2026-01-12').split('; ')).toEqual([
      'marked done by Jo Marsh on 7 January',
      'marked in progress by Sam Okafor on 8 January',
      '“how” added by Sam Okafor on 8 January',
      'owner changed to Jo Marsh by Sam Okafor on 8 January',
      'due date changed to 1 March by Sam Okafor on 8 January',
      'outcome cleared by Sam Okafor on 9 January',
      'action changed by Sam Okafor on 9 January',
      'progress edited by Sam Okafor on 9 January',
      'owner removed by Sam Okafor on 10 January',
      'due date removed by Sam Okafor on 10 January',
      'progress cleared by Sam Okafor on 10 January',
      'owner changed to a member no longer listed by Sam Okafor on 10 January',
      'removed by Sam Okafor on 11 January',
    ])
  })
  it('lists earlier status changes since, but not the one the first phrase already gives', () => {
    const base = { ...row, status: 'in-progress' }
    const entries: HistoryEntry[] = [
      ...rowChanges(null, base, sam, '2025-12-16T10:00:00.000Z'),
      ...rowChanges(base, { ...base, status: 'done' }, jo, '2026-01-07T09:00:00.000Z'),
      ...rowChanges({ ...base, status: 'done' }, base, sam, '2026-01-08T09:00:00.000Z'),
    ]
    expect(describeRowHistory(entries, '2025-12-17', names, '2026-01-12')).toBe(
      'in progress since 8 January; marked done by Jo Marsh on 7 January',
    )
  })
  it('accepts names as a Map, falling back to the name stored with the entry', () => {
    expect(describeRowHistory(history, '2026-01-01', new Map([['m-teacher', 'Mr T. Ellis']]), '2026-01-12')).toBe(
      'in progress since 16 December 2025; progress added by Mr T. Ellis on 5 January',
    )
    expect(describeRowHistory(history, '2026-01-01', {}, '2026-01-12')).toBe(
      'in progress since 16 December 2025; progress added by Tom Ellis on 5 January',
    )
  })
})
