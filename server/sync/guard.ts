/**
 * The room hooks that enforce permissions: the update check on every update, awareness that may only
 * speak for its own user, and the audit of every refusal.
 * @module
 */
import { recordAudit } from '../db/repos/audit.ts'
import type { Db } from '../db/schema.ts'
import { errorSummary, log } from '../log.ts'
import type { RoomHooks } from './room.ts'
import { checkUpdate } from './update-check.ts'

export function permissionHooks(db: Db): Omit<RoomHooks, 'onEmpty'> {
  const audit = (e: Parameters<typeof recordAudit>[1]) =>
    recordAudit(db, e).catch((err) => log.error('audit.write_failed', { event: e.event, error: errorSummary(err) }))
  return {
    checkUpdate(room, conn, update) {
      const access = conn.identity.access
      // Every connection the server opens has its access resolved; one without is refused outright.
      if (!access) return { section: '*', reason: 'read-only' }
      const result = checkUpdate(room.doc, access, update)
      if ('held' in result) return 'held'
      return result.ok ? null : { section: result.section, reason: result.reason }
    },
    checkAwareness(conn, state) {
      const user = state.user as { id?: unknown; name?: unknown } | undefined
      if (user === undefined) return true
      return user.id === conn.identity.userId && user.name === conn.identity.name
    },
    onRejected(room, conn, rejection) {
      const access = conn.identity.access
      void audit({ event: 'update-rejected', userId: conn.identity.userId, authorityId: access?.authorityId, caseId: access?.caseId, doc: room.name, section: rejection.section, detail: { reason: rejection.reason } })
    },
    onLimit(room, conn, limit) {
      const access = conn.identity.access
      void audit({ event: 'limit-breached', userId: conn.identity.userId, authorityId: access?.authorityId, caseId: access?.caseId, doc: room.name, detail: { limit } })
    },
  }
}
