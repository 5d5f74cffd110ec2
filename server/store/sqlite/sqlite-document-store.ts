/**
 * The embedded document store: SQLite through better-sqlite3.
 *
 * Appends made in the same turn of the event loop are written in one transaction (a group commit), so
 * many editors typing at once cost one fsync, not one each; every caller still waits for the commit.
 * @module
 */
import { normalizeClientIds, type DocumentStore, type QuarantinedEntry, type StoredDocument } from '../document-store.ts'
import { foldUpdates } from '../merge-updates.ts'
import type { SqliteDatabase } from './database.ts'

interface PendingAppend {
  doc: string
  update: Uint8Array
  resolve: () => void
  reject: (err: unknown) => void
}

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
  private queue: PendingAppend[] = []
  private flushScheduled = false
  private closed = false

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
  }

  append(doc: string, update: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store closed'))
    return new Promise((resolve, reject) => {
      this.queue.push({ doc, update, resolve, reject })
      if (!this.flushScheduled) {
        this.flushScheduled = true
        setImmediate(() => this.flush())
      }
    })
  }

  private flush(): void {
    this.flushScheduled = false
    const batch = this.queue
    this.queue = []
    if (batch.length === 0) return
    try {
      this.db.transaction(() => {
        for (const p of batch) this.insert.run(p.doc, p.update)
      })()
    } catch (err) {
      for (const p of batch) p.reject(err)
      return
    }
    for (const p of batch) p.resolve()
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

  async claimClients(doc: string, userId: string, clients: number[]): Promise<Map<number, string>> {
    const ids = normalizeClientIds(clients)
    const owners = new Map<number, string>()
    if (ids.length === 0) return owners
    this.db.transaction(() => {
      const now = new Date().toISOString()
      for (const id of ids) this.insertClient.run(doc, id, userId, now)
      for (const id of ids) owners.set(id, this.selectClient.get(doc, id) as string)
    }).immediate()
    return owners
  }

  async clientOwners(doc: string): Promise<Map<number, string>> {
    const rows = this.selectClients.all(doc) as Array<{ client: number; user_id: string }>
    return new Map(rows.map((r) => [r.client, r.user_id]))
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.flush()
    this.closed = true
    this.db.close()
  }
}
