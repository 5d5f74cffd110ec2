import { describe, expect, it } from 'vitest'
import { formatDayAndDate, formatDayDateTime, formatUkTime } from './uk-time.ts'

describe('UK dates and times in words', () => {
  it('writes times as GOV.UK does: no leading zero, am and pm, midday and midnight', () => {
    expect(formatUkTime('10:00')).toBe('10am')
    expect(formatUkTime('09:05')).toBe('9:05am')
    expect(formatUkTime('14:30')).toBe('2:30pm')
    expect(formatUkTime('12:00')).toBe('midday')
    expect(formatUkTime('12:15')).toBe('12:15pm')
    expect(formatUkTime('00:00')).toBe('midnight')
    expect(formatUkTime('00:30')).toBe('12:30am')
    expect(formatUkTime('23:59')).toBe('11:59pm')
  })

  it('leaves what is not a 24-hour time as it is', () => {
    expect(formatUkTime('25:00')).toBe('25:00')
    expect(formatUkTime('10am')).toBe('10am')
  })

  it('writes the weekday, the day without a leading zero, the month in words and the year', () => {
    expect(formatDayAndDate('2027-01-13')).toBe('Wednesday 13 January 2027')
    expect(formatDayAndDate('2026-03-01')).toBe('Sunday 1 March 2026')
    expect(formatDayDateTime('2027-01-13', '10:00')).toBe('Wednesday 13 January 2027, 10am')
    expect(formatDayDateTime('2027-01-13', null)).toBe('Wednesday 13 January 2027')
  })

  it('does not depend on the locale of the machine or browser', () => {
    // en-US would write "January 13, 2027"; the words must stay British whatever the default is.
    expect(formatDayDateTime('2026-12-16', '14:00')).toBe('Wednesday 16 December 2026, 2pm')
  })
})
