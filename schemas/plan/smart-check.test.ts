import { describe, expect, it } from 'vitest'
import { ActionRow } from '../content/rows.ts'
import { isMeasurable, smartWarnings, vagueStart, type SmartRow } from './smart-check.ts'

const today = '2026-01-12'

/** A fully SMART row (Amy and her school are fictional). */
const smart: ActionRow = ActionRow.parse({
  need: 'Amy needs to be in school so that adults outside the home see her every day.',
  outcome: 'Amy attends school every day, at least 95% of sessions by the review conference.',
  action: 'Phone home by 9:30 on any day Amy is not in school.',
  how: 'The attendance officer phones mum; if there is no answer, the school visits the same day.',
  owner: 'm-teacher',
  due: '2026-02-20',
  status: 'in-progress',
  progress: '',
  added: '2025-12-16',
  changed: '2026-01-05',
})

const rules = (row: SmartRow, members?: Parameters<typeof smartWarnings>[2]) =>
  smartWarnings(row, today, members).map((w) => w.rule)

describe('a SMART row', () => {
  it('yields no warnings', () => {
    expect(smartWarnings(smart, today)).toEqual([])
    expect(smartWarnings(smart, today, [{ memberId: 'm-teacher', name: 'Priya Shah' }])).toEqual([])
  })
  it('an empty row yields every kind of warning, in order', () => {
    expect(rules({ status: 'not-started' })).toEqual(['no-owner', 'no-due-date', 'outcome-not-measurable', 'no-action'])
  })
  it('a closed row yields no warnings, however un-SMART', () => {
    expect(smartWarnings({ status: 'done' }, today)).toEqual([])
    expect(smartWarnings({ status: 'no-longer-needed', due: '2025-01-01' }, today)).toEqual([])
  })
  it('every warning is in words', () => {
    for (const w of smartWarnings({ status: 'not-started', action: 'Monitor Amy', due: '2026-01-05' }, today)) {
      expect(w.words).toMatch(/^[A-Z“].+[.)]$/)
    }
  })
})

describe('owner', () => {
  it('warns when nobody owns the action', () => {
    expect(rules({ ...smart, owner: null })).toEqual(['no-owner'])
    expect(rules({ ...smart, owner: '' })).toEqual(['no-owner'])
    expect(smartWarnings({ ...smart, owner: null }, today)[0]!.words).toBe(
      'Nobody owns this action yet: choose the member who will do it.',
    )
  })
  it('passes with an owner (members not given: not checked further)', () => {
    expect(rules({ ...smart, owner: 'm-anyone' })).toEqual([])
  })
  it('warns when the owner is not in the group, or has left it', () => {
    const members = [
      { memberId: 'm-teacher', name: 'Priya Shah', optedOut: true },
      { memberId: 'm-parent', name: 'Jo Marsh' },
    ]
    expect(rules(smart, members)).toEqual(['owner-not-member'])
    expect(smartWarnings(smart, today, members)[0]!.words).toBe(
      'Priya Shah has left the core group: choose a current member to own this action.',
    )
    expect(rules({ ...smart, owner: 'm-stranger' }, members)).toEqual(['owner-not-member'])
    expect(rules({ ...smart, owner: 'm-parent' }, members)).toEqual([])
  })
})

describe('due date', () => {
  it('warns when there is no due date', () => {
    expect(rules({ ...smart, due: null })).toEqual(['no-due-date'])
    expect(rules({ ...smart, due: undefined })).toEqual(['no-due-date'])
  })
  it('warns when the due date is past and the action is open', () => {
    expect(rules({ ...smart, due: '2026-01-11' })).toEqual(['overdue'])
    expect(rules({ ...smart, due: '2026-01-05', status: 'not-started' })).toEqual(['overdue'])
    expect(smartWarnings({ ...smart, due: '2026-01-05' }, today)[0]!.words).toBe(
      'This was due on 5 January and is not done: update its status, or agree a new date.',
    )
    expect(smartWarnings({ ...smart, due: '2025-12-16' }, today)[0]!.words).toContain('due on 16 December 2025')
  })
  it('passes when due today or later, or when done or no longer needed', () => {
    expect(rules({ ...smart, due: '2026-01-12' })).toEqual([])
    expect(rules({ ...smart, due: '2026-03-01' })).toEqual([])
    expect(rules({ ...smart, due: '2026-01-05', status: 'done' })).toEqual([])
    expect(rules({ ...smart, due: '2026-01-05', status: 'no-longer-needed' })).toEqual([])
  })
})

describe('measurable outcome', () => {
  const passes = [
    'Amy attends school every day',
    'Home conditions score 3 or better on the home conditions checklist',
    'By March, Amy sleeps in her own bed',
    'By May the family have moved to the new flat',
    'Dad stops drinking when caring for the children',
    'Amy is seen by the school nurse',
    'Bedtime routine followed each night',
    'Amy is never left alone with Mr Grey',
    'Amy is no longer exposed to shouting at home',
    'Mum takes Amy to the dentist twice a year',
    'Contact happens on Saturdays at the family centre',
    'Referral to the food bank made within a week',
    'Smoking in the house reduces',
    'Amy keeps her health appointments',
    'Amy has a bed of her own',
    'Parents complete the parenting course by the end of term',
    'Tutor sessions weekly',
  ]
  const fails = [
    'Amy feels safe',
    'Improved home conditions',
    'Parents understand the impact of their drinking on Amy',
    'Amy is happier at school',
    'Amy may feel safer at home',
    'Better routines, regularly',
    'Mum engages with services',
  ]
  it.each(passes)('passes: %s', (outcome) => {
    expect(isMeasurable(outcome)).toBe(true)
    expect(rules({ ...smart, outcome })).toEqual([])
  })
  it.each(fails)('warns: %s', (outcome) => {
    expect(isMeasurable(outcome)).toBe(false)
    expect(rules({ ...smart, outcome })).toEqual(['outcome-not-measurable'])
  })
  it('warns about a blank outcome in its own words', () => {
    expect(rules({ ...smart, outcome: '  ' })).toEqual(['outcome-not-measurable'])
    expect(smartWarnings({ ...smart, outcome: '' }, today)[0]!.words).toMatch(/^No outcome yet/)
    expect(smartWarnings({ ...smart, outcome: 'Amy feels safe' }, today)[0]!.words).toMatch(/^The outcome has nothing to measure/)
  })
})

describe('specific action', () => {
  const vague: Array<[string, string]> = [
    ['Support mum with routines', 'support'],
    ['Monitor Amy’s weight', 'monitor'],
    ['Consider a referral to CAMHS', 'consider'],
    ['Encourage dad to attend the group', 'encourage'],
    ['Help the family with budgeting', 'help'],
    ['Work with the parents on boundaries', 'work with'],
    ['Look at housing options', 'look at'],
    ['Ensure Amy is safe', 'ensure'],
    ['Liaise with the GP', 'liaise with'],
    ['Assist mum to find a nursery place', 'assist'],
    ['School to monitor attendance', 'monitor'],
    ['Health visitor will support mum', 'support'],
    ['Continue to monitor', 'monitor'],
    ['Social worker to continue to encourage contact', 'encourage'],
    ['  supporting mum at appointments', 'supporting'],
  ]
  it.each(vague)('warns without a how: %s', (action, verb) => {
    expect(vagueStart(action)?.toLowerCase()).toBe(verb)
    const warnings = smartWarnings({ ...smart, action, how: '' }, today)
    expect(warnings.map((w) => w.rule)).toEqual(['vague-action'])
    expect(warnings[0]!.words).toBe(
      `The action starts with “${verb}”, which does not say what will be done: add how (what will happen, how often, and who with).`,
    )
  })
  it.each(vague)('passes with a how: %s', (action) => {
    expect(rules({ ...smart, action, how: 'Weekly home visit on Tuesdays to check the routine chart with mum.' })).toEqual([])
  })
  const specific = [
    'Phone home by 9:30 on any day Amy is not in school',
    'Book Amy’s dental check-up',
    'Refer dad to the alcohol service',
    'Visit the home every Tuesday, announced and unannounced',
    'Mum to take Amy to every health appointment',
    'Supportive letter to the housing office', // starts with a different word
    'Send the minutes to the family within 5 working days',
  ]
  it.each(specific)('passes without a how: %s', (action) => {
    expect(vagueStart(action)).toBeNull()
    expect(rules({ ...smart, action, how: undefined })).toEqual([])
  })
  it('warns about a blank action', () => {
    expect(rules({ ...smart, action: '' })).toEqual(['no-action'])
    expect(rules({ ...smart, action: null, how: '' })).toEqual(['no-action'])
  })
})
