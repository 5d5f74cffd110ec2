/**
 * A room: the server's live copy of one Yjs document and the connections editing it.
 *
 * One ordered accept path per room (DESIGN §5, issue 8): every change to the live copy (a client's
 * update, the server's own change, an update from another process, a reload) takes its turn in
 * {@link Room.turns}, so what the check saw is exactly what yjs integrates. A client's update:
 * resolve (decode once, every reference as yjs resolves it; malformed → 4400) → judge (the permission
 * and content hook; refused → 4409) → client IDs (each belongs to one user; foreign → 4409) → hold when
 * it waits for structs the server lacks → apply under try/catch, then verify what integrated (a throw,
 * a pending struct or a change outside the resolved sections refuses it, 4400, and reloads the room
 * from the store) → append yjs's own encoding of what integrated → after the commit, in order:
 * broadcast, acknowledge, `onAccepted`. Commits of consecutive turns are grouped by the store; nobody
 * sees or is told of a change before it is durable. The room knows no transport: it talks to
 * `SyncSocket`s.
 * @module
 */
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { HELD_LIMITS } from '../../schemas/limits.ts'
import { CloseCode, MessageType, SyncStep, encodeRejected, type FrameKind } from '../../schemas/protocol.ts'
import { errorSummary, log } from '../log.ts'
import type { DocumentStore } from '../store/document-store.ts'
import { ClientOwners } from './client-owners.ts'
import { Connection, type ConnectionIdentity, type HeldUpdate } from './connection.ts'
import { hasPending, loadDocument } from './document-loader.ts'
import { REMOTE_ORIGIN } from './fanout.ts'
import { integrationProblem } from './integration-check.ts'
import { ProtocolError, syncMessage, updateMessage } from './room-messages.ts'
import { RoomPresence } from './room-presence.ts'
import { heldOverLimit, mayHaveArrived, type HeldLimits } from './held-updates.ts'
import { TurnQueue, type Captured } from './turn-queue.ts'
import type { SyncSocket } from './sync-socket.ts'
import type { Refusal } from './update-guard.ts'
import { MalformedUpdateError, resolveUpdate, type UpdateResolution } from './update-resolver.ts'
import { scanRefusal, scanUpdate, type UpdateScan } from './update-scan.ts'
import { prepareRoom } from './room-load.ts'
import type { RoomHooks, RoomOptions } from './room-hooks.ts'

export type { Refusal } from './update-guard.ts'
export type { RoomHooks, RoomOptions } from './room-hooks.ts'

/** Transaction origin of `Room.applyServerChange`. */
export const SERVER_ORIGIN: unique symbol = Symbol('coregroup.server')

const MALFORMED: Refusal = { section: '*', reason: 'malformed' }

export class Room {
  readonly connections = new Set<Connection>()
  private readonly presence: RoomPresence
  /** Updates appended since the room loaded or last compacted. */
  appendedSinceCompaction = 0
  private readonly turns: TurnQueue
  private heldLimits: HeldLimits = HELD_LIMITS
  private lastReply: { version: number; stateVector: Uint8Array; frame: Uint8Array } | null = null
  /** Commits under way whose relay waits for them (see `integrate`). */
  private lateRelays = 0

  private constructor(
    readonly name: string,
    private readonly store: DocumentStore,
    private readonly hooks: RoomHooks,
    private readonly owners: ClientOwners,
    doc: Y.Doc,
  ) {
    this.turns = new TurnQueue(doc, store, name, (err) => this.fail(err))
    this.presence = new RoomPresence(name, this.connections, owners, {
      checkAwareness: hooks.checkAwareness,
      onAwareness: (update) => hooks.onAwareness?.(this, update),
    })
  }

  /** Presence (names, carets), on a document of its own: the live copy is replaced when it reloads. */
  get awareness(): awarenessProtocol.Awareness {
    return this.presence.awareness
  }

  /** The live copy. Replaced when the room reloads: read it afresh, never keep it. */
  get doc(): Y.Doc {
    return this.turns.doc
  }

  /** Loads a room from the store (snapshot + log tail; entries that cannot load are quarantined). */
  static async load(name: string, store: DocumentStore, hooks: RoomHooks = {}, options: RoomOptions = {}): Promise<Room> {
    const { loaded, owners } = await prepareRoom(name, store)
    const room = new Room(name, store, hooks, owners, loaded.doc)
    if (options.heldLimits) room.heldLimits = options.heldLimits
    room.appendedSinceCompaction = loaded.logLength
    if (loaded.quarantined.length > 0) hooks.onQuarantined?.(room, loaded.quarantined)
    return room
  }

  /** Adds a connection and starts the sync handshake (server's sync step 1, then presence). */
  join(socket: SyncSocket, identity: ConnectionIdentity): Connection {
    const conn = new Connection(socket, identity, (c, f) => this.handleFrame(c, f), (c, kind) => this.rateExceeded(c, kind))
    this.connections.add(conn)
    this.hooks.onJoin?.(conn)
    conn.send(syncMessage(SyncStep.Step1, Y.encodeStateVector(this.doc)))
    this.presence.greet(conn)
    return conn
  }

  /** Removes a connection (socket closed) and withdraws its presence. */
  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return
    conn.closed = true
    conn.held = null
    this.hooks.onLeave?.(conn)
    this.presence.leave(conn)
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
    this.presence.destroy()
    this.turns.destroy()
  }

  /**
   * Changes the document as the server (locks, status in `control`) in its turn: runs `change` in a
   * transaction and resolves once the resulting update is durable, relayed to this room's clients and
   * handed to `onAccepted`. Rejects when the store refused it (the room is then dropped).
   */
  async applyServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    const committed = await this.turns.run(() => {
      const captured = this.turns.capture(() => Y.transact(this.doc, () => change(this.doc), SERVER_ORIGIN))
      if (!captured) return null
      this.retryHeld()
      return this.commit(captured, null, null)
    })
    if (committed) await committed
  }

  /** Applies an update another process made durable: relayed to this process's clients, never stored. */
  applyRemote(update: Uint8Array): Promise<void> {
    return this.turns.run(async () => {
      let captured: Captured | null
      try {
        captured = this.turns.capture(() => Y.applyUpdate(this.doc, update, REMOTE_ORIGIN))
      } catch (err) {
        log.error('cluster.remote_update_throws', { doc: this.name, error: errorSummary(err) })
        return this.reload(true)
      }
      // What another process stored depends only on what it stored before: a gap means a lost message.
      if (hasPending(this.doc)) return this.reload(true)
      if (captured) {
        this.broadcast(captured.update, null)
        this.retryHeld()
      }
    })
  }

  /** Brings the live copy up to the store (after the fan-out lost messages), relaying what it lacked. */
  resyncFromStore(): Promise<void> {
    return this.turns.run(() => this.reload(true))
  }

  /** The live copy's state once every change made so far is committed (for compaction). */
  committedState(): Promise<Uint8Array> {
    return this.turns.run(async () => {
      await this.turns.committed()
      return Y.encodeStateAsUpdate(this.doc)
    })
  }

  private handleFrame(conn: Connection, frame: Uint8Array): void | Promise<void> {
    try {
      const d = decoding.createDecoder(frame)
      const type = decoding.readVarUint(d)
      switch (type) {
        case MessageType.Sync:
          return this.handleSync(conn, d)
        case MessageType.Awareness:
          return this.presence.handle(conn, decoding.readVarUint8Array(d))
        case MessageType.QueryAwareness:
          conn.send(this.presence.everyone())
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
    const payload = decoding.readVarUint8Array(d)
    if (step === SyncStep.Step1) {
      // Encoded in its turn. Sent at once when all it holds is durable or already relayed; otherwise
      // once the commits land, so no one reads a change that may yet be refused.
      return this.turns.run(() => {
        const reply = this.stateReply(payload)
        if (this.lateRelays === 0) conn.send(reply)
        else this.turns.afterCommits(() => conn.send(reply))
      })
    }
    if (step !== SyncStep.Step2 && step !== SyncStep.Update) {
      throw new ProtocolError(CloseCode.MalformedMessage, 'unknown sync step')
    }
    const seq = ++conn.received
    return this.turns.run(() => this.acceptTurn(conn, payload, seq))
  }

  /**
   * The sync step 2 for a state vector. The last answer is kept until the document changes: a room that
   * many fresh clients join (all with the empty state vector) encodes its whole state once.
   */
  private stateReply(stateVector: Uint8Array): Uint8Array {
    const cached = this.lastReply
    if (cached && cached.version === this.turns.version && equalBytes(cached.stateVector, stateVector)) return cached.frame
    const frame = syncMessage(SyncStep.Step2, Y.encodeStateAsUpdate(this.doc, stateVector))
    this.lastReply = { version: this.turns.version, stateVector, frame }
    return frame
  }

  /** One update's turn: scanned against the limits, merged with what the connection holds back, decided. */
  private async acceptTurn(conn: Connection, update: Uint8Array, seq: number): Promise<void> {
    if (conn.closed) return
    let scan: UpdateScan
    try {
      scan = scanUpdate(update)
    } catch (err) {
      return this.refuse(conn, ...scanRefusal(err))
    }
    const held = conn.held
    if (!held) {
      if (scan.empty) return this.turns.afterCommits(() => conn.acknowledge(seq))
      return this.decide(conn, update, seq, null)
    }
    // What the held update waits for may be in this one (a keystroke sent just before the sync step
    // 2 that carries its history, on reconnecting): check them as one update, acknowledged as `seq`.
    let roomHeld = 0
    for (const c of this.connections) roomHeld += c.held?.update.length ?? 0
    const overLimit = heldOverLimit(held, update.length, roomHeld, this.heldLimits)
    if (overLimit) return this.refuse(conn, overLimit.refusal, overLimit.code)
    let merged: Uint8Array
    try {
      merged = Y.mergeUpdates([held.update, update])
    } catch {
      return this.refuse(conn, MALFORMED, CloseCode.MalformedMessage)
    }
    return this.decide(conn, merged, seq, held)
  }

  private async decide(conn: Connection, update: Uint8Array, seq: number, held: HeldUpdate | null): Promise<void> {
    let resolution: UpdateResolution
    try {
      resolution = resolveUpdate(this.doc, update)
    } catch (err) {
      const detail = err instanceof MalformedUpdateError ? err.message : errorSummary(err)
      return this.refuse(conn, { ...MALFORMED, detail }, CloseCode.MalformedMessage)
    }
    const foreignAhead = this.owners.knownForeign(conn.identity.userId, resolution.writtenClients)
    if (foreignAhead.length > 0) {
      // Structs under someone else's client IDs that the server lacks are never taken from this
      // sender: an honest client sends them back when the server lost what it relayed before the commit
      // (a crash); their writer's own client resends them. What depends on them is held until then.
      log.warn('sync.foreign_structs_set_aside', { doc: this.name, user: conn.identity.userId, clients: foreignAhead.length })
      try {
        update = withoutClients(update, foreignAhead)
        resolution = resolveUpdate(this.doc, update)
      } catch (err) {
        return this.refuse(conn, { ...MALFORMED, detail: errorSummary(err) }, CloseCode.MalformedMessage)
      }
    }
    const refusal = this.hooks.judgeUpdate?.(this, conn, resolution) ?? null
    if (refusal) return this.refuse(conn, refusal)
    const clients = [...resolution.writtenClients, ...resolution.deletesAhead]
    if (resolution.missing || resolution.deletesAhead.size > 0) {
      // Held: claims nothing until it integrates (a held update must not take a client ID from its
      // rightful first writer). Deletions ahead under another's client ID wait for that writer, and are
      // judged then against what they delete.
      conn.held = { update, seq, since: held?.since ?? performance.now(), count: (held?.count ?? 0) + 1, waitingOn: resolution.waitingOn }
      if (!held) this.expireLater(conn, conn.held)
      return
    }
    const foreign = await this.owners.firstForeign(conn.identity.userId, clients)
    if (conn.closed) return
    if (foreign !== null) return this.refuse(conn, { section: '*', reason: 'foreign-client', detail: `client ${foreign}` })
    conn.held = null
    return this.integrate(conn, update, resolution, seq)
  }

  /** Refuses a held update that is still waiting when its time is up. */
  private expireLater(conn: Connection, held: HeldUpdate): void {
    const timer = setTimeout(() => {
      void this.turns.run(() => {
        if (conn.held?.since === held.since && !conn.closed) this.refuse(conn, { section: '*', reason: 'held-too-long' }, CloseCode.HeldTooLong)
      }).catch(() => {})
    }, this.heldLimits.ageMs + 1)
    timer.unref()
  }

  private async integrate(conn: Connection, update: Uint8Array, resolution: UpdateResolution, seq: number): Promise<void> {
    let captured: Captured | null
    const observed = this.hooks.observeIntegration?.(this, conn, resolution)
    try {
      captured = this.turns.capture(() => Y.applyUpdate(this.doc, update, conn))
    } catch (err) {
      return this.taint(conn, `yjs threw: ${errorSummary(err)}`)
    }
    if (hasPending(this.doc)) return this.taint(conn, 'structs left pending')
    const problem = captured && integrationProblem(captured.transaction, resolution.sections)
    if (problem) return this.taint(conn, problem)
    if (!captured) {
      // Nothing new (already known): acknowledged once everything before it is durable.
      this.turns.afterCommits(() => conn.acknowledge(seq))
      return
    }
    // Relayed at once when the store is certain to commit it (DESIGN §5): it can then be lost only with
    // the process, and the sender, not yet acknowledged, still holds it and resends it. Otherwise (a lock
    // being set, a store shared with other processes, which may lock a section it touches meanwhile and
    // refuse it in the append's own transaction) it is relayed after the commit. A refused or failed
    // commit fails the room, and its clients resend after reload.
    const early = this.lateRelays === 0 && this.store.commitsCertain?.(this.name, resolution.sections) === true
    if (early) this.broadcast(captured.update, conn)
    const record = observed?.()
    void this.commit(captured, conn, seq, resolution.sections, early).then(record ?? undefined, () => {})
    this.retryHeld()
  }

  /**
   * Appends an integrated change; after its commit (in order) relays it unless `relayed`, acknowledges
   * it and publishes it (other processes never hold what the store may not get).
   */
  private commit(captured: Captured, origin: Connection | null, seq: number | null, sections?: ReadonlySet<string>, relayed = false): Promise<void> {
    this.appendedSinceCompaction++
    if (!relayed) this.lateRelays++
    const done = this.turns.append(captured.update, sections && { sections }, () => {
      if (!relayed) this.broadcast(captured.update, origin)
      if (origin && seq !== null) origin.acknowledge(seq)
      this.hooks.onAccepted?.(this, captured.update)
    })
    if (!relayed) void done.finally(() => this.lateRelays--).catch(() => {})
    return done
  }

  /**
   * An update the check accepted did not integrate as resolved: a defect of the check, not of the
   * sender's rights. It is refused (4400) and never stored; the live copy, which it may have changed,
   * is rebuilt from the store.
   */
  private async taint(conn: Connection, problem: string): Promise<void> {
    log.error('sync.update_tainted', { doc: this.name, user: conn.identity.userId, problem })
    this.refuse(conn, { ...MALFORMED, detail: problem }, CloseCode.MalformedMessage)
    await this.reload(false)
  }

  /**
   * Replaces the live copy with the store's (once everything before is durable). With `relay`, what the
   * store holds beyond the old copy (other processes' changes) is sent to this process's clients.
   */
  private async reload(relay: boolean): Promise<void> {
    await this.turns.committed()
    const loaded = await loadDocument(this.name, this.store)
    if (loaded.quarantined.length > 0) this.hooks.onQuarantined?.(this, loaded.quarantined)
    const before = Y.encodeStateVector(this.doc)
    loaded.doc.clientID = this.doc.clientID // the server's client ID stays claimed
    this.turns.replace(loaded.doc)
    if (relay) this.broadcast(Y.encodeStateAsUpdate(loaded.doc, before), null)
    this.retryHeld()
    log.warn('room.reloaded', { doc: this.name })
  }

  /**
   * After the live copy changed, gives a new turn to every held update whose wait may be over: one of
   * the clients it waits for has moved on. The others cost nothing.
   */
  private retryHeld(): void {
    for (const conn of this.connections) {
      const held = conn.held
      if (!held || conn.retryQueued || !mayHaveArrived(held, this.doc)) continue
      conn.retryQueued = true
      void this.turns.run(() => {
        conn.retryQueued = false
        const now = conn.held
        if (!now || conn.closed) return
        return this.decide(conn, now.update, now.seq, { ...now, count: now.count - 1 })
      })
    }
  }

  private refuse(conn: Connection, refusal: Refusal, code: number = CloseCode.UpdateRejected): void {
    log.warn('sync.update_rejected', { doc: this.name, user: conn.identity.userId, section: refusal.section, reason: refusal.reason, detail: refusal.detail })
    conn.send(encodeRejected(refusal.section, refusal.reason))
    this.hooks.onRejected?.(this, conn, refusal)
    conn.close(code, refusal.reason)
    this.leave(conn)
  }

  private rateExceeded(conn: Connection, kind: FrameKind): void {
    log.warn('sync.rate_limited', { doc: this.name, user: conn.identity.userId, kind })
    this.hooks.onLimit?.(this, conn, kind === 'update' ? 'updates-per-second' : `${kind}-per-second`)
    conn.close(CloseCode.RateLimited, kind === 'update' ? 'too many updates' : 'too many messages')
    this.leave(conn)
  }

  private failConnection(conn: Connection, err: unknown): void {
    const code = err instanceof ProtocolError ? err.code : CloseCode.MalformedMessage
    log.warn('sync.bad_frame', { doc: this.name, user: conn.identity.userId, code, error: errorSummary(err) })
    conn.close(code, err instanceof ProtocolError ? err.message : 'malformed message')
    this.leave(conn)
  }

  /** Memory now holds a change the store lacks: close everyone and let the room be dropped. */
  private fail(err: unknown): void {
    log.error('store.append_failed', { doc: this.name, error: errorSummary(err) })
    this.closeAll(CloseCode.StoreFailed, 'could not store update')
    this.hooks.onFailed?.(this)
  }

  private broadcast(update: Uint8Array, origin: Connection | null): void {
    if (this.connections.size === 0) return
    const frame = updateMessage(update)
    for (const conn of this.connections) if (conn !== origin) conn.send(frame)
  }
}

/** `update` without the structs of `clients` (its deletions kept), checked afresh by the caller. */
function withoutClients(update: Uint8Array, clients: readonly number[]): Uint8Array {
  return Y.diffUpdate(update, Y.encodeStateVector(new Map(clients.map((c) => [c, Number.MAX_SAFE_INTEGER]))))
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
