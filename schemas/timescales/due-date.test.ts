import { describe, expect, it } from 'vitest'
import { dueAfter, dueBefore } from './due-date.ts'
import { dayOfWeek } from './iso-date.ts'
import { TimescaleSettings, timescaleSettingsFor } from './settings.ts'

const defaults = TimescaleSettings.parse({})
const laterDay = TimescaleSettings.parse({ nonWorkingDueDate: 'next-working-day' })
const fourWeekly = timescaleSettingsFor('four-weekly-ten-days')
const sixWeekly = timescaleSettingsFor('six-weekly-five-days')

describe('first core group: 10 working days after the initial conference', () => {
  it('is two weeks later in an ordinary fortnight', () => {
    expect(dueAfter('2026-03-02', defaults.firstCoreGroup, defaults)).toBe('2026-03-16')
  })
  it('skips Good Friday and Easter Monday', () => {
    expect(dueAfter('2026-03-26', defaults.firstCoreGroup, defaults)).toBe('2026-04-13')
  })
  it('skips Christmas, the Boxing Day substitute and New Year', () => {
    expect(dueAfter('2026-12-14', defaults.firstCoreGroup, defaults)).toBe('2026-12-30')
    expect(dueAfter('2026-12-21', defaults.firstCoreGroup, defaults)).toBe('2027-01-07')
  })
  it('is later again when the authority closes between Christmas and New Year', () => {
    const closed = TimescaleSettings.parse({ closureDays: ['2026-12-29', '2026-12-30', '2026-12-31'] })
    expect(dueAfter('2026-12-21', closed.firstCoreGroup, closed)).toBe('2027-01-12')
  })
  it('counts Scotland’s holidays, not England’s', () => {
    const scotland = TimescaleSettings.parse({ bankHolidays: 'scotland' })
    // Easter Monday is a working day in Scotland; 2 January is not.
    expect(dueAfter('2026-03-26', scotland.firstCoreGroup, scotland)).toBe('2026-04-10')
    expect(dueAfter('2026-12-21', scotland.firstCoreGroup, scotland)).toBe('2027-01-08')
  })
})

describe('core group interval', () => {
  it('is 4 weeks (seed 000) or 6 weeks (seeds 001, 003) after the last core group', () => {
    expect(dueAfter('2026-05-11', fourWeekly.coreGroupInterval, fourWeekly)).toBe('2026-06-08')
    expect(dueAfter('2026-05-11', sixWeekly.coreGroupInterval, sixWeekly)).toBe('2026-06-22')
  })
  it('moves back from Easter Monday to the Thursday before (the limit is kept)', () => {
    expect(dueAfter('2026-03-09', fourWeekly.coreGroupInterval, fourWeekly)).toBe('2026-04-02')
    expect(dueAfter('2026-02-23', sixWeekly.coreGroupInterval, sixWeekly)).toBe('2026-04-02')
  })
  it('moves forward instead when the authority says so', () => {
    expect(dueAfter('2026-03-09', laterDay.coreGroupInterval, laterDay)).toBe('2026-04-07')
  })
  it('moves back from Christmas Day', () => {
    expect(dueAfter('2026-11-27', fourWeekly.coreGroupInterval, fourWeekly)).toBe('2026-12-24')
  })
})

describe('minutes to the social worker: 5 days', () => {
  it('moves a Sunday deadline to the Friday before, or the Monday after', () => {
    expect(dayOfWeek('2026-03-08')).toBe(0)
    expect(dueAfter('2026-03-03', defaults.minutesToSocialWorker, defaults)).toBe('2026-03-06')
    expect(dueAfter('2026-03-03', laterDay.minutesToSocialWorker, laterDay)).toBe('2026-03-09')
  })
  it('moves a Boxing Day deadline over Christmas', () => {
    expect(dueAfter('2026-12-21', defaults.minutesToSocialWorker, defaults)).toBe('2026-12-24')
    expect(dueAfter('2026-12-21', laterDay.minutesToSocialWorker, laterDay)).toBe('2026-12-29')
  })
})

describe('notes and updated plan: 5 or 10 working days', () => {
  it('runs into the new year with 10 working days but not with 5', () => {
    expect(dueAfter('2026-12-17', sixWeekly.notesDistribution, sixWeekly)).toBe('2026-12-24')
    expect(dueAfter('2026-12-17', fourWeekly.notesDistribution, fourWeekly)).toBe('2027-01-05')
  })
  it('skips Easter', () => {
    expect(dueAfter('2026-03-31', sixWeekly.notesDistribution, sixWeekly)).toBe('2026-04-09')
    expect(dueAfter('2026-03-31', fourWeekly.notesDistribution, fourWeekly)).toBe('2026-04-16')
  })
})

describe('update to an absent social worker: 2 working days', () => {
  it('skips the Easter weekend and Christmas', () => {
    expect(dueAfter('2026-04-02', defaults.socialWorkerAbsentUpdate, defaults)).toBe('2026-04-08')
    expect(dueAfter('2026-12-24', defaults.socialWorkerAbsentUpdate, defaults)).toBe('2026-12-30')
    expect(dueAfter('2026-03-05', defaults.socialWorkerAbsentUpdate, defaults)).toBe('2026-03-09')
  })
})

describe('joint report', () => {
  it('draft and amendments are 5 working days each', () => {
    const draft = dueAfter('2026-03-30', defaults.jointReportDraft, defaults)
    expect(draft).toBe('2026-04-08')
    expect(dueAfter(draft, defaults.jointReportAmendments, defaults)).toBe('2026-04-15')
  })
  it('final report is due 5 days before the conference, earlier if that is not a working day', () => {
    expect(dueBefore('2026-03-16', defaults.jointReportFinalBeforeConference, defaults)).toBe('2026-03-11')
    // 5 days before Wednesday 8 April 2026 is Good Friday: due on Thursday 2 April.
    expect(dueBefore('2026-04-08', defaults.jointReportFinalBeforeConference, defaults)).toBe('2026-04-02')
    // Always earlier, even when other deadlines move later.
    expect(dueBefore('2026-04-08', laterDay.jointReportFinalBeforeConference, laterDay)).toBe('2026-04-02')
  })
})

describe('review conferences: 3 months, then every 6 months', () => {
  it('falls 3 months after the initial conference', () => {
    expect(dueAfter('2026-01-29', defaults.firstReviewConference, defaults)).toBe('2026-04-29')
  })
  it('moves back from Easter Sunday past Good Friday', () => {
    expect(dueAfter('2026-01-05', defaults.firstReviewConference, defaults)).toBe('2026-04-02')
  })
  it('clamps to the end of February, then moves off the weekend', () => {
    // 30 November 2026 + 3 months = Sunday 28 February 2027.
    expect(dueAfter('2026-11-30', defaults.firstReviewConference, defaults)).toBe('2027-02-26')
  })
  it('moves back from Christmas Day 6 months after a review', () => {
    expect(dueAfter('2026-06-25', defaults.reviewConferenceInterval, defaults)).toBe('2026-12-24')
  })
})
