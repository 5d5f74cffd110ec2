/**
 * A version as the API shows it (`VersionSummary`): who made it, its hashes and whether a later draft
 * reopened it (with the reason and who).
 * @module
 */
import type { VersionSummary } from '../../schemas/api/versions.ts'
import { getUser } from '../db/repos/users.ts'
import type { Db } from '../db/schema.ts'
import { versionDocumentHashes, type ReopeningRecord, type VersionRecord } from './version-repo.ts'

export async function versionSummary(db: Db, v: VersionRecord, reopening: ReopeningRecord | undefined): Promise<VersionSummary> {
  const by = reopening ? await getUser(db, reopening.byUser) : null
  return {
    id: v.id,
    meetingId: v.meetingId,
    subject: v.subject,
    number: v.number,
    createdAt: v.createdAt,
    createdBy: v.context.finalisedBy,
    hash: v.hash,
    documents: await versionDocumentHashes(db, v.id),
    reopened: reopening ? { at: reopening.at, by: { userId: reopening.byUser, name: by?.name ?? 'A former user' }, reason: reopening.reason } : null,
  }
}
