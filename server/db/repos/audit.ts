/**
 * The append-only audit trail (DESIGN §5). Events carry ids, section names and reason codes — never
 * document text or personal details.
 * @module
 */
import { nowIso } from '../entity-row.ts'
import type { Insertable } from 'kysely'
import type { AuditEventsTable, Db } from '../schema.ts'
import type { AuditEventName } from '../../../schemas/audit/events.ts'

export type { AuditEventName }

export interface AuditEvent {
  event: AuditEventName
  authorityId?: string | null
  caseId?: string | null
  userId?: string | null
  doc?: string | null
  section?: string | null
  /** Codes and ids only. */
  detail?: Record<string, string | number | boolean | null>
}

export interface AuditRecord extends Required<Omit<AuditEvent, 'detail'>> {
  seq: number
  at: string
  detail: Record<string, string | number | boolean | null> | null
}

type AuditRow = Insertable<AuditEventsTable>

/** Events waiting for their group insert, per database. */
const pending = new WeakMap<Db, Array<{ row: AuditRow; resolve: () => void; reject: (err: unknown) => void }>>()

/**
 * Appends an event. Events recorded in the same turn of the event loop go in one insert (a group
 * commit: a thousand people opening documents cost a few commits, not a thousand); each caller still
 * waits for its event to be written.
 */
export function recordAudit(db: Db, e: AuditEvent): Promise<void> {
  const row = {
    at: nowIso(),
    event: e.event,
    authority_id: e.authorityId ?? null,
    case_id: e.caseId ?? null,
    user_id: e.userId ?? null,
    doc: e.doc ?? null,
    section: e.section ?? null,
    detail: e.detail ? JSON.stringify(e.detail) : null,
  }
  return new Promise((resolve, reject) => {
    let queue = pending.get(db)
    if (!queue) {
      queue = []
      pending.set(db, queue)
      setImmediate(() => void flushAudit(db))
    }
    queue.push({ row, resolve, reject })
  })
}

async function flushAudit(db: Db): Promise<void> {
  const batch = pending.get(db) ?? []
  pending.delete(db)
  try {
    await db.insertInto('audit_events').values(batch.map((b) => b.row)).execute()
    for (const b of batch) b.resolve()
  } catch (err) {
    for (const b of batch) b.reject(err)
  }
}

/** Which events `listAudit` returns; instants are ISO timestamps, compared as the stored `at` is. */
export interface AuditFilter {
  caseId?: string
  userId?: string
  /** Event names; empty or absent for every kind. */
  events?: readonly AuditEventName[]
  /** Events at or after this instant. */
  since?: string
  /** Events before this instant. */
  before?: string
  limit?: number
}

/** The filtered trail, newest first. Filters run in SQL (plain comparisons: SQLite and PostgreSQL alike). */
export async function listAudit(db: Db, filter: AuditFilter): Promise<AuditRecord[]> {
  let q = db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(filter.limit ?? 500)
  if (filter.caseId) q = q.where('case_id', '=', filter.caseId)
  if (filter.userId) q = q.where('user_id', '=', filter.userId)
  if (filter.events?.length) q = q.where('event', 'in', [...filter.events])
  if (filter.since) q = q.where('at', '>=', filter.since)
  if (filter.before) q = q.where('at', '<', filter.before)
  const rows = await q.execute()
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    event: r.event as AuditEventName,
    authorityId: r.authority_id,
    caseId: r.case_id,
    userId: r.user_id,
    doc: r.doc,
    section: r.section,
    detail: r.detail ? (JSON.parse(r.detail) as AuditRecord['detail']) : null,
  }))
}

/** The accounts and the kinds of event present in a case's trail, for the audit page's filters. */
export async function auditFacets(db: Db, caseId: string): Promise<{ userIds: string[]; events: AuditEventName[] }> {
  const users = await db.selectFrom('audit_events').select('user_id').distinct().where('case_id', '=', caseId).where('user_id', 'is not', null).execute()
  const events = await db.selectFrom('audit_events').select('event').distinct().where('case_id', '=', caseId).execute()
  return { userIds: users.map((u) => u.user_id!), events: events.map((e) => e.event as AuditEventName) }
}
