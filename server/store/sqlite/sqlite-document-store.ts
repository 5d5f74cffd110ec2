/**
 * The embedded document store: SQLite through better-sqlite3.
 *
 * Appends made in the same turn of the event loop are written in one transaction (a group commit,
 * `append-queue.ts`), so many editors typing at once cost one fsync, not one each; every caller still
 * waits for the commit. A checked append reads the document's locks inside that transaction.
 * @module
 */
import { AppendQueue, type QueuedAppend } from '../append-queue.ts'
import {
  lockKey,
  normalizeClientIds,
  WHOLE_DOCUMENT,
  type AppendCheck,
  type DocumentLocks,
  type DocumentStore,
  type QuarantinedEntry,
  type StoredDocument,
} from '../document-store.ts'
import { foldUpdates } from '../merge-updates.ts'
import type { SqliteDatabase } from './database.ts'

export class SqliteDocumentStore implements DocumentStore {
  private readonly insert
  private readonly selectSnapshot
  private readonly selectUpdates
  private readonly countUpdates
  private readonly upsertSnapshot
  private readonly deleteUpdatesThrough
  private readonly maxSeq
  private readonly copyToQuarantine
  private readonly deleteUpdate
  private readonly selectQuarantined
  private readonly insertClient
  private readonly selectClient
  private readonly selectClients
  private readonly insertLock
  private readonly deleteLock
  private readonly selectLocks
  private readonly queue = new AppendQueue((batch) => this.writeBatch(batch))
  private closed = false
  /** Client-ID claims waiting for this turn's claim transaction (`claimClients`). */
  private claims: Array<{ doc: string; userId: string; ids: number[]; resolve: (owners: Map<number, string>) => void; reject: (err: unknown) => void }> = []
  /** Documents with a lock being set: appends handed over meanwhile may yet be refused. */
  private readonly locking = new Map<string, number>()

  constructor(private readonly db: SqliteDatabase) {
    this.insert = db.prepare('INSERT INTO doc_updates (doc, data) VALUES (?, ?)')
    this.selectSnapshot = db.prepare('SELECT state FROM doc_snapshots WHERE doc = ?').pluck()
    this.selectUpdates = db.prepare('SELECT seq, data FROM doc_updates WHERE doc = ? ORDER BY seq')
    this.countUpdates = db.prepare('SELECT count(*) FROM doc_updates WHERE doc = ?').pluck()
    this.maxSeq = db.prepare('SELECT max(seq) FROM doc_updates WHERE doc = ?').pluck()
    this.upsertSnapshot = db.prepare(
      `INSERT INTO doc_snapshots (doc, state, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (doc) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
    )
    this.deleteUpdatesThrough = db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?')
    this.copyToQuarantine = db.prepare(
      `INSERT INTO doc_quarantine (doc, seq, data, reason, quarantined_at)
       SELECT doc, seq, data, ?, ? FROM doc_updates WHERE doc = ? AND seq = ?`,
    )
    this.deleteUpdate = db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq = ?')
    this.selectQuarantined = db.prepare(
      'SELECT seq, reason, quarantined_at AS quarantinedAt, length(data) AS bytes FROM doc_quarantine WHERE doc = ? ORDER BY seq',
    )
    this.insertClient = db.prepare(
      'INSERT INTO doc_clients (doc, client, user_id, first_seen_at) VALUES (?, ?, ?, ?) ON CONFLICT (doc, client) DO NOTHING',
    )
    this.selectClient = db.prepare('SELECT user_id FROM doc_clients WHERE doc = ? AND client = ?').pluck()
    this.selectClients = db.prepare('SELECT client, user_id FROM doc_clients WHERE doc = ? ORDER BY client')
    this.insertLock = db.prepare('INSERT INTO doc_locks (doc, section, locked_at) VALUES (?, ?, ?) ON CONFLICT (doc, section) DO NOTHING')
    this.deleteLock = db.prepare('DELETE FROM doc_locks WHERE doc = ? AND section = ?')
    this.selectLocks = db.prepare('SELECT section FROM doc_locks WHERE doc = ? ORDER BY section').pluck()
  }

  append(doc: string, update: Uint8Array, check?: AppendCheck): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store closed'))
    return this.queue.push(doc, update, check)
  }

  /** One transaction, holding the write lock from its start, so the locks read are the latest. */
  private async writeBatch(batch: readonly QueuedAppend[]): Promise<ReadonlySet<number>> {
    const refused = new Set<number>()
    this.db.transaction(() => {
      const stopped = new Set<string>()
      const locks = new Map<string, ReadonlySet<string>>()
      batch.forEach((p, i) => {
        if (stopped.has(p.doc)) return
        if (p.sections !== null && this.isLocked(p.doc, p.sections, locks)) {
          refused.add(i)
          stopped.add(p.doc)
          return
        }
        this.insert.run(p.doc, p.update)
      })
    }).immediate()
    return refused
  }

  private isLocked(doc: string, sections: readonly string[], cache: Map<string, ReadonlySet<string>>): boolean {
    let locked = cache.get(doc)
    if (!locked) {
      locked = new Set(this.selectLocks.all(doc) as string[])
      cache.set(doc, locked)
    }
    return locked.has(WHOLE_DOCUMENT) || sections.some((s) => locked.has(s))
  }

  /**
   * A lock is written once every append of the document handed over before it has committed, so an
   * update a room relayed before its commit (`commitsCertain`) is never refused afterwards.
   */
  async setLock(doc: string, section: string | null, locked: boolean): Promise<void> {
    const key = lockKey(section)
    if (!locked) return this.writeLock(doc, key, false)
    this.locking.set(doc, (this.locking.get(doc) ?? 0) + 1)
    try {
      await this.queue.settled(doc)
      this.writeLock(doc, key, true)
    } finally {
      const n = this.locking.get(doc)! - 1
      if (n === 0) this.locking.delete(doc)
      else this.locking.set(doc, n)
    }
  }

  /** Read afresh (one indexed row read), like the append's own check: no copy of the locks to go stale. */
  commitsCertain(doc: string, sections: ReadonlySet<string>): boolean {
    if (this.closed || this.locking.has(doc)) return false
    return !this.isLocked(doc, [...sections], new Map())
  }

  private writeLock(doc: string, key: string, locked: boolean): void {
    this.db.transaction(() => {
      if (locked) this.insertLock.run(doc, key, new Date().toISOString())
      else this.deleteLock.run(doc, key)
    }).immediate()
  }

  async locks(doc: string): Promise<DocumentLocks> {
    const rows = this.selectLocks.all(doc) as string[]
    return { locked: rows.includes(WHOLE_DOCUMENT), sections: rows.filter((s) => s !== WHOLE_DOCUMENT).sort() }
  }

  async load(doc: string): Promise<StoredDocument> {
    return this.db.transaction(() => {
      const snapshot = (this.selectSnapshot.get(doc) as Buffer | undefined) ?? null
      const rows = this.selectUpdates.all(doc) as Array<{ seq: number; data: Buffer }>
      return {
        snapshot: snapshot && new Uint8Array(snapshot),
        updates: rows.map((r) => new Uint8Array(r.data)),
        seqs: rows.map((r) => r.seq),
      }
    })()
  }

  async logLength(doc: string): Promise<number> {
    return this.countUpdates.get(doc) as number
  }

  async compact(doc: string): Promise<void> {
    this.db.transaction(() => {
      const through = this.maxSeq.get(doc) as number | null
      if (through === null) return
      const snapshot = (this.selectSnapshot.get(doc) as Buffer | undefined) ?? null
      const rows = this.selectUpdates.all(doc) as Array<{ seq: number; data: Buffer }>
      const state = foldUpdates(snapshot, rows.map((r) => r.data))
      this.upsertSnapshot.run(doc, state, new Date().toISOString())
      this.deleteUpdatesThrough.run(doc, through)
    }).immediate()
  }

  async compactWithState(doc: string, state: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      const through = this.maxSeq.get(doc) as number | null
      if (through === null) return
      this.upsertSnapshot.run(doc, state, new Date().toISOString())
      this.deleteUpdatesThrough.run(doc, through)
    }).immediate()
  }

  async quarantine(doc: string, seq: number, reason: string): Promise<void> {
    this.db.transaction(() => {
      const moved = this.copyToQuarantine.run(reason, new Date().toISOString(), doc, seq)
      if (moved.changes > 0) this.deleteUpdate.run(doc, seq)
    }).immediate()
  }

  async quarantined(doc: string): Promise<QuarantinedEntry[]> {
    return this.selectQuarantined.all(doc) as QuarantinedEntry[]
  }

  /**
   * Claims made in the same turn of the event loop are written in one transaction (one fsync for the
   * many new clients of a busy minute, not one each), in the order they were asked for: first writer wins.
   */
  claimClients(doc: string, userId: string, clients: number[]): Promise<Map<number, string>> {
    let ids: number[]
    try {
      ids = normalizeClientIds(clients)
    } catch (err) {
      return Promise.reject(err)
    }
    if (ids.length === 0) return Promise.resolve(new Map())
    if (this.closed) return Promise.reject(new Error('store closed'))
    return new Promise((resolve, reject) => {
      this.claims.push({ doc, userId, ids, resolve, reject })
      if (this.claims.length === 1) setImmediate(() => this.writeClaims())
    })
  }

  private writeClaims(): void {
    const batch = this.claims.splice(0)
    if (batch.length === 0) return
    const owners = batch.map(() => new Map<number, string>())
    try {
      this.db.transaction(() => {
        const now = new Date().toISOString()
        batch.forEach((c, i) => {
          for (const id of c.ids) this.insertClient.run(c.doc, id, c.userId, now)
          for (const id of c.ids) owners[i]!.set(id, this.selectClient.get(c.doc, id) as string)
        })
      }).immediate()
    } catch (err) {
      for (const c of batch) c.reject(err)
      return
    }
    batch.forEach((c, i) => c.resolve(owners[i]!))
  }

  async clientOwners(doc: string): Promise<Map<number, string>> {
    const rows = this.selectClients.all(doc) as Array<{ client: number; user_id: string }>
    return new Map(rows.map((r) => [r.client, r.user_id]))
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    // Claims and appends already accepted are written before the database goes.
    this.writeClaims()
    await this.queue.drained()
    this.db.close()
  }
}
