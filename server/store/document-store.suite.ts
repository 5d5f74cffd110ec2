/**
 * One test suite for every DocumentStore implementation (SQLite now, PostgreSQL with scale-out).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocumentStore } from './document-store.ts'

function textUpdate(doc: Y.Doc, section: string, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc)
  doc.getText(section).insert(doc.getText(section).length, text)
  return Y.encodeStateAsUpdate(doc, before)
}

function contentOf(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Record<string, unknown> {
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(doc, u)
  return { a: doc.getText('a').toString(), b: doc.getText('b').toString() }
}

export function describeDocumentStore(
  name: string,
  open: () => Promise<{ store: DocumentStore; reopen: () => Promise<DocumentStore> }>,
  /** The store is single-writer and offers `compactWithState` (SQLite); others must not. */
  options: { liveCompaction?: boolean } = {},
) {
  describe(`DocumentStore: ${name}`, () => {
    let store: DocumentStore
    let reopen: () => Promise<DocumentStore>
    beforeEach(async () => {
      ;({ store, reopen } = await open())
    })
    afterEach(async () => {
      await store.close()
    })

    it('loads an unknown document as empty', async () => {
      expect(await store.load('demo:none')).toEqual({ snapshot: null, updates: [] })
    })

    it('appends updates and loads them back in order, per document', async () => {
      const doc = new Y.Doc()
      const u1 = textUpdate(doc, 'a', 'one ')
      const u2 = textUpdate(doc, 'a', 'two')
      await store.append('demo:x', u1)
      await store.append('demo:x', u2)
      await store.append('demo:y', textUpdate(new Y.Doc(), 'a', 'other'))
      const loaded = await store.load('demo:x')
      expect(loaded.updates.map((u) => Array.from(u))).toEqual([Array.from(u1), Array.from(u2)])
      expect(contentOf(loaded)).toEqual({ a: 'one two', b: '' })
      expect(await store.logLength('demo:x')).toBe(2)
    })

    it('commits appends made in the same tick together, and each resolves', async () => {
      const doc = new Y.Doc()
      const updates = Array.from({ length: 50 }, (_, i) => textUpdate(doc, 'a', `${i},`))
      await Promise.all(updates.map((u) => store.append('demo:batch', u)))
      expect(await store.logLength('demo:batch')).toBe(50)
      expect(contentOf(await store.load('demo:batch')).a).toBe(doc.getText('a').toString())
    })

    it('compaction folds the log into a snapshot and leaves the content identical', async () => {
      const doc = new Y.Doc()
      for (let i = 0; i < 30; i++) await store.append('demo:c', textUpdate(doc, i % 2 ? 'a' : 'b', `w${i} `))
      doc.getText('a').delete(0, 3)
      await store.append('demo:c', Y.encodeStateAsUpdate(doc))
      const before = contentOf(await store.load('demo:c'))
      await store.compact('demo:c')
      const after = await store.load('demo:c')
      expect(after.updates).toEqual([])
      expect(after.snapshot).not.toBeNull()
      expect(contentOf(after)).toEqual(before)
      // Appends after compaction land in the tail and are kept.
      await store.append('demo:c', textUpdate(doc, 'b', 'tail'))
      const tail = await store.load('demo:c')
      expect(tail.updates).toHaveLength(1)
      expect(contentOf(tail).b).toBe(doc.getText('b').toString())
      await store.compact('demo:c')
      expect(contentOf(await store.load('demo:c'))).toEqual(contentOf(tail))
    })

    it.skipIf(!options.liveCompaction)('compaction from a live state (single-writer stores) keeps appends that come after it', async () => {
      expect(store.compactWithState).toBeTypeOf('function')
      const doc = new Y.Doc()
      for (let i = 0; i < 10; i++) await store.append('demo:live', textUpdate(doc, 'a', `${i} `))
      await store.compactWithState!('demo:live', Y.encodeStateAsUpdate(doc))
      const after = await store.load('demo:live')
      expect(after.updates).toEqual([])
      expect(contentOf(after).a).toBe(doc.getText('a').toString())
      await store.append('demo:live', textUpdate(doc, 'b', 'later'))
      expect(contentOf(await store.load('demo:live'))).toEqual({ a: doc.getText('a').toString(), b: 'later' })
    })

    it.skipIf(options.liveCompaction)('offers no live-state compaction (several writers share it)', () => {
      expect(store.compactWithState).toBeUndefined()
    })

    it('keeps what was appended across close and reopen', async () => {
      const doc = new Y.Doc()
      await store.append('demo:r', textUpdate(doc, 'a', 'persisted'))
      await store.close()
      store = await reopen()
      expect(contentOf(await store.load('demo:r')).a).toBe('persisted')
    })
  })
}
