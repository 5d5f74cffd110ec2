import { describe, expect, it } from 'vitest'
import type { Member } from '../entities/member.ts'
import { memberForViewer, membersForViewer, WITHHELD_SHARING } from './contact-sharing.ts'

const row = (id: string, role: Member['role'], email: string): Member => ({
  id,
  caseId: 'case1',
  name: `Name ${id}`,
  agency: role === 'parent-carer' || role === 'child' ? null : 'Agency',
  role,
  contact: { address: `${id} Street`, phone: '01234 567890', email },
  sharingSecurely: `Shared with ${id}`,
  optedInDate: '2026-01-01',
  optedOutDate: null,
  userId: `user-${id}`,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
})

const sw = row('sw', 'lead-social-worker', 'sw@example.test')
const mum = row('mum', 'parent-carer', 'mum@example.test')
const dad = row('dad', 'parent-carer', 'dad@example.test')
const child = row('kid', 'child', 'kid@example.test')

describe('contact details a family member may see', () => {
  it('shows a parent every professional’s row and their own row whole', () => {
    expect(memberForViewer(sw, 'parent-carer', mum.id)).toEqual(sw)
    expect(memberForViewer(mum, 'parent-carer', mum.id)).toEqual(mum)
  })

  it('withholds another family member’s contact details and how they are sent information', () => {
    const seen = memberForViewer(dad, 'parent-carer', mum.id)
    expect(seen.contact).toEqual({ address: null, phone: null, email: null })
    expect(seen.sharingSecurely).toBe(WITHHELD_SHARING)
    expect(seen.name).toBe('Name dad')
    expect(memberForViewer(mum, 'child', child.id).contact.email).toBeNull()
    expect(memberForViewer(child, 'advocate', 'adv').contact.address).toBeNull()
  })

  it('shows professionals and administrators every row whole', () => {
    expect(membersForViewer([sw, mum, dad], 'professional', 'x')).toEqual([sw, mum, dad])
    expect(membersForViewer([sw, mum, dad], null, null)).toEqual([sw, mum, dad])
  })
})
