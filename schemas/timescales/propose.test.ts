import { describe, expect, it } from 'vitest'
import { jointReportDates, latestPreReviewDate, proposeMeetingDate, proposeMeetingSeries, proposeNextMeeting } from './propose.ts'
import { timescaleSettingsFor } from './settings.ts'
import { buildCase, buildMeeting } from './test-factories.ts'

const fourWeekly = timescaleSettingsFor('four-weekly-ten-days')
const sixWeekly = timescaleSettingsFor('six-weekly-five-days')

describe('the first core group', () => {
  it('is proposed 10 working days after the initial conference, across Easter', () => {
    expect(proposeNextMeeting(buildCase({ initialConferenceDate: '2026-03-26' }), [], fourWeekly)).toEqual({
      date: '2026-04-13',
      dueDate: '2026-04-13',
      type: 'first',
      reason: '10 working days after the initial conference on 26 March 2026',
    })
  })
  it('is proposed across Christmas and New Year', () => {
    expect(proposeMeetingDate(buildCase({ initialConferenceDate: '2026-12-21' }), [], fourWeekly)).toBe('2027-01-07')
  })
})

describe('later core groups', () => {
  const c = buildCase({ initialConferenceDate: '2026-02-20' }) // first review due 20 May 2026

  it('are one interval after the last meeting, moved off Easter Monday to the Thursday before', () => {
    const m1 = buildMeeting({ id: 'm1', date: '2026-03-09', type: 'first' })
    expect(proposeNextMeeting(c, [m1], fourWeekly)).toMatchObject({ date: '2026-04-02', type: 'subsequent' })
  })

  it('follow a planned meeting too, and its held date when it moved', () => {
    const m1 = buildMeeting({ id: 'm1', date: '2026-03-02', type: 'first' })
    const m2 = buildMeeting({ id: 'm2', date: '2026-03-16', heldDate: '2026-03-18', status: 'held' })
    expect(proposeMeetingDate(c, [m2, m1], fourWeekly)).toBe('2026-04-15')
    const planned = buildMeeting({ id: 'm3', date: '2026-04-15', status: 'planned' })
    const reviewBooked = { ...c, reviewConferenceDates: ['2026-08-20'] }
    expect(proposeMeetingDate(reviewBooked, [m1, m2, planned], sixWeekly)).toBe('2026-05-27')
    // With the review due on 20 May, that meeting is the pre-review one, brought forward past 4 May.
    expect(proposeNextMeeting(c, [m1, m2, planned], sixWeekly)).toMatchObject({ date: '2026-04-30', type: 'pre-review' })
  })

  it('move to the next working day after today when the due day has passed', () => {
    const m1 = buildMeeting({ id: 'm1', date: '2026-03-09', type: 'first' })
    const late = proposeNextMeeting(c, [m1], fourWeekly, '2026-04-25') // a Saturday
    expect(late.date).toBe('2026-04-27')
    expect(late.dueDate).toBe('2026-04-02')
    expect(late.reason).toContain('next working day')
  })
})

describe('the core group before the review conference', () => {
  it('is proposed as the pre-review meeting when the one after would fall after the conference', () => {
    // Initial conference 5 January 2026: first review due 2 April 2026.
    const c = buildCase()
    const meetings = [
      buildMeeting({ id: 'm1', date: '2026-01-15', type: 'first' }),
      buildMeeting({ id: 'm2', date: '2026-02-12' }),
    ]
    expect(proposeNextMeeting(c, meetings, fourWeekly)).toEqual({
      date: '2026-03-12',
      dueDate: '2026-03-12',
      type: 'pre-review',
      reason: '4 weeks after the core group on 12 February 2026; the last core group before the review conference on 2 April 2026',
    })
  })

  it('is brought forward so that draft, amendments and final report fit before a booked conference', () => {
    const c = buildCase({ reviewConferenceDates: ['2026-03-18'] })
    // Final by Friday 13 March; amendments from Friday 6 March; draft from Friday 27 February.
    expect(latestPreReviewDate('2026-03-18', fourWeekly)).toBe('2026-02-27')
    expect(jointReportDates('2026-03-18', fourWeekly)).toEqual({ preReviewBy: '2026-02-27', draftBy: '2026-03-06', amendmentsBy: '2026-03-13', finalBy: '2026-03-13' })
    const meetings = [
      buildMeeting({ id: 'm1', date: '2026-01-15', type: 'first' }),
      buildMeeting({ id: 'm2', date: '2026-02-12' }),
    ]
    const proposal = proposeNextMeeting(c, meetings, fourWeekly)
    expect(proposal).toMatchObject({ date: '2026-02-27', type: 'pre-review' })
    expect(proposal.reason).toContain('brought forward')
  })

  it('is followed by an ordinary core group', () => {
    const c = buildCase({ reviewConferenceDates: ['2026-04-01'] })
    const meetings = [
      buildMeeting({ id: 'm1', date: '2026-01-15', type: 'first' }),
      buildMeeting({ id: 'm2', date: '2026-03-05', type: 'pre-review' }),
    ]
    expect(proposeNextMeeting(c, meetings, sixWeekly)).toMatchObject({ date: '2026-04-16', type: 'subsequent' })
  })
})

describe('the series of core groups until the review conference', () => {
  const c = buildCase({ initialConferenceDate: '2026-02-20' }) // first review due 20 May 2026
  const m1 = buildMeeting({ id: 'm1', date: '2026-03-09', type: 'first' })

  it('proposes each meeting one interval after the one before, ending with the pre-review core group', () => {
    const { conference, proposals } = proposeMeetingSeries(c, [m1], fourWeekly, '2026-03-09')
    expect(conference).toBe('2026-05-20')
    expect(proposals.map((p) => [p.date, p.type])).toEqual([
      ['2026-04-02', 'subsequent'],
      ['2026-04-30', 'pre-review'],
    ])
    for (const p of proposals) expect(p.date < conference).toBe(true)
  })

  it('counts meetings already planned, and proposes nothing once the pre-review one is planned', () => {
    const planned = buildMeeting({ id: 'm2', date: '2026-04-02', status: 'planned' })
    expect(proposeMeetingSeries(c, [m1, planned], fourWeekly, '2026-03-09').proposals.map((p) => p.type)).toEqual(['pre-review'])
    const preReview = buildMeeting({ id: 'm3', date: '2026-04-30', type: 'pre-review', status: 'planned' })
    expect(proposeMeetingSeries(c, [m1, planned, preReview], fourWeekly, '2026-03-09').proposals).toEqual([])
  })

  it('never proposes more than the limit', () => {
    const longWay = buildCase({ initialConferenceDate: '2026-02-20', reviewConferenceDates: ['2027-02-20'] })
    expect(proposeMeetingSeries(longWay, [m1], fourWeekly, '2026-03-09', 3).proposals).toHaveLength(3)
  })
})
