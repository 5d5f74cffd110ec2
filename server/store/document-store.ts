/**
 * Where Yjs documents are kept: an append-only log of updates per document, folded into a snapshot
 * by compaction, plus the log entries set aside as unloadable (quarantine), which user owns each
 * Yjs client id of a document, and which sections are locked (read in the append's own transaction,
 * so a lock holds in every process at once, whatever the fan-out delivers). Implementations: SQLite
 * (embedded default) and PostgreSQL.
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

/** What an append is checked against in its own transaction: the sections the update touches. */
export interface AppendCheck {
  sections: ReadonlySet<string>
}

/** The lock state of a document as the store holds it (`setLock`). */
export interface DocumentLocks {
  /** The whole document is locked (or finalised). */
  locked: boolean
  /** Locked sections, ascending. */
  sections: string[]
}

/** Why a checked append was refused. */
export type AppendRefusal = 'locked'

/**
 * A checked append the store refused (nothing was written): the document is locked whole, or one of
 * the sections the update touches is, as of the append's own transaction.
 */
export class AppendRefusedError extends Error {
  constructor(
    readonly doc: string,
    readonly reason: AppendRefusal,
  ) {
    super(`append to ${doc} refused: ${reason}`)
    this.name = 'AppendRefusedError'
  }
}

/**
 * An append not attempted because an earlier append of the same document, handed over before it,
 * failed or was refused: what it builds on may be missing, so it is never stored after that one.
 */
export class EarlierAppendFailedError extends Error {
  constructor(readonly doc: string) {
    super(`append to ${doc} not attempted: an earlier append of the document failed`)
    this.name = 'EarlierAppendFailedError'
  }
}

export interface DocumentStore {
  /**
   * Appends one update to a document's log. The promise resolves only when the update is durable
   * (committed); the caller acknowledges the update to its sender after that, never before.
   * Updates of one document commit in the order they were appended. When one fails, those of the
   * same document still waiting, and those handed over in the same turn of the event loop as the
   * failure (before its writer can have seen it), fail too (`EarlierAppendFailedError`).
   * With `check`, the append is refused (`AppendRefusedError`, nothing written) when, in the
   * transaction that would write it, the document is locked whole or any of `check.sections` is.
   */
  append(doc: string, update: Uint8Array, check?: AppendCheck): Promise<void>
  /**
   * Locks or unlocks one section (`section`), or the whole document (`null`). Once it resolves, no
   * checked append that touches what it locked commits, in any process; a checked append already in
   * flight commits before it resolves.
   */
  setLock(doc: string, section: string | null, locked: boolean): Promise<void>
  /**
   * Whether a checked append of `doc` touching `sections`, handed over now, is certain not to be
   * refused by a lock: the store is this process's alone and neither the document nor any of the
   * sections is locked or being locked. Only then may a room relay an update before its commit
   * (DESIGN §5): what it relayed can then be lost only with the process, never refused. Absent: false.
   */
  commitsCertain?(doc: string, sections: ReadonlySet<string>): boolean
  /** The document's locks as `setLock` left them. */
  locks(doc: string): Promise<DocumentLocks>
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

/** The `section` column's value for a whole-document lock (section names are never empty). */
export const WHOLE_DOCUMENT = ''

/** `section` as stored; throws on the empty name, which would read as the whole document. */
export function lockKey(section: string | null): string {
  if (section === WHOLE_DOCUMENT) throw new RangeError('empty section name')
  return section ?? WHOLE_DOCUMENT
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
