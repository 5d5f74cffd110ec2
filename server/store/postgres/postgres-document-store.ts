/**
 * The production document store: PostgreSQL through `pg`, shared by every server process.
 *
 * Group commit (`append-queue.ts`): appends of one turn of the event loop go together in one
 * multi-row INSERT (`append-batch.ts`), its own transaction, with the lock check in the same
 * statement; every caller's promise resolves only after that commit. Up to `maxFlushes` batches are
 * in flight at once, never two holding the same document, so a stalled INSERT (cancelled by the
 * pool's statement timeout) fails its own documents' appends only and the others carry on (issue 9 §6).
 *
 * Seqs and client ids are `bigint` columns, which `pg` returns as strings; they are turned back into
 * numbers here (both stay below 2^53).
 * @module
 */
import type pg from 'pg'
import { AppendQueue } from '../append-queue.ts'
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
import { lockForLockChange, toBuffer, writeBatch } from './append-batch.ts'
import { openPostgres, type PostgresOptions } from './database.ts'
import { inTransaction } from './transaction.ts'

/** Most rows in one INSERT (three parameters each; PostgreSQL allows 65,535). */
const MAX_BATCH_ROWS = 1000
/** Most bytes in one INSERT; the rest waits for the next one. */
const MAX_BATCH_BYTES = 16 * 1024 * 1024
/** Batches in flight at once (each on a connection of its own). */
const MAX_FLUSHES = 4
/** First key of the two-key advisory lock that serialises compactions of one document. */
const COMPACT_LOCK_SPACE = 0x636f6d70 // "comp"

export interface PostgresStoreOptions {
  /** `false` when the pool is shared (with the relational rows): `close` then leaves it open. */
  ownsPool?: boolean
  /** Batches in flight at once (default 4); keep below the pool's size. */
  maxFlushes?: number
}

/** Opens the pool, migrates, and returns the store. */
export async function openPostgresDocumentStore(options: PostgresOptions & Pick<PostgresStoreOptions, 'maxFlushes'>): Promise<PostgresDocumentStore> {
  return new PostgresDocumentStore(await openPostgres(options), { maxFlushes: options.maxFlushes })
}

export class PostgresDocumentStore implements DocumentStore {
  private readonly queue: AppendQueue
  private closed = false

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: PostgresStoreOptions = {},
  ) {
    this.queue = new AppendQueue((batch) => writeBatch(pool, batch), {
      maxInFlight: options.maxFlushes ?? MAX_FLUSHES,
      maxRows: MAX_BATCH_ROWS,
      maxBytes: MAX_BATCH_BYTES,
    })
  }

  append(doc: string, update: Uint8Array, check?: AppendCheck): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store closed'))
    return this.queue.push(doc, update, check)
  }

  async setLock(doc: string, section: string | null, locked: boolean): Promise<void> {
    const key = lockKey(section)
    await this.transaction(async (client) => {
      await lockForLockChange(client, doc)
      if (locked) await client.query('INSERT INTO doc_locks (doc, section) VALUES ($1, $2) ON CONFLICT (doc, section) DO NOTHING', [doc, key])
      else await client.query('DELETE FROM doc_locks WHERE doc = $1 AND section = $2', [doc, key])
    })
  }

  async locks(doc: string): Promise<DocumentLocks> {
    const { rows } = await this.pool.query<{ section: string }>('SELECT section FROM doc_locks WHERE doc = $1', [doc])
    const sections = rows.map((r) => r.section)
    return { locked: sections.includes(WHOLE_DOCUMENT), sections: sections.filter((s) => s !== WHOLE_DOCUMENT).sort() }
  }

  async load(doc: string): Promise<StoredDocument> {
    // One statement reads one snapshot of the database, so a compaction committing meanwhile is
    // seen either wholly or not at all.
    const { rows } = await this.pool.query<{ kind: number; data: Buffer; seq: string }>(
      `SELECT 0 AS kind, state AS data, 0::bigint AS seq FROM doc_snapshots WHERE doc = $1
       UNION ALL
       SELECT 1, data, seq FROM doc_updates WHERE doc = $1
       ORDER BY kind, seq`,
      [doc],
    )
    let snapshot: Uint8Array | null = null
    const updates: Uint8Array[] = []
    const seqs: number[] = []
    for (const r of rows) {
      if (r.kind === 0) {
        snapshot = toBytes(r.data)
      } else {
        updates.push(toBytes(r.data))
        seqs.push(Number(r.seq))
      }
    }
    return { snapshot, updates, seqs }
  }

  async logLength(doc: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM doc_updates WHERE doc = $1', [doc])
    return rows[0]!.n
  }

  async compact(doc: string): Promise<void> {
    await this.transaction(async (client) => {
      // One compaction per document at a time, across every process.
      await lockCompaction(client, doc)
      const snap = await client.query<{ state: Buffer }>('SELECT state FROM doc_snapshots WHERE doc = $1', [doc])
      const log = await client.query<{ seq: string; data: Buffer }>('SELECT seq, data FROM doc_updates WHERE doc = $1 ORDER BY seq', [doc])
      if (log.rows.length === 0) return
      const state = foldUpdates(snap.rows[0]?.state ?? null, log.rows.map((r) => r.data))
      await client.query(
        `INSERT INTO doc_snapshots (doc, state, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (doc) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
        [doc, toBuffer(state)],
      )
      // Exactly the rows folded: an append with a lower seq may commit after the read above (seqs
      // are handed out before commit), and must stay in the log.
      await client.query('DELETE FROM doc_updates WHERE doc = $1 AND seq = ANY($2::bigint[])', [doc, log.rows.map((r) => r.seq)])
    })
  }

  async quarantine(doc: string, seq: number, reason: string): Promise<void> {
    await this.transaction(async (client) => {
      // Not while a compaction is folding this document's log: the entry is either still in the log
      // (and moved) or already in the snapshot (and this is a no-op).
      await lockCompaction(client, doc)
      await client.query(
        `WITH moved AS (DELETE FROM doc_updates WHERE doc = $1 AND seq = $2 RETURNING doc, seq, data)
         INSERT INTO doc_quarantine (doc, seq, data, reason) SELECT doc, seq, data, $3 FROM moved`,
        [doc, seq, reason],
      )
    })
  }

  async quarantined(doc: string): Promise<QuarantinedEntry[]> {
    const { rows } = await this.pool.query<{ seq: string; reason: string; quarantined_at: Date; bytes: number }>(
      'SELECT seq, reason, quarantined_at, octet_length(data) AS bytes FROM doc_quarantine WHERE doc = $1 ORDER BY seq',
      [doc],
    )
    return rows.map((r) => ({ seq: Number(r.seq), reason: r.reason, quarantinedAt: r.quarantined_at.toISOString(), bytes: r.bytes }))
  }

  async claimClients(doc: string, userId: string, clients: number[]): Promise<Map<number, string>> {
    const ids = normalizeClientIds(clients)
    if (ids.length === 0) return new Map()
    // READ COMMITTED: the insert waits for a racing claim of the same id to commit and skips it; the
    // SELECT, a new statement, then sees that claim. Ascending ids: racing claims cannot deadlock.
    return this.transaction(async (client) => {
      await client.query(
        `INSERT INTO doc_clients (doc, client, user_id)
         SELECT $1, c, $2 FROM unnest($3::bigint[]) AS c ORDER BY c
         ON CONFLICT (doc, client) DO NOTHING`,
        [doc, userId, ids],
      )
      const { rows } = await client.query<OwnerRow>('SELECT client, user_id FROM doc_clients WHERE doc = $1 AND client = ANY($2::bigint[])', [doc, ids])
      return toOwners(rows)
    }, 'BEGIN ISOLATION LEVEL READ COMMITTED')
  }

  async clientOwners(doc: string): Promise<Map<number, string>> {
    const { rows } = await this.pool.query<OwnerRow>('SELECT client, user_id FROM doc_clients WHERE doc = $1 ORDER BY client', [doc])
    return toOwners(rows)
  }

  /** Runs `work` in a transaction on one connection of the pool; rolls back when it throws. */
  private transaction<T>(work: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    return inTransaction(this.pool, work, begin)
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    // Appends already accepted are written before the pool goes.
    await this.queue.drained()
    if (this.options.ownsPool !== false) await this.pool.end()
  }
}

/** Takes the advisory lock that serialises compactions (and quarantines) of `doc`, until commit. */
async function lockCompaction(client: pg.PoolClient, doc: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [COMPACT_LOCK_SPACE, doc])
}

interface OwnerRow {
  client: string
  user_id: string
}

function toOwners(rows: OwnerRow[]): Map<number, string> {
  return new Map(rows.map((r) => [Number(r.client), r.user_id]))
}

function toBytes(buf: Buffer): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)
}
