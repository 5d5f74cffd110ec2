/**
 * `/api/cases/:id/audit` and `/api/cases/:id/audit.csv`: the filters (query parameters) and the trail
 * in words (issue 15 §9). Each event keeps its stored ids beside the words.
 * @module
 */
import * as z from 'zod'
import { ID_PATTERN } from '../documents.ts'
import { isoDate } from '../entities/fields.ts'
import { AuditEventName } from '../audit/events.ts'

/**
 * The filters, from the query string: `person` (an account id), `kind` (event names; the parameter may
 * repeat or hold a comma-separated list), `from` and `to` (UK calendar days, both inclusive).
 */
export const AuditQuery = z
  .object({
    person: z.string().regex(ID_PATTERN, 'Select a person from the list').optional(),
    kind: z.array(AuditEventName).max(AuditEventName.options.length).optional(),
    from: isoDate('From date', 'Enter the date to show events from').optional(),
    to: isoDate('To date', 'Enter the date to show events to').optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The to date must be the same as or after the from date' })
  })
export type AuditQuery = z.infer<typeof AuditQuery>

/** The raw query parameters as `AuditQuery` reads them: empty values dropped, `kind` split on commas. */
export function auditQueryInput(query: { person?: string; from?: string; to?: string; kind?: readonly string[] }): Record<string, unknown> {
  const kinds = (query.kind ?? []).flatMap((k) => k.split(',')).map((k) => k.trim()).filter(Boolean)
  const present = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim())
  return { person: present(query.person), from: present(query.from), to: present(query.to), kind: kinds.length ? kinds : undefined }
}

export const AuditEntry = z.object({
  seq: z.number(),
  at: z.string(),
  event: z.string(),
  authorityId: z.string().nullable(),
  caseId: z.string().nullable(),
  userId: z.string().nullable(),
  doc: z.string().nullable(),
  section: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
  /** UK local time, in words: "16 December 2026, 10:03:12". */
  when: z.string(),
  who: z.string(),
  what: z.string(),
  where: z.string(),
})
export type AuditEntry = z.infer<typeof AuditEntry>

/** GET /api/cases/:id/audit: the events (newest first, at most 500) and what the filters can choose from. */
export const AuditTrailResponse = z.object({
  events: z.array(AuditEntry),
  /** Everyone with an event in the case's trail, by name. */
  people: z.array(z.object({ userId: z.string(), name: z.string() })),
  /** Every kind of event in the case's trail, with its label. */
  kinds: z.array(z.object({ event: z.string(), label: z.string() })),
})
export type AuditTrailResponse = z.infer<typeof AuditTrailResponse>

/** The query string for the filters chosen (empty ones left out), for the page and its CSV link alike. */
export function auditQueryString(filters: { person?: string; kind?: string; from?: string; to?: string }): string {
  const params = new URLSearchParams()
  for (const key of ['person', 'kind', 'from', 'to'] as const) {
    const value = filters[key]
    if (value) params.set(key, value)
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}
