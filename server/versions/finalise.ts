/**
 * Finalise and reopen (issue 13, DESIGN §5). Finalising a meeting's minutes is a barrier: the store's
 * whole-document lock is set first on the minutes and the restricted notes — from then on no process's
 * append to them commits (the lock is read in the append's own transaction) — then their state is read
 * back from the store, so the version holds exactly what was committed before the barrier, together
 * with the plan as it stood. Only then is the version written (its number unique per meeting, so two
 * finalises racing in two processes make one version), and `control.finalisedVersion` set in each live
 * room (fanned out to every process), which makes every open editor read-only.
 *
 * Reopening records the reason, takes `finalisedVersion` away and gives the documents back their own
 * lock state; the next finalise makes the next version number.
 * @module
 */
import type * as Y from 'yjs'
import type { Member, Meeting } from '../../schemas/entities/index.ts'
import { CONTROL_SECTION } from '../../schemas/documents.ts'
import type { VersionSubject } from '../../schemas/api/versions.ts'
import { newId } from '../auth/tokens.ts'
import type { Db } from '../db/schema.ts'
import { conflict } from '../errors.ts'
import { errorSummary, log } from '../log.ts'
import type { DocumentStore } from '../store/document-store.ts'
import type { Rooms } from '../sync/rooms.ts'
import { controlStateOf } from '../sync/update-guard.ts'
import { loadStoredDocument } from './stored-document.ts'
import { insertReopening, insertVersion, isUniqueViolation, listReopenings, listVersions, type ReopeningRecord, type VersionContext, type VersionDocument, type VersionRecord } from './version-repo.ts'

export interface VersionServices {
  db: Db
  store: DocumentStore
  rooms: Rooms
}

/** The documents a version of `subject` locks (in this order) and the ones it only records. */
export function versionedDocuments(meeting: Pick<Meeting, 'id' | 'caseId'>, subject: VersionSubject): { locked: Array<{ role: string; doc: string }>; recorded: Array<{ role: string; doc: string }> } {
  if (subject === 'report') {
    return {
      locked: [
        { role: 'report', doc: `report:${meeting.id}` },
        { role: 'report-family', doc: `report:${meeting.id}:family` },
      ],
      // The minutes, for the child's own views under the voice of the child (server/export/child-views.ts).
      recorded: [
        { role: 'plan', doc: `plan:${meeting.caseId}` },
        { role: 'minutes', doc: `meeting:${meeting.id}` },
      ],
    }
  }
  return {
    locked: [
      { role: 'minutes', doc: `meeting:${meeting.id}` },
      { role: 'restricted', doc: `meeting:${meeting.id}:restricted` },
    ],
    recorded: [{ role: 'plan', doc: `plan:${meeting.caseId}` }],
  }
}

/** Whether the newest version stands (finalised) or was reopened (or there is none: draft). */
export async function versionState(db: Db, meetingId: string, subject: VersionSubject) {
  const versions = await listVersions(db, meetingId, subject)
  const reopenings = await listReopenings(db, meetingId, subject)
  const latest = versions[0] ?? null
  const finalised = latest !== null && !reopenings.has(latest.number)
  return { versions, reopenings, latest, finalised }
}

/** Writes or clears `control.finalisedVersion` in the live room of `doc` (and so in every process). */
async function markFinalised(rooms: Rooms, doc: string, versionId: string | null): Promise<void> {
  const room = await rooms.get(doc)
  await room.applyServerChange((d: Y.Doc) => {
    const control = d.getMap(CONTROL_SECTION)
    if (versionId === null) control.delete('finalisedVersion')
    else control.set('finalisedVersion', versionId)
  })
}

/** The store's whole-document lock back to what the live document shows (its own `locked`). */
async function restoreLock(services: VersionServices, doc: string): Promise<void> {
  const room = await services.rooms.get(doc)
  await services.store.setLock(doc, null, controlStateOf(room.doc).locked)
}

export interface FinaliseRequest {
  meeting: Meeting
  subject: VersionSubject
  context: Omit<VersionContext, 'meeting'>
  members: readonly Member[]
  userId: string
  authorityId: string
}

/** Finalises the meeting's `subject`: the barrier, then the version (409 when already finalised). */
export async function finalise(services: VersionServices, req: FinaliseRequest): Promise<VersionRecord> {
  const { db, store } = services
  const current = await versionState(db, req.meeting.id, req.subject)
  if (current.finalised) throw conflict('These notes are already finalised: reopen them to make changes')
  const { locked, recorded } = versionedDocuments(req.meeting, req.subject)
  for (const { doc } of locked) await store.setLock(doc, null, true)
  let version: VersionRecord
  try {
    // Loaded by the first finalise: the canonical projection builds ProseMirror documents (issue 16 §3).
    const { canonicalHash, versionHash } = await import('./canonical-hash.ts')
    const documents: VersionDocument[] = []
    for (const { role, doc } of [...locked, ...recorded]) {
      const stored = await loadStoredDocument(store, doc)
      documents.push({ role, doc, sha256: canonicalHash(stored.doc), state: stored.state })
      stored.doc.destroy()
    }
    version = {
      id: newId('ver'),
      authorityId: req.authorityId,
      caseId: req.meeting.caseId,
      meetingId: req.meeting.id,
      subject: req.subject,
      number: (current.latest?.number ?? 0) + 1,
      createdAt: new Date().toISOString(),
      createdBy: req.userId,
      hash: versionHash(documents),
      context: { ...req.context, meeting: req.meeting },
    }
    await insertVersion(db, version, documents)
  } catch (err) {
    // Another finalise made this number first: its barrier stands, so the locks stay.
    if (isUniqueViolation(err)) throw conflict('These notes were finalised meanwhile')
    for (const { doc } of locked) await restoreLock(services, doc).catch(() => {})
    throw err
  }
  for (const { doc } of locked) {
    // The store's lock already holds everywhere; the control map tells the editors.
    await markFinalised(services.rooms, doc, version.id).catch((err) => log.error('version.mark_failed', { doc, version: version.id, error: errorSummary(err) }))
  }
  return version
}

/** Reopens the newest version for a new draft (409 when nothing is finalised). */
export async function reopen(services: VersionServices, req: { meeting: Meeting; subject: VersionSubject; userId: string; reason: string }): Promise<ReopeningRecord> {
  const current = await versionState(services.db, req.meeting.id, req.subject)
  if (!current.finalised || !current.latest) throw conflict('There is no finalised version to reopen')
  const record: ReopeningRecord = {
    id: newId('reopen'),
    meetingId: req.meeting.id,
    subject: req.subject,
    afterNumber: current.latest.number,
    at: new Date().toISOString(),
    byUser: req.userId,
    reason: req.reason,
  }
  try {
    await insertReopening(services.db, record)
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('These notes were reopened meanwhile')
    throw err
  }
  for (const { doc } of versionedDocuments(req.meeting, req.subject).locked) {
    await markFinalised(services.rooms, doc, null)
    await restoreLock(services, doc)
  }
  return record
}
