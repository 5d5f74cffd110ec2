import { describe, expect, it } from 'vitest'
import { isoDate, optionalIsoDate, optionalText, requiredText, timeOfDay } from './fields.ts'

const messageOf = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  result.success ? null : result.error!.issues[0]!.message

describe('field validators', () => {
  it('requiredText trims and names the field', () => {
    const name = requiredText('Agency', 5)
    expect(name.parse('  NHS ')).toBe('NHS')
    expect(messageOf(name.safeParse('   '))).toBe('Enter the agency')
    expect(messageOf(name.safeParse(undefined))).toBe('Enter the agency')
    expect(messageOf(name.safeParse(42))).toBe('Enter the agency')
    expect(messageOf(name.safeParse('Police'))).toBe('Agency must be 5 characters or fewer')
  })
  it('optionalText turns blank into null', () => {
    const venue = optionalText('Venue', 10)
    expect(venue.parse('  ')).toBeNull()
    expect(venue.parse(undefined)).toBeNull()
    expect(venue.parse(' Hall ')).toBe('Hall')
  })
  it('isoDate tells a missing, a malformed and an impossible date apart', () => {
    const dob = isoDate('Date of birth')
    expect(dob.parse('2024-02-29')).toBe('2024-02-29')
    expect(messageOf(dob.safeParse(''))).toBe('Enter the date of birth')
    expect(messageOf(dob.safeParse('29/02/2024'))).toBe('Date of birth must be a date like 2026-03-27')
    expect(messageOf(dob.safeParse('2026-02-30'))).toBe('Date of birth must be a real date')
    expect(messageOf(dob.safeParse('2025-02-29'))).toBe('Date of birth must be a real date')
  })
  it('optionalIsoDate allows blank but not impossible dates', () => {
    const left = optionalIsoDate('Date left')
    expect(left.parse('')).toBeNull()
    expect(left.parse(null)).toBeNull()
    expect(messageOf(left.safeParse('2026-04-31'))).toBe('Date left must be a real date')
  })
  it('timeOfDay takes the 24-hour clock', () => {
    const time = timeOfDay('Start time')
    for (const t of ['00:00', '09:30', '23:59']) expect(time.parse(t)).toBe(t)
    for (const t of ['24:00', '9:30', '12:60', '09:30 ', '9.30am']) {
      expect(messageOf(time.safeParse(t)), t).toBe('Start time must be a real time, like 09:30 or 14:00')
    }
  })
})
