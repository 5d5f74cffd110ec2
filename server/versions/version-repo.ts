/**
 * The versions tables (issue 13): immutable versions and their documents (insert and read only — there
 * is no update or delete path), the reopenings that start a new draft, and the distribution record.
 * @module
 */
import * as Y from 'yjs'
import type { Meeting, Member } from '../../schemas/entities/index.ts'
import type { Case } from '../../schemas/entities/index.ts'
import type { Distribution, ExportCopy, VersionSubject } from '../../schemas/api/versions.ts'
import type { Db } from '../db/schema.ts'
import { serverDoc } from '../ydoc.ts'

/** What an export needs besides the documents, as it stood when the version was made. */
export interface VersionContext {
  meeting: Meeting
  case: Pick<Case, 'id' | 'familyName' | 'children'> & Partial<Pick<Case, 'termsOfReferenceAgreedDate' | 'transitionsWorkerMemberId'>>
  members: Member[]
  /** The case's other meetings (the next dates), as planned then. */
  meetings: Array<Pick<Meeting, 'id' | 'date' | 'time' | 'venue' | 'onlineLink' | 'type'>>
  authorityName: string
  finalisedBy: { userId: string; name: string }
}

export interface VersionRecord {
  id: string
  authorityId: string
  caseId: string
  meetingId: string
  subject: VersionSubject
  number: number
  createdAt: string
  createdBy: string
  hash: string
  context: VersionContext
}

export interface VersionDocument {
  role: string
  doc: string
  sha256: string
  state: Uint8Array
}

export interface ReopeningRecord {
  id: string
  meetingId: string
  subject: VersionSubject
  afterNumber: number
  at: string
  byUser: string
  reason: string
}

/** True for a unique-constraint violation on SQLite or PostgreSQL. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown }
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || /UNIQUE constraint failed/.test(String(e?.message))
}

/** Writes a version and its documents in one transaction; a taken number throws (unique violation). */
export async function insertVersion(db: Db, version: VersionRecord, documents: readonly VersionDocument[]): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('versions')
      .values({
        id: version.id,
        authority_id: version.authorityId,
        case_id: version.caseId,
        meeting_id: version.meetingId,
        subject: version.subject,
        number: version.number,
        created_at: version.createdAt,
        created_by: version.createdBy,
        hash: version.hash,
        context: JSON.stringify(version.context),
      })
      .execute()
    await tx
      .insertInto('version_documents')
      .values(documents.map((d) => ({ version_id: version.id, role: d.role, doc: d.doc, sha256: d.sha256, state: Buffer.from(d.state).toString('base64') })))
      .execute()
  })
}

type VersionRow = { id: string; authority_id: string; case_id: string; meeting_id: string; subject: string; number: number; created_at: string; created_by: string; hash: string; context: string }

function versionOf(r: VersionRow): VersionRecord {
  return {
    id: r.id,
    authorityId: r.authority_id,
    caseId: r.case_id,
    meetingId: r.meeting_id,
    subject: r.subject as VersionSubject,
    number: Number(r.number),
    createdAt: r.created_at,
    createdBy: r.created_by,
    hash: r.hash,
    context: JSON.parse(r.context) as VersionContext,
  }
}

/** A meeting's versions of `subject`, newest first. */
export async function listVersions(db: Db, meetingId: string, subject: VersionSubject): Promise<VersionRecord[]> {
  const rows = await db.selectFrom('versions').selectAll().where('meeting_id', '=', meetingId).where('subject', '=', subject).orderBy('number', 'desc').execute()
  return rows.map(versionOf)
}

export async function getVersion(db: Db, id: string): Promise<VersionRecord | null> {
  const row = await db.selectFrom('versions').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? versionOf(row) : null
}

/** The documents of a version with the given roles (only those are read), by role. */
/** A fresh document holding `state` (a full Yjs update), e.g. a version's stored document. */
export function docFromState(state: Uint8Array): Y.Doc {
  const doc = serverDoc()
  Y.applyUpdate(doc, state)
  return doc
}

export async function versionDocuments(db: Db, versionId: string, roles: readonly string[]): Promise<Map<string, VersionDocument>> {
  if (roles.length === 0) return new Map()
  const rows = await db.selectFrom('version_documents').selectAll().where('version_id', '=', versionId).where('role', 'in', [...roles]).execute()
  return new Map(rows.map((r) => [r.role, { role: r.role, doc: r.doc, sha256: r.sha256, state: new Uint8Array(Buffer.from(r.state, 'base64')) }]))
}

export async function insertReopening(db: Db, r: ReopeningRecord): Promise<void> {
  await db
    .insertInto('version_reopenings')
    .values({ id: r.id, meeting_id: r.meetingId, subject: r.subject, after_number: r.afterNumber, at: r.at, by_user: r.byUser, reason: r.reason })
    .execute()
}

/** A meeting's reopenings of `subject`, by the version number they reopened. */
export async function listReopenings(db: Db, meetingId: string, subject: VersionSubject): Promise<Map<number, ReopeningRecord>> {
  const rows = await db.selectFrom('version_reopenings').selectAll().where('meeting_id', '=', meetingId).where('subject', '=', subject).execute()
  return new Map(
    rows.map((r) => [Number(r.after_number), { id: r.id, meetingId: r.meeting_id, subject: r.subject as VersionSubject, afterNumber: Number(r.after_number), at: r.at, byUser: r.by_user, reason: r.reason }]),
  )
}

type DistributionRow = { id: string; version_id: string; member_id: string; copy: string; method: string; sent_at: string; sent_by: string; acknowledged_at: string | null; first_downloaded_at: string | null }

function distributionOf(r: DistributionRow): Distribution {
  return {
    id: r.id,
    versionId: r.version_id,
    memberId: r.member_id,
    copy: r.copy as ExportCopy,
    method: r.method,
    sentAt: r.sent_at,
    sentBy: r.sent_by,
    firstDownloadedAt: r.first_downloaded_at,
    acknowledgedAt: r.acknowledged_at,
  }
}

/** Records a version sent to a member; a second record for the same member throws (unique violation). */
export async function insertDistribution(db: Db, d: Distribution): Promise<void> {
  await db
    .insertInto('distributions')
    .values({ id: d.id, version_id: d.versionId, member_id: d.memberId, copy: d.copy, method: d.method, sent_at: d.sentAt, sent_by: d.sentBy, acknowledged_at: null, first_downloaded_at: null })
    .execute()
}

/** The distributions of the given versions. */
export async function listDistributions(db: Db, versionIds: readonly string[]): Promise<Distribution[]> {
  if (versionIds.length === 0) return []
  const rows = await db.selectFrom('distributions').selectAll().where('version_id', 'in', [...versionIds]).orderBy('sent_at').execute()
  return rows.map(distributionOf)
}

export async function getDistribution(db: Db, versionId: string, memberId: string): Promise<Distribution | null> {
  const row = await db.selectFrom('distributions').selectAll().where('version_id', '=', versionId).where('member_id', '=', memberId).executeTakeFirst()
  return row ? distributionOf(row) : null
}

/** Sets the first download or the acknowledgement time once; later calls keep the first. */
export async function markDistribution(db: Db, id: string, field: 'first_downloaded_at' | 'acknowledged_at', at: string): Promise<void> {
  await db.updateTable('distributions').set({ [field]: at }).where('id', '=', id).where(field, 'is', null).execute()
}

/** Each document's role and canonical hash (without reading any state). */
export async function versionDocumentHashes(db: Db, versionId: string): Promise<Array<{ role: string; sha256: string }>> {
  const rows = await db.selectFrom('version_documents').select(['role', 'sha256']).where('version_id', '=', versionId).orderBy('role').execute()
  return rows.map((r) => ({ role: r.role, sha256: r.sha256 }))
}
