import { describe, expect, it } from 'vitest'
import { AuditQuery, auditQueryInput, auditQueryString } from './audit.ts'

const parse = (raw: Parameters<typeof auditQueryInput>[0]) => AuditQuery.safeParse(auditQueryInput(raw))

describe('AuditQuery', () => {
  it('reads kinds repeated or comma-separated, and drops empty values', () => {
    expect(parse({ kind: ['lock,unlock', 'document-opened'], person: '', from: ' ', to: '2026-12-16' })).toMatchObject({
      success: true,
      data: { kind: ['lock', 'unlock', 'document-opened'], person: undefined, from: undefined, to: '2026-12-16' },
    })
    expect(parse({ kind: [''] })).toMatchObject({ success: true, data: { kind: undefined } })
  })

  it('refuses what is not a person, a kind or a date, and a to date before the from date', () => {
    const bad = parse({ person: 'no spaces please', kind: ['lock', 'bedtime'], from: '16/12/2026', to: '2026-02-30' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['person', 'Select a person from the list'],
      ['kind.1', 'Select a kind of event'],
      ['from', 'From date must be a date like 2026-03-27'],
      ['to', 'To date must be a real date'],
    ])
    expect(parse({ from: '2026-12-16', to: '2026-12-15' }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['to', 'The to date must be the same as or after the from date'],
    ])
    expect(parse({ from: '2026-12-16', to: '2026-12-16' }).success).toBe(true)
  })
})

describe('auditQueryString', () => {
  it('leaves out empty filters', () => {
    expect(auditQueryString({})).toBe('')
    expect(auditQueryString({ person: 'u_1', kind: '', from: '2026-12-01', to: '' })).toBe('?person=u_1&from=2026-12-01')
  })
})
