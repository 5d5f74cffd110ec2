/**
 * Connects one room to its document's fan-out channel (DESIGN §6). Subscribed before the room loads:
 * messages that arrive during the load wait and are applied after it, so nothing published in
 * between is missed. Updates from other processes take their turn in the room (`Room.applyRemote`):
 * relayed to this process's clients, never stored or published again.
 *
 * Each publisher numbers its updates of the document (`PublisherSeq`). A number skipped — an update
 * committed but never delivered, e.g. its process died or lost Redis between the two — makes the room
 * catch up from the store (issue 9 §7). The first update seen from a publisher, and a publisher that
 * starts again from 1 (it reopened the room), are no gap.
 * @module
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import { errorSummary, log } from '../log.ts'
import { REMOTE_ORIGIN, type Fanout, type FanoutListener, type FanoutMessage, type FanoutSubscription, type PublisherSeq } from './fanout.ts'
import type { Room } from './room.ts'

export class RoomChannel implements FanoutListener {
  private room: Room | null = null
  private early: FanoutMessage[] = []
  private resyncWanted = false
  private subscription: FanoutSubscription | null = null
  private closed = false
  /** The seq of the last update seen from each publishing process. */
  private readonly lastSeq = new Map<string, number>()

  constructor(
    readonly name: string,
    private readonly fanout: Fanout,
  ) {}

  /** Subscribes; call before loading the room. */
  async open(): Promise<void> {
    const subscription = await this.fanout.subscribe(this.name, this)
    if (this.closed) subscription.close()
    else this.subscription = subscription
  }

  /** The room has loaded: applies what arrived meanwhile and asks the others for their presence. */
  attach(room: Room): void {
    this.room = room
    const early = this.early
    this.early = []
    for (const m of early) this.message(m)
    if (this.resyncWanted) this.resync()
    this.fanout.publish(this.name, { kind: 'awareness-query' })
  }

  message(message: FanoutMessage): void {
    const room = this.room
    if (this.closed) return
    if (!room) {
      this.early.push(message)
      return
    }
    try {
      switch (message.kind) {
        case 'update':
          if (this.skipped(message.from)) {
            // The store has this update and the one(s) skipped: catch up from it instead.
            log.warn('cluster.fanout_gap', { doc: this.name, from: message.from!.process.slice(0, 8), seq: message.from!.seq })
            this.resync()
            return
          }
          void room.applyRemote(message.data).catch((err) => log.warn('cluster.bad_message', { doc: this.name, kind: message.kind, error: errorSummary(err) }))
          return
        case 'awareness':
          awarenessProtocol.applyAwarenessUpdate(room.awareness, message.data, REMOTE_ORIGIN)
          return
        case 'awareness-query': {
          const presence = localPresence(room)
          if (presence) this.fanout.publish(this.name, { kind: 'awareness', data: presence })
          return
        }
      }
    } catch (err) {
      log.warn('cluster.bad_message', { doc: this.name, kind: message.kind, error: errorSummary(err) })
    }
  }

  resync(): void {
    if (this.closed) return
    if (!this.room) {
      this.resyncWanted = true
      return
    }
    this.resyncWanted = false
    const room = this.room
    room.resyncFromStore().then(
      () => {
        if (this.closed) return
        this.fanout.publish(this.name, { kind: 'awareness-query' })
        log.info('cluster.resynced', { doc: this.name })
      },
      (err) => log.error('cluster.resync_failed', { doc: this.name, error: errorSummary(err) }),
    )
  }

  /** Notes `from`'s seq; true when it skipped one since the last update seen from it. */
  private skipped(from: PublisherSeq | undefined): boolean {
    if (!from) return false
    const last = this.lastSeq.get(from.process)
    this.lastSeq.set(from.process, from.seq)
    return last !== undefined && from.seq !== last + 1 && from.seq !== 1
  }

  close(): void {
    this.closed = true
    this.room = null
    this.early = []
    this.subscription?.close()
  }
}

/** The presence of this process's connections in `room`, or null when none has any. */
function localPresence(room: Room): Uint8Array | null {
  const states = room.awareness.getStates()
  const clients: number[] = []
  for (const conn of room.connections) for (const id of conn.awarenessClients) if (states.has(id)) clients.push(id)
  return clients.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(room.awareness, clients) : null
}
