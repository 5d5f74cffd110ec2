/**
 * Ending a child protection plan closes its core group: every document of the case (the plan, each
 * meeting's minutes and professionals-only notes, each joint report and its family copy) is locked whole,
 * read-only and kept (issue 15 §1). The lock goes the way every lock goes — the store's lock first (the
 * barrier every process's append checks), then `control`, which every open page follows — and is marked
 * as the plan's ending (`lockedBy['*'] = PLAN_ENDED_LOCK`), so reopening the case lifts exactly those
 * locks and leaves any lock a manager set before. A cancelled meeting's minutes and notes are locked the
 * same way, marked as its cancellation, and stay locked whatever happens to the case.
 * @module
 */
import type * as Y from 'yjs'
import { WHOLE_DOCUMENT_LOCK } from '../../schemas/control.ts'
import { CONTROL_SECTION } from '../../schemas/documents.ts'
import type { Case, Meeting } from '../../schemas/entities/index.ts'
import { listMeetings } from '../db/repos/meetings.ts'
import type { Db } from '../db/schema.ts'
import type { DocumentStore } from '../store/document-store.ts'
import type { Rooms } from '../sync/rooms.ts'
import { controlStateOf } from '../sync/update-guard.ts'

/** Who locked a document closed by the plan's ending (in `control.lockedBy`, where a member id would be). */
export const PLAN_ENDED_LOCK = 'plan-ended'

/** Who locked a cancelled meeting's minutes and notes: they are kept as they were, read-only, for good. */
export const MEETING_CANCELLED_LOCK = 'meeting-cancelled'

/** The documents of a case, given its meetings. */
export function caseDocuments(caseId: string, meetings: readonly Pick<Meeting, 'id' | 'type'>[]): string[] {
  const names = [`plan:${caseId}`]
  for (const m of meetings) {
    names.push(`meeting:${m.id}`, `meeting:${m.id}:restricted`)
    if (m.type === 'pre-review') names.push(`report:${m.id}`, `report:${m.id}:family`)
  }
  return names
}

function lockedByOf(doc: Y.Doc): Record<string, string | null> {
  return { ...((doc.getMap(CONTROL_SECTION).get('lockedBy') as Record<string, string | null> | undefined) ?? {}) }
}

/** Locks every document of the case whole that is not locked already, marked as the plan's ending. */
export async function closeCaseDocuments(store: DocumentStore, rooms: Rooms, documents: readonly string[]): Promise<void> {
  await lockWhole(store, rooms, documents, PLAN_ENDED_LOCK)
}

/**
 * Locks each document whole that is not locked already, marked with `marker` in `lockedBy['*']` (the
 * plan's ending, a meeting's cancellation), so that whatever lifts the lock lifts only its own.
 */
export async function lockWhole(store: DocumentStore, rooms: Rooms, documents: readonly string[], marker: string): Promise<void> {
  for (const name of documents) {
    const room = await rooms.get(name)
    if (controlStateOf(room.doc).locked) continue
    await store.setLock(name, null, true)
    await room.applyServerChange((doc) => {
      const control = doc.getMap(CONTROL_SECTION)
      control.set('lockedBy', { ...lockedByOf(doc), [WHOLE_DOCUMENT_LOCK]: marker })
      control.set('locked', true)
    })
  }
}

/** Lifts the locks the plan's ending set (a finalised document stays as its version left it). */
export async function reopenCaseDocuments(store: DocumentStore, rooms: Rooms, documents: readonly string[]): Promise<void> {
  for (const name of documents) {
    const room = await rooms.get(name)
    if (lockedByOf(room.doc)[WHOLE_DOCUMENT_LOCK] !== PLAN_ENDED_LOCK || controlStateOf(room.doc).finalisedVersion !== undefined) continue
    // The store first, as for every unlock: until control follows, the live copy is the stricter.
    await store.setLock(name, null, false)
    await room.applyServerChange((doc) => {
      const control = doc.getMap(CONTROL_SECTION)
      const lockedBy = lockedByOf(doc)
      delete lockedBy[WHOLE_DOCUMENT_LOCK]
      control.set('lockedBy', lockedBy)
      control.set('locked', false)
    })
  }
}

/** After a case is saved: its documents close when its plan has just ended and open again when it reopens. */
export async function afterCaseStatusChange(services: { db: Db; store: DocumentStore; rooms: Rooms }, before: Pick<Case, 'status'>, after: Pick<Case, 'id' | 'status'>): Promise<void> {
  if (before.status === after.status) return
  const documents = caseDocuments(after.id, await listMeetings(services.db, after.id))
  if (after.status === 'plan-ended') await closeCaseDocuments(services.store, services.rooms, documents)
  else await reopenCaseDocuments(services.store, services.rooms, documents)
}
