/**
 * Knows whether every local change is durable on the server, from the server's acknowledgements —
 * never from a timer.
 *
 * Each socket counts the update-bearing frames it sends; the server's `Ack(seq)` says the first `seq`
 * of them are stored. A change made while offline (or unacknowledged when a socket closed) is owed
 * until a later socket's sync step 2 — which carries everything the server lacks — is acknowledged.
 * A socket's close is counted once: the provider reports it at once (`connection-close`) and the socket's
 * own `close` event may follow much later, after the next socket has already paid what was owed.
 * @module
 */
import { SyncStep, isUpdateMessage } from '../../schemas/protocol.ts'

export type SaveState = 'saved' | 'saving' | 'unsaved'

/** The counters of one socket. */
export interface TrackedSocket {
  sent: number
  acked: number
  required: number
}

export class SaveTracker {
  private current: TrackedSocket | null = null
  /** Sockets whose close has been counted; a second report of the same close changes nothing. */
  private readonly closedSockets = new WeakSet<TrackedSocket>()
  /** Local changes exist that no open socket has sent yet. */
  private owed = false
  private last: SaveState = 'saved'

  constructor(private readonly onChange: (state: SaveState) => void) {}

  get state(): SaveState {
    return this.last
  }

  /** A new socket was created (it becomes the current one). */
  attach(socket: TrackedSocket): void {
    this.current = socket
  }

  /** The socket sent a frame; call before it goes on the wire. */
  sending(socket: TrackedSocket, frame: Uint8Array): void {
    if (!isUpdateMessage(frame)) return
    socket.sent++
    if (this.owed && frame[1] === SyncStep.Step2 && socket === this.current) {
      socket.required = socket.sent
      this.owed = false
    }
    this.emit()
  }

  /** A local change happened; `sentOn` is the socket that sent it, or null when it was not sent. */
  localChange(sentOn: TrackedSocket | null): void {
    if (sentOn && sentOn === this.current) sentOn.required = sentOn.sent
    else this.owed = true
    this.emit()
  }

  acknowledged(socket: TrackedSocket, seq: number): void {
    if (seq > socket.acked) socket.acked = seq
    this.emit()
  }

  /** The socket closed: anything it had not had acknowledged is owed to the next one (counted once). */
  closed(socket: TrackedSocket): void {
    if (this.closedSockets.has(socket)) return
    this.closedSockets.add(socket)
    if (socket.acked < socket.required) this.owed = true
    if (this.current === socket) this.current = null
    this.emit()
  }

  private compute(): SaveState {
    const s = this.current
    if (!this.owed && (!s || s.acked >= s.required)) return 'saved'
    return s ? 'saving' : 'unsaved'
  }

  private emit(): void {
    const next = this.compute()
    if (next !== this.last) {
      this.last = next
      this.onChange(next)
    }
  }
}
