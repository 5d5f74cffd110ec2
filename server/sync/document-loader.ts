/**
 * Builds a room's document from the store (snapshot + log tail), and never lets one bad log entry make
 * the document unloadable (issue 8 §1): an entry that throws in yjs, or that leaves structs pending
 * for good, is quarantined (moved aside by the store, reported by its log position) and the document
 * opens with everything else. Entries stored since the guard was fixed are yjs's own encoding of what
 * integrated, so this only meets entries written before it.
 * @module
 */
import * as Y from 'yjs'
import { errorSummary, log } from '../log.ts'
import type { DocumentStore } from '../store/document-store.ts'
import { serverDoc } from '../ydoc.ts'

/** A log entry that could not be loaded, set aside. */
export interface QuarantinedEntry {
  seq: number
  reason: 'throws' | 'left-pending'
}

export interface LoadedDocument {
  doc: Y.Doc
  /** Log entries the document was built from (after the snapshot). */
  logLength: number
  quarantined: QuarantinedEntry[]
}

/** Each rebuild sets aside one more entry; past this many the store is treated as failed. */
const MAX_QUARANTINED_PER_LOAD = 64

export async function loadDocument(name: string, store: DocumentStore): Promise<LoadedDocument> {
  const stored = await store.load(name)
  const bad = new Map<number, QuarantinedEntry['reason']>()
  for (;;) {
    const built = build(stored.snapshot, stored.updates, bad)
    if (built.problem === null) {
      const quarantined = [...bad].map(([index, reason]) => ({ seq: stored.seqs[index]!, reason }))
      for (const entry of quarantined) {
        log.warn('store.entry_quarantined', { doc: name, seq: entry.seq, reason: entry.reason })
        await store.quarantine(name, entry.seq, entry.reason)
      }
      return { doc: built.doc, logLength: stored.updates.length - bad.size, quarantined }
    }
    built.doc.destroy()
    bad.set(built.problem.index, built.problem.reason)
    if (bad.size > MAX_QUARANTINED_PER_LOAD) throw new Error(`more than ${MAX_QUARANTINED_PER_LOAD} log entries of ${name} cannot be loaded`)
  }
}

function build(
  snapshot: Uint8Array | null,
  updates: Uint8Array[],
  bad: ReadonlyMap<number, unknown>,
): { doc: Y.Doc; problem: { index: number; reason: QuarantinedEntry['reason'] } | null } {
  const doc = serverDoc()
  // The snapshot is written by the server from a document that loaded; if it cannot load, nothing can.
  if (snapshot) Y.applyUpdate(doc, snapshot)
  // The entry after which structs were pending and stayed pending to the end is the one to blame.
  let pendingSince = -1
  for (let i = 0; i < updates.length; i++) {
    if (bad.has(i)) continue
    try {
      Y.applyUpdate(doc, updates[i]!)
    } catch (err) {
      log.warn('store.entry_throws', { index: i, error: errorSummary(err) })
      return { doc, problem: { index: i, reason: 'throws' } }
    }
    const pending = hasPending(doc)
    if (!pending) pendingSince = -1
    else if (pendingSince === -1) pendingSince = i
  }
  if (pendingSince !== -1) return { doc, problem: { index: pendingSince, reason: 'left-pending' } }
  // Pending structs from the snapshot itself cannot be blamed on an entry: drop them from memory.
  clearPending(doc)
  return { doc, problem: null }
}

export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null
}

function clearPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
}
