/**
 * Reads a document as the store holds it, from the outside: the SQLite file of a server's data
 * folder opened read-only, snapshot + log applied to a fresh Y.Doc exactly as written, nothing
 * quarantined or repaired. What this cannot load, a restarted server cannot either.
 * @module
 */
import Database from 'better-sqlite3'
import * as Y from 'yjs'

export interface StoreLoad {
  doc: Y.Doc
  /** The first throw while applying, naming the entry (`snapshot` or the log's seq). */
  error: string | null
  /** Structs or deletions yjs is still waiting for after everything was applied. */
  pending: boolean
  entries: number
  /** Seq of the last log entry (0 when the log is empty). */
  lastSeq: number
}

export class StoreReader {
  private readonly db: Database.Database
  private readonly snapshot
  private readonly updates

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true })
    this.snapshot = this.db.prepare('SELECT state FROM doc_snapshots WHERE doc = ?').pluck()
    this.updates = this.db.prepare('SELECT seq, data FROM doc_updates WHERE doc = ? ORDER BY seq')
  }

  load(name: string): StoreLoad {
    const { snapshot, rows } = this.db.transaction(() => ({
      snapshot: (this.snapshot.get(name) as Buffer | undefined) ?? null,
      rows: this.updates.all(name) as Array<{ seq: number; data: Buffer }>,
    }))()
    const doc = new Y.Doc({ gc: true })
    let error: string | null = null
    const apply = (label: string, bytes: Buffer) => {
      if (error !== null) return
      try {
        Y.applyUpdate(doc, new Uint8Array(bytes))
      } catch (err) {
        error = `${label}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`
      }
    }
    if (snapshot) apply('snapshot', snapshot)
    for (const row of rows) apply(`seq ${row.seq}`, row.data)
    const pending = doc.store.pendingStructs !== null || doc.store.pendingDs !== null
    return { doc, error, pending, entries: rows.length, lastSeq: rows.at(-1)?.seq ?? 0 }
  }

  close(): void {
    this.db.close()
  }
}
