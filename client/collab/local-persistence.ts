/**
 * Keeps a copy of each open document in the browser's IndexedDB (y-indexeddb), so edits made offline
 * survive a page reload and merge when the connection returns.
 *
 * Each copy belongs to the signed-in user: its database is `coregroup:<userId>:<document>`, and only
 * that user's session ever opens it, so on a shared computer one person's unsent edits are never sent
 * under someone else's session. Signing out deletes the user's copies; copies kept before they were
 * per user (`coregroup:<document>`, whose owner is unknown) are deleted at every sign-in and sign-out.
 * @module
 */
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb'
import type * as Y from 'yjs'
import { ID_PATTERN, parseDocumentName } from '../../schemas/documents.ts'
import type { LocalPersistence } from './document-sync.ts'

const PREFIX = 'coregroup:'

/**
 * The names of the local copies this browser has opened, for browsers without `indexedDB.databases()`
 * (which cannot list them otherwise).
 */
const OPENED_KEY = 'coregroup:local-copies'

/** The IndexedDB database holding `userId`'s copy of `docName`. */
export function localCopyName(userId: string, docName: string): string {
  // A user id never holds ':', so one user's prefix never matches another's databases.
  if (!ID_PATTERN.test(userId)) throw new Error(`Not a user id: ${JSON.stringify(userId)}`)
  return `${PREFIX}${userId}:${docName}`
}

/** True for a copy kept before copies were per user: `coregroup:<document>`, which could be anyone's. */
export function isLegacyLocalCopy(dbName: string): boolean {
  return dbName.startsWith(PREFIX) && parseDocumentName(dbName.slice(PREFIX.length)) !== null
}

/** True for one of `userId`'s copies. */
export function isLocalCopyOf(userId: string, dbName: string): boolean {
  return ID_PATTERN.test(userId) && dbName.startsWith(`${PREFIX}${userId}:`) && parseDocumentName(dbName.slice(PREFIX.length + userId.length + 1)) !== null
}

let keepLocalCopies = true

/**
 * Whether documents opened from now on are kept on this device. Off for family accounts (issue 14): a
 * parent's phone may be looked at by someone else, so it keeps no copy of the minutes, the plan or the
 * report, whose professionals' updates are not theirs to keep; they work online only.
 */
export function setLocalCopiesKept(keep: boolean): void {
  keepLocalCopies = keep
}

/** See {@link setLocalCopiesKept}. */
export function localCopiesKept(): boolean {
  return keepLocalCopies
}

export function indexedDbPersistence(userId: string, docName: string, doc: Y.Doc): LocalPersistence {
  const name = localCopyName(userId, docName)
  remember(name)
  const persistence = new IndexeddbPersistence(name, doc)
  return {
    whenSynced: persistence.whenSynced,
    destroy: () => persistence.destroy(),
    clearData: () => persistence.clearData(),
  }
}

/**
 * Deletes `userId`'s local copies (when given) and every legacy un-keyed copy. A copy still open in
 * this or another tab is closed by y-indexeddb as the deletion begins (lib0 closes on `versionchange`).
 */
export async function deleteLocalCopies(userId: string | null): Promise<void> {
  const names = new Set(opened())
  if (typeof indexedDB !== 'undefined' && typeof indexedDB.databases === 'function') {
    for (const db of await indexedDB.databases().catch(() => [])) if (db.name) names.add(db.name)
  }
  const doomed = [...names].filter((n) => isLegacyLocalCopy(n) || (userId !== null && isLocalCopyOf(userId, n)))
  await Promise.all(
    doomed.map(async (n) => {
      await clearDocument(n)
      forget(n)
    }),
  )
}

function opened(): string[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(OPENED_KEY) ?? '[]')
    return Array.isArray(list) ? list.filter((n): n is string => typeof n === 'string') : []
  } catch {
    return []
  }
}

function store(names: string[]): void {
  try {
    if (names.length > 0) localStorage.setItem(OPENED_KEY, JSON.stringify(names))
    else localStorage.removeItem(OPENED_KEY)
  } catch {
    // storage unavailable: browsers with indexedDB.databases() still find every copy
  }
}

function remember(name: string): void {
  const names = opened()
  if (!names.includes(name)) store([...names, name])
}

function forget(name: string): void {
  store(opened().filter((n) => n !== name))
}
