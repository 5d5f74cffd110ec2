/**
 * Where Yjs documents are kept: an append-only log of updates per document, folded into a snapshot
 * by compaction. Implementations: SQLite (embedded default) and, later, PostgreSQL.
 * @module
 */

/** What `load` returns: the latest snapshot (if any) and the updates appended after it, in order. */
export interface StoredDocument {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
}

export interface DocumentStore {
  /**
   * Appends one update to a document's log. The promise resolves only when the update is durable
   * (committed); the caller acknowledges the update to its sender after that, never before.
   */
  append(doc: string, update: Uint8Array): Promise<void>
  /** Reads a document's snapshot and log tail in one consistent read. Unknown documents are empty. */
  load(doc: string): Promise<StoredDocument>
  /** Number of updates in the log after the snapshot. */
  logLength(doc: string): Promise<number>
  /**
   * Folds the snapshot and the whole log into one new snapshot in one transaction. The content of the
   * document is unchanged; safe to run while other writers append.
   */
  compact(doc: string): Promise<void>
  /**
   * Replaces the snapshot with `state` and drops the log, in one transaction, without re-reading the
   * log. Only for a store with a single writer whose live copy (`state`) already holds every committed
   * update (the embedded SQLite store with one server process); cheaper than `compact` for large
   * documents. Absent where that cannot hold.
   */
  compactWithState?(doc: string, state: Uint8Array): Promise<void>
  close(): Promise<void>
}
