/**
 * React glue for `DocumentSync`: open a document for the life of a component and follow its
 * connection, save state and presence.
 * @module
 */
import { useEffect, useState, useSyncExternalStore } from 'react'
import { DocumentSync } from './document-sync.ts'
import type * as Y from 'yjs'
import { indexedDbPersistence, localCopiesKept } from './local-persistence.ts'

export function syncUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`
}

/**
 * Opens `name` for the signed-in user `userId` and closes it on unmount; a new instance after the server
 * rejected a change. The local copy is `userId`'s own (`coregroup:<userId>:<name>`), so someone else
 * signing in on this browser never opens it, and so never sends its unsent edits under their session.
 * Nothing is hung on `window`: the page exposes no handle on its documents (tests that force an edit
 * reach the document through the section's editor). With `enabled` false nothing is opened (a page
 * whose user may not read the document).
 */
export function useDocumentSync(name: string, userId: string, enabled = true): DocumentSync | null {
  const [sync, setSync] = useState<DocumentSync | null>(null)
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    if (!enabled) {
      setSync(null)
      return
    }
    // No local copy on a device that keeps none (a family account's: local-persistence.ts).
    const s = new DocumentSync({ serverUrl: syncUrl(), name, ...(localCopiesKept() ? { persistence: (n: string, doc: Y.Doc) => indexedDbPersistence(userId, n, doc) } : {}) })
    const reload = () => {
      // The server's copy is the truth: drop the local one and open the document again.
      void s.discardLocalCopy().then(() => setGeneration((g) => g + 1))
    }
    s.on('rejected', reload)
    setSync(s)
    return () => {
      s.off('rejected', reload)
      s.destroy()
    }
  }, [name, userId, generation, enabled])
  return sync
}

/** Re-renders when `sync` emits any of `events`, returning `read()`. */
export function useSyncValue<T>(sync: DocumentSync | null, events: Array<'connection' | 'save'>, read: (s: DocumentSync) => T, fallback: T): T {
  return useSyncExternalStore(
    (onChange) => {
      if (!sync) return () => {}
      for (const e of events) sync.on(e, onChange)
      return () => {
        for (const e of events) sync.off(e, onChange)
      }
    },
    () => (sync ? read(sync) : fallback),
  )
}
