import { describe, expect, it } from 'vitest'
import { fieldErrors } from '../api/errors.ts'
import {
  DEFAULT_TIMESCALE_SETTINGS,
  describeDuration,
  TIMESCALE_RULE_LABELS,
  TIMESCALE_VARIANTS,
  TimescaleSettings,
  TimescaleSettingsUpdate,
  timescaleSettingsFor,
} from './settings.ts'

describe('TimescaleSettings', () => {
  it('fills every rule with the seeds’ defaults', () => {
    expect(TimescaleSettings.parse({})).toEqual({
      firstCoreGroup: { value: 10, unit: 'working-days' },
      coreGroupInterval: { value: 4, unit: 'weeks' },
      minutesToSocialWorker: { value: 5, unit: 'calendar-days' },
      notesDistribution: { value: 5, unit: 'working-days' },
      socialWorkerAbsentUpdate: { value: 2, unit: 'working-days' },
      jointReportDraft: { value: 5, unit: 'working-days' },
      jointReportAmendments: { value: 5, unit: 'working-days' },
      jointReportFinalBeforeConference: { value: 5, unit: 'calendar-days' },
      firstReviewConference: { value: 3, unit: 'months' },
      reviewConferenceInterval: { value: 6, unit: 'months' },
      dueSoonWindow: { value: 5, unit: 'working-days' },
      nonWorkingDueDate: 'previous-working-day',
      bankHolidays: 'england-and-wales',
      closureDays: [],
      switchedOff: [],
    })
  })

  it('has a label for every rule', () => {
    for (const rule of Object.keys(TIMESCALE_RULE_LABELS)) expect(DEFAULT_TIMESCALE_SETTINGS).toHaveProperty(rule)
  })

  it('refuses unknown keys, units and impossible values with messages for the form', () => {
    const result = TimescaleSettings.safeParse({
      coreGroupInterval: { value: 4, unit: 'fortnights' },
      notesDistribution: { value: -1, unit: 'working-days' },
      firstCoreGroup: { value: 2.5, unit: 'working-days' },
      closureDays: ['2026-12-29', '2026-02-30'],
      colour: 'red',
    })
    expect(result.success).toBe(false)
    expect(fieldErrors(result.error!)).toEqual({
      'coreGroupInterval.unit': 'Select working days, calendar days, weeks or months',
      'notesDistribution.value': 'Enter a number of 0 or more',
      'firstCoreGroup.value': 'Enter a whole number',
      'closureDays.1': 'Closure day must be a real date',
      colour: 'This field is not recognised',
    })
  })

  it('lets an update name only the rules it changes', () => {
    expect(TimescaleSettingsUpdate.parse({ coreGroupInterval: { value: 6, unit: 'weeks' } })).toEqual({
      coreGroupInterval: { value: 6, unit: 'weeks' },
    })
  })
})

describe('named variants', () => {
  it('give the 4-weekly, 10-working-day procedure of seed 000', () => {
    const s = timescaleSettingsFor('four-weekly-ten-days')
    expect(s.coreGroupInterval).toEqual({ value: 4, unit: 'weeks' })
    expect(s.notesDistribution).toEqual({ value: 10, unit: 'working-days' })
  })
  it('give the 6-weekly, 5-working-day procedure of seeds 001 and 003', () => {
    const s = timescaleSettingsFor('six-weekly-five-days')
    expect(s.coreGroupInterval).toEqual({ value: 6, unit: 'weeks' })
    expect(s.notesDistribution).toEqual({ value: 5, unit: 'working-days' })
    expect(s.firstCoreGroup).toEqual({ value: 10, unit: 'working-days' })
  })
  it('take further changes on top', () => {
    const s = timescaleSettingsFor('strictest', { bankHolidays: 'scotland', closureDays: ['2026-12-29'] })
    expect(s.bankHolidays).toBe('scotland')
    expect(s.closureDays).toEqual(['2026-12-29'])
  })
  it('each name its source seeds', () => {
    for (const v of TIMESCALE_VARIANTS) expect(v.sources.length).toBeGreaterThan(0)
  })
})

describe('describeDuration', () => {
  it('writes durations in words', () => {
    expect(describeDuration({ value: 10, unit: 'working-days' })).toBe('10 working days')
    expect(describeDuration({ value: 1, unit: 'months' })).toBe('1 month')
    expect(describeDuration({ value: 5, unit: 'calendar-days' })).toBe('5 days')
  })
})
