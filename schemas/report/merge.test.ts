import { describe, expect, it } from 'vitest'
import { blocksFingerprint, heading, paragraph, type BlockElement } from './blocks.ts'
import { chronologyBlocks, editedSinceMerge, mergePassages, passageBlocks, passageEdit, passageKey, type MergeContribution } from './merge.ts'

const FIELDS = ['chronology', 'analysis', 'recommendation']
const teacher = (analysis: string, recommendation = 'Continue the plan'): MergeContribution => ({
  memberId: 'm-teacher',
  label: 'Ada Fern (Riverside Primary)',
  fields: { analysis: [paragraph(analysis)], recommendation: [paragraph(recommendation)], chronology: [] },
})
const visitor = (analysis: string): MergeContribution => ({
  memberId: 'm-visitor',
  label: 'Cal Moss (Health visiting)',
  fields: { analysis: [paragraph(analysis)], recommendation: [] },
})
const baseOf = (...entries: [string, string, BlockElement[]][]) => new Map(entries.map(([f, m, b]) => [passageKey(f, m), b]))

describe('mergePassages', () => {
  it('offers every non-empty field of every contribution as new on the first merge, fields first, then contributions', () => {
    const out = mergePassages(FIELDS, [teacher('Robin is settled'), visitor('Weight is on track')], new Map())
    expect(out.map((p) => [p.field, p.memberId, p.kind])).toEqual([
      ['analysis', 'm-teacher', 'new'],
      ['analysis', 'm-visitor', 'new'],
      ['recommendation', 'm-teacher', 'new'],
    ])
  })

  it('is deterministic: equal inputs give equal output', () => {
    const a = mergePassages(FIELDS, [teacher('x'), visitor('y')], baseOf(['analysis', 'm-teacher', [paragraph('w')]]))
    const b = mergePassages(FIELDS, [teacher('x'), visitor('y')], baseOf(['analysis', 'm-teacher', [paragraph('w')]]))
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
  })

  it('after a change, a re-merge yields exactly the changed passages', () => {
    const base = baseOf(
      ['analysis', 'm-teacher', [paragraph('Robin is settled')]],
      ['recommendation', 'm-teacher', [paragraph('Continue the plan')]],
      ['analysis', 'm-visitor', [paragraph('Weight is on track')]],
    )
    const out = mergePassages(FIELDS, [teacher('Robin is settled and reading'), visitor('Weight is on track')], base)
    expect(out.filter((p) => p.kind !== 'unchanged').map((p) => [p.field, p.memberId, p.kind])).toEqual([['analysis', 'm-teacher', 'changed']])
    expect(out.find((p) => p.kind === 'changed')!.before).toEqual([paragraph('Robin is settled')])
  })

  it('ignores attribution and attribute order when comparing', () => {
    const base = baseOf(['analysis', 'm-visitor', [paragraph('Weight is on track', { attribution: 'someone' })]])
    expect(mergePassages(['analysis'], [visitor('Weight is on track')], base)[0]!.kind).toBe('unchanged')
  })

  it('offers a field emptied since the merge as changed', () => {
    const base = baseOf(['recommendation', 'm-visitor', [paragraph('End the plan')]])
    expect(mergePassages(['recommendation'], [visitor('x')], base)).toMatchObject([{ kind: 'changed', after: [] }])
  })
})

describe('passageBlocks', () => {
  it('heads the passage with the member and attributes every top-level block, replacing any attribution sent', () => {
    const blocks = passageBlocks('m-teacher', 'Ada Fern (Riverside Primary)', [paragraph('Settled', { attribution: 'm-forged' })])
    expect(blocks).toEqual([
      heading(3, 'Ada Fern (Riverside Primary)', { attribution: 'm-teacher', attributionLabel: 'Ada Fern (Riverside Primary)' }),
      paragraph('Settled', { attribution: 'm-teacher', attributionLabel: 'Ada Fern (Riverside Primary)' }),
    ])
  })
})

describe('passageEdit', () => {
  it('replaces the member’s blocks where the first was, leaving the social worker’s and others’ alone', () => {
    expect(passageEdit([null, 'm-teacher', 'm-teacher', null, 'm-visitor'], 'm-teacher')).toEqual({ remove: [1, 2], insertAt: 1 })
  })
  it('adds a passage not there yet at the end', () => {
    expect(passageEdit([null, 'm-visitor'], 'm-teacher')).toEqual({ remove: [], insertAt: 2 })
  })
})

describe('attribution survives merge and edit', () => {
  it('an edit inside a merged block keeps its attribution; the social worker’s edit shows as edited', () => {
    const merged = passageBlocks('m-teacher', 'Ada Fern (Riverside Primary)', [paragraph('Robin is settled')])
    const edited = merged.map((b, i) => (i === 1 ? { ...b, children: [{ text: [{ insert: 'Robin is settled at school' }] }] } : b))
    expect(edited[1]!.attrs.attribution).toBe('m-teacher')
    expect(editedSinceMerge(edited, [paragraph('Robin is settled')], 'Ada Fern (Riverside Primary)', 'm-teacher')).toBe(true)
    expect(editedSinceMerge(merged, [paragraph('Robin is settled')], 'Ada Fern (Riverside Primary)', 'm-teacher')).toBe(false)
  })
})

describe('chronologyBlocks', () => {
  it('lists entries oldest first, whatever order they were added in', () => {
    const rows = [
      { id: 'b', date: '2026-11-02', event: 'Home visit', outcome: 'Home warm and clean' },
      { id: 'a', date: '2026-10-01', event: 'School meeting' },
    ]
    expect(blocksFingerprint(chronologyBlocks(rows))).toBe(blocksFingerprint(chronologyBlocks([...rows].reverse())))
    expect(chronologyBlocks(rows)).toEqual([paragraph('2026-10-01: School meeting'), paragraph('2026-11-02: Home visit. Outcome: Home warm and clean')])
  })
})
