import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { planRowChanges, snapshotPlanRows } from './plan-history.ts'

const who = { memberId: 'm-lead', name: 'Sam Okafor' }
const at = '2026-01-05T10:00:00.000Z'

function planWith(rows: Array<Record<string, unknown>>): Y.Doc {
  const doc = new Y.Doc()
  doc.getArray('actions').push(
    rows.map((fields) => {
      const map = new Y.Map<unknown>()
      for (const [k, v] of Object.entries(fields)) map.set(k, k === 'progress' ? new Y.Text(String(v)) : v)
      return map
    }),
  )
  return doc
}

const base = { need: 'n', outcome: 'o', action: 'a', owner: 'm-1', due: '2026-02-01', status: 'not-started' }

describe('snapshotPlanRows / planRowChanges', () => {
  it('records each field changed, in the table’s order, with its row’s id; text fields as strings', () => {
    const doc = planWith([{ id: 'r1', ...base, progress: 'Started.' }, { id: 'r2', ...base }])
    const before = snapshotPlanRows(doc)
    const rows = doc.getArray<Y.Map<unknown>>('actions')
    doc.transact(() => {
      rows.get(0).set('status', 'in-progress')
      ;(rows.get(0).get('progress') as Y.Text).insert(8, ' More.')
      rows.get(0).set('changed', '2026-01-05')
    })
    expect(planRowChanges(before, snapshotPlanRows(doc), who, at)).toEqual([
      { rowId: 'r1', entry: { at, by: who, field: 'status', old: 'not-started', new: 'in-progress' } },
      { rowId: 'r1', entry: { at, by: who, field: 'progress', old: 'Started.', new: 'Started. More.' } },
    ])
  })

  it('records a row added and a row removed as one entry each', () => {
    const doc = planWith([{ id: 'r1', ...base }])
    const before = snapshotPlanRows(doc)
    const rows = doc.getArray<Y.Map<unknown>>('actions')
    doc.transact(() => {
      rows.delete(0, 1)
      const added = new Y.Map<unknown>()
      added.set('id', 'r2')
      added.set('need', 'new need')
      rows.push([added])
    })
    expect(planRowChanges(before, snapshotPlanRows(doc), who, at)).toEqual([
      { rowId: 'r1', entry: { at, by: who, field: null, old: { id: 'r1', ...base }, new: null } },
      { rowId: 'r2', entry: { at, by: who, field: null, old: null, new: { id: 'r2', need: 'new need' } } },
    ])
  })

  it('records nothing when nothing changed; names a row without an id by its Yjs item', () => {
    const doc = planWith([{ id: 'r1', ...base }, { id: 'r2', ...base }])
    const before = snapshotPlanRows(doc)
    expect(planRowChanges(before, snapshotPlanRows(doc), who, at)).toEqual([])
    // A row without an id (never accepted into a plan) is named by its item.
    const legacy = planWith([{ ...base }])
    const start = snapshotPlanRows(legacy)
    legacy.getArray<Y.Map<unknown>>('actions').get(0).set('status', 'done')
    expect(planRowChanges(start, snapshotPlanRows(legacy), who, at)[0]!.rowId).toMatch(/^y:\d+:0$/)
  })
})
