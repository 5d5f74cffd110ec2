/**
 * Taking access away from open sockets when the core group or a meeting's roles change: the user's
 * connections are closed, with `Forbidden` when they left the group (the client stops) and
 * `AccessChanged` otherwise (the client reconnects and gets its new access).
 * @module
 */
import { CloseCode } from '../../schemas/protocol.ts'
import type { Rooms } from '../sync/rooms.ts'

/** Closes the user's connections to any document of the case. */
export function closeCaseSockets(rooms: Rooms, caseId: string, userId: string, optedOut: boolean): number {
  return rooms.closeWhere(
    (conn) => conn.identity.userId === userId && conn.identity.access?.caseId === caseId,
    optedOut ? CloseCode.Forbidden : CloseCode.AccessChanged,
    optedOut ? 'no longer a member of the core group' : 'access changed',
  )
}

/** The documents of one meeting. */
export function meetingDocumentNames(meetingId: string): string[] {
  return [`meeting:${meetingId}`, `meeting:${meetingId}:restricted`, `report:${meetingId}`]
}

/** Closes the users' connections to the meeting's documents (chair or note taker changed). */
export function closeMeetingSockets(rooms: Rooms, meetingId: string, userIds: ReadonlySet<string>): number {
  const names = new Set(meetingDocumentNames(meetingId))
  return rooms.closeWhere(
    (conn, room) => userIds.has(conn.identity.userId) && names.has(room.name),
    CloseCode.AccessChanged,
    'meeting roles changed',
  )
}
