import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initialPlanUpdate, planRowsOf, readPlanRows } from './plan-document.ts'

const row = { id: 'act_1', need: 'n', outcome: 'o', action: 'a', owner: 'm-1', due: '2026-02-01', status: 'in-progress' as const, progress: 'Going well.' }

describe('the plan document as the server reads and seeds it', () => {
  it('writes rows as maps with progress as Y.Text, and reads them back through the row schema', () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, initialPlanUpdate([row]))
    const map = doc.getArray<Y.Map<unknown>>('actions').get(0)
    expect(map.get('progress')).toBeInstanceOf(Y.Text)
    expect(planRowsOf(doc)).toEqual([row])
  })

  it('leaves out rows that do not match the plan’s row schema (no id, unknown fields)', () => {
    const doc = new Y.Doc()
    const bad = new Y.Map<unknown>()
    bad.set('need', 'no id')
    doc.getArray('actions').push([bad])
    Y.applyUpdate(doc, initialPlanUpdate([row]))
    expect(planRowsOf(doc).map((r) => r.id)).toEqual(['act_1'])
    expect(() => initialPlanUpdate([{ ...row, id: undefined as unknown as string }])).toThrow()
  })

  it('reads the live room when loaded, else the store (skipping an entry that cannot be applied)', async () => {
    const live = new Y.Doc()
    Y.applyUpdate(live, initialPlanUpdate([{ ...row, id: 'act_live' }]))
    const fromRoom = await readPlanRows({ rooms: { loaded: () => ({ doc: live }) as never }, store: { load: () => Promise.reject(new Error('not used')) } }, 'c1')
    expect(fromRoom.map((r) => r.id)).toEqual(['act_live'])
    const store = { load: async () => ({ snapshot: null, updates: [new Uint8Array([1, 2, 3]), initialPlanUpdate([row])], seqs: [1, 2] }) }
    expect((await readPlanRows({ rooms: { loaded: () => undefined }, store }, 'c1')).map((r) => r.id)).toEqual(['act_1'])
  })
})
