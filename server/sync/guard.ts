/**
 * The room hooks that enforce permissions: the judgement of every resolved update (paths, locks and
 * content, `update-guard.ts`), awareness that may only speak for its own user, and the audit of every
 * refusal, breached limit and quarantined log entry; the plan's row history (`plan-history.ts`):
 * the plan's rows read before and after each accepted update, their differences written after its
 * commit; and the attendance register's word on the social worker (`attendance-facts.ts`).
 * @module
 */
import { parseDocumentName } from '../../schemas/documents.ts'
import { PLAN_ACTIONS_SECTION } from '../../schemas/plan/plan-rules.ts'
import { recordAudit } from '../db/repos/audit.ts'
import { recordPlanHistory } from '../db/repos/plan-history.ts'
import type { Db } from '../db/schema.ts'
import { errorSummary, log } from '../log.ts'
import { ATTENDANCE_SECTION, attendanceRowsOf, recordSocialWorkerAttendance } from './attendance-facts.ts'
import { planRowChanges, snapshotPlanRows } from './plan-history.ts'
import type { RoomHooks } from './room.ts'
import { controlStateOf, judgeUpdate } from './update-guard.ts'

export function permissionHooks(db: Db): Omit<RoomHooks, 'onEmpty'> {
  const audit = (e: Parameters<typeof recordAudit>[1]) =>
    recordAudit(db, e).catch((err) => log.error('audit.write_failed', { event: e.event, error: errorSummary(err) }))
  return {
    judgeUpdate(room, conn, resolution) {
      const access = conn.identity.access
      // Every connection the server opens has its access resolved; one without is refused outright.
      if (!access) return { section: '*', reason: 'read-only' }
      return judgeUpdate(access, resolution, controlStateOf(room.doc), room.doc)
    },
    observeIntegration(room, conn, resolution) {
      const access = conn.identity.access
      if (access?.doc.kind === 'meeting' && resolution.sections.has(ATTENDANCE_SECTION)) {
        const meetingId = access.doc.meetingId
        return () => {
          const rows = attendanceRowsOf(room.doc)
          return () => void recordSocialWorkerAttendance(db, meetingId, rows, conn.identity.userId)
        }
      }
      const caseId = access?.caseId
      if (access?.doc.kind !== 'plan' || !caseId || !resolution.sections.has(PLAN_ACTIONS_SECTION)) return
      const before = snapshotPlanRows(room.doc)
      return () => {
        const who = { memberId: access.viewer.memberId ?? conn.identity.userId, name: access.memberName ?? conn.identity.name ?? '' }
        const changes = planRowChanges(before, snapshotPlanRows(room.doc), who, new Date().toISOString())
        if (changes.length === 0) return
        const writes = changes.map(({ rowId, entry }) => ({ caseId, rowId, userId: conn.identity.userId, entry }))
        return () => {
          void recordPlanHistory(db, writes).catch((err) => log.error('plan.history_write_failed', { doc: room.name, entries: writes.length, error: errorSummary(err) }))
        }
      }
    },
    checkAwareness(conn, state) {
      const user = state.user as { id?: unknown; name?: unknown } | undefined
      if (user === undefined) return true
      return user.id === conn.identity.userId && user.name === conn.identity.name
    },
    onRejected(room, conn, refusal) {
      const access = conn.identity.access
      void audit({ event: 'update-rejected', userId: conn.identity.userId, authorityId: access?.authorityId, caseId: access?.caseId, doc: room.name, section: refusal.section, detail: { reason: refusal.reason } })
    },
    onLimit(room, conn, limit) {
      const access = conn.identity.access
      void audit({ event: 'limit-breached', userId: conn.identity.userId, authorityId: access?.authorityId, caseId: access?.caseId, doc: room.name, detail: { limit } })
    },
    onQuarantined(room, entries) {
      void caseOf(db, room.name).then((c) => {
        for (const entry of entries) {
          void audit({ event: 'log-entry-quarantined', authorityId: c?.authorityId, caseId: c?.caseId, doc: room.name, detail: { seq: entry.seq, reason: entry.reason } })
        }
      })
    },
  }
}

/** The case and authority a document belongs to, for the audit trail (null for the demo). */
async function caseOf(db: Db, name: string): Promise<{ caseId: string; authorityId: string } | null> {
  const ref = parseDocumentName(name)
  if (!ref || ref.kind === 'demo') return null
  if (ref.kind === 'plan') {
    const row = await db.selectFrom('cases').select(['id as caseId', 'authority_id as authorityId']).where('id', '=', ref.caseId).executeTakeFirst().catch((err: unknown) => {
      log.error('audit.case_lookup_failed', { doc: name, error: errorSummary(err) })
      return undefined
    })
    return row ?? null
  }
  const meetingId = 'reportId' in ref ? ref.reportId : ref.meetingId
  try {
    const row = await db
      .selectFrom('meetings')
      .innerJoin('cases', 'cases.id', 'meetings.case_id')
      .select(['cases.id as caseId', 'cases.authority_id as authorityId'])
      .where('meetings.id', '=', meetingId)
      .executeTakeFirst()
    return row ?? null
  } catch (err) {
    log.error('audit.case_lookup_failed', { doc: name, error: errorSummary(err) })
    return null
  }
}
