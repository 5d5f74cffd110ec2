import { describe, expect, it } from 'vitest'
import type { Meeting } from '../entities/meeting.ts'
import type { DueItem } from '../timescales/due-items.ts'
import { nextSteps, splitActions } from './next-steps.ts'

const meeting = (id: string, date: string, status: Meeting['status'] = 'planned', time = '10:00'): Meeting =>
  ({ id, caseId: 'c', type: 'subsequent', date, time, venue: 'School', onlineLink: null, status }) as unknown as Meeting
const due = (rule: string, dueDate: string, status: DueItem['status'] = 'upcoming'): DueItem => ({ key: `${rule}:${dueDate}`, rule, label: 'x', dueDate, status }) as unknown as DueItem

describe('what happens next', () => {
  it('is the first planned meeting from today, never a held or cancelled one', () => {
    const meetings = [meeting('held', '2026-12-01', 'held'), meeting('gone', '2026-12-04', 'cancelled'), meeting('later', '2026-12-20'), meeting('today-pm', '2026-12-03', 'planned', '14:00'), meeting('today-am', '2026-12-03', 'planned', '09:00')]
    expect(nextSteps({ meetings, reviewConferenceDates: [], dueItems: [], today: '2026-12-03' }).nextMeeting?.id).toBe('today-am')
    expect(nextSteps({ meetings: [meeting('held', '2026-12-01', 'held')], reviewConferenceDates: [], dueItems: [], today: '2026-12-03' }).nextMeeting).toBeNull()
  })

  it('gives the booked review conference first, else the date it is due by', () => {
    const dueItems = [due('firstReviewConference', '2027-02-20'), due('minutesToSocialWorker', '2026-12-10')]
    expect(nextSteps({ meetings: [], reviewConferenceDates: ['2026-11-01', '2027-03-01'], dueItems, today: '2026-12-03' }).nextReview).toEqual({ date: '2027-03-01', booked: true })
    expect(nextSteps({ meetings: [], reviewConferenceDates: ['2026-11-01'], dueItems, today: '2026-12-03' }).nextReview).toEqual({ date: '2027-02-20', booked: false })
    expect(nextSteps({ meetings: [], reviewConferenceDates: [], dueItems: [due('firstReviewConference', '2027-02-20', 'met')], today: '2026-12-03' }).nextReview).toBeNull()
  })
})

describe('things you need to do', () => {
  it('splits the viewer’s own actions from everyone else’s, earliest due first', () => {
    const rows = [
      { key: 'a', owner: 'sw', due: '2026-12-20' },
      { key: 'b', owner: 'mum', due: '2026-12-30' },
      { key: 'c', owner: 'mum', due: '2026-12-10' },
      { key: 'd', owner: null, due: null },
    ]
    expect(splitActions(rows, 'mum').mine.map((r) => r.key)).toEqual(['c', 'b'])
    expect(splitActions(rows, 'mum').others.map((r) => r.key)).toEqual(['a', 'd'])
    expect(splitActions(rows, null).mine).toEqual([])
  })
})
