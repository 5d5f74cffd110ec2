import { describe, expect, it } from 'vitest'
import type * as z from 'zod'
import { fieldErrors } from '../api/errors.ts'
import { DEFAULT_TIMESCALE_SETTINGS } from '../timescales/settings.ts'
import { applySettingsUpdate, Authority, CreateAuthorityInput, NORTHERN_IRELAND_REFUSED, UpdateAuthorityInput } from './authority.ts'

const errors = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value)
  return result.success ? {} : fieldErrors(result.error)
}

describe('CreateAuthorityInput', () => {
  it('gives the default agenda and settings, with bank holidays from the nation', () => {
    expect(CreateAuthorityInput.parse({ name: 'Anytown Council', nation: 'wales' })).toEqual({
      name: 'Anytown Council',
      nation: 'wales',
      agendaVariant: 'seed-004',
      settings: DEFAULT_TIMESCALE_SETTINGS,
    })
    const scottish = CreateAuthorityInput.parse({
      name: 'Glen Council',
      nation: 'scotland',
      agendaVariant: 'seed-001',
      settings: { coreGroupInterval: { value: 6, unit: 'weeks' } },
    })
    expect(scottish.settings.bankHolidays).toBe('scotland')
    expect(scottish.settings.coreGroupInterval).toEqual({ value: 6, unit: 'weeks' })
  })

  it('explains each problem for the form', () => {
    expect(
      errors(CreateAuthorityInput, { name: '', nation: 'france', agendaVariant: 'mine', settings: { interval: 4 } }),
    ).toEqual({
      name: 'Enter the name of the authority',
      nation: 'Select England, Wales or Scotland',
      agendaVariant: 'Select an agenda',
      'settings.interval': 'This field is not recognised',
    })
    expect(errors(CreateAuthorityInput, { name: 'X', nation: 'england', settings: { bankHolidays: 'scotland' } })).toEqual({
      'settings.bankHolidays': 'Bank holidays must be those of the authority’s nation',
    })
  })
})

describe('Northern Ireland', () => {
  it('is refused in words, whichever way it is spelt', () => {
    for (const nation of ['northern-ireland', 'Northern Ireland', 'northernireland']) {
      expect(errors(CreateAuthorityInput, { name: 'X', nation }).nation).toBe(NORTHERN_IRELAND_REFUSED)
      expect(errors(UpdateAuthorityInput, { nation }).nation).toBe(NORTHERN_IRELAND_REFUSED)
    }
    expect(NORTHERN_IRELAND_REFUSED).toMatch(/does not support Northern Ireland/)
  })
})

describe('Authority', () => {
  const row = {
    id: 'a1',
    name: 'Glen Council',
    nation: 'scotland',
    agendaVariant: 'seed-004',
    settings: { ...DEFAULT_TIMESCALE_SETTINGS, bankHolidays: 'scotland' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  }
  it('accepts a stored row whose bank holidays match its nation, and no other', () => {
    expect(Authority.parse(row)).toEqual(row)
    expect(errors(Authority, { ...row, nation: 'england' })).toEqual({
      'settings.bankHolidays': 'Bank holidays must be those of the authority’s nation',
    })
  })
})

describe('settings updates', () => {
  it('change only the named rules and keep bank holidays with the nation', () => {
    const update = UpdateAuthorityInput.parse({ settings: { notesDistribution: { value: 10, unit: 'working-days' } } })
    const next = applySettingsUpdate(DEFAULT_TIMESCALE_SETTINGS, update.settings!, 'scotland')
    expect(next.notesDistribution).toEqual({ value: 10, unit: 'working-days' })
    expect(next.coreGroupInterval).toEqual(DEFAULT_TIMESCALE_SETTINGS.coreGroupInterval)
    expect(next.bankHolidays).toBe('scotland')
  })
})
