/**
 * Submitting locks a contribution for its author; reopening unlocks it (issue 12 §2). Like every lock,
 * it goes to the store's lock table first (so no process's append to those sections commits from
 * then on), then into the document's `control` map through the room, so open editors see it at once.
 * @module
 */
import type * as Y from 'yjs'
import { CONTROL_SECTION } from '../../schemas/documents.ts'
import type { Rooms } from '../sync/rooms.ts'

function writeSectionLocks(doc: Y.Doc, sections: readonly string[], locked: boolean, byMemberId: string | null): void {
  const control = doc.getMap(CONTROL_SECTION)
  const current = { ...((control.get('sections') as Record<string, true> | undefined) ?? {}) }
  const lockedBy = { ...((control.get('lockedBy') as Record<string, string | null> | undefined) ?? {}) }
  for (const s of sections) {
    if (locked) {
      current[s] = true
      lockedBy[s] = byMemberId
    } else {
      delete current[s]
      delete lockedBy[s]
    }
  }
  control.set('sections', current)
  control.set('lockedBy', lockedBy)
}

/** Locks or unlocks `sections` of the document `docName`, in the store and then live. */
export async function setSectionLocks(rooms: Rooms, docName: string, sections: readonly string[], locked: boolean, byMemberId: string | null): Promise<void> {
  const store = rooms.storeOf(docName)
  const room = await rooms.get(docName)
  for (const s of sections) await store.setLock(docName, s, locked)
  try {
    await room.applyServerChange((doc) => writeSectionLocks(doc, sections, locked, byMemberId))
  } catch (err) {
    // The document never showed the change: the store's locks go back to what it shows.
    for (const s of sections) await store.setLock(docName, s, !locked).catch(() => {})
    throw err
  }
}
