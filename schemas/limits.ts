/**
 * Limits shared by the server and the client, so both sides enforce the same numbers.
 * @module
 */

/** Largest websocket frame the sync endpoint accepts, in bytes (a paste of a long report fits). */
export const MAX_FRAME_BYTES = 2 * 1024 * 1024

/** Updates a single connection may send per second before it is closed (sustained, token bucket). */
export const MAX_UPDATES_PER_SECOND = 200

/** Documents one browser session may hold open at once. */
export const MAX_DOCUMENTS_PER_CONNECTION = 32

/** Log entries after which a document's log is folded into a snapshot. */
export const COMPACT_AFTER_UPDATES = 500

/** A room with no connections is compacted and unloaded from memory after this long. */
export const ROOM_IDLE_UNLOAD_MS = 30_000

/** Longest document name accepted in `/sync/<name>`. */
export const MAX_DOCUMENT_NAME_LENGTH = 200

/**
 * Bounds on one update, checked by a scan of its bytes before anything proportional to them is built
 * (issue 9 §1). Generous for honest clients: a month of offline typing merges into far fewer structs,
 * and a delete set lists every client that ever deleted something (each page load is a new client).
 */
export const UPDATE_LIMITS = {
  /** Structs (items, GC and skip ranges) in one update. */
  structs: 50_000,
  /** Client lists of structs in one update. */
  structClients: 5_000,
  /** Clients in one update's delete set. */
  deleteClients: 20_000,
  /** Deleted ranges in one update's delete set. */
  deleteRanges: 100_000,
  /** How deep types may nest (a list in a list in a quote…); the editor needs far fewer. */
  depth: 32,
} as const

/** An update waiting for structs the server has not seen (held) is refused past these (issue 9 §2). */
export const HELD_LIMITS = {
  /** Bytes one connection may have held. */
  bytesPerConnection: 1024 * 1024,
  /** Bytes all connections of one room may have held together. */
  bytesPerRoom: 8 * 1024 * 1024,
  /** Updates merged into one connection's held update. */
  updatesPerConnection: 200,
  /** How long an update may stay held. */
  ageMs: 30_000,
} as const

/**
 * Frames per second per connection for each frame kind (token buckets, a second's worth of burst);
 * updates have `MAX_UPDATES_PER_SECOND`.
 */
export const FRAME_RATES = {
  awareness: 60,
  queryAwareness: 5,
  syncStep1: 10,
} as const

/** Largest awareness state (its JSON) one client may announce. */
export const MAX_AWARENESS_STATE_BYTES = 4 * 1024

/** A connection whose socket buffers more than this, unread, is closed (a slow or non-reading peer). */
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024
