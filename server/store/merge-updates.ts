import * as Y from 'yjs'
import { serverDoc } from '../ydoc.ts'

/**
 * Folds a snapshot and log updates into one update by applying them to a fresh document, so deleted
 * content is garbage-collected (Y.mergeUpdates would keep it) and the result loads fast.
 */
export function foldUpdates(snapshot: Uint8Array | null, updates: Uint8Array[]): Uint8Array {
  const doc = serverDoc()
  try {
    Y.transact(doc, () => {
      if (snapshot) Y.applyUpdate(doc, snapshot)
      for (const u of updates) Y.applyUpdate(doc, u)
    })
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}
