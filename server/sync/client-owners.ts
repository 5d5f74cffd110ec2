/**
 * Who owns each Yjs client ID of one document (issue 8 §4): the user who first wrote under it, recorded
 * durably by the store for every process, cached here. A client ID that belongs to someone else may not
 * be written under (structs or deletions ahead of what the server holds); the same user on a new device
 * brings a new client ID, and their old ones stay theirs. The server writes under its own client ID,
 * owned by {@link SERVER_OWNER}, claimed when the room loads; no user may write under it.
 * @module
 */
import type * as Y from 'yjs'
import type { DocumentStore } from '../store/document-store.ts'

/** The owner recorded for the client IDs the server itself writes under. Never a user id. */
export const SERVER_OWNER = '@server'

/**
 * The owner recorded for client IDs a document held before owners were recorded (written before the
 * guard, or seeded straight into the store): nobody may write under them again. Every write since is
 * claimed before it is stored, so no user's client ID can be taken for one of these.
 */
export const UNRECORDED_OWNER = '@unrecorded'

export class ClientOwners {
  private constructor(
    private readonly doc: string,
    private readonly store: DocumentStore,
    private readonly owners: Map<number, string>,
  ) {}

  /** The owners of `name`'s client IDs; those of `doc` (its loaded copy) without one become unrecorded. */
  static async load(name: string, store: DocumentStore, doc: Y.Doc): Promise<ClientOwners> {
    const owners = new ClientOwners(name, store, await store.clientOwners(name))
    const unrecorded = [...doc.store.clients.keys()].filter((c) => !owners.owners.has(c))
    if (unrecorded.length > 0) await owners.firstForeign(UNRECORDED_OWNER, unrecorded)
    return owners
  }

  /** Whether every client of `clients` is `userId`'s once unknown ones are claimed for them. */
  async firstForeign(userId: string, clients: Iterable<number>): Promise<number | null> {
    const wanted = [...new Set(clients)]
    const unknown = wanted.filter((c) => !this.owners.has(c))
    if (unknown.length > 0) {
      const owners = await this.store.claimClients(this.doc, userId, unknown)
      for (const [client, owner] of owners) this.owners.set(client, owner)
    }
    for (const client of wanted) if (this.owners.get(client) !== userId) return client
    return null
  }

  /** Every one of `clients` known (to this process) to belong to someone other than `userId`. */
  knownForeign(userId: string, clients: Iterable<number>): number[] {
    const foreign: number[] = []
    for (const client of clients) {
      const owner = this.owners.get(client)
      if (owner !== undefined && owner !== userId) foreign.push(client)
    }
    return foreign
  }

  /** The cached owner of `client` (undefined when not yet known to this process). */
  ownerOf(client: number): string | undefined {
    return this.owners.get(client)
  }

  /**
   * Claims a client ID for the server's own writes; false when it already belongs to someone else (the
   * caller then picks another ID).
   */
  async claimForServer(client: number): Promise<boolean> {
    return (await this.firstForeign(SERVER_OWNER, [client])) === null
  }
}
