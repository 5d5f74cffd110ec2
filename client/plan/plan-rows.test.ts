import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ActionRow } from '../../schemas/content/rows.ts'
import { ID_PATTERN } from '../../schemas/documents.ts'
import { editableFields } from '../../schemas/plan/plan-rules.ts'
import { addRow, newRowId, planActions, progressTextOf, readRows, removeRow, setField } from './plan-rows.ts'

const today = '2026-03-05'

describe('plan rows', () => {
  it('adds a whole row in one update: a fresh id, not started, added and changed today, empty shared progress', () => {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    const id = addRow(doc, today)
    expect(updates).toHaveLength(1)
    expect(id).toMatch(ID_PATTERN)
    expect(id).not.toBe(addRow(doc, today))
    const [row] = readRows(planActions(doc))
    expect(row).toMatchObject({ key: id, id, index: 0, status: 'not-started', owner: null, due: null, added: today, changed: today, progress: '' })
    expect(row!.progressText).toBeInstanceOf(Y.Text)
    // The row the server checks: the shared schema, with its id.
    expect(ActionRow.safeParse(row!.record).success).toBe(true)
    expect(row!.record.id).toBe(id)
  })

  it('makes ids that stay within the id pattern', () => {
    for (let i = 0; i < 200; i++) expect(newRowId()).toMatch(ID_PATTERN)
  })

  it('writes one field with the changed date, and nothing when the value is the same', () => {
    const doc = new Y.Doc()
    addRow(doc, '2026-01-10', { action: 'Book a dentist appointment' })
    const map = planActions(doc).get(0)
    let updates = 0
    doc.on('update', () => updates++)
    setField(doc, map, 'owner', 'm-teacher', today)
    expect(updates).toBe(1)
    expect(map.get('owner')).toBe('m-teacher')
    expect(map.get('changed')).toBe(today)
    setField(doc, map, 'owner', 'm-teacher', today)
    setField(doc, map, 'action', 'Book a dentist appointment', today)
    expect(updates).toBe(1)
    setField(doc, map, 'due', '2026-04-01', today)
    setField(doc, map, 'due', null, today)
    expect(readRows(planActions(doc))[0]).toMatchObject({ due: null, owner: 'm-teacher', added: '2026-01-10', changed: today })
  })

  it('an owner’s update touches only the fields an owner may change', () => {
    const doc = new Y.Doc()
    addRow(doc, '2026-01-10', { owner: 'm-professional' })
    const map = planActions(doc).get(0)
    const touched = new Set<string>()
    planActions(doc).observeDeep((events) => {
      for (const e of events) if (e.target === map) for (const k of (e as Y.YMapEvent<unknown>).keysChanged) touched.add(k)
    })
    setField(doc, map, 'status', 'in-progress', today)
    const owner = { userId: 'u', memberId: 'm-professional', role: 'professional' as const, optedOut: false }
    const allowed = editableFields(owner, { meetingInProgress: null }, readRows(planActions(doc))[0]!.record)
    expect([...touched].every((k) => allowed.has(k))).toBe(true)
  })

  it('reads rows made elsewhere, without an id or shared progress, and ignores values outside the schema', () => {
    const doc = new Y.Doc()
    const map = new Y.Map<unknown>()
    map.set('action', 'Old row')
    map.set('status', 'paused')
    map.set('progress', 'typed as a string')
    planActions(doc).push([map])
    const [row] = readRows(planActions(doc))
    expect(row).toMatchObject({ id: null, status: 'not-started', progress: 'typed as a string', progressText: null, need: '' })
    expect(row!.key).toMatch(/^y\d+-\d+$/)
    const text = progressTextOf(doc, map)
    expect(text.toString()).toBe('typed as a string')
    expect(progressTextOf(doc, map)).toBe(text)
  })

  it('removes a row by its map, wherever it has moved to', () => {
    const doc = new Y.Doc()
    const first = addRow(doc, today, { action: 'one' })
    addRow(doc, today, { action: 'two' })
    const map = planActions(doc).get(1)
    planActions(doc).delete(0, 1)
    expect(removeRow(doc, map)).toBe(true)
    expect(removeRow(doc, map)).toBe(false)
    expect(readRows(planActions(doc))).toEqual([])
    expect(first).toBeTruthy()
  })
})
