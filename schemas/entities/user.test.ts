import { describe, expect, it } from 'vitest'
import type * as z from 'zod'
import { fieldErrors } from '../api/errors.ts'
import { CreateUserInput, UpdateUserInput, User } from './user.ts'

const errors = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value)
  return result.success ? {} : fieldErrors(result.error)
}

describe('users', () => {
  it('lower-case and trim the email address they sign in with', () => {
    expect(CreateUserInput.parse({ name: 'Pat Lee', email: ' Pat.Lee@Anytown.gov.uk ', accountRole: 'staff' })).toEqual({
      name: 'Pat Lee',
      email: 'pat.lee@anytown.gov.uk',
      accountRole: 'staff',
    })
  })
  it('explain each problem for the form', () => {
    expect(errors(CreateUserInput, { name: '', email: 'pat@', accountRole: 'root' })).toEqual({
      name: 'Enter the full name',
      email: 'Enter an email address in the correct format, like name@example.com',
      accountRole: 'Select the account type',
    })
    expect(errors(CreateUserInput, {})).toMatchObject({ email: 'Enter an email address' })
  })
  it('accept a stored row and partial updates', () => {
    const row = {
      id: 'u1',
      authorityId: 'a1',
      name: 'Pat Lee',
      email: 'pat@anytown.gov.uk',
      accountRole: 'administrator',
      disabledAt: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    }
    expect(User.parse(row)).toEqual(row)
    expect(UpdateUserInput.parse({ disabled: true })).toEqual({ disabled: true })
    expect(errors(User, { ...row, id: 'has space' })).toEqual({ id: 'An id must be 1 to 64 letters, digits, hyphens or underscores' })
  })
})
