/**
 * Keeps one room per open document: loads it on the first connection, compacts its log when it grows,
 * and compacts and unloads it when it has been idle for a while. With a `fanout` (scale-out), each
 * room is subscribed to its document's channel before it loads, and what it accepts is published.
 *
 * Access changes close the affected connections in every process (issue 9 §7): `changeAccess` closes
 * them here and broadcasts the change, which every other process's `Rooms` applies the same way; a
 * periodic re-check (`startAccessRecheck`) catches whatever a broadcast missed.
 *
 * Rooms of the `sandbox` (the demo documents, issue 9 §8) are kept in the sandbox's own store and
 * never fanned out: they live in this process only.
 * @module
 */
import { COMPACT_AFTER_UPDATES, ROOM_IDLE_UNLOAD_MS } from '../../schemas/limits.ts'
import { CloseCode } from '../../schemas/protocol.ts'
import { errorSummary, log } from '../log.ts'
import type { DocumentStore } from '../store/document-store.ts'
import type { Connection } from './connection.ts'
import type { AccessChange, Fanout } from './fanout.ts'
import { Room, type RoomHooks } from './room.ts'
import { RoomChannel } from './room-channel.ts'

export interface RoomsOptions {
  idleUnloadMs?: number
  compactAfterUpdates?: number
  hooks?: Omit<RoomHooks, 'onEmpty'>
  /** Other server processes holding the same documents (Redis); none in single-process mode. */
  fanout?: Fanout
  /** Rooms kept apart from `store`: those whose name `holds` accepts live in `store` here, unpublished. */
  sandbox?: { store: DocumentStore; holds(name: string): boolean }
}

/** How often open connections' access is re-checked by default (`startAccessRecheck`). */
export const ACCESS_RECHECK_MS = 60_000

export class Rooms {
  private readonly rooms = new Map<string, Promise<Room>>()
  private readonly perSession = new Map<string, number>()
  /** The rooms that have finished loading, for synchronous walks over connections. */
  private readonly ready = new Map<string, Room>()
  private readonly idleTimers = new Map<string, NodeJS.Timeout>()
  private readonly compactTimer: NodeJS.Timeout
  private readonly idleUnloadMs: number
  private readonly compactAfter: number
  private readonly hooks: RoomHooks
  private readonly channels = new Map<Room, RoomChannel>()
  private readonly stopBroadcasts: () => void
  private recheckTimer: NodeJS.Timeout | null = null

  constructor(private readonly store: DocumentStore, private readonly options: RoomsOptions = {}) {
    this.idleUnloadMs = options.idleUnloadMs ?? ROOM_IDLE_UNLOAD_MS
    this.compactAfter = options.compactAfterUpdates ?? COMPACT_AFTER_UPDATES
    const given = options.hooks ?? {}
    const fanout = options.fanout
    this.hooks = {
      ...given,
      onEmpty: (r) => this.scheduleUnload(r),
      onJoin: (conn) => {
        const id = conn.identity.sessionId
        if (id) this.perSession.set(id, (this.perSession.get(id) ?? 0) + 1)
      },
      onLeave: (conn) => {
        const id = conn.identity.sessionId
        if (!id) return
        const n = (this.perSession.get(id) ?? 1) - 1
        if (n > 0) this.perSession.set(id, n)
        else this.perSession.delete(id)
      },
      onAccepted: (r, update) => {
        given.onAccepted?.(r, update)
        if (!this.sandboxed(r.name)) fanout?.publish(r.name, { kind: 'update', data: update })
      },
      onAwareness: (r, update) => {
        given.onAwareness?.(r, update)
        if (!this.sandboxed(r.name)) fanout?.publish(r.name, { kind: 'awareness', data: update })
      },
      onFailed: (r) => {
        given.onFailed?.(r)
        void this.drop(r)
      },
    }
    this.compactTimer = setInterval(() => void this.compactGrown(), 5_000)
    this.compactTimer.unref()
    this.stopBroadcasts = fanout?.onBroadcast((m) => m.kind === 'access-changed' && this.closeAffected(m.change)) ?? (() => {})
  }

  /** The room of `name`, loading it if needed. Cancels a pending idle unload. */
  get(name: string): Promise<Room> {
    const timer = this.idleTimers.get(name)
    if (timer) {
      clearTimeout(timer)
      this.idleTimers.delete(name)
    }
    let room = this.rooms.get(name)
    if (!room) {
      const started = performance.now()
      room = this.load(name)
      room.then(
        (r) => {
          this.ready.set(name, r)
          log.info('room.loaded', { doc: name, ms: Math.round(performance.now() - started) })
        },
        (err) => {
          log.error('room.load_failed', { doc: name, error: errorSummary(err) })
          this.rooms.delete(name)
        },
      )
      this.rooms.set(name, room)
    }
    // A room fetched without a connection (a lock written over HTTP) is unloaded when idle too; one
    // that is joined meanwhile stays (unload checks).
    room.then((r) => r.connections.size === 0 && this.scheduleUnload(r), () => {})
    return room
  }

  /** The store the room `name` is kept in: the sandbox's for a sandbox room, else the real one. */
  storeOf(name: string): DocumentStore {
    return this.sandboxed(name) ? this.options.sandbox!.store : this.store
  }

  private sandboxed(name: string): boolean {
    return this.options.sandbox?.holds(name) ?? false
  }

  /** Rooms currently in memory (for tests and health). */
  get loadedCount(): number {
    return this.rooms.size
  }

  isLoaded(name: string): boolean {
    return this.rooms.has(name)
  }

  /** The room of `name` if it has finished loading, without loading it or touching its idle countdown (read only). */
  loaded(name: string): Room | undefined {
    return this.ready.get(name)
  }

  /** Open connections (in loaded rooms) — resolved rooms only. */
  *connections(): Generator<{ room: Room; conn: Connection }> {
    for (const room of this.ready.values()) for (const conn of room.connections) yield { room, conn }
  }

  /** Open connections of one session (kept as a count: a scan would cost O(connections) per upgrade). */
  connectionsOfSession(sessionId: string): number {
    return this.perSession.get(sessionId) ?? 0
  }

  /** Closes every connection that matches (session ended, member removed, access changed). */
  closeWhere(match: (conn: Connection, room: Room) => boolean, code: number, reason: string): number {
    const victims = [...this.connections()].filter(({ conn, room }) => match(conn, room))
    for (const { room, conn } of victims) {
      conn.close(code, reason)
      room.leave(conn)
    }
    return victims.length
  }

  /**
   * Closes the connections `change` takes access from, in this process and (broadcast) in every other.
   * Returns how many were closed here.
   */
  changeAccess(change: AccessChange): number {
    this.options.fanout?.broadcast({ kind: 'access-changed', change })
    return this.closeAffected(change)
  }

  private closeAffected(change: AccessChange): number {
    const users = new Set(change.userIds)
    const docs = change.docs && new Set(change.docs)
    const sessions = change.sessionIds && new Set(change.sessionIds)
    return this.closeWhere(
      (conn, room) =>
        users.has(conn.identity.userId) &&
        (change.caseId === undefined || conn.identity.access?.caseId === change.caseId) &&
        (docs === undefined || docs.has(room.name)) &&
        (sessions === undefined || (conn.identity.sessionId !== undefined && sessions.has(conn.identity.sessionId))),
      sessions ? CloseCode.Unauthenticated : change.left ? CloseCode.Forbidden : CloseCode.AccessChanged,
      change.reason,
    )
  }

  /**
   * Runs `recheck` every `intervalMs` (one run at a time) until `closeAll`: it re-resolves each open
   * connection's access and closes those whose access changed. Replaces an earlier one.
   */
  startAccessRecheck(recheck: (rooms: Rooms) => Promise<unknown>, intervalMs = ACCESS_RECHECK_MS): void {
    if (this.recheckTimer) clearInterval(this.recheckTimer)
    let running = false
    this.recheckTimer = setInterval(() => {
      if (running) return
      running = true
      recheck(this)
        .catch((err) => log.error('sync.access_recheck_failed', { error: errorSummary(err) }))
        .finally(() => (running = false))
    }, intervalMs)
    this.recheckTimer.unref()
  }

  /** Subscribes to the document's channel (when scaled out), then loads the room. */
  private async load(name: string): Promise<Room> {
    const channel = this.options.fanout && !this.sandboxed(name) ? new RoomChannel(name, this.options.fanout) : null
    await channel?.open()
    try {
      const room = await Room.load(name, this.storeOf(name), this.hooks)
      if (channel) {
        this.channels.set(room, channel)
        channel.attach(room)
      }
      return room
    } catch (err) {
      channel?.close()
      throw err
    }
  }

  private closeChannel(room: Room): void {
    this.channels.get(room)?.close()
    this.channels.delete(room)
  }

  /** Drops a room whose memory the store no longer matches, without compacting; the next get reloads it. */
  private async drop(room: Room): Promise<void> {
    const timer = this.idleTimers.get(room.name)
    if (timer) clearTimeout(timer)
    this.idleTimers.delete(room.name)
    if ((await this.rooms.get(room.name)) !== room) return
    this.rooms.delete(room.name)
    this.ready.delete(room.name)
    this.closeChannel(room)
    room.destroy()
    log.warn('room.dropped', { doc: room.name })
  }

  /** (Re)starts the room's idle countdown. */
  private scheduleUnload(room: Room): void {
    const previous = this.idleTimers.get(room.name)
    if (previous) clearTimeout(previous)
    const timer = setTimeout(() => void this.unload(room), this.idleUnloadMs)
    timer.unref()
    this.idleTimers.set(room.name, timer)
  }

  /** Compacts the room's log and drops it from memory, unless someone joined in the meantime. */
  async unload(room: Room): Promise<void> {
    this.idleTimers.delete(room.name)
    if (room.connections.size > 0 || (await this.rooms.get(room.name)) !== room) return
    this.rooms.delete(room.name)
    this.ready.delete(room.name)
    this.closeChannel(room)
    if (room.appendedSinceCompaction > 0) await this.compact(room)
    room.destroy()
    log.info('room.unloaded', { doc: room.name })
  }

  private async compact(room: Room): Promise<void> {
    try {
      // With one process writing (no fan-out, or a sandbox room), the live copy once its changes are
      // committed is the log's content: store it instead of folding the log again.
      const store = this.storeOf(room.name)
      if ((!this.options.fanout || this.sandboxed(room.name)) && store.compactWithState) {
        await store.compactWithState(room.name, await room.committedState())
      } else {
        await store.compact(room.name)
      }
    } catch (err) {
      // The log is intact when compaction fails; the next load reads it in full.
      log.error('store.compact_failed', { doc: room.name, error: errorSummary(err) })
    }
  }

  private async compactGrown(): Promise<void> {
    for (const pending of this.rooms.values()) {
      const room = await pending.catch(() => null)
      if (room && room.appendedSinceCompaction >= this.compactAfter) {
        room.appendedSinceCompaction = 0
        await this.compact(room)
      }
    }
  }

  /** Closes every connection and compacts every loaded room (graceful shutdown). */
  async closeAll(): Promise<void> {
    clearInterval(this.compactTimer)
    if (this.recheckTimer) clearInterval(this.recheckTimer)
    this.stopBroadcasts()
    for (const t of this.idleTimers.values()) clearTimeout(t)
    this.idleTimers.clear()
    const rooms = await Promise.all([...this.rooms.values()].map((p) => p.catch(() => null)))
    this.rooms.clear()
    this.ready.clear()
    for (const room of rooms) {
      if (!room) continue
      room.closeAll(CloseCode.GoingAway, 'server shutting down')
      this.closeChannel(room)
      if (room.appendedSinceCompaction > 0) await this.compact(room)
      room.destroy()
    }
  }
}
