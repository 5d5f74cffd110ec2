/**
 * What the sync core needs from scale-out (DESIGN §6): a channel per document shared by every server
 * process holding it. `Rooms` subscribes before it loads a room and publishes what the room accepts;
 * the Redis implementation lives in `server/cluster/`, so the core never imports Redis.
 * @module
 */

/** Transaction origin of changes that came from another process: relayed to clients, never re-stored or re-published. */
export const REMOTE_ORIGIN: unique symbol = Symbol('coregroup.remote')

/** A message on a document's channel. */
export type FanoutMessage =
  /** A Yjs update another process has made durable in the store. */
  | { kind: 'update'; data: Uint8Array }
  /** An awareness update (y-protocols encoding) from another process's connections. */
  | { kind: 'awareness'; data: Uint8Array }
  /** A process opened the document: everyone holding it republishes their connections' presence. */
  | { kind: 'awareness-query' }

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
  close(): Promise<void>
}
