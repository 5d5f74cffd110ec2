import { describe, expect, it } from 'vitest'
import { DEFAULT_TIMESCALE_SETTINGS } from '../timescales/settings.ts'
import { contributionDueItems } from './contribution-due.ts'

const meeting = (id: string, type: 'pre-review' | 'subsequent', date: string, extra = {}) => ({ id, type, date, status: 'planned' as const, heldDate: null, jointReportFinalDate: null, ...extra })

describe('contributionDueItems', () => {
  it('owes a contribution for each pre-review core group by the draft deadline (5 working days), in words of status', () => {
    // Tuesday 12 January 2027 + 5 working days = Tuesday 19 January.
    const items = contributionDueItems([meeting('m1', 'pre-review', '2027-01-12'), meeting('m2', 'subsequent', '2026-12-01')], new Map(), DEFAULT_TIMESCALE_SETTINGS, '2027-01-20')
    expect(items).toEqual([expect.objectContaining({ key: 'joint-report-contribution:m1', dueDate: '2027-01-19', status: 'overdue', meetingId: 'm1' })])
    expect(contributionDueItems([meeting('m1', 'pre-review', '2027-01-12')], new Map(), DEFAULT_TIMESCALE_SETTINGS, '2027-01-18')[0]!.status).toBe('due-soon')
  })
  it('is met once submitted and gone once the final report is ready', () => {
    const met = contributionDueItems([meeting('m1', 'pre-review', '2027-01-12')], new Map([['m1', '2027-01-13T10:00:00Z']]), DEFAULT_TIMESCALE_SETTINGS, '2027-01-20')
    expect(met[0]).toMatchObject({ status: 'met', metDate: '2027-01-13', late: false })
    expect(contributionDueItems([meeting('m1', 'pre-review', '2027-01-12', { jointReportFinalDate: '2027-02-01' })], new Map(), DEFAULT_TIMESCALE_SETTINGS, '2027-01-20')).toEqual([])
  })
})
