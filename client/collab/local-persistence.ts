/**
 * Keeps a copy of each open document in the browser's IndexedDB (y-indexeddb), so edits made offline
 * survive a page reload and merge when the connection returns.
 * @module
 */
import { IndexeddbPersistence } from 'y-indexeddb'
import type * as Y from 'yjs'
import type { LocalPersistence } from './document-sync.ts'

export function indexedDbPersistence(name: string, doc: Y.Doc): LocalPersistence {
  const persistence = new IndexeddbPersistence(`coregroup:${name}`, doc)
  return {
    whenSynced: persistence.whenSynced,
    destroy: () => persistence.destroy(),
    clearData: () => persistence.clearData(),
  }
}
