import { describe, expect, it } from 'vitest'
import { AUDIT_EVENT_NAMES } from './events.ts'
import { describeAuditEvent, formatUkDateTime, ukDayStart, type AuditFacts, type AuditWordsContext } from './audit-words.ts'

const ctx: AuditWordsContext = {
  userNames: new Map([
    ['u_sam', 'Sam Okafor'],
    ['u_tom', 'Tom Ellis'],
  ]),
  memberNames: new Map([
    ['m_sam', 'Sam Okafor'],
    ['m_tom', 'Tom Ellis'],
    ['m_priya', 'Priya Raman'],
  ]),
  meetings: new Map([
    ['meet_1', { type: 'first', date: '2026-12-16', agenda: [{ key: 'purpose', title: 'Purpose of the meeting' }] }],
    ['meet_r', { type: 'pre-review', date: '2027-01-12', agenda: [] }],
  ]),
}

const facts = (over: Partial<AuditFacts>): AuditFacts => ({ event: 'document-opened', userId: 'u_sam', doc: null, section: null, detail: null, ...over })

describe('describeAuditEvent: where', () => {
  const where = (doc: string | null, section: string | null = null, event = 'document-opened') => describeAuditEvent(ctx, facts({ event, doc, section })).where

  it('names documents and sections by title', () => {
    expect(where('meeting:meet_1', 'update:m_tom')).toBe('Tom Ellis’s update in the minutes of the first core group of 16 December 2026')
    expect(where('meeting:meet_1', 'item:purpose')).toBe('The item “Purpose of the meeting” in the minutes of the first core group of 16 December 2026')
    expect(where('meeting:meet_1', 'attendance')).toBe('The attendance and apologies in the minutes of the first core group of 16 December 2026')
    expect(where('meeting:meet_1', 'actions')).toBe('The protection plan actions in the minutes of the first core group of 16 December 2026')
    expect(where('meeting:meet_1:restricted', 'notes')).toBe('The professionals-only notes of the first core group of 16 December 2026')
    expect(where('meeting:meet_1')).toBe('The minutes of the first core group of 16 December 2026')
    expect(where('plan:case_1', 'actions')).toBe('The child protection plan')
    expect(where('report:meet_r', 'contrib:m_tom:progress')).toBe(
      'Tom Ellis’s contribution, “Progress against the protection plan” in the joint report from the core group of 12 January 2027 before the review conference',
    )
    expect(where('report:meet_r', 'joint:recommendation')).toBe('The joint section “Recommendation to the review conference” in the joint report from the core group of 12 January 2027 before the review conference')
    expect(where('report:meet_r', 'position:m_priya')).toBe('Priya Raman’s position on the recommendation in the joint report from the core group of 12 January 2027 before the review conference')
    expect(where('report:meet_r:family', 'views:m_sam')).toBe('Sam Okafor’s views in the family’s copy of the joint report from the core group of 12 January 2027 before the review conference')
    expect(where('meeting:meet_1', '*')).toBe('The minutes of the first core group of 16 December 2026')
  })

  it('never shows an id for something no longer recorded', () => {
    expect(where('meeting:meet_gone', 'update:m_gone')).toBe('The update of a member no longer recorded in the minutes of a core group no longer recorded')
    expect(where('nonsense')).toBe('A document that is not recorded')
  })

  it('names the part of the case for events without a document', () => {
    expect(where(null, null, 'member-added')).toBe('The core group’s members')
    expect(where(null, null, 'conference-booked')).toBe('The case’s conferences')
    expect(where(null, null, 'sign-in')).toBe('The service')
    expect(where(null, null, 'decision-recorded')).toBe('The case')
  })
})

describe('describeAuditEvent: who and what', () => {
  const say = (over: Partial<AuditFacts>) => describeAuditEvent(ctx, facts(over))

  it('names the account, or says it was nobody signed in or the system', () => {
    expect(say({}).who).toBe('Sam Okafor')
    expect(say({ event: 'sign-in-failed', userId: 'u_tom', detail: { reason: 'bad-credentials' } })).toMatchObject({
      who: 'Someone who is not signed in',
      what: 'Tried to sign in as Tom Ellis, refused because the email or password was wrong',
    })
    expect(say({ event: 'log-entry-quarantined', userId: null, detail: { seq: 7, reason: 'throws' } })).toMatchObject({
      who: 'The system',
      what: 'A stored change (number 7) was set aside because it could not be read',
    })
    expect(say({ userId: 'u_gone' }).who).toBe('An account no longer recorded')
  })

  it('puts detail codes in plain words, with names for member ids', () => {
    const table: Array<[Partial<AuditFacts>, string]> = [
      [{ event: 'update-rejected', section: 'item:purpose', detail: { reason: 'locked' } }, 'A change was refused because the section is locked'],
      [{ event: 'update-rejected', detail: { reason: 'not-writable' } }, 'A change was refused because they may not write in this section'],
      [{ event: 'sign-in-failed', userId: null, detail: { reason: 'rate-limited', retryAfter: 60 } }, 'Tried to sign in, refused because there were too many attempts (they could try again after 60 seconds)'],
      [{ event: 'limit-breached', detail: { limit: 'documents-per-session' } }, 'Tried to open more documents at once than a session may; refused'],
      [{ event: 'lock', section: 'update:m_tom' }, 'Locked the section'],
      [{ event: 'unlock' }, 'Unlocked the whole document'],
      [{ event: 'member-added', detail: { memberId: 'm_tom', role: 'professional' } }, 'Added Tom Ellis to the core group as professional'],
      [
        { event: 'member-changed', detail: { memberId: 'm_tom', role: 'deputy-lead', previousRole: 'professional', optedOutDate: '2027-02-01' } },
        'Changed the details of Tom Ellis; their role went from professional to deputy lead; they left the core group on 1 February 2027',
      ],
      [{ event: 'meeting-roles-changed', detail: { meetingId: 'meet_1', chairMemberId: 'm_priya', noteTakerMemberId: null } }, 'Made Priya Raman the chair and nobody the note taker'],
      [{ event: 'meeting-rearranged', detail: { fromDate: '2026-12-16', toDate: '2026-12-18' } }, 'Moved the core group from 16 December 2026 to 18 December 2026'],
      [{ event: 'conference-booked', detail: { kind: 'review', date: '2027-03-01' } }, 'Booked the review conference of 1 March 2027'],
      [{ event: 'conference-changed', detail: { kind: 'review', date: '2027-03-01', outcome: 'plan-ends' } }, 'Changed the details of the review conference of 1 March 2027; outcome: the child protection plan ends'],
      [{ event: 'case-handed-over', detail: { fromMemberId: 'm_sam', toMemberId: 'm_priya', formerLeadLeaves: false } }, 'Handed the case from Sam Okafor to Priya Raman'],
      [{ event: 'finalise', detail: { number: 2, subject: 'minutes' } }, 'Finalised the minutes as version 2'],
      [{ event: 'distribution-recorded', detail: { memberId: 'm_tom', copy: 'professional' } }, 'Recorded sending the professional copy to Tom Ellis'],
      [{ event: 'report-contribution-submitted', detail: { memberId: 'm_tom' } }, 'Submitted Tom Ellis’s contribution'],
      [{ event: 'social-worker-absence-recorded', detail: { socialWorkerAbsent: true } }, 'Recorded the lead social worker as not at the meeting'],
      [{ event: 'account-disabled', detail: { account: 'u_tom' } }, 'Disabled the account of Tom Ellis'],
    ]
    for (const [over, what] of table) expect(say(over).what, String(over.event)).toBe(what)
  })

  it('has a sentence of its own for every kind of event, never showing an id', () => {
    for (const event of AUDIT_EVENT_NAMES) {
      const words = say({ event, detail: { memberId: 'm_tom', account: 'u_tom', meetingId: 'meet_1' } })
      expect(words.what, event).not.toBe('Something the audit trail has no words for')
      expect(JSON.stringify(words), event).not.toMatch(/m_tom|u_tom|meet_1/)
    }
  })
})

describe('UK time', () => {
  it('writes instants in UK local time', () => {
    expect(formatUkDateTime('2026-12-16T10:03:12.000Z')).toBe('16 December 2026, 10:03:12')
    expect(formatUkDateTime('2026-06-30T23:30:00.000Z')).toBe('1 July 2026, 00:30:00')
  })

  it('starts a UK day at midnight London time, whatever the season', () => {
    expect(ukDayStart('2026-12-16')).toBe('2026-12-16T00:00:00.000Z')
    expect(ukDayStart('2026-07-01')).toBe('2026-06-30T23:00:00.000Z')
    expect(ukDayStart('2026-03-29')).toBe('2026-03-29T00:00:00.000Z')
    expect(ukDayStart('2026-03-30')).toBe('2026-03-29T23:00:00.000Z')
    expect(ukDayStart('2026-10-25')).toBe('2026-10-24T23:00:00.000Z')
    expect(ukDayStart('2026-10-26')).toBe('2026-10-26T00:00:00.000Z')
  })
})
