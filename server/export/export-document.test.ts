import { describe, expect, it } from 'vitest'
import { exportFileName, rolesRead } from './export-document.ts'
import { ukLongDate } from './uk-dates.ts'

describe('export file names', () => {
  it('say what and when, the version, and the family copy', () => {
    expect(exportFileName('Brook', 'notes', '2026-12-16', 2, 'professional')).toBe('Brook-core-group-notes-2026-12-16-v2.docx')
    expect(exportFileName('Brook', 'notes', '2026-12-16', 2, 'family')).toBe('Brook-core-group-notes-2026-12-16-v2-family.docx')
    expect(exportFileName('Brook', 'plan', '2026-12-16', 1, 'professional')).toBe('Brook-child-protection-plan-2026-12-16-v1.docx')
    expect(exportFileName('Brook', 'membership', '2026-12-16', 1, 'professional')).toBe('Brook-core-group-membership-2026-12-16-v1.docx')
    expect(exportFileName('Brook', 'report', '2027-01-12', 1, 'professional')).toBe('Brook-joint-report-2027-01-12-v1.docx')
    expect(exportFileName('Brook', 'notes', '2026-12-16', null, 'professional')).toBe('Brook-core-group-notes-2026-12-16-DRAFT.docx')
  })

  it('keep only letters and digits of the family name', () => {
    expect(exportFileName('O’Brien-Kowalska', 'notes', '2026-12-16', 1, 'professional')).toBe('O-Brien-Kowalska-core-group-notes-2026-12-16-v1.docx')
    expect(exportFileName('Zoë Ångström', 'notes', '2026-12-16', 1, 'professional')).toBe('Zoe-Angstrom-core-group-notes-2026-12-16-v1.docx')
    expect(exportFileName('../..', 'notes', '2026-12-16', 1, 'professional')).toBe('case-core-group-notes-2026-12-16-v1.docx')
  })
})

describe('what each export reads', () => {
  it('never the restricted notes or the professionals’ report for the family copy', () => {
    expect(rolesRead('notes', 'family')).toEqual(['minutes', 'plan'])
    expect(rolesRead('notes', 'professional')).toEqual(['minutes', 'plan', 'restricted'])
    expect(rolesRead('report', 'family')).toEqual(['report-family', 'minutes'])
    expect(rolesRead('report', 'professional')).toEqual(['report', 'minutes'])
    expect(rolesRead('plan', 'family')).toEqual(['plan'])
    expect(rolesRead('membership', 'family')).toEqual([])
  })
})

describe('UK long dates', () => {
  it('have the weekday, the day without a leading zero, the month in words', () => {
    expect(ukLongDate('2027-01-13')).toBe('Wednesday 13 January 2027')
    expect(ukLongDate('2026-12-06')).toBe('Sunday 6 December 2026')
    expect(ukLongDate('not a date')).toBe('not a date')
  })
})
