/**
 * A room's presence (awareness: names, carets): kept on a Y.Doc of its own, since the room's live copy
 * is replaced when it reloads. A connection may set or remove only the states of the client IDs it
 * announced itself; a state that claims another user, speaks for another connection's or another
 * user's client ID, or is over `MAX_AWARENESS_STATE_BYTES` drops the whole message (logged once per
 * connection). A client ID shown in presence is claimed for its user before anyone sees it, so nobody
 * can write under it first (`client-owners.ts`).
 * @module
 */
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import { MAX_AWARENESS_STATE_BYTES } from '../../schemas/limits.ts'
import { log } from '../log.ts'
import type { ClientOwners } from './client-owners.ts'
import { Connection } from './connection.ts'
import { awarenessMessage } from './room-messages.ts'
import { serverDoc } from '../ydoc.ts'

export interface PresenceHooks {
  /** Whether an awareness state announced by `conn` may be relayed (e.g. it claims this user only). */
  checkAwareness?: (conn: Connection, state: Record<string, unknown>) => boolean
  /** Called with each awareness update from this process's connections (y-protocols encoding). */
  onAwareness?: (update: Uint8Array) => void
}

export class RoomPresence {
  readonly awareness = new awarenessProtocol.Awareness(serverDoc())

  constructor(
    private readonly name: string,
    private readonly connections: ReadonlySet<Connection>,
    private readonly owners: ClientOwners,
    private readonly hooks: PresenceHooks,
  ) {
    // The server itself has no presence.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.relay)
  }

  /** Sends everyone's presence to a connection that just joined. */
  greet(conn: Connection): void {
    const states = this.awareness.getStates()
    if (states.size > 0) conn.send(awarenessMessage(this.awareness, [...states.keys()]))
  }

  /** The presence of every client (answer to QueryAwareness). */
  everyone(): Uint8Array {
    return awarenessMessage(this.awareness, [...this.awareness.getStates().keys()])
  }

  /** Withdraws the presence of a connection that left. */
  leave(conn: Connection): void {
    if (conn.awarenessClients.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessClients], conn)
  }

  /** Applies an awareness message of `conn`, or drops it whole. */
  handle(conn: Connection, payload: Uint8Array): void | Promise<void> {
    const pd = decoding.createDecoder(payload)
    const count = decoding.readVarUint(pd)
    const announced: number[] = []
    const withdrawn: number[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(pd)
      decoding.readVarUint(pd) // clock
      const json = decoding.readVarString(pd)
      const owner = this.ownerConnection(clientId)
      if (owner && owner !== conn) return this.drop(conn, 'client of another connection')
      if (json.length > MAX_AWARENESS_STATE_BYTES) return this.drop(conn, 'state too large')
      const state = JSON.parse(json) as Record<string, unknown> | null
      if (state === null) {
        // Only the connection that announced a client may withdraw it (others' presence is not theirs).
        if (!conn.awarenessClients.has(clientId) && this.awareness.getStates().has(clientId)) return this.drop(conn, 'withdraws a client it does not own')
        withdrawn.push(clientId)
        continue
      }
      if (this.hooks.checkAwareness && !this.hooks.checkAwareness(conn, state)) return this.drop(conn, 'claims another user')
      announced.push(clientId)
    }
    const apply = (): void => {
      // Noted, so that the connection's presence goes when it does.
      for (const id of announced) conn.awarenessClients.add(id)
      awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, conn)
      for (const id of withdrawn) conn.awarenessClients.delete(id)
    }
    const unowned = announced.filter((id) => this.owners.ownerOf(id) !== conn.identity.userId)
    if (unowned.length === 0) return apply()
    return this.owners.firstForeign(conn.identity.userId, unowned).then((foreign) => {
      if (conn.closed) return
      if (foreign !== null) return this.drop(conn, 'client ID of another user')
      apply()
    })
  }

  /** Applies presence relayed by another process. */
  applyRemote(update: Uint8Array, origin: unknown): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, origin)
  }

  destroy(): void {
    this.awareness.off('update', this.relay)
    this.awareness.destroy()
    this.awareness.doc.destroy()
  }

  /** Drops an awareness message; logged once per connection (an honest page can repeat one often). */
  private drop(conn: Connection, why: string): void {
    if (conn.awarenessDropLogged) return
    conn.awarenessDropLogged = true
    log.warn('sync.awareness_dropped', { doc: this.name, user: conn.identity.userId, why })
  }

  private ownerConnection(clientId: number): Connection | null {
    for (const c of this.connections) if (c.awarenessClients.has(clientId)) return c
    return null
  }

  private readonly relay = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const changed = [...added, ...updated, ...removed]
    if (changed.length === 0) return
    if (origin instanceof Connection) this.hooks.onAwareness?.(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed))
    if (this.connections.size === 0) return
    const frame = awarenessMessage(this.awareness, changed)
    for (const conn of this.connections) if (conn !== origin) conn.send(frame)
  }
}
