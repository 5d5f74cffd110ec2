import { describe, expect, it } from 'vitest'
import { findTerms, glossaryTerm, markFirstUses } from './glossary.ts'

describe('glossary lookups', () => {
  it('finds each term, the longest form winning', () => {
    const text = 'The ICPC decided. The core group meeting is next week; the core group meets every 4 weeks.'
    expect(findTerms(text)).toEqual([
      { termId: 'icpc', start: 4, end: 8 },
      { termId: 'core-group', start: 22, end: 40 },
      { termId: 'core-group', start: 59, end: 69 },
    ])
  })

  it('matches words whatever their case, abbreviations in capitals only, and never inside a word', () => {
    expect(findTerms('Review Conference').map((h) => h.termId)).toEqual(['rcpc'])
    expect(findTerms('an icpc, a topicpc, an ICPCs')).toEqual([])
    expect(findTerms('a wheelchair').map((h) => h.termId)).toEqual([])
    expect(findTerms('the review child protection conference').map((h) => h.termId)).toEqual(['rcpc'])
  })

  it('marks only the first use of each term across the texts of one page', () => {
    const seen = new Set<string>()
    expect(markFirstUses('Your core group meets on Monday. The core group is you and the professionals.', seen)).toEqual([
      { text: 'Your ' },
      { text: 'core group', termId: 'core-group' },
      { text: ' meets on Monday. The core group is you and the ' },
      { text: 'professionals', termId: 'professionals' },
      { text: '.' },
    ])
    expect(markFirstUses('Next core group: Monday', seen)).toEqual([{ text: 'Next core group: Monday' }])
    expect([...seen]).toEqual(['core-group', 'professionals'])
  })

  it('keeps text without terms whole', () => {
    expect(markFirstUses('Bedtime at 7.30', new Set())).toEqual([{ text: 'Bedtime at 7.30' }])
    expect(markFirstUses('', new Set())).toEqual([{ text: '' }])
  })

  it('explains each term in everyday words', () => {
    expect(glossaryTerm('icpc')?.term).toBe('Initial child protection conference (ICPC)')
    expect(glossaryTerm('rcpc')?.meaning).toMatch(/still needs a child protection plan/)
    expect(glossaryTerm('nothing')).toBeUndefined()
  })
})
