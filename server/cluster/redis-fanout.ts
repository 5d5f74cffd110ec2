/**
 * Scale-out over Redis pub/sub (DESIGN §6): one channel per document, `coregroup:doc:<name>`, carrying
 * updates already durable in the store, awareness, and presence queries between server processes; and
 * one channel for every process, `coregroup:doc:!cluster` (no document name starts with `!`), carrying
 * access changes (issue 9 §7). Each update carries this process's count of updates published to its
 * document, so a peer notices one that never arrived (`RoomChannel`).
 *
 * Redis is a shortcut, never the record: when it is unreachable each process carries on alone (one
 * log line when it goes, one when it is back), and on recovery every room reloads from the store
 * and peers are asked to do the same for what this process could not publish. ioredis reconnects by
 * itself; commands are never queued while disconnected, so nothing waits on Redis.
 * @module
 */
import { Redis } from 'ioredis'
import { randomBytes } from 'node:crypto'
import { errorSummary, log } from '../log.ts'
import type { ClusterMessage, Fanout, FanoutListener, FanoutMessage, FanoutSubscription } from '../sync/fanout.ts'
import { decodeChannelMessage, decodeClusterMessage, encodeChannelMessage, encodeClusterMessage, type ChannelMessage } from './fanout-codec.ts'

/** The cluster channel's name after the prefix. */
const CLUSTER_CHANNEL = '!cluster'
/** Cluster messages kept while Redis is down, sent on recovery (the periodic access re-check covers the rest). */
const MAX_MISSED_BROADCASTS = 1000

export interface RedisFanoutOptions {
  /** `redis://host:port` (REDIS_URL). */
  url: string
  /** Prefix of the channel names (lets several deployments share one Redis). */
  channelPrefix?: string
  /** How long `subscribe` waits for Redis before the room loads anyway (and reloads once subscribed). */
  subscribeTimeoutMs?: number
}

interface DocEntry {
  listeners: Set<FanoutListener>
  /** Resolves true once SUBSCRIBE was confirmed, false when Redis was down. */
  subscribed: Promise<boolean>
}

type State = 'starting' | 'up' | 'down' | 'closed'

export class RedisFanout implements Fanout {
  /** Tags this process's messages, so it ignores its own. */
  readonly processId = randomBytes(16)
  private readonly pub: Redis
  private readonly sub: Redis
  private readonly prefix: string
  private readonly subscribeTimeoutMs: number
  private readonly clusterChannel: string
  private readonly docs = new Map<string, DocEntry>()
  /** Updates published per open document (the seq of the last one). */
  private readonly published = new Map<string, number>()
  private readonly broadcastListeners = new Set<(message: ClusterMessage) => void>()
  private missedBroadcasts: ClusterMessage[] = []
  /** Documents this process could not publish to: peers are asked to reload them on recovery. */
  private readonly missed = new Set<string>()
  private missedTimer: NodeJS.Timeout | null = null
  private state: State = 'starting'
  private resubscribed = false

  constructor(options: RedisFanoutOptions) {
    this.prefix = options.channelPrefix ?? 'coregroup:doc:'
    this.subscribeTimeoutMs = options.subscribeTimeoutMs ?? 2_000
    this.clusterChannel = this.prefix + CLUSTER_CHANNEL
    const common = {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      autoResubscribe: false,
      retryStrategy: (attempt: number) => Math.min(attempt * 100, 2_000),
    }
    this.pub = new Redis(options.url, { ...common, connectionName: 'coregroup-pub' })
    this.sub = new Redis(options.url, { ...common, connectionName: 'coregroup-sub' })
    for (const conn of [this.pub, this.sub]) {
      conn.on('error', (err: unknown) => this.markDown(err))
      conn.on('close', () => this.markDown(null))
    }
    this.pub.on('ready', () => this.checkUp())
    this.sub.on('ready', () => void this.resubscribeAll())
    this.sub.on('close', () => (this.resubscribed = false))
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel, message))
  }

  /** True while both connections are up and subscribed (for health and tests). */
  get connected(): boolean {
    return this.state === 'up'
  }

  async subscribe(doc: string, listener: FanoutListener): Promise<FanoutSubscription> {
    let entry = this.docs.get(doc)
    if (!entry) {
      entry = { listeners: new Set(), subscribed: this.subscribeChannel(doc) }
      this.docs.set(doc, entry)
    }
    entry.listeners.add(listener)
    const subscription = { close: () => this.unsubscribe(doc, listener) }
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), this.subscribeTimeoutMs)))
    const outcome = await Promise.race([entry.subscribed, timedOut])
    clearTimeout(timer)
    if (outcome === 'timeout') {
      // The room loads now; once the subscription is confirmed it reloads what it may have missed.
      log.warn('cluster.subscribe_slow', { doc })
      void entry.subscribed.then((ok) => {
        if (ok && this.docs.get(doc)?.listeners.has(listener)) listener.resync()
      })
    }
    // When Redis is down (false), recovery resubscribes and resyncs every listener.
    return subscription
  }

  publish(doc: string, message: FanoutMessage): void {
    if (message.kind !== 'update') return this.send(doc, message)
    // Counted even when it cannot be sent, so that peers see the gap.
    const seq = (this.published.get(doc) ?? 0) + 1
    this.published.set(doc, seq)
    this.send(doc, { kind: 'update', data: message.data, seq })
  }

  broadcast(message: ClusterMessage): void {
    if (this.state === 'closed') return
    if (this.pub.status !== 'ready') return this.keepBroadcast(message)
    this.pub.publish(this.clusterChannel, encodeClusterMessage(this.processId, message)).catch((err: unknown) => {
      this.keepBroadcast(message)
      this.markDown(err)
    })
  }

  onBroadcast(listener: (message: ClusterMessage) => void): () => void {
    this.broadcastListeners.add(listener)
    return () => this.broadcastListeners.delete(listener)
  }

  async close(): Promise<void> {
    this.state = 'closed'
    this.docs.clear()
    this.broadcastListeners.clear()
    if (this.missedTimer) clearTimeout(this.missedTimer)
    this.sub.disconnect()
    // QUIT after what is already written (presence withdrawn at shutdown); plain disconnect when down.
    await this.pub.quit().catch(() => this.pub.disconnect())
  }

  private channelOf(doc: string): string {
    return this.prefix + doc
  }

  private subscribeChannel(doc: string): Promise<boolean> {
    if (this.sub.status !== 'ready') return Promise.resolve(false)
    return this.sub.subscribe(this.channelOf(doc)).then(
      () => true,
      (err: unknown) => {
        this.markDown(err)
        return false
      },
    )
  }

  private unsubscribe(doc: string, listener: FanoutListener): void {
    const entry = this.docs.get(doc)
    if (!entry || !entry.listeners.delete(listener) || entry.listeners.size > 0) return
    this.docs.delete(doc)
    this.published.delete(doc) // a room opened again counts from 1 again
    if (this.sub.status === 'ready') this.sub.unsubscribe(this.channelOf(doc)).catch((err: unknown) => this.markDown(err))
  }

  private send(doc: string, message: ChannelMessage): void {
    if (this.state === 'closed') return
    if (this.pub.status !== 'ready') {
      this.missed.add(doc)
      return
    }
    this.pub.publish(this.channelOf(doc), encodeChannelMessage(this.processId, message)).catch((err: unknown) => {
      this.missed.add(doc)
      this.markDown(err)
      this.scheduleMissed()
    })
  }

  private receive(channel: Buffer, raw: Buffer): void {
    const name = channel.toString('utf8')
    if (name === this.clusterChannel) return this.receiveBroadcast(raw)
    const decoded = decodeChannelMessage(raw)
    if (!decoded || decoded.from.equals(this.processId)) return
    const entry = this.docs.get(name.slice(this.prefix.length))
    if (!entry) return
    const delivered = toDelivered(decoded.from, decoded.message)
    for (const listener of entry.listeners) {
      if (delivered) listener.message(delivered)
      else listener.resync()
    }
  }

  private receiveBroadcast(raw: Buffer): void {
    const decoded = decodeClusterMessage(raw)
    if (!decoded) {
      log.warn('cluster.bad_broadcast', { bytes: raw.length })
      return
    }
    if (decoded.from.equals(this.processId)) return
    for (const listener of this.broadcastListeners) {
      try {
        listener(decoded.message)
      } catch (err) {
        log.error('cluster.broadcast_failed', { kind: decoded.message.kind, error: errorSummary(err) })
      }
    }
  }

  private keepBroadcast(message: ClusterMessage): void {
    if (this.missedBroadcasts.length < MAX_MISSED_BROADCASTS) this.missedBroadcasts.push(message)
    this.scheduleMissed()
  }

  /** After the subscriber (re)connects: subscribe every open document again, then come up. */
  private async resubscribeAll(): Promise<void> {
    const channels = [this.clusterChannel, ...[...this.docs.keys()].map((d) => this.channelOf(d))]
    try {
      await this.sub.subscribe(...channels)
    } catch (err) {
      this.markDown(err)
      return
    }
    for (const entry of this.docs.values()) entry.subscribed = Promise.resolve(true)
    this.resubscribed = true
    this.checkUp()
  }

  private checkUp(): void {
    if (this.state === 'up' || this.state === 'closed') return
    if (this.pub.status !== 'ready' || this.sub.status !== 'ready' || !this.resubscribed) return
    const recovered = this.state === 'down'
    this.state = 'up'
    // A recovery is logged at the outage's level, so that quiet logs show both ends of it.
    if (recovered) log.warn('cluster.redis_recovered', { process: this.shortId() })
    else log.info('cluster.redis_connected', { process: this.shortId() })
    // Anything published while this process was away is in the store: reload every open room.
    for (const entry of this.docs.values()) for (const listener of entry.listeners) listener.resync()
    this.flushMissed()
  }

  private markDown(err: unknown): void {
    if (this.state === 'down' || this.state === 'closed') return
    this.state = 'down'
    log.warn('cluster.redis_down', {
      process: this.shortId(),
      error: err ? errorSummary(err) : 'connection closed',
      mode: 'single-process',
    })
    // A publish can fail while both connections still look ready; come back up by the next check.
    this.scheduleMissed()
  }

  private scheduleMissed(): void {
    if (this.missedTimer) return
    this.missedTimer = setTimeout(() => {
      this.missedTimer = null
      this.checkUp()
      if (this.state === 'up') this.flushMissed()
      else if (this.missed.size > 0 || this.missedBroadcasts.length > 0) this.scheduleMissed()
    }, 1_000)
    this.missedTimer.unref()
  }

  /** Asks peers to reload the documents this process could not publish to; sends missed broadcasts. */
  private flushMissed(): void {
    const docs = [...this.missed]
    this.missed.clear()
    for (const doc of docs) this.send(doc, { kind: 'resync-request' })
    const broadcasts = this.missedBroadcasts
    this.missedBroadcasts = []
    for (const message of broadcasts) this.broadcast(message)
  }

  private shortId(): string {
    return this.processId.toString('hex').slice(0, 8)
  }
}

/** What a listener is given for a channel message: an update names its publisher; null for a resync request. */
function toDelivered(from: Buffer, message: ChannelMessage): FanoutMessage | null {
  if (message.kind === 'resync-request') return null
  if (message.kind !== 'update') return message
  return { kind: 'update', data: message.data, from: { process: from.toString('hex'), seq: message.seq } }
}
