/**
 * Taking access away from open sockets when the core group or a meeting's roles change: the user's
 * connections are closed, with `Forbidden` when they left the group (the client stops) and
 * `AccessChanged` otherwise (the client reconnects and gets its new access) — in every server
 * process, not only this one (`Rooms.changeAccess` broadcasts the change; issue 9 §7).
 * @module
 */
import { planDocumentName } from '../../schemas/plan/plan-rules.ts'
import type { Rooms } from '../sync/rooms.ts'

/** Closes the user's connections to any document of the case. Returns how many closed here. */
export function closeCaseSockets(rooms: Rooms, caseId: string, userId: string, optedOut: boolean): number {
  return rooms.changeAccess({
    userIds: [userId],
    caseId,
    left: optedOut,
    reason: optedOut ? 'no longer a member of the core group' : 'access changed',
  })
}

/** The documents of one meeting. */
export function meetingDocumentNames(meetingId: string): string[] {
  return [`meeting:${meetingId}`, `meeting:${meetingId}:restricted`, `report:${meetingId}`]
}

/** Closes the users' connections to the meeting's documents (chair or note taker changed). */
export function closeMeetingSockets(rooms: Rooms, meetingId: string, userIds: ReadonlySet<string>): number {
  if (userIds.size === 0) return 0
  return rooms.changeAccess({ userIds: [...userIds], docs: meetingDocumentNames(meetingId), left: false, reason: 'meeting roles changed' })
}

/**
 * Closes the users' connections to the case's plan: who may edit the whole plan depends on the meeting
 * dated today and its chair and note taker, so a change to those reconnects them with their new rights.
 */
export function closePlanSockets(rooms: Rooms, caseId: string, userIds: ReadonlySet<string>): number {
  if (userIds.size === 0) return 0
  return rooms.changeAccess({ userIds: [...userIds], docs: [planDocumentName(caseId)], left: false, reason: 'meeting roles changed' })
}
