/**
 * S5 (issue 16 §4): the cold load of one document whose log holds a 50,000-update history (5,000
 * with BENCH_QUICK), before and after compaction, on the embedded SQLite store (and on PostgreSQL when
 * DATABASE_URL is set). "Cold" is a store opened afresh on the data (a server that has just started);
 * the load is what a room does first: read the snapshot and log, then build the `Y.Doc`
 * (`loadDocument`). The references keep documents in memory only, so there is no column for them.
 *
 * Run as its own process by run.ts (`node --import tsx`), one result back over IPC.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import type { DocumentStore } from '../../server/store/document-store.ts'
import { openSqlite } from '../../server/store/sqlite/database.ts'
import { SqliteDocumentStore } from '../../server/store/sqlite/sqlite-document-store.ts'
import { loadDocument } from '../../server/sync/document-loader.ts'
import { BENCH_SECTION } from './job.ts'

export interface ColdLoadRow {
  store: string
  updates: number
  /** Median of the cold loads with the whole history in the log (ms). */
  loadBeforeMs: number
  compactMs: number
  /** Median of the cold loads from the snapshot alone (ms). */
  loadAfterMs: number
  snapshotKb: number
}

const LOADS = 3
const DOC = 'meeting:meet_coldload'

/** A history like S3's: inserts at random places (mostly) and deletions, one update per edit. */
function history(edits: number): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  const paragraph = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  paragraph.insert(0, [text])
  doc.getXmlFragment(BENCH_SECTION).insert(0, [paragraph])
  let seed = 42
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  while (updates.length < edits) {
    if (text.length > 20 && random() < 0.15) text.delete(Math.floor(random() * (text.length - 1)), 1)
    else text.insert(Math.floor(random() * (text.length + 1)), 'abc'.slice(0, 1 + Math.floor(random() * 3)))
  }
  return updates.slice(0, edits)
}

async function fill(store: DocumentStore, updates: readonly Uint8Array[]): Promise<void> {
  // Appended as a server does under load: many at once, grouped into few commits.
  for (let i = 0; i < updates.length; i += 1000) await Promise.all(updates.slice(i, i + 1000).map((u) => store.append(DOC, u)))
}

async function timedLoads(open: () => Promise<DocumentStore>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < LOADS; i++) {
    const store = await open()
    const started = performance.now()
    const loaded = await loadDocument(DOC, store)
    times.push(performance.now() - started)
    loaded.doc.destroy()
    await store.close()
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!
}

async function measureStore(label: string, open: () => Promise<DocumentStore>, updates: readonly Uint8Array[]): Promise<ColdLoadRow> {
  const writer = await open()
  await fill(writer, updates)
  await writer.close()
  const loadBeforeMs = await timedLoads(open)
  const compactor = await open()
  const started = performance.now()
  await compactor.compact(DOC)
  const compactMs = performance.now() - started
  const snapshot = (await compactor.load(DOC)).snapshot
  await compactor.close()
  const loadAfterMs = await timedLoads(open)
  return { store: label, updates: updates.length, loadBeforeMs, compactMs, loadAfterMs, snapshotKb: (snapshot?.byteLength ?? 0) / 1024 }
}

export async function runColdLoad(edits: number): Promise<ColdLoadRow[]> {
  const updates = history(edits)
  const rows: ColdLoadRow[] = []
  const dir = mkdtempSync(join(tmpdir(), 'coregroup-coldload-'))
  try {
    rows.push(await measureStore('SQLite', async () => new SqliteDocumentStore(openSqlite(dir)), updates))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    const { freshSchemaName, dropSchema } = await import('./pg-schema.ts')
    const { openPostgresDocumentStore } = await import('../../server/store/postgres/postgres-document-store.ts')
    const schema = freshSchemaName()
    try {
      rows.push(await measureStore('PostgreSQL', () => openPostgresDocumentStore({ connectionString: databaseUrl, schema }), updates))
    } finally {
      await dropSchema(databaseUrl, schema)
    }
  }
  return rows
}

if (process.send) {
  process.once('message', (edits: number) => {
    runColdLoad(edits).then(
      (rows) => process.send!({ ok: true, rows }, () => process.exit(0)),
      (err: unknown) => process.send!({ ok: false, error: err instanceof Error ? err.message : String(err) }, () => process.exit(1)),
    )
  })
}
