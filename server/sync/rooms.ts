/**
 * Keeps one room per open document: loads it on the first connection, compacts its log when it grows,
 * and compacts and unloads it when it has been idle for a while.
 * @module
 */
import { COMPACT_AFTER_UPDATES, ROOM_IDLE_UNLOAD_MS } from '../../schemas/limits.ts'
import { CloseCode } from '../../schemas/protocol.ts'
import { errorSummary, log } from '../log.ts'
import type { DocumentStore } from '../store/document-store.ts'
import { Room, type RoomHooks } from './room.ts'

export interface RoomsOptions {
  idleUnloadMs?: number
  compactAfterUpdates?: number
  hooks?: Omit<RoomHooks, 'onEmpty'>
}

export class Rooms {
  private readonly rooms = new Map<string, Promise<Room>>()
  private readonly idleTimers = new Map<string, NodeJS.Timeout>()
  private readonly compactTimer: NodeJS.Timeout
  private readonly idleUnloadMs: number
  private readonly compactAfter: number

  constructor(private readonly store: DocumentStore, private readonly options: RoomsOptions = {}) {
    this.idleUnloadMs = options.idleUnloadMs ?? ROOM_IDLE_UNLOAD_MS
    this.compactAfter = options.compactAfterUpdates ?? COMPACT_AFTER_UPDATES
    this.compactTimer = setInterval(() => void this.compactGrown(), 5_000)
    this.compactTimer.unref()
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
      room = Room.load(name, this.store, { ...this.options.hooks, onEmpty: (r) => this.scheduleUnload(r) })
      room.then(
        () => log.info('room.loaded', { doc: name, ms: Math.round(performance.now() - started) }),
        (err) => {
          log.error('room.load_failed', { doc: name, error: errorSummary(err) })
          this.rooms.delete(name)
        },
      )
      this.rooms.set(name, room)
    }
    return room
  }

  /** Rooms currently in memory (for tests and health). */
  get loadedCount(): number {
    return this.rooms.size
  }

  isLoaded(name: string): boolean {
    return this.rooms.has(name)
  }

  private scheduleUnload(room: Room): void {
    if (this.idleTimers.has(room.name)) return
    const timer = setTimeout(() => void this.unload(room), this.idleUnloadMs)
    timer.unref()
    this.idleTimers.set(room.name, timer)
  }

  /** Compacts the room's log and drops it from memory, unless someone joined in the meantime. */
  async unload(room: Room): Promise<void> {
    this.idleTimers.delete(room.name)
    if (room.connections.size > 0 || (await this.rooms.get(room.name)) !== room) return
    this.rooms.delete(room.name)
    room.destroy()
    if (room.appendedSinceCompaction > 0) await this.compact(room.name)
    log.info('room.unloaded', { doc: room.name })
  }

  private async compact(name: string): Promise<void> {
    try {
      await this.store.compact(name)
    } catch (err) {
      // The log is intact when compaction fails; the next load reads it in full.
      log.error('store.compact_failed', { doc: name, error: errorSummary(err) })
    }
  }

  private async compactGrown(): Promise<void> {
    for (const pending of this.rooms.values()) {
      const room = await pending.catch(() => null)
      if (room && room.appendedSinceCompaction >= this.compactAfter) {
        room.appendedSinceCompaction = 0
        await this.compact(room.name)
      }
    }
  }

  /** Closes every connection and compacts every loaded room (graceful shutdown). */
  async closeAll(): Promise<void> {
    clearInterval(this.compactTimer)
    for (const t of this.idleTimers.values()) clearTimeout(t)
    this.idleTimers.clear()
    const rooms = await Promise.all([...this.rooms.values()].map((p) => p.catch(() => null)))
    this.rooms.clear()
    for (const room of rooms) {
      if (!room) continue
      room.closeAll(CloseCode.GoingAway, 'server shutting down')
      room.destroy()
      if (room.appendedSinceCompaction > 0) await this.compact(room.name)
    }
  }
}
