import { describe, expect, it } from 'vitest'
import { Member } from './member.ts'
import { termsOfReference, termsOfReferenceLines } from './terms-of-reference.ts'

const at = '2026-01-01T00:00:00.000Z'
const member = (id: string, name: string, role: string, agency: string | null, optedOutDate: string | null = null) =>
  Member.parse({ id, caseId: 'c1', name, role, agency, sharingSecurely: 'Secure email', optedInDate: '2026-01-05', optedOutDate, createdAt: at, updatedAt: at })

describe('termsOfReference', () => {
  const members = [
    member('m1', 'Sam Okafor', 'lead-social-worker', 'Children’s Social Care'),
    member('m2', 'Dee Deputy', 'deputy-lead', 'Children’s Social Care'),
    member('m3', 'Old Manager', 'team-manager', 'Children’s Social Care', '2026-02-01'),
    member('m4', 'Priya Raman', 'team-manager', 'Children’s Social Care'),
    member('m5', 'Tom Ellis', 'professional', 'Meadow Lane Primary School'),
  ]
  it('names the current holder of each role, and the transitions worker', () => {
    const t = termsOfReference({ familyName: 'Brook', termsOfReferenceAgreedDate: '2026-01-20', transitionsWorkerMemberId: 'm5' }, members, '2026-03-01')
    expect(t).toEqual({ familyName: 'Brook', agreedDate: '2026-01-20', lead: 'Sam Okafor, Children’s Social Care', deputy: 'Dee Deputy, Children’s Social Care', teamManager: 'Priya Raman, Children’s Social Care', transitionsWorker: 'Tom Ellis, Meadow Lane Primary School' })
  })
  it('says what is missing in words', () => {
    const t = termsOfReference({ familyName: 'Brook', termsOfReferenceAgreedDate: null, transitionsWorkerMemberId: null }, members.slice(0, 1), '2026-03-01')
    expect(termsOfReferenceLines(t, (d) => d)).toEqual([
      ['Family name', 'Brook'],
      ['Date the Terms of Reference were agreed', 'Not agreed yet'],
      ['Lead member', 'Sam Okafor, Children’s Social Care'],
      ['Deputy-lead member', 'None named'],
      ['Relevant Children’s Social Care team manager', 'None named'],
      ['Named worker for school transitions', 'None named'],
    ])
  })
})
