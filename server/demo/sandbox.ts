/**
 * The demo sandbox's documents (`demo:<id>`, issue 9 §8): scoped to the authority of the user who
 * opens them, and never kept in the real store.
 *
 * - Scoped: `demo:x` opened by a user of authority A is the room `sandbox:<A>:x`, another document
 *   than the `demo:x` of authority B. Room names of this form are no document name
 *   (`parseDocumentName` refuses them), so they cannot meet a real document's room.
 * - Kept apart: sandbox rooms live in an in-memory store of this process (`openSandboxStore`), so
 *   their updates, client owners and locks never reach the real store; they are lost when the server
 *   stops, and with several processes each has its own sandbox.
 * @module
 */
import type { DocumentRef } from '../../schemas/documents.ts'
import type { DocumentStore } from '../store/document-store.ts'
import { openSqlite } from '../store/sqlite/database.ts'
import { SqliteDocumentStore } from '../store/sqlite/sqlite-document-store.ts'

const SANDBOX_PREFIX = 'sandbox:'

/** The room of one authority's `demo:<demoId>`. */
export function sandboxRoomName(authorityId: string, demoId: string): string {
  return `${SANDBOX_PREFIX}${authorityId}:${demoId}`
}

/** True for a sandbox room's name (the rooms kept in the sandbox store). */
export function isSandboxRoom(name: string): boolean {
  return name.startsWith(SANDBOX_PREFIX)
}

/**
 * The room a document is opened in: its own name, except a demo document, whose room is its
 * authority's (`sandboxRoomName`). `authorityId` is the access's (the user's, for a demo document).
 */
export function roomNameOf(doc: DocumentRef, name: string, authorityId: string | null): string {
  if (doc.kind !== 'demo') return name
  if (authorityId === null) throw new Error('a demo document needs the authority of the user who opens it')
  return sandboxRoomName(authorityId, doc.demoId)
}

/** The sandbox's store: SQLite in memory, gone with the process. */
export function openSandboxStore(): DocumentStore {
  return new SqliteDocumentStore(openSqlite(':memory:', { sync: 'normal' }))
}

/** The `Rooms` option that keeps sandbox rooms in `store` (see `RoomsOptions.sandbox`). */
export function sandboxOption(store: DocumentStore = openSandboxStore()): { store: DocumentStore; holds(name: string): boolean } {
  return { store, holds: isSandboxRoom }
}
