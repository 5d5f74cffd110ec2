import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addCalendarDays,
  addMonths,
  addWeeks,
  calendarDaysBetween,
  dayOfWeek,
  formatLongDate,
  fromDayNumber,
  isIsoDate,
  parseIsoDate,
  toDayNumber,
  ukDateOf,
} from './iso-date.ts'

describe('isIsoDate', () => {
  it('accepts real dates, including 29 February in leap years', () => {
    for (const d of ['2026-01-01', '2024-02-29', '2000-02-29', '2026-12-31']) expect(isIsoDate(d), d).toBe(true)
  })
  it('refuses dates that do not exist and other shapes', () => {
    for (const d of ['2026-02-30', '2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-5', '26-01-05', '2026-01-05T00:00', '']) {
      expect(isIsoDate(d), d).toBe(false)
    }
  })
  it('parses into numbers', () => {
    expect(parseIsoDate('2026-03-05')).toEqual({ year: 2026, month: 3, day: 5 })
  })
})

describe('day numbers', () => {
  it('agree with UTC Date arithmetic over four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -150_000, max: 150_000 }), (n) => {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10)
        expect(fromDayNumber(n)).toBe(iso)
        expect(toDayNumber(iso)).toBe(n)
      }),
    )
  })
  it('give the day of the week', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4)
    expect(dayOfWeek('2026-03-02')).toBe(1)
    expect(dayOfWeek('2026-03-08')).toBe(0)
    expect(dayOfWeek('1969-12-31')).toBe(3)
  })
  it('throw on a date that is not real', () => {
    expect(() => toDayNumber('2026-02-30')).toThrow(RangeError)
  })
})

describe('calendar arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28')
    // The clocks change on 29 March 2026: a day is still a day.
    expect(addCalendarDays('2026-03-28', 2)).toBe('2026-03-30')
    expect(calendarDaysBetween('2026-01-01', '2027-01-01')).toBe(365)
  })
  it('adds weeks', () => {
    expect(addWeeks('2026-12-14', 4)).toBe('2027-01-11')
    expect(addWeeks('2026-01-05', -1)).toBe('2025-12-29')
  })
  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonths('2026-08-31', 3)).toBe('2026-11-30')
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15')
  })
})

describe('formatting', () => {
  it('writes dates as GOV.UK does', () => {
    expect(formatLongDate('2026-03-05')).toBe('5 March 2026')
    expect(formatLongDate('2026-12-25')).toBe('25 December 2026')
  })
  it('takes "today" in UK time, not UTC', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    expect(ukDateOf(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01')
    // In winter London is on UTC.
    expect(ukDateOf(new Date('2026-01-31T23:30:00Z'))).toBe('2026-01-31')
  })
  it('changes "today" at London midnight, asked in any order (it keeps the last hour\'s answer)', () => {
    const at = (iso: string) => ukDateOf(new Date(iso))
    expect([at('2026-06-30T22:59:59Z'), at('2026-06-30T23:00:00Z'), at('2026-06-30T22:30:00Z')]).toEqual([
      '2026-06-30',
      '2026-07-01',
      '2026-06-30',
    ])
    expect([at('2026-01-31T23:59:59Z'), at('2026-02-01T00:00:00Z'), at('2026-02-01T00:59:59Z')]).toEqual([
      '2026-01-31',
      '2026-02-01',
      '2026-02-01',
    ])
    // The clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October.
    expect([at('2026-03-28T23:59:59Z'), at('2026-03-29T00:00:00Z'), at('2026-03-29T23:00:00Z')]).toEqual([
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
    ])
    expect([at('2026-10-24T22:59:59Z'), at('2026-10-24T23:00:00Z'), at('2026-10-25T23:59:59Z')]).toEqual([
      '2026-10-24',
      '2026-10-25',
      '2026-10-25',
    ])
    expect(() => at('not a date')).toThrow(RangeError)
  })
})
