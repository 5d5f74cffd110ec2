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
