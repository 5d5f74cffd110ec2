/**
 * The audit trail as CSV, for a subject access request: RFC 4180 quoting (CRLF line ends, fields with
 * a comma, quote or line break in double quotes, quotes doubled), and no cell a spreadsheet would run
 * as a formula.
 * @module
 */
import type { AuditEntry } from '../../schemas/api/audit.ts'

/**
 * One cell: a value starting with `=`, `+`, `-`, `@` (or a tab or carriage return, which some
 * spreadsheets skip before one) gets a leading apostrophe, so it is shown, never calculated.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows of cells as CSV text, each line ended with CRLF. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>): string {
  return rows.map((r) => r.map(csvCell).join(',') + '\r\n').join('')
}

export const AUDIT_CSV_HEADER = ['When (UK time)', 'Who', 'What', 'Where', 'Event', 'Time (UTC)', 'Account id', 'Document', 'Section', 'Detail'] as const

/** The trail in words, then the stored ids and codes, one event a row. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  return toCsv([
    AUDIT_CSV_HEADER,
    ...entries.map((e) => [e.when, e.who, e.what, e.where, e.event, e.at, e.userId, e.doc, e.section, e.detail ? JSON.stringify(e.detail) : null]),
  ])
}
