/**
 * One client's connection to one room: its socket, the awareness clients it announced, and an ordered
 * queue of its incoming frames (a frame waits for the one before it to be stored and applied, so acks
 * stay in order).
 * @module
 */
import type { SyncSocket } from './sync-socket.ts'

/** What the server knows about who is on the other end (filled in by authentication). */
export interface ConnectionIdentity {
  /** Stable id of the signed-in user, or an anonymous id in the demo layout. */
  userId: string
}

export class Connection {
  /** Update-bearing messages received on this connection (the number the next ack names). */
  received = 0
  /** Awareness client ids this connection has announced; removed when it leaves. */
  readonly awarenessClients = new Set<number>()
  closed = false
  private readonly inbox: Uint8Array[] = []
  private draining = false

  constructor(
    readonly socket: SyncSocket,
    readonly identity: ConnectionIdentity,
    private readonly handle: (conn: Connection, frame: Uint8Array) => void | Promise<void>,
  ) {}

  send(frame: Uint8Array): void {
    if (!this.closed) this.socket.send(frame)
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    this.inbox.length = 0
    this.socket.close(code, reason)
  }

  /** Queues a frame; frames are handled one at a time, in arrival order. */
  enqueue(frame: Uint8Array): void {
    if (this.closed) return
    this.inbox.push(frame)
    if (!this.draining) void this.drain()
  }

  private async drain(): Promise<void> {
    this.draining = true
    try {
      while (this.inbox.length > 0 && !this.closed) {
        const frame = this.inbox.shift()!
        const pending = this.handle(this, frame)
        if (pending) await pending
      }
    } finally {
      this.draining = false
    }
  }
}
