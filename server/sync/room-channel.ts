/**
 * Connects one room to its document's fan-out channel (DESIGN §6). Subscribed before the room loads:
 * messages that arrive during the load wait and are applied after it, so nothing published in
 * between is missed. Updates from other processes take their turn in the room (`Room.applyRemote`):
 * relayed to this process's clients, never stored or published again.
 * @module
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import { errorSummary, log } from '../log.ts'
import { REMOTE_ORIGIN, type Fanout, type FanoutListener, type FanoutMessage, type FanoutSubscription } from './fanout.ts'
import type { Room } from './room.ts'

export class RoomChannel implements FanoutListener {
  private room: Room | null = null
  private early: FanoutMessage[] = []
  private resyncWanted = false
  private subscription: FanoutSubscription | null = null
  private closed = false

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
