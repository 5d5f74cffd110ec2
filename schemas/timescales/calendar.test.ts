import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addWorkingDays,
  createCalendar,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  previousWorkingDayOnOrBefore,
  SCOTLAND,
  workingDaysBetween,
} from './calendar.ts'
import { addCalendarDays, fromDayNumber, toDayNumber } from './iso-date.ts'

describe('isWorkingDay', () => {
  it('is false on weekends and bank holidays, true on other weekdays', () => {
    expect(isWorkingDay('2026-03-06')).toBe(true) // Friday
    expect(isWorkingDay('2026-03-07')).toBe(false) // Saturday
    expect(isWorkingDay('2026-03-08')).toBe(false) // Sunday
    expect(isWorkingDay('2026-04-06')).toBe(false) // Easter Monday
    expect(isWorkingDay('2026-04-06', SCOTLAND)).toBe(true) // not a holiday in Scotland
    expect(isWorkingDay('2026-01-02', SCOTLAND)).toBe(false)
    expect(isWorkingDay('2026-01-02')).toBe(true)
  })
  it('honours an authority’s closure days', () => {
    const calendar = createCalendar({ closureDays: ['2026-12-29', '2026-12-30', '2026-12-31'] })
    expect(isWorkingDay('2026-12-29', calendar)).toBe(false)
    expect(isWorkingDay('2027-01-04', calendar)).toBe(true)
    expect(addWorkingDays('2026-12-24', 1, calendar)).toBe('2027-01-04')
  })
  it('refuses closure days that are not real dates', () => {
    expect(() => createCalendar({ closureDays: ['2026-02-30'] })).toThrow(RangeError)
  })
})

describe('addWorkingDays', () => {
  it('counts 10 working days from a Monday as two weeks later', () => {
    expect(addWorkingDays('2026-01-05', 10)).toBe('2026-01-19')
  })
  it('skips Good Friday and Easter Monday', () => {
    // Thursday 2 April 2026 + 1 = Tuesday 7 April (Friday 3 and Monday 6 are holidays).
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07')
    expect(addWorkingDays('2026-04-07', -1)).toBe('2026-04-02')
  })
  it('skips Christmas, Boxing Day substitutes and New Year', () => {
    // Thursday 24 December 2026; Christmas Friday, Boxing Day Saturday (substitute Monday 28), New Year Friday.
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29')
    expect(addWorkingDays('2026-12-24', 4)).toBe('2027-01-04') // 29, 30, 31 Dec, 4 Jan
    expect(addWorkingDays('2021-12-24', 1)).toBe('2021-12-29')
  })
  it('starts counting after a non-working day', () => {
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09')
    expect(addWorkingDays('2026-03-07', 0)).toBe('2026-03-07')
  })
  it('refuses fractions', () => {
    expect(() => addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError)
  })
})

describe('workingDaysBetween', () => {
  it('counts the working days after the start, up to and including the end', () => {
    expect(workingDaysBetween('2026-01-05', '2026-01-19')).toBe(10)
    expect(workingDaysBetween('2026-01-19', '2026-01-05')).toBe(-10)
    expect(workingDaysBetween('2026-04-02', '2026-04-07')).toBe(1)
    expect(workingDaysBetween('2026-03-06', '2026-03-08')).toBe(0)
  })
  it('is the inverse of addWorkingDays in both directions', () => {
    const day = fc.integer({ min: toDayNumber('2017-06-01'), max: toDayNumber('2031-06-01') }).map(fromDayNumber)
    fc.assert(
      fc.property(day, fc.integer({ min: -60, max: 60 }), fc.boolean(), (start, n, scottish) => {
        const calendar = scottish ? SCOTLAND : undefined
        expect(workingDaysBetween(start, addWorkingDays(start, n, calendar), calendar)).toBe(n)
      }),
    )
  })
})

describe('moving to a working day', () => {
  it('goes back or forward over a bank holiday weekend', () => {
    expect(previousWorkingDayOnOrBefore('2026-04-06')).toBe('2026-04-02')
    expect(nextWorkingDayOnOrAfter('2026-04-03')).toBe('2026-04-07')
    expect(nextWorkingDayOnOrAfter('2026-03-09')).toBe('2026-03-09')
    expect(previousWorkingDayOnOrBefore(addCalendarDays('2027-01-01', 1))).toBe('2026-12-31')
  })
})
