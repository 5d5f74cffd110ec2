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

/** A password-reset link an administrator made for an account (issue 15 §8): one use, short-lived. */
export interface PasswordResetsTable {
  /** sha256 of the one-time token. */
  id: string
  user_id: string
  authority_id: string
  created_by: string
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

/** One immutable finalised version of a meeting's minutes or joint report (issue 13). */
export interface VersionsTable {
  id: string
  authority_id: string
  case_id: string
  meeting_id: string
  /** `minutes` or `report`. */
  subject: string
  number: number
  created_at: string
  created_by: string
  /** SHA-256 over the documents' canonical hashes. */
  hash: string
  /** JSON: the meeting, case and members as they stood (what the export needs besides the documents). */
  context: string
}

/** One document of a version: its full Yjs state as stored (base64) and its canonical hash. */
export interface VersionDocumentsTable {
  version_id: string
  /** `minutes`, `restricted`, `plan` or `report`. */
  role: string
  doc: string
  sha256: string
  state: string
}

/** A finalised version reopened for a new draft, with the reason. */
export interface VersionReopeningsTable {
  id: string
  meeting_id: string
  subject: string
  after_number: number
  at: string
  by_user: string
  reason: string
}

/** A version sent to one member: how, when, by whom, and when they acknowledged it. */
export interface DistributionsTable {
  id: string
  version_id: string
  member_id: string
  copy: string
  method: string
  sent_at: string
  sent_by: string
  acknowledged_at: string | null
  first_downloaded_at: string | null
}

/** A joint report (issue 12): whether the social worker has shared the draft with the family. */
export interface ReportsTable {
  meeting_id: string
  shared_at: string | null
  shared_by: string | null
}

/** One member's contribution to a joint report: `submitted` (locked for its author) or `draft` after a reopening. */
export interface ReportContributionsTable {
  meeting_id: string
  member_id: string
  status: string
  /** 1 when the contribution is for professionals only: it never reaches the family's copy. */
  professionals_only: Generated<number>
  submitted_at: string | null
  reopened_at: string | null
}

/** What the last merge took from one member's contribution field: its blocks as JSON. */
export interface ReportMergesTable {
  meeting_id: string
  field: string
  member_id: string
  content: string
  merged_at: string
  merged_by: string
}

/** A decision in principle (seed 003); the sign-off columns are null until the team manager signs it off. */
export interface DecisionsInPrincipleTable {
  id: string
  case_id: string
  meeting_id: string
  text: string
  /** User id. */
  recorded_by: string
  recorded_at: string
  /** User id of the team manager who signed it off. */
  signed_off_by: string | null
  signed_off_at: string | null
  /** `agreed` or `not-agreed`; null while waiting. */
  outcome: string | null
  note: string | null
}

export interface Database {
  authorities: AuthoritiesTable
  users: UsersTable
  sessions: SessionsTable
  invitations: InvitationsTable
  password_resets: PasswordResetsTable
  cases: CasesTable
  members: MembersTable
  meetings: MeetingsTable
  audit_events: AuditEventsTable
  plan_history: PlanHistoryTable
  reports: ReportsTable
  report_contributions: ReportContributionsTable
  report_merges: ReportMergesTable
  decisions_in_principle: DecisionsInPrincipleTable
  versions: VersionsTable
  version_documents: VersionDocumentsTable
  version_reopenings: VersionReopeningsTable
  distributions: DistributionsTable
}

export type Db = Kysely<Database>
