/**
 * A document as the store holds it (snapshot + log), on a fresh `Y.Doc` of its own: what a version
 * records and what exports read — never a live room's copy.
 * @module
 */
import * as Y from 'yjs'
import { errorSummary, log } from '../log.ts'
import type { DocumentStore } from '../store/document-store.ts'
import { serverDoc } from '../ydoc.ts'

/** The stored document `name` and its full state; log entries that cannot load are skipped (rooms quarantine them). */
export async function loadStoredDocument(store: DocumentStore, name: string): Promise<{ doc: Y.Doc; state: Uint8Array }> {
  const stored = await store.load(name)
  const doc = serverDoc()
  for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
    try {
      Y.applyUpdate(doc, update)
    } catch (err) {
      log.warn('version.stored_update_skipped', { doc: name, error: errorSummary(err) })
    }
  }
  return { doc, state: Y.encodeStateAsUpdate(doc) }
}
