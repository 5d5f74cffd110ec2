/**
 * Migrations of the relational rows, written with Kysely's schema builder so the same list runs on
 * SQLite and PostgreSQL. Append only; never edit one that has shipped.
 * @module
 */
import type { Kysely, Migration } from 'kysely'

const entity = (db: Kysely<unknown>, table: string) =>
  db.schema
    .createTable(table)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())

export const MIGRATIONS: Record<string, Migration> = {
  '0001_rows': {
    async up(db) {
      await entity(db, 'authorities').execute()
      await entity(db, 'users')
        .addColumn('authority_id', 'text', (c) => c.notNull().references('authorities.id'))
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text')
        .addColumn('disabled_at', 'text')
        .execute()
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('sessions_by_user').on('sessions').column('user_id').execute()
      await db.schema
        .createTable('invitations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('authority_id', 'text', (c) => c.notNull().references('authorities.id'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('account_role', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute()
      await entity(db, 'cases')
        .addColumn('authority_id', 'text', (c) => c.notNull().references('authorities.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('cases_by_authority').on('cases').columns(['authority_id', 'status']).execute()
      await entity(db, 'members')
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('user_id', 'text')
        .execute()
      await db.schema.createIndex('members_by_case').on('members').column('case_id').execute()
      await db.schema.createIndex('members_by_user').on('members').column('user_id').execute()
      await entity(db, 'meetings')
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('meetings_by_case').on('meetings').columns(['case_id', 'date']).execute()
      await db.schema
        .createTable('audit_events')
        .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('authority_id', 'text')
        .addColumn('case_id', 'text')
        .addColumn('user_id', 'text')
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('doc', 'text')
        .addColumn('section', 'text')
        .addColumn('detail', 'text')
        .execute()
      await db.schema.createIndex('audit_by_case').on('audit_events').columns(['case_id', 'seq']).execute()
    },
  },
  '0002_plan_history': {
    // The child protection plan's row history (issue 11 §6): one row per change to one field of one
    // plan row (or a row added or removed), who made it and when, with the old and new value as JSON.
    async up(db) {
      await db.schema
        .createTable('plan_history')
        .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('row_id', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('member_id', 'text', (c) => c.notNull())
        .addColumn('member_name', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('field', 'text')
        .addColumn('old_value', 'text')
        .addColumn('new_value', 'text')
        .execute()
      await db.schema.createIndex('plan_history_by_case').on('plan_history').columns(['case_id', 'seq']).execute()
      await db.schema.createIndex('plan_history_by_row').on('plan_history').columns(['case_id', 'row_id', 'seq']).execute()
    },
  },
  '0003_versions': {
    // Finalised versions (issue 13): each immutable version of a meeting's minutes (or joint report),
    // with the documents' full Yjs state as stored (base64, portable across SQLite and PostgreSQL) and
    // their canonical hashes; reopenings with their reason; and the distribution record.
    async up(db) {
      await db.schema
        .createTable('versions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('authority_id', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('context', 'text', (c) => c.notNull())
        .addUniqueConstraint('versions_number_unique', ['meeting_id', 'subject', 'number'])
        .execute()
      await db.schema
        .createTable('version_documents')
        .addColumn('version_id', 'text', (c) => c.notNull().references('versions.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('doc', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('version_documents_pk', ['version_id', 'role'])
        .execute()
      await db.schema
        .createTable('version_reopenings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('after_number', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('by_user', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addUniqueConstraint('version_reopenings_unique', ['meeting_id', 'subject', 'after_number'])
        .execute()
      await db.schema
        .createTable('distributions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('version_id', 'text', (c) => c.notNull().references('versions.id'))
        .addColumn('member_id', 'text', (c) => c.notNull())
        .addColumn('copy', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addColumn('sent_by', 'text', (c) => c.notNull())
        .addColumn('acknowledged_at', 'text')
        .addColumn('first_downloaded_at', 'text')
        .addUniqueConstraint('distributions_unique', ['version_id', 'member_id'])
        .execute()
    },
  },
  '0004_reports': {
    // The joint report (issue 12): one row per report (shared with the family or not), each member's
    // contribution status, and what the last merge took from each contribution field (JSON blocks),
    // so that a re-merge shows exactly what changed since.
    async up(db) {
      await db.schema
        .createTable('reports')
        .addColumn('meeting_id', 'text', (c) => c.primaryKey().references('meetings.id'))
        .addColumn('shared_at', 'text')
        .addColumn('shared_by', 'text')
        .execute()
      await db.schema
        .createTable('report_contributions')
        .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
        .addColumn('member_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('professionals_only', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('submitted_at', 'text')
        .addColumn('reopened_at', 'text')
        .addPrimaryKeyConstraint('report_contributions_pk', ['meeting_id', 'member_id'])
        .execute()
      await db.schema
        .createTable('report_merges')
        .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('member_id', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('merged_at', 'text', (c) => c.notNull())
        .addColumn('merged_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('report_merges_pk', ['meeting_id', 'field', 'member_id'])
        .execute()
    },
  },
  '0005_decisions_in_principle': {
    // Decisions in principle (seed 003): recorded at a core group whose social worker is absent, then
    // signed off by the case's team manager, agreeing or not (fixed once signed off). Text lives here,
    // never in the audit trail.
    async up(db) {
      await db.schema
        .createTable('decisions_in_principle')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('signed_off_by', 'text')
        .addColumn('signed_off_at', 'text')
        .addColumn('outcome', 'text')
        .addColumn('note', 'text')
        .execute()
      await db.schema.createIndex('decisions_by_meeting').on('decisions_in_principle').columns(['meeting_id', 'recorded_at']).execute()
      await db.schema.createIndex('decisions_by_case').on('decisions_in_principle').columns(['case_id', 'signed_off_at']).execute()
    },
  },
  '0006_password_resets': {
    // Password-reset links an administrator makes for an account (issue 15 §8), stored as the token's sha256.
    async up(db) {
      await db.schema
        .createTable('password_resets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('authority_id', 'text', (c) => c.notNull().references('authorities.id'))
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute()
      await db.schema.createIndex('password_resets_by_user').on('password_resets').column('user_id').execute()
    },
  },
}
