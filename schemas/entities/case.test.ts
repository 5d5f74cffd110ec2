import { describe, expect, it } from 'vitest'
import type * as z from 'zod'
import { fieldErrors } from '../api/errors.ts'
import { Case, CreateCaseInput, UpdateCaseInput } from './case.ts'

const errors = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value)
  return result.success ? {} : fieldErrors(result.error)
}

const valid = {
  familyName: '  Smith ',
  initialConferenceDate: '2026-01-05',
  children: [{ name: 'Sam Smith', dateOfBirth: '2019-05-01' }],
  reviewConferenceDates: ['2026-09-30', '2026-04-01'],
}

describe('CreateCaseInput', () => {
  it('trims text and sorts review conference dates', () => {
    expect(CreateCaseInput.parse(valid)).toEqual({
      ...valid,
      familyName: 'Smith',
      reviewConferenceDates: ['2026-04-01', '2026-09-30'],
    })
    expect(CreateCaseInput.parse({ ...valid, reviewConferenceDates: undefined }).reviewConferenceDates).toEqual([])
  })

  it('asks for each missing field in words for the form', () => {
    expect(errors(CreateCaseInput, {})).toEqual({
      familyName: 'Enter the family name',
      initialConferenceDate: 'Enter the date of the initial conference',
      children: 'Add at least one child',
    })
    expect(errors(CreateCaseInput, { ...valid, children: [{ name: ' ', dateOfBirth: '' }] })).toEqual({
      'children.0.name': 'Enter the child’s name',
      'children.0.dateOfBirth': 'Enter the date of birth',
    })
  })

  it('refuses dates that are not real or not ISO', () => {
    expect(errors(CreateCaseInput, { ...valid, children: [{ name: 'Sam', dateOfBirth: '2026-02-30' }] })).toEqual({
      'children.0.dateOfBirth': 'Date of birth must be a real date',
    })
    expect(errors(CreateCaseInput, { ...valid, initialConferenceDate: '05/01/2026' })).toEqual({
      initialConferenceDate: 'Date of the initial conference must be a date like 2026-03-27',
    })
  })

  it('refuses review conferences on or before the initial one, and repeats', () => {
    expect(errors(CreateCaseInput, { ...valid, reviewConferenceDates: ['2026-01-05', '2026-04-01', '2026-04-01'] })).toEqual({
      'reviewConferenceDates.0': 'Review conference date must be after the initial conference',
      'reviewConferenceDates.2': 'Enter each review conference date once',
    })
  })

  it('refuses long names, too many children and unknown keys', () => {
    const result = errors(CreateCaseInput, {
      ...valid,
      familyName: 'x'.repeat(101),
      children: Array.from({ length: 21 }, () => valid.children[0]),
      status: 'open',
    })
    expect(result).toEqual({
      familyName: 'Family name must be 100 characters or fewer',
      children: 'A case can have 20 children or fewer',
      status: 'This field is not recognised',
    })
  })
})

describe('Case', () => {
  const row = {
    id: 'c1',
    authorityId: 'a1',
    familyName: 'Smith',
    initialConferenceDate: '2026-01-05',
    children: [{ id: 'ch1', name: 'Sam Smith', dateOfBirth: '2019-05-01' }],
    reviewConferenceDates: [],
    status: 'open',
    planEndedDate: null,
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
  }
  it('accepts a stored row', () => {
    expect(Case.parse(row)).toEqual({ ...row, conferences: [], termsOfReferenceAgreedDate: null, transitionsWorkerMemberId: null, coreGroupInterval: null, coreGroupIntervalReason: null })
  })
  it('needs the date a plan ended, and only then', () => {
    expect(errors(Case, { ...row, status: 'plan-ended' })).toEqual({ planEndedDate: 'Enter the date the plan ended' })
    expect(errors(Case, { ...row, planEndedDate: '2026-06-01' })).toEqual({
      planEndedDate: 'An open case cannot have a date the plan ended',
    })
    expect(errors(Case, { ...row, status: 'plan-ended', planEndedDate: '2025-12-01' })).toEqual({
      planEndedDate: 'Date the plan ended must be on or after the initial conference',
    })
  })
})

describe('UpdateCaseInput', () => {
  it('accepts any subset, keeping child ids', () => {
    expect(UpdateCaseInput.parse({})).toEqual({})
    expect(UpdateCaseInput.parse({ children: [{ id: 'ch1', name: 'Sam', dateOfBirth: '2019-05-01' }] })).toEqual({
      children: [{ id: 'ch1', name: 'Sam', dateOfBirth: '2019-05-01' }],
    })
  })
  it('checks the fields it carries', () => {
    expect(errors(UpdateCaseInput, { status: 'closed' })).toEqual({ status: 'Select open or plan ended' })
    expect(errors(UpdateCaseInput, { status: 'plan-ended', planEndedDate: null })).toEqual({
      planEndedDate: 'Enter the date the plan ended',
    })
  })
})

describe('a case’s own time between core groups', () => {
  it('needs a reason, and a time of 1 or more', async () => {
    const { Case } = await import('./case.ts')
    const base = Case.parse({
      id: 'case_1', authorityId: 'auth_1', familyName: 'Test', initialConferenceDate: '2026-01-05',
      children: [{ id: 'child_1', name: 'A Child', dateOfBirth: '2020-01-01' }], reviewConferenceDates: [],
      status: 'open', planEndedDate: null, createdAt: '2026-01-05T00:00:00.000Z', updatedAt: '2026-01-05T00:00:00.000Z',
    })
    expect(base.coreGroupInterval).toBeNull()
    const noReason = Case.safeParse({ ...base, coreGroupInterval: { value: 4, unit: 'weeks' } })
    expect(noReason.success ? {} : fieldErrors(noReason.error)).toEqual({ coreGroupIntervalReason: 'Say why this case meets at a different interval' })
    const zero = Case.safeParse({ ...base, coreGroupInterval: { value: 0, unit: 'weeks' }, coreGroupIntervalReason: 'Baby under one' })
    expect(zero.success ? {} : fieldErrors(zero.error)).toEqual({ coreGroupInterval: 'Enter a time between core groups of 1 or more' })
    expect(Case.parse({ ...base, coreGroupInterval: { value: 4, unit: 'weeks' }, coreGroupIntervalReason: 'Baby under one' }).coreGroupIntervalReason).toBe('Baby under one')
  })
})
