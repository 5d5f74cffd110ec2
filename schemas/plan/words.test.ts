import { describe, expect, it } from 'vitest'
import { CLOSED_STATUSES, dateWords, isOpenStatus, STATUS_WORDS, ukDayOfInstant } from './words.ts'

describe('dateWords', () => {
  it('leaves out the year when it is today’s year', () => {
    expect(dateWords('2026-01-05', '2026-03-01')).toBe('5 January')
    expect(dateWords('2026-12-16', '2026-01-01')).toBe('16 December')
  })
  it('gives the year when it is not today’s year', () => {
    expect(dateWords('2025-12-16', '2026-01-05')).toBe('16 December 2025')
    expect(dateWords('2027-02-01', '2026-12-31')).toBe('1 February 2027')
  })
  it('returns a string that is not a real date unchanged', () => {
    expect(dateWords('2026-02-30', '2026-01-01')).toBe('2026-02-30')
    expect(dateWords('soon', '2026-01-01')).toBe('soon')
  })
})

describe('ukDayOfInstant', () => {
  it('is the UK day: late evening UTC in summer is already the next day', () => {
    expect(ukDayOfInstant('2026-06-30T23:30:00.000Z')).toBe('2026-07-01')
    expect(ukDayOfInstant('2026-12-31T23:30:00.000Z')).toBe('2026-12-31')
  })
  it('is null for a value that is not a date and time', () => {
    expect(ukDayOfInstant('yesterday')).toBeNull()
  })
})

describe('statuses', () => {
  it('done and no longer needed close an action; the others are open', () => {
    expect([...CLOSED_STATUSES].sort()).toEqual(['done', 'no-longer-needed'])
    expect(isOpenStatus('not-started')).toBe(true)
    expect(isOpenStatus('in-progress')).toBe(true)
    expect(isOpenStatus('done')).toBe(false)
    expect(isOpenStatus('no-longer-needed')).toBe(false)
  })
  it('has words for every status', () => {
    expect(STATUS_WORDS).toEqual({
      'not-started': 'not started',
      'in-progress': 'in progress',
      done: 'done',
      'no-longer-needed': 'no longer needed',
    })
  })
})
