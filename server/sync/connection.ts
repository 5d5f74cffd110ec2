/**
 * One client's connection to one room: its socket, the awareness clients it announced, and an ordered
 * queue of its incoming frames (a frame waits for the one before it to be stored and applied, so acks
 * stay in order).
 * @module
 */
import { FRAME_RATES, MAX_BUFFERED_BYTES, MAX_UPDATES_PER_SECOND } from '../../schemas/limits.ts'
import { CloseCode, encodeAck, frameKind, type FrameKind } from '../../schemas/protocol.ts'
import { errorSummary, log } from '../log.ts'
import type { DocumentAccess } from './access.ts'
import type { SyncSocket } from './sync-socket.ts'

/** What the server knows about who is on the other end (filled in by authentication). */
export interface ConnectionIdentity {
  /** Stable id of the signed-in user. */
  userId: string
  /** The session the socket was opened with (closing the session closes the socket). */
  sessionId?: string
  /** The user's display name (awareness states must use it). */
  name?: string
  /** What this connection may do in its document; absent only where no check applies (unit tests). */
  access?: DocumentAccess
}

/** An update a connection sent that waits for structs the server has not seen (issue 9 §2). */
export interface HeldUpdate {
  update: Uint8Array
  /** The ack it earns once it integrates (it covers every update merged into it). */
  seq: number
  /** When the first of its updates was held (performance.now()). */
  since: number
  /** Updates merged into it. */
  count: number
  /** Client → the server's clock for it when last tried: retried only once one of them moves on. */
  waitingOn: Map<number, number>
}

export class Connection {
  /** Update-bearing messages received on this connection (the number the next ack names). */
  received = 0
  /** Awareness client ids this connection has announced; removed when it leaves. */
  readonly awarenessClients = new Set<number>()
  closed = false
  /**
   * The update waiting for structs the server has not seen (later updates merge into it), acknowledged
   * as `seq` once it integrates; and whether a retry turn is queued for it.
   */
  held: HeldUpdate | null = null
  retryQueued = false
  /** One token bucket per metered frame kind (issue 9 §3). */
  private readonly budgets = {
    update: new TokenBucket(MAX_UPDATES_PER_SECOND),
    awareness: new TokenBucket(FRAME_RATES.awareness),
    'query-awareness': new TokenBucket(FRAME_RATES.queryAwareness),
    'sync-step-1': new TokenBucket(FRAME_RATES.syncStep1),
  }
  /** Whether a dropped awareness state was already logged for this connection (logged once). */
  awarenessDropLogged = false
  private readonly inbox: Uint8Array[] = []
  private draining = false

  constructor(
    readonly socket: SyncSocket,
    readonly identity: ConnectionIdentity,
    private readonly handle: (conn: Connection, frame: Uint8Array) => void | Promise<void>,
    /** Called (once) when frames of a kind arrive faster than its limit allows. */
    private readonly onRateExceeded: (conn: Connection, kind: FrameKind) => void = () => {},
  ) {}

  /** The highest update number due to be acknowledged and not yet sent (0: none). */
  private ackDue = 0

  /**
   * Acknowledges the first `seq` updates. Acks are cumulative, so the ones falling due in one turn of
   * the event loop (several of this client's updates in one group commit) go as one frame, the
   * highest (issue 16 §2). Any other frame sends a due ack first, so frames keep their order.
   */
  acknowledge(seq: number): void {
    if (this.closed) return
    if (this.ackDue === 0) setImmediate(() => this.flushAck())
    if (seq > this.ackDue) this.ackDue = seq
  }

  private flushAck(): void {
    if (this.ackDue === 0) return
    const seq = this.ackDue
    this.ackDue = 0
    this.transmit(encodeAck(seq))
  }

  /** Sends a frame; closes the connection instead when its peer has stopped reading (issue 9 §3). */
  send(frame: Uint8Array): void {
    this.flushAck()
    this.transmit(frame)
  }

  private transmit(frame: Uint8Array): void {
    if (this.closed) return
    if ((this.socket.bufferedAmount?.() ?? 0) > MAX_BUFFERED_BYTES) {
      this.close(CloseCode.SlowReader, 'not reading')
      return
    }
    this.socket.send(frame)
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.flushAck() // what was committed is said to be before the socket closes
    if (this.closed) return // that send found a slow reader and closed it already
    this.closed = true
    this.inbox.length = 0
    this.socket.close(code, reason)
  }


  /** True when the connection sent anything since the last call (used to keep its session alive). */
  takeActivity(): boolean {
    const was = this.active
    this.active = false
    return was
  }

  private active = false

  /** Queues a frame; frames are handled one at a time, in arrival order. */
  enqueue(frame: Uint8Array): void {
    if (this.closed) return
    this.active = true
    // Counted on arrival, not when handled, so a flood is caught however fast the store is.
    const kind = frameKind(frame)
    if (kind !== 'other' && !this.budgets[kind].take()) {
      this.onRateExceeded(this, kind)
      return
    }
    this.inbox.push(frame)
    if (!this.draining) void this.drain()
  }

  /** Handles queued frames in order. Any error closes this connection only, never the process. */
  private async drain(): Promise<void> {
    this.draining = true
    try {
      while (this.inbox.length > 0 && !this.closed) {
        const frame = this.inbox.shift()!
        const pending = this.handle(this, frame)
        if (pending) await pending
      }
    } catch (err) {
      log.error('sync.frame_failed', { user: this.identity.userId, error: errorSummary(err) })
      this.close(CloseCode.InternalError, 'server error')
    } finally {
      this.draining = false
    }
  }
}

/** A token bucket: a burst of a second's worth, refilled continuously. */
class TokenBucket {
  private tokens: number
  private refilledAt = performance.now()

  constructor(private readonly perSecond: number) {
    this.tokens = perSecond
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const t = performance.now()
    this.tokens = Math.min(this.perSecond, this.tokens + ((t - this.refilledAt) / 1000) * this.perSecond)
    this.refilledAt = t
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
