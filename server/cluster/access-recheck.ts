/**
 * The periodic re-check of open sockets' access (issue 9 §7): whatever an access-change broadcast
 * missed (Redis down, a change made outside the API) is caught within one interval. Each open
 * connection's access is resolved again from the rows (`resolveAccess`, once per user and document)
 * and compared with the access it opened with, as far as rights go: the member, their role, opted
 * out or not, and whether they chair the meeting or take its notes. A connection that may no longer
 * read the document is closed `Forbidden`; one whose rights changed, `AccessChanged` (it reconnects
 * with its new access). Layout changes (a member added) close nobody.
 * @module
 */
import { CloseCode } from '../../schemas/protocol.ts'
import type { Db } from '../db/schema.ts'
import { errorSummary, log } from '../log.ts'
import { resolveAccess, type AccessResult, type DocumentAccess } from '../sync/access.ts'
import type { Connection } from '../sync/connection.ts'
import type { Rooms } from '../sync/rooms.ts'

type Verdict = { code: number; reason: string } | null

/** Re-checks every open connection of `rooms` once; resolves with how many it closed. */
export async function recheckAccess(rooms: Rooms, db: Db): Promise<number> {
  const resolved = new Map<string, Promise<AccessResult | null>>()
  const verdicts = new Map<Connection, NonNullable<Verdict>>()
  for (const { conn, room } of [...rooms.connections()]) {
    const before = conn.identity.access
    // The demo sandbox's access depends on nothing that changes.
    if (!before || before.caseId === null || before.authorityId === null) continue
    const key = `${conn.identity.userId}\u0000${room.name}`
    let after = resolved.get(key)
    if (!after) {
      // A lookup that fails leaves the connection as it is, until the next pass.
      after = resolveAccess(db, { id: conn.identity.userId, authorityId: before.authorityId }, room.name).catch((err: unknown) => {
        log.error('sync.access_recheck_lookup_failed', { doc: room.name, error: errorSummary(err) })
        return null
      })
      resolved.set(key, after)
    }
    const result = await after
    const verdict = result && judge(before, result)
    if (verdict) verdicts.set(conn, verdict)
  }
  if (verdicts.size === 0) return 0
  let closed = 0
  for (const code of new Set([...verdicts.values()].map((v) => v.code))) {
    const reason = [...verdicts.values()].find((v) => v.code === code)!.reason
    closed += rooms.closeWhere((conn) => verdicts.get(conn)?.code === code, code, reason)
  }
  log.info('sync.access_rechecked', { closed })
  return closed
}

/** What to do with a connection that opened with `before`, now that its access resolves to `after`. */
export function judge(before: DocumentAccess, after: AccessResult): Verdict {
  if (!after.ok) return { code: CloseCode.Forbidden, reason: 'no access to this document' }
  const now = after.access
  if (now.viewer.optedOut && !before.viewer.optedOut) return { code: CloseCode.Forbidden, reason: 'no longer a member of the core group' }
  return rightsOf(now) === rightsOf(before) ? null : { code: CloseCode.AccessChanged, reason: 'access changed' }
}

/** The parts of an access that decide what its holder may do, as one comparable string. */
function rightsOf(access: DocumentAccess): string {
  const { viewer, meetingRoles } = access
  const is = (memberId: string | null | undefined) => viewer.memberId !== null && memberId === viewer.memberId
  return JSON.stringify([viewer.userId, viewer.memberId, viewer.role, viewer.optedOut, is(meetingRoles?.chairMemberId), is(meetingRoles?.noteTakerMemberId)])
}
