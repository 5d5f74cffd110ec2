/**
 * A room: the server's live copy of one Yjs document and the connections editing it.
 *
 * Write path for every update (DESIGN §5): validate → check (a hook; the permission check plugs in
 * here) → append to the store (durable) → apply in memory → broadcast to the other connections →
 * acknowledge to the sender → `onAccepted` (scale-out publishes). The server's own changes
 * (`applyServerChange`, any origin that is not a connection) are stored before they are relayed too;
 * changes from other processes (`REMOTE_ORIGIN`) are only relayed. The room knows no transport: it
 * talks to `SyncSocket`s.
 * @module
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CloseCode, MessageType, SyncStep, encodeAck, encodeRejected } from '../../schemas/protocol.ts'
import { errorSummary, log } from '../log.ts'
import type { DocumentStore } from '../store/document-store.ts'
import { Connection, type ConnectionIdentity } from './connection.ts'
import { REMOTE_ORIGIN } from './fanout.ts'
import type { SyncSocket } from './sync-socket.ts'

/** Why an update was refused: the first section it touched that it may not, and a reason code. */
export interface UpdateRejection {
  section: string
  reason: string
}

/** `held`: the update depends on items the server has not seen; it waits for them. */
export type CheckOutcome = UpdateRejection | null | 'held'

export interface RoomHooks {
  /** Decides whether `conn` may apply `update`; null to accept. Must not mutate the document. */
  checkUpdate?: (room: Room, conn: Connection, update: Uint8Array) => CheckOutcome
  /** Whether an awareness state announced by `conn` may be relayed (e.g. it claims this user only). */
  checkAwareness?: (conn: Connection, state: Record<string, unknown>) => boolean
  /** Called when a connection breaks a limit (for the audit trail). */
  onLimit?: (room: Room, conn: Connection, limit: string) => void
  /** Called when a rejection closes a connection (for the audit trail). */
  onRejected?: (room: Room, conn: Connection, rejection: UpdateRejection) => void
  /** Called whenever the room's connection count drops to zero. */
  onEmpty?: (room: Room) => void
  /** Called when a connection joins and when it leaves (for per-session counts). */
  onJoin?: (conn: Connection) => void
  onLeave?: (conn: Connection) => void
  /**
   * Called with each update made durable by this process (a client's or the server's own), after
   * it is applied; scale-out publishes it here. Not called for updates from other processes.
   */
  onAccepted?: (room: Room, update: Uint8Array) => void
  /** Called with each awareness update from this process's connections (y-protocols encoding). */
  onAwareness?: (room: Room, update: Uint8Array) => void
  /** Called when the room's memory holds a change the store refused; the room must be dropped. */
  onFailed?: (room: Room) => void
}

/** Transaction origin of `Room.applyServerChange`. */
export const SERVER_ORIGIN: unique symbol = Symbol('coregroup.server')

/** Thrown inside frame handling when a frame does not follow the protocol. */
class ProtocolError extends Error {
  constructor(readonly code: number, message: string) {
    super(message)
  }
}

export class Room {
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  readonly connections = new Set<Connection>()
  /** Updates appended since the room loaded or last compacted. */
  appendedSinceCompaction = 0
  /** The store write of the server change made by the transaction that just ended. */
  private serverWrite: Promise<void> | null = null

  private constructor(
    readonly name: string,
    private readonly store: DocumentStore,
    private readonly hooks: RoomHooks,
    doc: Y.Doc,
  ) {
    this.doc = doc
    this.awareness = new awarenessProtocol.Awareness(doc)
    // The server itself has no presence.
    this.awareness.setLocalState(null)
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.broadcastAwareness)
  }

  /** Loads a room from the store (snapshot + log tail). */
  static async load(name: string, store: DocumentStore, hooks: RoomHooks = {}): Promise<Room> {
    const stored = await store.load(name)
    const doc = new Y.Doc({ gc: true })
    Y.transact(doc, () => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
      for (const u of stored.updates) Y.applyUpdate(doc, u)
    })
    const room = new Room(name, store, hooks, doc)
    room.appendedSinceCompaction = stored.updates.length
    return room
  }

  /** Adds a connection and starts the sync handshake (server's sync step 1, then presence). */
  join(socket: SyncSocket, identity: ConnectionIdentity): Connection {
    const conn = new Connection(socket, identity, (c, f) => this.handleFrame(c, f), (c) => this.rateExceeded(c))
    this.connections.add(conn)
    this.hooks.onJoin?.(conn)
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, MessageType.Sync)
    encoding.writeVarUint(e, SyncStep.Step1)
    encoding.writeVarUint8Array(e, Y.encodeStateVector(this.doc))
    conn.send(encoding.toUint8Array(e))
    const states = this.awareness.getStates()
    if (states.size > 0) conn.send(awarenessMessage(this.awareness, [...states.keys()]))
    return conn
  }

  /** Removes a connection (socket closed) and withdraws its presence. */
  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return
    conn.closed = true
    this.hooks.onLeave?.(conn)
    if (conn.awarenessClients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessClients], conn)
    }
    if (this.connections.size === 0) this.hooks.onEmpty?.(this)
  }

  /** Closes every connection (server shutdown or room unload). */
  closeAll(code: number, reason: string): void {
    for (const conn of [...this.connections]) {
      conn.close(code, reason)
      this.leave(conn)
    }
  }

  destroy(): void {
    this.doc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.broadcastAwareness)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private handleFrame(conn: Connection, frame: Uint8Array): void | Promise<void> {
    try {
      const d = decoding.createDecoder(frame)
      const type = decoding.readVarUint(d)
      switch (type) {
        case MessageType.Sync:
          return this.handleSync(conn, d)
        case MessageType.Awareness:
          return this.handleAwareness(conn, d)
        case MessageType.QueryAwareness:
          conn.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]))
          return
        case MessageType.Auth:
          return // y-websocket's auth message is unused: the session cookie authenticates.
        default:
          throw new ProtocolError(CloseCode.UnknownMessageType, 'unknown message type')
      }
    } catch (err) {
      this.failConnection(conn, err)
    }
  }

  private handleSync(conn: Connection, d: decoding.Decoder): void | Promise<void> {
    const step = decoding.readVarUint(d)
    if (step === SyncStep.Step1) {
      const sv = decoding.readVarUint8Array(d)
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, MessageType.Sync)
      encoding.writeVarUint(e, SyncStep.Step2)
      encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(this.doc, sv))
      conn.send(encoding.toUint8Array(e))
      return
    }
    if (step !== SyncStep.Step2 && step !== SyncStep.Update) {
      throw new ProtocolError(CloseCode.MalformedMessage, 'unknown sync step')
    }
    const update = decoding.readVarUint8Array(d)
    const seq = ++conn.received
    validateUpdate(update)
    if (conn.held.length > 0) {
      // What the held update waits for may be in this one (a keystroke sent just before the sync step
      // 2 that carries its history, on reconnecting): check them as one update, acknowledged as `seq`.
      const merged = Y.mergeUpdates([...conn.held.map((h) => h.update), update])
      conn.held.length = 0
      return this.accept(conn, merged, seq)
    }
    return this.accept(conn, update, seq)
  }

  /** Checks, stores, applies and acknowledges one update (or holds or rejects it). */
  private accept(conn: Connection, update: Uint8Array, seq: number): void | Promise<void> {
    const outcome = this.hooks.checkUpdate?.(this, conn, update) ?? null
    if (outcome === 'held') {
      conn.held.push({ update, seq })
      return
    }
    if (outcome) {
      log.warn('sync.update_rejected', { doc: this.name, user: conn.identity.userId, section: outcome.section, reason: outcome.reason })
      conn.send(encodeRejected(outcome.section, outcome.reason))
      this.hooks.onRejected?.(this, conn, outcome)
      conn.close(CloseCode.UpdateRejected, outcome.reason)
      this.leave(conn)
      return
    }
    return this.store.append(this.name, update).then(
      () => {
        this.appendedSinceCompaction++
        Y.applyUpdate(this.doc, update, conn)
        conn.send(encodeAck(seq))
        this.hooks.onAccepted?.(this, update)
      },
      (err) => {
        log.error('store.append_failed', { doc: this.name, error: errorSummary(err) })
        conn.close(CloseCode.StoreFailed, 'could not store update')
        this.leave(conn)
      },
    )
  }

  /** After the document changed, retries updates that were waiting for items it now has. */
  private retryHeld(): void {
    for (const conn of this.connections) {
      if (conn.held.length === 0 || conn.retrying) continue
      conn.retrying = true
      void this.drainHeld(conn).finally(() => (conn.retrying = false))
    }
  }

  private async drainHeld(conn: Connection): Promise<void> {
    while (conn.held.length > 0 && !conn.closed) {
      const next = conn.held[0]!
      const outcome = this.hooks.checkUpdate?.(this, conn, next.update) ?? null
      if (outcome === 'held') return
      conn.held.shift()
      const pending = this.accept(conn, next.update, next.seq)
      if (pending) await pending
    }
  }

  private handleAwareness(conn: Connection, d: decoding.Decoder): void {
    const payload = decoding.readVarUint8Array(d)
    // Note which clients this connection speaks for, so their presence goes when it does.
    const pd = decoding.createDecoder(payload)
    const count = decoding.readVarUint(pd)
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(pd)
      decoding.readVarUint(pd) // clock
      const state = JSON.parse(decoding.readVarString(pd)) as Record<string, unknown> | null
      if (state === null) {
        conn.awarenessClients.delete(clientId)
        continue
      }
      // A client id another connection speaks for, or a state claiming another user, is dropped whole.
      const owner = this.awarenessOwner(clientId)
      if ((owner && owner !== conn) || (this.hooks.checkAwareness && !this.hooks.checkAwareness(conn, state))) {
        log.warn('sync.awareness_dropped', { doc: this.name, user: conn.identity.userId })
        return
      }
      conn.awarenessClients.add(clientId)
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, conn)
  }

  private rateExceeded(conn: Connection): void {
    log.warn('sync.rate_limited', { doc: this.name, user: conn.identity.userId })
    this.hooks.onLimit?.(this, conn, 'updates-per-second')
    conn.close(CloseCode.RateLimited, 'too many updates')
    this.leave(conn)
  }

  private awarenessOwner(clientId: number): Connection | null {
    for (const c of this.connections) if (c.awarenessClients.has(clientId)) return c
    return null
  }

  private failConnection(conn: Connection, err: unknown): void {
    const code = err instanceof ProtocolError ? err.code : CloseCode.MalformedMessage
    log.warn('sync.bad_frame', { doc: this.name, user: conn.identity.userId, code, error: errorSummary(err) })
    conn.close(code, err instanceof ProtocolError ? err.message : 'malformed message')
    this.leave(conn)
  }

  /**
   * Changes the document as the server (locks, status in `control`): runs `change` in a transaction
   * and resolves once the resulting update is durable, relayed to this room's clients and handed to
   * `onAccepted`. Rejects when the store refused it (the room is then dropped).
   */
  async applyServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    this.serverWrite = null
    Y.transact(this.doc, () => change(this.doc), SERVER_ORIGIN)
    const written = this.serverWrite
    this.serverWrite = null
    if (written) await written
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin instanceof Connection || origin === REMOTE_ORIGIN) {
      this.broadcastUpdate(update, origin)
      return
    }
    // The server's own change (any other origin): like a client's, durable before anyone sees it.
    const written = this.storeServerChange(update)
    written.catch(() => {}) // reported in storeServerChange; applyServerChange rethrows to its caller
    this.serverWrite = written
  }

  private storeServerChange(update: Uint8Array): Promise<void> {
    return this.store.append(this.name, update).then(
      () => {
        this.appendedSinceCompaction++
        this.broadcastUpdate(update, null)
        this.hooks.onAccepted?.(this, update)
      },
      (err: unknown) => {
        log.error('store.append_failed', { doc: this.name, origin: 'server', error: errorSummary(err) })
        // Memory now holds a change the store lacks: drop this copy so that nothing builds on it.
        this.closeAll(CloseCode.StoreFailed, 'could not store update')
        this.hooks.onFailed?.(this)
        throw err
      },
    )
  }

  private broadcastUpdate(update: Uint8Array, origin: unknown): void {
    if (this.connections.size === 0) return
    this.retryHeld()
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, MessageType.Sync)
    encoding.writeVarUint(e, SyncStep.Update)
    encoding.writeVarUint8Array(e, update)
    const frame = encoding.toUint8Array(e)
    for (const conn of this.connections) if (conn !== origin) conn.send(frame)
  }

  private readonly broadcastAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed]
    if (changed.length === 0) return
    if (origin instanceof Connection) this.hooks.onAwareness?.(this, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed))
    if (this.connections.size === 0) return
    const frame = awarenessMessage(this.awareness, changed)
    for (const conn of this.connections) if (conn !== origin) conn.send(frame)
  }
}

function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.Awareness)
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(e)
}

/**
 * Refuses bytes that are not a Yjs update before they reach the store: a malformed update in the log
 * would break every later load of the document.
 */
function validateUpdate(update: Uint8Array): void {
  try {
    Y.decodeUpdate(update)
  } catch {
    throw new ProtocolError(CloseCode.MalformedMessage, 'malformed update')
  }
}
