import { describe, expect, it } from 'vitest'
import { documentName, parseDocumentName, parseSectionName } from './documents.ts'
import { documentLayout } from './layout.ts'

describe('document names', () => {
  it('parses every document kind and prints it back', () => {
    for (const name of ['meeting:m1', 'meeting:m1:restricted', 'report:r-9', 'demo:welcome', 'plan:case_7']) {
      const ref = parseDocumentName(name)
      expect(ref).not.toBeNull()
      expect(documentName(ref!)).toBe(name)
    }
  })
  it('refuses names outside the layout', () => {
    for (const name of ['', 'meeting:', 'report:r:restricted', 'case:1', 'meeting:a/b', 'demo:' + 'x'.repeat(65), 'meeting:m1:other', 'plan:', 'plan:c1:restricted', 'plan:a/b']) {
      expect(parseDocumentName(name)).toBeNull()
    }
  })
})

describe('the plan document', () => {
  it('is named by its case: plan:<caseId>', () => {
    expect(parseDocumentName('plan:case_7')).toEqual({ kind: 'plan', caseId: 'case_7' })
    expect(documentName({ kind: 'plan', caseId: 'case_7' })).toBe('plan:case_7')
  })
  it('holds one section, the rows of the plan', () => {
    expect(documentLayout({ kind: 'plan', caseId: 'case_7' }, [], [])).toEqual([{ name: 'actions', title: 'Child protection plan', kind: 'rows' }])
  })
})

describe('section names', () => {
  it('parses each kind of section', () => {
    expect(parseSectionName('item:childs-views')).toEqual({ kind: 'item', key: 'childs-views' })
    expect(parseSectionName('update:m-7')).toEqual({ kind: 'update', memberId: 'm-7' })
    expect(parseSectionName('contrib:m-7:analysis')).toEqual({ kind: 'contrib', memberId: 'm-7', field: 'analysis' })
    expect(parseSectionName('joint:recommendation')).toEqual({ kind: 'joint', field: 'recommendation' })
    for (const k of ['actions', 'attendance', 'notes', 'control'] as const) expect(parseSectionName(k)).toEqual({ kind: k })
  })
  it('returns null for anything else', () => {
    for (const s of ['item:', 'item:Upper', 'controls', 'update:', 'contrib:m1', 'joint:', 'random']) {
      expect(parseSectionName(s)).toBeNull()
    }
  })
})
