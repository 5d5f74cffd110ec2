/**
 * The relational rows (DESIGN §3) as Kysely table types. Each entity keeps the columns it is looked up
 * by, and its full validated value as JSON in `data` (parsed with the entity's schema on every read),
 * so one set of queries runs on SQLite and PostgreSQL alike.
 * @module
 */
import type { Generated, Kysely } from 'kysely'

export interface EntityTable {
  id: string
  data: string
  created_at: string
  updated_at: string
}

export interface AuthoritiesTable extends EntityTable {}

export interface UsersTable extends EntityTable {
  authority_id: string
  email: string
  password_hash: string | null
  disabled_at: string | null
}

export interface SessionsTable {
  /** sha256 of the session token; the token itself lives only in the browser's cookie. */
  id: string
  user_id: string
  csrf_token: string
  created_at: string
  last_seen_at: string
  expires_at: string
}

export interface InvitationsTable {
  /** sha256 of the one-time token. */
  id: string
  authority_id: string
  email: string
  name: string
  account_role: string
  created_by: string | null
  created_at: string
  expires_at: string
  used_at: string | null
}

export interface CasesTable extends EntityTable {
  authority_id: string
  status: string
}

export interface MembersTable extends EntityTable {
  case_id: string
  user_id: string | null
}

export interface MeetingsTable extends EntityTable {
  case_id: string
  date: string
}

export interface AuditEventsTable {
  seq: Generated<number>
  at: string
  authority_id: string | null
  case_id: string | null
  user_id: string | null
  event: string
  doc: string | null
  section: string | null
  detail: string | null
}

/** One change to one row of a case's plan (`plan:<caseId>`); values are JSON text (null: empty). */
export interface PlanHistoryTable {
  seq: Generated<number>
  case_id: string
  /** The plan row's `id`. */
  row_id: string
  at: string
  member_id: string
  member_name: string
  user_id: string | null
  /** The field changed; null when the whole row was added or removed. */
  field: string | null
  old_value: string | null
  new_value: string | null
}

export interface Database {
  authorities: AuthoritiesTable
  users: UsersTable
  sessions: SessionsTable
  invitations: InvitationsTable
  cases: CasesTable
  members: MembersTable
  meetings: MeetingsTable
  audit_events: AuditEventsTable
  plan_history: PlanHistoryTable
}

export type Db = Kysely<Database>
