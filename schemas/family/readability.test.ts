import { describe, expect, it } from 'vitest'
import { readability, readabilityWarning, syllables } from './readability.ts'

describe('syllables', () => {
  // Expected counts written out by hand (the oracle is not the function).
  const table: Array<[string, number]> = [
    ['the', 1],
    ['chart', 1],
    ['make', 1],
    ['booked', 1],
    ['bedtime', 2],
    ['routine', 2],
    ['agreed', 2],
    ['table', 2],
    ['houses', 2],
    ['boxes', 2],
    ['Robin’s', 2],
    ['visited', 3],
    ['assessment', 3],
    ['follow-up', 3],
    ['multidisciplinary', 7],
  ]
  it.each(table)('%s has %i', (word, n) => expect(syllables(word)).toBe(n))
})

describe('readability', () => {
  it('reads a short plain sentence at the youngest age', () => {
    expect(readability('The cat sat on the mat.')).toMatchObject({ words: 6, sentences: 1, syllables: 6, readingAge: 5, hard: false })
  })

  it('scores the demo parent’s action as plain (reading age 11)', () => {
    // 10 words, 15 syllables, 1 sentence: 0.39 × 10 + 11.8 × 1.5 − 15.59 = 6.01.
    expect(readability('Keep the bedtime routine chart agreed with the health visitor')).toMatchObject({ words: 10, syllables: 15, sentences: 1, grade: 6, readingAge: 11, hard: false })
  })

  it('leaves an everyday action with long common words alone (reading age 13.2)', () => {
    // 18 words, 31 syllables, 2 sentences: 0.39 × 9 + 11.8 × 31 ÷ 18 − 15.59 = 8.24.
    expect(readability('Send the social worker Robin’s attendance every Friday. Secure email from the school office to the social worker.')).toMatchObject({ words: 18, syllables: 31, sentences: 2, grade: 8.2, readingAge: 13.2, hard: false })
  })

  it('calls a professional’s way of putting an action hard (reading age 22.8)', () => {
    // 13 words, 34 syllables, 2 sentences: 0.39 × 6.5 + 11.8 × 34 ÷ 13 − 15.59 = 17.81.
    expect(readability('Attend the parenting assessment appointments. Participate constructively in the domestic abuse intervention programme.')).toMatchObject({ words: 13, syllables: 34, grade: 17.8, readingAge: 22.8, hard: true })
  })

  it('calls professional jargon hard', () => {
    // 7 words, 28 syllables: 0.39 × 7 + 11.8 × 4 − 15.59 = 34.34.
    const r = readability('Facilitate comprehensive multidisciplinary assessment regarding parental capacity.')
    expect(r).toMatchObject({ words: 7, syllables: 28, grade: 34.3, readingAge: 39.3, hard: true })
    expect(readabilityWarning('Facilitate comprehensive multidisciplinary assessment regarding parental capacity.')).toBe(
      'Hard for the family to read (reading age about 39). Try shorter sentences and everyday words.',
    )
  })

  it('does not judge fewer than five words', () => {
    expect(readability('Multidisciplinary assessment').hard).toBe(false)
    expect(readabilityWarning('Multidisciplinary assessment')).toBeNull()
  })

  it('calls a sentence of more than 25 words hard, however short its words', () => {
    const text = Array.from({ length: 26 }, () => 'go').join(' ')
    expect(readability(text)).toMatchObject({ words: 26, longestSentence: 26, hard: true })
    expect(readabilityWarning(text)).toBe('Hard for the family to read: one sentence has 26 words. Try shorter sentences.')
    expect(readability(Array.from({ length: 25 }, () => 'go').join(' ')).hard).toBe(false)
  })

  it('does not end a sentence inside a time, and skips numbers', () => {
    expect(readability('Robin is in bed by 7.30 pm. Every night!')).toMatchObject({ sentences: 2, words: 8 })
    expect(readability('Line one\nline two')).toMatchObject({ sentences: 2, words: 4 })
  })

  it('treats empty text as easy', () => {
    expect(readability('  ')).toMatchObject({ words: 0, readingAge: 5, hard: false })
  })
})
