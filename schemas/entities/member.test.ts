import { describe, expect, it } from 'vitest'
import type * as z from 'zod'
import { fieldErrors } from '../api/errors.ts'
import { CreateMemberInput, isActiveMember, Member, UpdateMemberInput } from './member.ts'

const errors = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value)
  return result.success ? {} : fieldErrors(result.error)
}

const teacher = {
  name: 'Ms A Jones',
  agency: 'Hillside Primary School',
  role: 'professional',
  contact: { address: 'Hill Road, Anytown', phone: '01632 960 001', email: 'A.Jones@hillside.sch.uk' },
  sharingSecurely: 'Secure email (Egress) to the school’s safeguarding inbox',
  optedInDate: '2026-01-05',
}

describe('CreateMemberInput', () => {
  it('accepts a row of the membership and contact sheet', () => {
    expect(CreateMemberInput.parse(teacher)).toEqual({ ...teacher, optedOutDate: null, userId: null })
  })

  it('always asks how information will be shared securely', () => {
    expect(errors(CreateMemberInput, { ...teacher, sharingSecurely: undefined })).toEqual({
      sharingSecurely: 'Enter how information will be shared securely',
    })
    expect(errors(CreateMemberInput, { ...teacher, sharingSecurely: '   ' })).toEqual({
      sharingSecurely: 'Enter how information will be shared securely',
    })
  })

  it('needs an agency for professionals but not for parents', () => {
    expect(errors(CreateMemberInput, { ...teacher, agency: '' })).toEqual({ agency: 'Enter the member’s agency' })
    const parent = { ...teacher, role: 'parent-carer', agency: '', contact: undefined }
    expect(CreateMemberInput.parse(parent)).toMatchObject({
      agency: null,
      contact: { address: null, phone: null, email: null },
    })
  })

  it('checks contact details and the role', () => {
    expect(
      errors(CreateMemberInput, { ...teacher, role: 'friend', contact: { phone: 'call me', email: 'a@b', fax: '1' } }),
    ).toEqual({
      role: 'Select the member’s role in the core group',
      'contact.phone': 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
      'contact.email': 'Enter an email address in the correct format, like name@example.com',
      'contact.fax': 'This field is not recognised',
    })
    expect(CreateMemberInput.parse({ ...teacher, contact: { phone: '+44 (0)808 157 0192' } }).contact.phone).toBe(
      '+44 (0)808 157 0192',
    )
  })

  it('refuses leaving before joining', () => {
    expect(errors(CreateMemberInput, { ...teacher, optedOutDate: '2026-01-04' })).toEqual({
      optedOutDate: 'Date left must be on or after the date joined',
    })
  })
})

describe('Member and UpdateMemberInput', () => {
  const row = {
    id: 'm1',
    caseId: 'c1',
    ...CreateMemberInput.parse(teacher),
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
  }
  it('accepts a stored row', () => {
    expect(Member.parse(row)).toEqual(row)
  })
  it('opts a member out by date rather than deleting them', () => {
    expect(UpdateMemberInput.parse({ optedOutDate: '2026-03-01' })).toEqual({ optedOutDate: '2026-03-01' })
    expect(errors(UpdateMemberInput, { optedInDate: '2026-03-02', optedOutDate: '2026-03-01' })).toEqual({
      optedOutDate: 'Date left must be on or after the date joined',
    })
    expect(errors(UpdateMemberInput, { sharingSecurely: '' })).toEqual({
      sharingSecurely: 'Enter how information will be shared securely',
    })
  })
  it('says who was in the group on a date', () => {
    const left = { optedInDate: '2026-01-05', optedOutDate: '2026-03-01' }
    expect(isActiveMember(left, '2026-01-05')).toBe(true)
    expect(isActiveMember(left, '2026-02-28')).toBe(true)
    expect(isActiveMember(left, '2026-03-01')).toBe(false)
    expect(isActiveMember(left, '2026-01-04')).toBe(false)
  })
})
