/**
 * `/api/documents/:name/locks`: the lead social worker (or team manager) locks or unlocks one section
 * or a whole document. The lock is written to the store's lock table first — every process's append
 * reads it in its own transaction — then into the document's `control` map by the server, so every
 * open editor sees it at once and the update check enforces it.
 * @module
 */
import { Hono } from 'hono'
import type * as Y from 'yjs'
import { WHOLE_DOCUMENT_LOCK } from '../../../schemas/control.ts'
import { CONTROL_SECTION, parseSectionName } from '../../../schemas/documents.ts'
import { LockInput } from '../../../schemas/api/locks.ts'
import { canManageLocks, sectionBelongsTo } from '../../../schemas/permissions.ts'
import { requireAuth, type AppEnv } from '../../auth/middleware.ts'
import { recordAudit } from '../../db/repos/audit.ts'
import { roomNameOf } from '../../demo/sandbox.ts'
import { badRequest, conflict, forbidden, notFound } from '../../errors.ts'
import { resolveAccess } from '../../sync/access.ts'
import { controlStateOf } from '../../sync/update-guard.ts'
import type { ApiServices } from '../index.ts'
import { readJson } from '../validate.ts'

/**
 * Writes the lock into the document's `control` map (what editors show and the room's check reads), and
 * who locked it (`lockedBy`, a member id, for the pages to say so).
 */
function writeLock(doc: Y.Doc, input: LockInput, byMemberId: string | null): void {
  const control = doc.getMap(CONTROL_SECTION)
  const lockedBy = { ...((control.get('lockedBy') as Record<string, string | null> | undefined) ?? {}) }
  const key = input.section ?? WHOLE_DOCUMENT_LOCK
  if (input.locked) lockedBy[key] = byMemberId
  else delete lockedBy[key]
  control.set('lockedBy', lockedBy)
  if (input.section === undefined) {
    control.set('locked', input.locked)
    return
  }
  const sections = { ...((control.get('sections') as Record<string, true> | undefined) ?? {}) }
  if (input.locked) sections[input.section] = true
  else delete sections[input.section]
  control.set('sections', sections)
}

export function lockRoutes(services: ApiServices) {
  return new Hono<AppEnv>().post('/:name/locks', async (c) => {
    const { user } = requireAuth(c)
    const name = c.req.param('name')
    // Another authority's document is not found, like a missing one (`resolveAccess`, issue 9 §8).
    const result = await resolveAccess(services.db, user, name)
    if (!result.ok) throw result.reason === 'forbidden' ? forbidden('You do not have access to this document') : notFound('Document')
    const { access } = result
    // A demo document's room (and its locks) are its authority's own, in the sandbox store.
    const roomName = roomNameOf(access.doc, name, access.authorityId)
    const store = services.rooms.storeOf(roomName)
    if (!canManageLocks(access.viewer)) throw forbidden('Only the lead social worker or the team manager can lock sections')
    const input = await readJson(c, LockInput)
    if (input.section !== undefined) {
      const section = parseSectionName(input.section)
      if (!section || section.kind === 'control' || !sectionBelongsTo(access.doc, section)) {
        throw badRequest('There is a problem with the section', { section: 'Choose a section of this document' })
      }
    }
    const room = await services.rooms.get(roomName)
    // The store's lock first: from then on no process's append to what it locks commits, whatever
    // the fan-out delivers (issue 9 §7). An unlock goes first too: the live copy stays the stricter.
    const section = input.section ?? null
    const before = controlStateOf(room.doc)
    // A finalised document's locks are the finalise's barrier: only reopening takes it away (issue 13).
    if (before.finalisedVersion !== undefined) throw conflict('This document is finalised: reopen it to change its locks')
    await store.setLock(roomName, section, input.locked)
    try {
      await room.applyServerChange((doc) => writeLock(doc, input, access.viewer.memberId))
    } catch (err) {
      // The document never showed the change: the store's lock goes back to what the document shows.
      const shown = section === null ? before.locked : before.sections[section] === true
      await store.setLock(roomName, section, shown).catch(() => {})
      throw err
    }
    await recordAudit(services.db, {
      event: input.locked ? 'lock' : 'unlock',
      userId: user.id,
      authorityId: access.authorityId,
      caseId: access.caseId,
      doc: name,
      section: input.section ?? null,
    })
    const state = controlStateOf(room.doc)
    return c.json({ locked: state.locked, sections: state.sections })
  })
}
