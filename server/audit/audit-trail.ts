/**
 * Reads a case's audit trail in words (issue 15 §9): the stored events (ids only) filtered in SQL, and
 * the names of the accounts, members and meetings they point at, loaded now, so that a renamed member
 * reads under their present name and no stored row or log line ever holds a name.
 * @module
 */
import { AUDIT_EVENT_LABELS } from '../../schemas/audit/events.ts'
import { describeAuditEvent, formatUkDateTime, ukDayStart, type AuditMeetingFacts, type AuditWordsContext } from '../../schemas/audit/audit-words.ts'
import type { AuditEntry, AuditQuery, AuditTrailResponse } from '../../schemas/api/audit.ts'
import { User } from '../../schemas/entities/index.ts'
import { agendaFor, DEFAULT_AGENDA_VARIANT, type AgendaVariantId } from '../../schemas/templates/index.ts'
import { addCalendarDays } from '../../schemas/timescales/index.ts'
import { parseRow } from '../db/entity-row.ts'
import { auditFacets, listAudit } from '../db/repos/audit.ts'
import { listMeetings } from '../db/repos/meetings.ts'
import { listMembers } from '../db/repos/members.ts'
import type { Db } from '../db/schema.ts'

export interface AuditCase {
  id: string
  authorityId: string
  /** The authority's agenda variant, for meetings that do not carry their own. */
  agendaVariant?: AgendaVariantId
}

async function userNames(db: Db, authorityId: string, ids: ReadonlySet<string>): Promise<Map<string, string>> {
  if (ids.size === 0) return new Map()
  const rows = await db.selectFrom('users').select('data').where('authority_id', '=', authorityId).where('id', 'in', [...ids]).execute()
  return new Map(rows.map((r) => parseRow(User, r)).map((u) => [u.id, u.name]))
}

async function meetingFacts(db: Db, k: AuditCase): Promise<Map<string, AuditMeetingFacts>> {
  const meetings = await listMeetings(db, k.id)
  return new Map(
    meetings.map((m) => [m.id, { type: m.type, date: m.date, agenda: agendaFor(m.agendaVariant ?? k.agendaVariant ?? DEFAULT_AGENDA_VARIANT, m.type).items }]),
  )
}

/** The case's trail under the filters, newest first (at most `limit`), in words, with the filters' choices. */
export async function readAuditTrail(db: Db, k: AuditCase, query: AuditQuery, limit = 500): Promise<AuditTrailResponse> {
  const [records, facets, members, meetings] = await Promise.all([
    listAudit(db, {
      caseId: k.id,
      userId: query.person,
      events: query.kind,
      since: query.from ? ukDayStart(query.from) : undefined,
      before: query.to ? ukDayStart(addCalendarDays(query.to, 1)) : undefined,
      limit,
    }),
    auditFacets(db, k.id),
    listMembers(db, k.id),
    meetingFacts(db, k),
  ])
  const ids = new Set(facets.userIds)
  for (const r of records) {
    if (r.userId) ids.add(r.userId)
    if (typeof r.detail?.account === 'string') ids.add(r.detail.account)
  }
  const ctx: AuditWordsContext = { userNames: await userNames(db, k.authorityId, ids), memberNames: new Map(members.map((m) => [m.id, m.name])), meetings }
  const events: AuditEntry[] = records.map((r) => ({ ...r, when: formatUkDateTime(r.at), ...describeAuditEvent(ctx, r) }))
  const people = facets.userIds
    .map((userId) => ({ userId, name: ctx.userNames.get(userId) ?? 'An account no longer recorded' }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
  const kinds = facets.events.map((event) => ({ event, label: AUDIT_EVENT_LABELS[event] ?? event })).sort((a, b) => a.label.localeCompare(b.label, 'en-GB'))
  return { events, people, kinds }
}
