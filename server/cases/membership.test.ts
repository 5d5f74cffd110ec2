import { describe, expect, it } from 'vitest'
import type { Member } from '../../schemas/entities/index.ts'
import { accessDate, activeMembers, resolveMembership, viewerOf } from './membership.ts'

function row(id: string, createdAt: string, dates: Partial<Pick<Member, 'optedInDate' | 'optedOutDate' | 'role'>> = {}): Member {
  return {
    id,
    caseId: 'case_1',
    name: 'Ms A Jones',
    agency: 'Hillside Primary School',
    role: dates.role ?? 'professional',
    contact: { address: null, phone: null, email: null },
    sharingSecurely: 'Secure email',
    optedInDate: dates.optedInDate ?? '2026-01-05',
    optedOutDate: dates.optedOutDate ?? null,
    userId: 'user_1',
    createdAt,
    updatedAt: createdAt,
  }
}

describe('accessDate', () => {
  it('is the UK date, not the UTC one', () => {
    expect(accessDate(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02')
    expect(accessDate(new Date('2026-01-01T23:30:00Z'))).toBe('2026-01-01')
  })
})

describe('resolveMembership', () => {
  it('takes the most recent active row, whatever order the rows come in', () => {
    const old = row('mem_old', '2026-01-05T09:00:00.000Z')
    const recent = row('mem_new', '2026-02-05T09:00:00.000Z', { role: 'parent-carer' })
    expect(resolveMembership([recent, old], '2026-03-01')).toMatchObject({ member: { id: 'mem_new' }, active: true })
    expect(resolveMembership([old, recent], '2026-03-01')).toMatchObject({ member: { id: 'mem_new' }, active: true })
  })

  it('prefers an active row to a more recent inactive one, and falls back to the most recent row', () => {
    const active = row('mem_a', '2026-01-05T09:00:00.000Z')
    const future = row('mem_f', '2026-02-05T09:00:00.000Z', { optedInDate: '2026-04-01' })
    expect(resolveMembership([active, future], '2026-03-01').member?.id).toBe('mem_a')
    const left = row('mem_l', '2026-01-05T09:00:00.000Z', { optedOutDate: '2026-03-01' })
    expect(resolveMembership([left, future], '2026-03-01')).toMatchObject({ member: { id: 'mem_f' }, active: false })
    expect(resolveMembership([], '2026-03-01')).toEqual({ member: null, active: false, date: '2026-03-01' })
  })

  it('is not active on the day of leaving nor before the day of joining', () => {
    expect(resolveMembership([row('m', 'x', { optedOutDate: '2026-07-02' })], '2026-07-02').active).toBe(false)
    expect(resolveMembership([row('m', 'x', { optedInDate: '2026-07-03' })], '2026-07-02').active).toBe(false)
    expect(activeMembers([row('a', 'x'), row('b', 'x', { optedInDate: '2026-07-03' })], '2026-07-02').map((m) => m.id)).toEqual(['a'])
  })

  it('gives the permission rules an opted-out viewer for an inactive row', () => {
    const m = resolveMembership([row('m', 'x', { optedOutDate: '2026-07-02' })], '2026-07-02')
    expect(viewerOf('user_1', m)).toEqual({ userId: 'user_1', memberId: 'm', role: 'professional', optedOut: true })
  })
})
