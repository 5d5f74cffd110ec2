/**
 * What the sync core needs from scale-out (DESIGN §6): a channel per document shared by every server
 * process holding it, and one channel for every process (access changes, issue 9 §7). `Rooms`
 * subscribes before it loads a room and publishes what the room accepts; the Redis implementation
 * lives in `server/cluster/`, so the core never imports Redis.
 * @module
 */

/** Transaction origin of changes that came from another process: relayed to clients, never re-stored or re-published. */
export const REMOTE_ORIGIN: unique symbol = Symbol('coregroup.remote')

/**
 * Where a received update came from: the publishing process, and how many updates of this document
 * it had published when it sent this one (1, 2, 3, … while its room stays open; from 1 again after
 * it reopens the room). A number skipped means an update lost between its commit and its delivery.
 */
export interface PublisherSeq {
  process: string
  seq: number
}

/** A message on a document's channel. */
export type FanoutMessage =
  /** A Yjs update another process has made durable in the store (`from` is set on delivery). */
  | { kind: 'update'; data: Uint8Array; from?: PublisherSeq }
  /** An awareness update (y-protocols encoding) from another process's connections. */
  | { kind: 'awareness'; data: Uint8Array }
  /** A process opened the document: everyone holding it republishes their connections' presence. */
  | { kind: 'awareness-query' }

/**
 * Who may no longer do what they could when their sockets opened: the connections of `userIds` —
 * to any document of `caseId` when given, to `docs` when given, of `sessionIds` when given — are
 * closed, `Unauthenticated` when their session ended, `Forbidden` when they
 * `left` (the client stops), `AccessChanged` otherwise (the client reconnects with its new access).
 */
export interface AccessChange {
  userIds: string[]
  caseId?: string
  docs?: string[]
  /**
   * Only the connections of these sessions, which have ended (sign-out, expiry, a disabled account, a
   * password reset): they close `Unauthenticated` (the page goes to sign-in) in every process at once.
   */
  sessionIds?: string[]
  left: boolean
  /** The close reason (for the client's log). */
  reason: string
}

/** A message for every process. */
export type ClusterMessage = { kind: 'access-changed'; change: AccessChange }

export interface FanoutListener {
  message(message: FanoutMessage): void
  /**
   * Messages may have been missed (the channel was down, or a peer could not publish): reload the
   * document from the store, which has every acknowledged update.
   */
  resync(): void
}

export interface FanoutSubscription {
  close(): void
}

export interface Fanout {
  /**
   * Starts delivering the document's messages to `listener`. Resolves once messages published from
   * now on will arrive — or straight away when the channel is down (the listener's `resync` runs
   * when it is back).
   */
  subscribe(doc: string, listener: FanoutListener): Promise<FanoutSubscription>
  /** Sends to every other process holding the document; never blocks, never throws. */
  publish(doc: string, message: FanoutMessage): void
  /** Sends to every other process; never blocks, never throws (best effort: see `Rooms` re-checks). */
  broadcast(message: ClusterMessage): void
  /** Delivers the other processes' `broadcast`s to `listener` until the returned function is called. */
  onBroadcast(listener: (message: ClusterMessage) => void): () => void
  close(): Promise<void>
}
