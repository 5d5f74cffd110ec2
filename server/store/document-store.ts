/**
 * Where Yjs documents are kept: an append-only log of updates per document, folded into a snapshot
 * by compaction, plus the log entries set aside as unloadable (quarantine) and which user owns each
 * Yjs client id of a document. Implementations: SQLite (embedded default) and PostgreSQL.
 * @module
 */

/** What `load` returns: the latest snapshot (if any) and the updates appended after it, in order. */
export interface StoredDocument {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
  /** The log position (seq) of each entry of `updates`, same order; increasing, never reused. */
  seqs: number[]
}

/** A log entry set aside by `quarantine`. */
export interface QuarantinedEntry {
  seq: number
  reason: string
  /** ISO 8601 (UTC). */
  quarantinedAt: string
  /** Size of the update set aside. */
  bytes: number
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
  /**
   * Moves the log entry `seq` of `doc`, in one transaction, out of the log into the quarantine:
   * later loads and compactions no longer see it. A no-op when the entry is not (or no longer) in
   * the log, e.g. already quarantined or already folded into the snapshot by a compaction.
   */
  quarantine(doc: string, seq: number, reason: string): Promise<void>
  /** What `quarantine` set aside for `doc`, by seq. */
  quarantined(doc: string): Promise<QuarantinedEntry[]>
  /**
   * Records `userId` as the owner of each of `clients` (Yjs client ids) not yet recorded for `doc`,
   * and returns the owner of every one requested: the first claim wins, across every process and
   * even when claims race. Ids are integers 0 ≤ id ≤ 2^53; others throw. No clients, no query.
   */
  claimClients(doc: string, userId: string, clients: number[]): Promise<Map<number, string>>
  /** Every recorded client id of `doc` and its owner. */
  clientOwners(doc: string): Promise<Map<number, string>>
  close(): Promise<void>
}

/** Largest client id accepted: Yjs ids are unsigned 32-bit in practice; a double holds 2^53 exactly. */
export const MAX_CLIENT_ID = 2 ** 53

/** `clients` without repeats, ascending (claims in one order cannot deadlock); throws on a bad id. */
export function normalizeClientIds(clients: readonly number[]): number[] {
  for (const c of clients) {
    if (!Number.isInteger(c) || c < 0 || c > MAX_CLIENT_ID) throw new RangeError(`invalid client id: ${c}`)
  }
  return [...new Set(clients)].sort((a, b) => a - b)
}
