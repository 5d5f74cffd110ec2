import { describe, expect, it } from 'vitest'
import { canReopenContribution, canSubmitContribution, contributionStatus, deadlineWords } from './status.ts'
import { disagreementLines, memberPositions } from './positions.ts'

describe('contribution status', () => {
  it('is submitted, drafting or not started', () => {
    expect(contributionStatus(true, false)).toBe('submitted')
    expect(contributionStatus(false, true)).toBe('drafting')
    expect(contributionStatus(false, false)).toBe('not-started')
  })
  it('says where it stands against the deadline in words', () => {
    expect(deadlineWords('drafting', '2027-01-19', '2027-01-12')).toBe('due in 7 days')
    expect(deadlineWords('not-started', '2027-01-13', '2027-01-12')).toBe('due tomorrow')
    expect(deadlineWords('drafting', '2027-01-12', '2027-01-12')).toBe('due today')
    expect(deadlineWords('drafting', '2027-01-11', '2027-01-12')).toBe('1 day overdue')
    expect(deadlineWords('drafting', '2027-01-09', '2027-01-12')).toBe('3 days overdue')
    expect(deadlineWords('submitted', '2027-01-09', '2027-01-12')).toBeNull()
  })
  it('lets the author or the lead submit, and only the lead reopen', () => {
    expect(canSubmitContribution({ memberId: 'm1', role: 'professional' }, 'm1')).toBe(true)
    expect(canSubmitContribution({ memberId: 'm2', role: 'professional' }, 'm1')).toBe(false)
    expect(canSubmitContribution({ memberId: 'm3', role: 'lead-social-worker' }, 'm1')).toBe(true)
    expect(canReopenContribution({ role: 'team-manager' })).toBe(false)
    expect(canReopenContribution({ role: 'lead-social-worker' })).toBe(true)
  })
})

describe('positions', () => {
  const members = [
    { id: 'm1', name: 'Ada Fern', agency: 'Riverside Primary' },
    { id: 'm2', name: 'Cal Moss', agency: 'Health visiting' },
    { id: 'm3', name: 'Dee Holt', agency: null },
  ]
  const rows: Record<string, unknown[]> = {
    m1: [{ position: 'disagree', reason: 'old' }, { position: 'agree' }],
    m2: [{ position: 'disagree', reason: 'Progress at home is too recent to end the plan' }],
    m3: [{ position: 'disagree' }, { position: 'nonsense' }],
  }
  it('takes each member’s last valid row and names every disagreement by name and agency', () => {
    const positions = memberPositions(members, (id) => rows[id] ?? [])
    expect(positions.map((p) => p.position)).toEqual(['agree', 'disagree', 'disagree'])
    expect(disagreementLines(positions)).toEqual([
      'Cal Moss (Health visiting) disagrees with the recommendation: Progress at home is too recent to end the plan',
      'Dee Holt disagrees with the recommendation: no reason given',
    ])
  })
})
