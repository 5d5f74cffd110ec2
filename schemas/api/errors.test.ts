import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { CreateCaseInput } from '../entities/case.ts'
import { ApiErrorBody, fieldErrors, FORM_ERROR_KEY, validationErrorBody } from './errors.ts'

const errorOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value)
  if (result.success) throw new Error('expected a failure')
  return result.error
}

describe('fieldErrors', () => {
  it('keys each message by its dotted path', () => {
    const error = errorOf(CreateCaseInput, {
      familyName: ' ',
      initialConferenceDate: '2026-01-05',
      children: [{ name: 'Sam', dateOfBirth: '2019-02-29' }],
    })
    expect(fieldErrors(error)).toEqual({
      familyName: 'Enter the family name',
      'children.0.dateOfBirth': 'Date of birth must be a real date',
    })
  })

  it('keeps the first message for a path', () => {
    const schema = z.object({ a: z.string().min(3, 'first').regex(/x/, 'second') })
    expect(fieldErrors(errorOf(schema, { a: 'y' }))).toEqual({ a: 'first' })
  })

  it('reports unknown keys on the key itself, and whole-request problems under the form key', () => {
    const schema = z.strictObject({ a: z.string() }).refine((v) => v.a !== 'no', 'Not allowed')
    expect(fieldErrors(errorOf(schema, { a: 'x', extra: 1 }))).toEqual({ extra: 'This field is not recognised' })
    expect(fieldErrors(errorOf(schema, { a: 'no' }))).toEqual({ [FORM_ERROR_KEY]: 'Not allowed' })
  })

  it('treats a key named __proto__ as an ordinary key', () => {
    const parsed = JSON.parse('{"a":"x","__proto__":1}')
    const fields = fieldErrors(errorOf(z.strictObject({ a: z.string() }), parsed))
    expect(Object.keys(fields)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype)
  })
})

describe('ApiErrorBody', () => {
  it('describes the 400 body built from a zod error', () => {
    const body = validationErrorBody(errorOf(CreateCaseInput, {}))
    expect(ApiErrorBody.parse(body)).toEqual(body)
    expect(body.error.code).toBe('validation-failed')
    expect(body.error.fields).toMatchObject({ familyName: 'Enter the family name', children: 'Add at least one child' })
  })
  it('refuses bodies of another shape', () => {
    expect(ApiErrorBody.safeParse({ error: { code: 'x' } }).success).toBe(false)
    expect(ApiErrorBody.safeParse({ error: { code: 'x', message: 'm', stack: '...' } }).success).toBe(false)
  })
})
