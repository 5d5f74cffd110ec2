import { describe, expect, it } from 'vitest'
import { computeDueItems, DueItem } from './due-items.ts'
import { settingsForCase, TimescaleSettings, timescaleSettingsFor } from './settings.ts'
import { buildCase, buildMeeting } from './test-factories.ts'

const fourWeekly = timescaleSettingsFor('four-weekly-ten-days')
const sixWeekly = timescaleSettingsFor('six-weekly-five-days')
const byKey = (items: DueItem[]) => Object.fromEntries(items.map((i) => [i.key, i]))

describe('a new case', () => {
  const c = buildCase() // initial conference Monday 5 January 2026

  it('owes the first core group within 10 working days and the first review within 3 months', () => {
    const items = computeDueItems(c, [], fourWeekly, '2026-01-10')
    expect(items).toEqual([
      { key: 'first-core-group', rule: 'firstCoreGroup', label: 'First core group', dueDate: '2026-01-19', status: 'upcoming' },
      // 5 April 2026 is Easter Sunday; Good Friday is a holiday: due Thursday 2 April.
      { key: 'review-conference:1', rule: 'firstReviewConference', label: 'First review conference', dueDate: '2026-04-02', status: 'upcoming' },
    ])
  })

  it('turns due soon within 5 working days, and overdue the day after the due date', () => {
    const status = (today: string) => byKey(computeDueItems(c, [], fourWeekly, today))['first-core-group']!.status
    expect(status('2026-01-09')).toBe('upcoming') // due-soon window ends Friday 16
    expect(status('2026-01-12')).toBe('due-soon') // window ends Monday 19
    expect(status('2026-01-19')).toBe('due-soon')
    expect(status('2026-01-20')).toBe('overdue')
  })

  it('shows the planned meeting that should meet an open item', () => {
    const planned = buildMeeting({ id: 'm1', date: '2026-01-15', type: 'first', status: 'planned' })
    expect(byKey(computeDueItems(c, [planned], fourWeekly, '2026-01-10'))['first-core-group']).toMatchObject({
      plannedDate: '2026-01-15',
      meetingId: 'm1',
    })
  })
})

describe('after a core group is held', () => {
  const c = buildCase()
  const m1 = buildMeeting({ id: 'm1', date: '2026-01-15', type: 'first' }) // Thursday

  it('owes minutes, notes and the next core group, each by the rule’s date', () => {
    const items = byKey(computeDueItems(c, [m1], fourWeekly, '2026-02-10'))
    expect(items['first-core-group']).toMatchObject({ status: 'met', metDate: '2026-01-15', late: false, meetingId: 'm1' })
    expect(items['minutes-to-social-worker:m1']).toMatchObject({ dueDate: '2026-01-20', status: 'overdue' })
    expect(items['notes-distributed:m1']).toMatchObject({ dueDate: '2026-01-29', status: 'overdue' })
    expect(items['next-core-group:m1']).toMatchObject({
      rule: 'coreGroupInterval',
      dueDate: '2026-02-12',
      status: 'due-soon',
      label: 'Next core group (the last was on 15 January 2026)',
    })
    expect(items['social-worker-update:m1']).toBeUndefined()
  })

  it('gives notes 5 working days in the 6-weekly variant and the next core group 6 weeks', () => {
    const items = byKey(computeDueItems(c, [m1], sixWeekly, '2026-02-10'))
    expect(items['notes-distributed:m1']!.dueDate).toBe('2026-01-22')
    expect(items['next-core-group:m1']!.dueDate).toBe('2026-02-26')
    expect(items['next-core-group:m1']!.status).toBe('upcoming')
  })

  it('marks notes sent late as met and late, and counts them as the minutes too', () => {
    const sent = { ...m1, status: 'notes-distributed' as const, notesDistributedDate: '2026-02-02' }
    const items = byKey(computeDueItems(c, [sent], fourWeekly, '2026-02-10'))
    expect(items['notes-distributed:m1']).toMatchObject({ status: 'met', metDate: '2026-02-02', late: true })
    expect(items['minutes-to-social-worker:m1']).toMatchObject({ status: 'met', metDate: '2026-02-02', late: true })
  })

  it('owes an update within 2 working days when the social worker was absent', () => {
    const absent = { ...m1, socialWorkerAbsent: true }
    const items = byKey(computeDueItems(c, [absent], fourWeekly, '2026-01-16'))
    expect(items['social-worker-update:m1']).toMatchObject({ dueDate: '2026-01-19', status: 'due-soon' })
    const updated = { ...absent, socialWorkerUpdateDate: '2026-01-16' }
    expect(byKey(computeDueItems(c, [updated], fourWeekly, '2026-01-16'))['social-worker-update:m1']).toMatchObject({
      status: 'met',
      late: false,
    })
  })

  it('chains each core group from the one before, recording a late one', () => {
    const m2 = buildMeeting({ id: 'm2', date: '2026-02-16', heldDate: '2026-02-20' })
    const items = byKey(computeDueItems(c, [m2, m1], fourWeekly, '2026-02-23'))
    expect(items['next-core-group:m1']).toMatchObject({ dueDate: '2026-02-12', status: 'met', metDate: '2026-02-20', late: true, meetingId: 'm2' })
    expect(items['next-core-group:m2']).toMatchObject({ dueDate: '2026-03-20', status: 'upcoming' })
  })

  it('returns items in due-date order that the API schema accepts', () => {
    const items = computeDueItems(c, [m1], fourWeekly, '2026-02-10')
    expect(items.map((i) => i.dueDate)).toEqual([...items.map((i) => i.dueDate)].sort())
    for (const item of items) expect(DueItem.parse(item)).toEqual(item)
  })
})

describe('the core group before the review conference', () => {
  const c = buildCase({ reviewConferenceDates: ['2026-04-01'] })
  const meetings = [
    buildMeeting({ id: 'm1', date: '2026-01-15', type: 'first', notesDistributedDate: '2026-01-20' }),
    buildMeeting({ id: 'm2', date: '2026-02-12', notesDistributedDate: '2026-02-17' }),
    buildMeeting({ id: 'm3', date: '2026-03-05', type: 'pre-review' }),
  ]

  it('owes the joint report’s draft, amendments and final report (5 + 5 working days, 5 days before)', () => {
    const items = byKey(computeDueItems(c, meetings, fourWeekly, '2026-03-20'))
    expect(items['joint-report-draft:m3']).toMatchObject({ dueDate: '2026-03-12', status: 'overdue' })
    expect(items['joint-report-amendments:m3']).toMatchObject({ dueDate: '2026-03-19', status: 'overdue' })
    expect(items['joint-report-final:m3']).toMatchObject({
      dueDate: '2026-03-27',
      status: 'due-soon',
      label: 'Final joint report ready for the review conference on 1 April 2026',
    })
    expect(items['review-conference:1']).toMatchObject({ dueDate: '2026-04-02', status: 'upcoming', plannedDate: '2026-04-01' })
  })

  it('counts the amendments from the day the draft actually went out', () => {
    const late = meetings.map((m) => (m.id === 'm3' ? { ...m, jointReportDraftDate: '2026-03-16' } : m))
    expect(byKey(computeDueItems(c, late, fourWeekly, '2026-03-20'))['joint-report-amendments:m3']!.dueDate).toBe('2026-03-23')
  })

  it('owes no joint report after other meetings', () => {
    const keys = computeDueItems(c, meetings, fourWeekly, '2026-03-20').map((i) => i.key)
    expect(keys.filter((k) => k.startsWith('joint-report'))).toEqual([
      'joint-report-draft:m3',
      'joint-report-amendments:m3',
      'joint-report-final:m3',
    ])
  })
})

describe('review conferences', () => {
  it('are due 3 months after the initial conference, then 6 months after each one held', () => {
    const c = buildCase({ reviewConferenceDates: ['2026-09-30', '2026-04-01'] })
    const items = computeDueItems(c, [], fourWeekly, '2026-10-05').filter((i) => i.key.startsWith('review'))
    expect(items).toEqual([
      expect.objectContaining({ key: 'review-conference:1', dueDate: '2026-04-02', status: 'met', metDate: '2026-04-01', late: false }),
      expect.objectContaining({ key: 'review-conference:2', dueDate: '2026-10-01', status: 'met', metDate: '2026-09-30' }),
      expect.objectContaining({ key: 'review-conference:3', dueDate: '2027-03-30', status: 'upcoming', label: 'Review conference after the one on 30 September 2026' }),
    ])
  })
})

describe('when the plan has ended', () => {
  it('stops the core group and review chains but keeps what held meetings still owe', () => {
    const c = buildCase({ status: 'plan-ended', reviewConferenceDates: ['2026-04-01'] })
    const m1 = buildMeeting({ id: 'm1', date: '2026-03-20' })
    const keys = computeDueItems(c, [m1], fourWeekly, '2026-04-10').map((i) => i.key).sort()
    expect(keys).toEqual(['first-core-group', 'minutes-to-social-worker:m1', 'notes-distributed:m1', 'review-conference:1'])
  })
})

describe('authority settings', () => {
  it('move due dates by the authority’s closure days and due-soon window', () => {
    const s = TimescaleSettings.parse({ closureDays: ['2026-01-16'], dueSoonWindow: { value: 1, unit: 'weeks' } })
    const [first] = computeDueItems(buildCase(), [], s, '2026-01-13')
    expect(first).toMatchObject({ key: 'first-core-group', dueDate: '2026-01-20', status: 'due-soon' })
  })
})

describe('switched-off rules and a case’s own interval', () => {
  const c = buildCase()
  const m1 = buildMeeting({ id: 'm1', date: '2026-01-15', type: 'first' })

  it('a switched-off rule owes nothing, while a rule set to 0 is due the same day', () => {
    const off = TimescaleSettings.parse({ switchedOff: ['minutesToSocialWorker'] })
    const items = byKey(computeDueItems(c, [m1], off, '2026-02-10'))
    expect(items['minutes-to-social-worker:m1']).toBeUndefined()
    expect(items['notes-distributed:m1']).toBeDefined()
    const zero = TimescaleSettings.parse({ minutesToSocialWorker: { value: 0, unit: 'calendar-days' } })
    expect(byKey(computeDueItems(c, [m1], zero, '2026-02-10'))['minutes-to-social-worker:m1']).toMatchObject({ dueDate: '2026-01-15', status: 'overdue' })
  })

  it('switching off the review conference rules leaves no review due, not even when overdue', () => {
    const off = TimescaleSettings.parse({ switchedOff: ['firstReviewConference', 'reviewConferenceInterval'] })
    expect(computeDueItems(c, [], off, '2026-12-01').map((i) => i.key)).toEqual(['first-core-group'])
  })

  it('a case’s own interval moves its next core group, and no other case’s', () => {
    const own = settingsForCase(sixWeekly, { coreGroupInterval: { value: 4, unit: 'weeks' } })
    expect(byKey(computeDueItems(c, [m1], own, '2026-02-10'))['next-core-group:m1']!.dueDate).toBe('2026-02-12')
    expect(byKey(computeDueItems(c, [m1], settingsForCase(sixWeekly, { coreGroupInterval: null }), '2026-02-10'))['next-core-group:m1']!.dueDate).toBe('2026-02-26')
  })
})
