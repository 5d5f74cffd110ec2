import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { parseRowShared } from './entity-row.ts'

const Row = z.strictObject({ id: z.string(), name: z.string().trim(), tags: z.array(z.string()) })

describe('parseRowShared', () => {
  it('validates like parseRow, and gives the same frozen value for the same text', () => {
    const text = JSON.stringify({ id: 'm1', name: ' Ms A Jones ', tags: ['school'] })
    const first = parseRowShared(Row, { data: text })
    expect(first).toEqual({ id: 'm1', name: 'Ms A Jones', tags: ['school'] })
    expect(parseRowShared(Row, { data: text })).toBe(first)
    expect(Object.isFrozen(first) && Object.isFrozen(first.tags)).toBe(true)
    expect(() => (first.tags as string[]).push('x')).toThrow(TypeError)
  })

  it('reads a changed row afresh, and never keeps a row that fails its schema', () => {
    const before = parseRowShared(Row, { data: JSON.stringify({ id: 'm2', name: 'Before', tags: [] }) })
    const after = parseRowShared(Row, { data: JSON.stringify({ id: 'm2', name: 'After', tags: [] }) })
    expect([before.name, after.name]).toEqual(['Before', 'After'])
    const bad = { data: JSON.stringify({ id: 'm3', name: 7, tags: [] }) }
    expect(() => parseRowShared(Row, bad)).toThrow()
    expect(() => parseRowShared(Row, bad)).toThrow()
  })

  it('keeps rows apart by schema: the same text under another schema is validated by that one', () => {
    const text = JSON.stringify({ id: 'm4', name: 'Ms B', tags: [] })
    expect(parseRowShared(Row, { data: text }).name).toBe('Ms B')
    expect(() => parseRowShared(Row.pick({ id: true }), { data: text })).toThrow()
  })
})
