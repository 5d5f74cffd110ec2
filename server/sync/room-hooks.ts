/**
 * What a room tells the rest of the server, and what it asks of it (`Room.load`'s hooks and options).
 * @module
 */
import type { Connection } from './connection.ts'
import type { QuarantinedEntry } from './document-loader.ts'
import type { HeldLimits } from './held-updates.ts'
import type { Room } from './room.ts'
import type { Refusal } from './update-guard.ts'
import type { UpdateResolution } from './update-resolver.ts'

export interface RoomHooks {
  /** Decides whether `conn` may make the changes of `resolution`; null to accept. Must not mutate. */
  judgeUpdate?: (room: Room, conn: Connection, resolution: UpdateResolution) => Refusal | null
  /**
   * Called just before an accepted update of `conn` is applied (read what it is about to change); the
   * function it returns runs right after the apply (read the result), and the function *that* returns
   * runs once the update is committed, in commit order (record it). The plan's row history works this
   * way. None may mutate the document.
   */
  observeIntegration?: (room: Room, conn: Connection, resolution: UpdateResolution) => (() => (() => void) | void) | void
  /** Whether an awareness state announced by `conn` may be relayed (e.g. it claims this user only). */
  checkAwareness?: (conn: Connection, state: Record<string, unknown>) => boolean
  /** Called when a connection breaks a limit (for the audit trail). */
  onLimit?: (room: Room, conn: Connection, limit: string) => void
  /** Called when a refusal closes a connection (for the audit trail). */
  onRejected?: (room: Room, conn: Connection, refusal: Refusal) => void
  /** Called with log entries set aside because they could not be loaded (for the audit trail). */
  onQuarantined?: (room: Room, entries: QuarantinedEntry[]) => void
  /** Called whenever the room's connection count drops to zero. */
  onEmpty?: (room: Room) => void
  /** Called when a connection joins and when it leaves (for per-session counts). */
  onJoin?: (conn: Connection) => void
  onLeave?: (conn: Connection) => void
  /**
   * Called with each update made durable by this process (a client's or the server's own), after
   * it is committed; scale-out publishes it here. Not called for updates from other processes.
   */
  onAccepted?: (room: Room, update: Uint8Array) => void
  /** Called with each awareness update from this process's connections (y-protocols encoding). */
  onAwareness?: (room: Room, update: Uint8Array) => void
  /** Called when the room's memory holds a change the store refused; the room must be dropped. */
  onFailed?: (room: Room) => void
}

export interface RoomOptions {
  /** Overrides `HELD_LIMITS` (tests). */
  heldLimits?: HeldLimits
}
