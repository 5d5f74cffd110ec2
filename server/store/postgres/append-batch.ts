/**
 * One group commit on PostgreSQL: a batch of appends in one multi-row INSERT, in order, with the lock
 * check in the same statement (issue 9 §7): an update is written unless its document is locked whole,
 * or a section it touches is, as that statement sees `doc_locks` — or an earlier update of its
 * document in the batch was refused. The statement returns the refused positions.
 *
 * A checked batch first takes, in its transaction, a shared advisory lock per document that `setLock`
 * takes exclusively: a lock change waits for checked appends in flight to commit, and an append that
 * comes after it reads the new lock (READ COMMITTED: each statement sees what committed before it).
 * @module
 */
import pg from 'pg'
import type { QueuedAppend } from '../append-queue.ts'
import { inTransaction } from './transaction.ts'

/** First key of the two-key advisory lock between checked appends (shared) and `setLock` (exclusive). */
export const LOCKS_LOCK_SPACE = 0x6c6f636b // "lock"

/** The advisory lock `setLock` holds for `doc` until its transaction ends. */
export async function lockForLockChange(client: pg.PoolClient, doc: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCKS_LOCK_SPACE, doc])
}

/** Writes `batch` in one transaction; resolves with the positions the lock check refused. */
export async function writeBatch(pool: pg.Pool, batch: readonly QueuedAppend[]): Promise<ReadonlySet<number>> {
  const { text, values } = insertStatement(batch)
  const checkedDocs = [...new Set(batch.filter((p) => p.sections !== null).map((p) => p.doc))]
  if (checkedDocs.length === 0) return refusedOf(await pool.query<{ ord: number }>(text, values))
  return inTransaction(pool, async (client) => refusedOf(await client.query<{ ord: number }>(text, values)), beginChecked(checkedDocs))
}

/**
 * BEGIN and the shared advisory locks of `docs` in one round trip (a simple query, hence literals),
 * taken in a fixed order (by key) so that batches and lock changes cannot deadlock.
 */
function beginChecked(docs: readonly string[]): string {
  const names = docs.map((d) => pg.escapeLiteral(d)).join(', ')
  return `BEGIN ISOLATION LEVEL READ COMMITTED;
    SELECT pg_advisory_xact_lock_shared(${LOCKS_LOCK_SPACE}, k)
    FROM (SELECT DISTINCT hashtext(d) AS k FROM unnest(ARRAY[${names}]::text[]) AS d ORDER BY k) AS keys`
}

function refusedOf(result: pg.QueryResult<{ ord: number }>): ReadonlySet<number> {
  return new Set(result.rows.map((r) => r.ord))
}

/** The INSERT … SELECT over the batch's rows (three parameters each: doc, data, sections or null). */
function insertStatement(batch: readonly QueuedAppend[]): { text: string; values: unknown[] } {
  const values: unknown[] = []
  const rows = batch.map((p, i) => {
    values.push(p.doc, toBuffer(p.update), p.sections)
    const n = values.length
    return `(${i}, $${n - 2}::text, $${n - 1}::bytea, $${n}::text[])`
  })
  // `inserted` runs to completion though nothing reads it; `judged`, read twice, is evaluated once.
  const text = `WITH v (ord, doc, data, sections) AS (VALUES ${rows.join(', ')}),
    judged AS (
      SELECT v.ord, v.doc, v.data, (v.sections IS NOT NULL AND EXISTS (
        SELECT 1 FROM doc_locks l WHERE l.doc = v.doc AND (l.section = '' OR l.section = ANY (v.sections))
      )) AS refused
      FROM v),
    written AS (
      SELECT j.ord, j.doc, j.data FROM judged j
      WHERE NOT EXISTS (SELECT 1 FROM judged r WHERE r.doc = j.doc AND r.ord <= j.ord AND r.refused)),
    inserted AS (INSERT INTO doc_updates (doc, data) SELECT doc, data FROM written ORDER BY ord RETURNING seq)
    SELECT ord FROM judged WHERE refused`
  return { text, values }
}

export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
