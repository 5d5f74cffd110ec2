/**
 * One test suite for every DocumentStore implementation (SQLite now, PostgreSQL with scale-out).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { describeLockTests } from './document-store-locks.suite.ts'
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
      expect(await store.load('demo:none')).toEqual({ snapshot: null, updates: [], seqs: [] })
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

    it('gives the log position of each update, increasing, and new ones after compaction come later', async () => {
      const doc = new Y.Doc()
      for (let i = 0; i < 5; i++) await store.append('demo:seq', textUpdate(doc, 'a', `${i} `))
      await store.append('demo:seq-other', textUpdate(new Y.Doc(), 'a', 'elsewhere'))
      const before = await store.load('demo:seq')
      expect(before.seqs).toHaveLength(before.updates.length)
      expect(before.seqs.every((s, i) => Number.isSafeInteger(s) && (i === 0 || s > before.seqs[i - 1]!))).toBe(true)
      await store.compact('demo:seq')
      expect((await store.load('demo:seq')).seqs).toEqual([])
      await store.append('demo:seq', textUpdate(doc, 'b', 'x'))
      await store.append('demo:seq', textUpdate(doc, 'b', 'y'))
      const after = await store.load('demo:seq')
      expect(after.seqs).toHaveLength(2)
      expect(after.seqs[0]!).toBeGreaterThan(before.seqs.at(-1)!)
      expect(after.seqs[1]!).toBeGreaterThan(after.seqs[0]!)
    })

    it('quarantine takes an entry out of loads and compactions and lists it', async () => {
      const doc = new Y.Doc()
      await store.append('demo:q', textUpdate(doc, 'a', 'kept '))
      const bad = textUpdate(new Y.Doc(), 'b', 'set aside')
      await store.append('demo:q', bad)
      await store.append('demo:q', textUpdate(doc, 'a', 'also kept'))
      const { seqs } = await store.load('demo:q')
      const since = Date.now() - 60_000
      await store.quarantine('demo:q', seqs[1]!, 'fails to apply')
      const loaded = await store.load('demo:q')
      expect(loaded.seqs).toEqual([seqs[0], seqs[2]])
      expect(contentOf(loaded)).toEqual({ a: 'kept also kept', b: '' })
      expect(await store.logLength('demo:q')).toBe(2)
      const listed = await store.quarantined('demo:q')
      expect(listed).toEqual([{ seq: seqs[1], reason: 'fails to apply', quarantinedAt: expect.any(String), bytes: bad.byteLength }])
      expect(Date.parse(listed[0]!.quarantinedAt)).toBeGreaterThan(since)
      expect(await store.quarantined('demo:other')).toEqual([])
      await store.compact('demo:q')
      expect(contentOf(await store.load('demo:q'))).toEqual({ a: 'kept also kept', b: '' })
      // Gone already (quarantined, or another entry folded by the compaction): nothing happens.
      await store.quarantine('demo:q', seqs[1]!, 'again')
      await store.quarantine('demo:q', seqs[0]!, 'compacted')
      expect(await store.quarantined('demo:q')).toEqual(listed)
      expect(contentOf(await store.load('demo:q'))).toEqual({ a: 'kept also kept', b: '' })
    })

    it('claimClients: the first claim of a client id wins, re-claiming is fine, owners are listed', async () => {
      expect(await store.claimClients('demo:cl', 'alice', [])).toEqual(new Map())
      expect(await store.claimClients('demo:cl', 'alice', [7, 2 ** 32 - 1, 7])).toEqual(new Map([[7, 'alice'], [2 ** 32 - 1, 'alice']]))
      expect(await store.claimClients('demo:cl', 'alice', [7])).toEqual(new Map([[7, 'alice']]))
      expect(await store.claimClients('demo:cl', 'bob', [7, 8, 2 ** 53])).toEqual(new Map([[7, 'alice'], [8, 'bob'], [2 ** 53, 'bob']]))
      // Per document: the same id elsewhere is someone else's.
      expect(await store.claimClients('demo:cl2', 'bob', [7])).toEqual(new Map([[7, 'bob']]))
      expect(await store.clientOwners('demo:cl')).toEqual(new Map([[7, 'alice'], [8, 'bob'], [2 ** 32 - 1, 'alice'], [2 ** 53, 'bob']]))
      expect(await store.clientOwners('demo:none')).toEqual(new Map())
      await expect(store.claimClients('demo:cl', 'bob', [-1])).rejects.toThrow(RangeError)
      await expect(store.claimClients('demo:cl', 'bob', [1.5])).rejects.toThrow(RangeError)
      await store.close()
      store = await reopen()
      expect((await store.clientOwners('demo:cl')).get(8)).toBe('bob')
    })

    it('claimClients racing from two stores for the same new ids agree on one owner each', async () => {
      const other = await reopen()
      try {
        const ids = Array.from({ length: 40 }, (_, i) => 1000 + i)
        for (let round = 0; round < 5; round++) {
          const doc = `demo:race-${round}`
          // Opposite orders, so that a store claiming in the order given could deadlock.
          const [a, b] = await Promise.all([store.claimClients(doc, 'alice', ids), other.claimClients(doc, 'bob', [...ids].reverse())])
          expect(a.size).toBe(ids.length)
          expect(b).toEqual(a)
          for (const owner of a.values()) expect(['alice', 'bob']).toContain(owner)
          expect(await store.clientOwners(doc)).toEqual(a)
        }
      } finally {
        await other.close()
      }
    })

    describeLockTests(() => ({ store, reopen }))

    it('keeps what was appended across close and reopen', async () => {
      const doc = new Y.Doc()
      await store.append('demo:r', textUpdate(doc, 'a', 'persisted'))
      await store.close()
      store = await reopen()
      expect(contentOf(await store.load('demo:r')).a).toBe('persisted')
    })
  })
}
