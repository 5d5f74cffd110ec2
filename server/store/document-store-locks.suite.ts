/**
 * The locks part of the DocumentStore suite (issue 9 §7): `setLock`/`locks`, the check a checked
 * append makes in its own transaction, and per-document order of the group commit. Run by
 * `describeDocumentStore` for every implementation.
 */
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { AppendRefusedError, type DocumentStore } from './document-store.ts'

function edit(doc: Y.Doc, section: string, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc)
  doc.getText(section).insert(doc.getText(section).length, text)
  return Y.encodeStateAsUpdate(doc, before)
}

function textOf(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }, section: string): string {
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(doc, u)
  return doc.getText(section).toString()
}

const touching = (...sections: string[]) => ({ sections: new Set(sections) })

/**
 * The next turn of the event loop: appends of a document handed over in the turn in which one of its
 * appends failed fail too (they may build on it), so a test appending again after a refusal waits.
 */
const nextTurn = () => new Promise((r) => setImmediate(r))

/** How each promise settled, without letting a rejection go unhandled. */
function outcomes(promises: Promise<void>[]): Promise<string[]> {
  return Promise.all(promises.map((p) => p.then(() => 'ok', (err: unknown) => (err instanceof Error ? err.name : String(err)))))
}

export function describeLockTests(current: () => { store: DocumentStore; reopen: () => Promise<DocumentStore> }) {
  it('setLock and locks: sections and the whole document, per document, idempotent, kept across reopen', async () => {
    const { store, reopen } = current()
    expect(await store.locks('demo:l')).toEqual({ locked: false, sections: [] })
    await store.setLock('demo:l', 'item:b', true)
    await store.setLock('demo:l', 'item:a', true)
    await store.setLock('demo:l', 'item:a', true)
    expect(await store.locks('demo:l')).toEqual({ locked: false, sections: ['item:a', 'item:b'] })
    await store.setLock('demo:l', null, true)
    await store.setLock('demo:l', 'item:b', false)
    await store.setLock('demo:l', 'item:never', false)
    expect(await store.locks('demo:l')).toEqual({ locked: true, sections: ['item:a'] })
    expect(await store.locks('demo:other')).toEqual({ locked: false, sections: [] })
    await expect(store.setLock('demo:l', '', true)).rejects.toThrow(RangeError)
    const again = await reopen()
    try {
      expect(await again.locks('demo:l')).toEqual({ locked: true, sections: ['item:a'] })
    } finally {
      await again.close()
    }
  })

  it('refuses a checked append touching a locked section, or any while the whole document is locked', async () => {
    const { store } = current()
    const doc = new Y.Doc()
    await store.append('demo:chk', edit(doc, 'a', 'first;'), touching('a'))
    await store.setLock('demo:chk', 'a', true)
    const refused = store.append('demo:chk', edit(new Y.Doc(), 'a', 'refused;'), touching('b', 'a'))
    await expect(refused).rejects.toBeInstanceOf(AppendRefusedError)
    await expect(refused).rejects.toMatchObject({ doc: 'demo:chk', reason: 'locked' })
    await nextTurn()
    await store.append('demo:chk', edit(doc, 'b', 'other section;'), touching('b'))
    // Unchecked (the server's own changes, e.g. the lock itself) and other documents go through.
    await store.append('demo:chk', edit(doc, 'a', 'server;'))
    await store.append('demo:chk-other', edit(new Y.Doc(), 'a', 'elsewhere;'), touching('a'))

    await store.setLock('demo:chk', null, true)
    await expect(store.append('demo:chk', edit(new Y.Doc(), 'b', 'no;'), touching('b'))).rejects.toBeInstanceOf(AppendRefusedError)
    await nextTurn()
    await expect(store.append('demo:chk', edit(new Y.Doc(), 'c', 'none;'), touching())).rejects.toBeInstanceOf(AppendRefusedError)
    await nextTurn()
    await store.setLock('demo:chk', null, false)
    await store.setLock('demo:chk', 'a', false)
    await store.append('demo:chk', edit(doc, 'a', 'unlocked;'), touching('a'))

    const stored = await store.load('demo:chk')
    expect(stored.updates).toHaveLength(4)
    expect(textOf(stored, 'a')).toBe('first;server;unlocked;')
    expect(textOf(stored, 'b')).toBe('other section;')
  })

  it('in one group commit, leaves out exactly the refused updates and the later ones of their documents', async () => {
    const { store } = current()
    await store.setLock('demo:gx', 'a', true)
    const x = new Y.Doc()
    const y = new Y.Doc()
    const settled = outcomes([
      store.append('demo:gx', edit(x, 'b', 'x1;'), touching('b')),
      store.append('demo:gy', edit(y, 'a', 'y1;'), touching('a')),
      store.append('demo:gx', edit(x, 'a', 'x2;'), touching('a')),
      store.append('demo:gy', edit(y, 'a', 'y2;'), touching('a')),
      store.append('demo:gx', edit(x, 'b', 'x3;'), touching('b')),
    ])
    // Handed over while the refusal above is being reported: not written after it either.
    const late = settled.then(() => outcomes([store.append('demo:gx', edit(x, 'b', 'x4;'), touching('b'))]))
    expect(await settled).toEqual(['ok', 'ok', 'AppendRefusedError', 'ok', 'EarlierAppendFailedError'])
    expect(await late).toEqual(['EarlierAppendFailedError'])
    expect(textOf(await store.load('demo:gx'), 'b')).toBe('x1;')
    expect(textOf(await store.load('demo:gy'), 'a')).toBe('y1;y2;')
    // A later turn starts afresh.
    await nextTurn()
    await store.append('demo:gx', edit(new Y.Doc(), 'c', 'fresh;'), touching('c'))
    expect(await store.logLength('demo:gx')).toBe(2)
  })

  it('a lock set through another store on the same database (another process) holds at once', async () => {
    const { store, reopen } = current()
    const other = await reopen()
    const name = "demo:x'p\\" // quoted wherever it goes
    try {
      await other.setLock(name, 'a', true)
      await expect(store.append(name, edit(new Y.Doc(), 'a', 'refused;'), touching('a'))).rejects.toBeInstanceOf(AppendRefusedError)
      await nextTurn()
      await other.setLock(name, 'a', false)
      await store.append(name, edit(new Y.Doc(), 'a', 'accepted;'), touching('a'))
      expect(textOf(await other.load(name), 'a')).toBe('accepted;')
    } finally {
      await other.close()
    }
  })

  it('commits the updates of each document in the order they were appended, across many batches', async () => {
    const { store } = current()
    const docs = Array.from({ length: 5 }, (_, i) => ({ name: `demo:order-${i}`, doc: new Y.Doc(), sent: [] as string[] }))
    const appends: Promise<void>[] = []
    for (let i = 0; i < 200; i++) {
      const d = docs[(i * 7) % docs.length]!
      const word = `${i};`
      d.sent.push(word)
      // Each its own update, on a client of its own: any order integrates, so only the log shows order.
      appends.push(store.append(d.name, edit(new Y.Doc(), 'a', word), i % 3 ? touching('a') : undefined))
      if (i % 9 === 0) await nextTurn()
    }
    await Promise.all(appends)
    for (const d of docs) {
      const { updates } = await store.load(d.name)
      expect(updates.map((u) => textOf({ snapshot: null, updates: [u] }, 'a'))).toEqual(d.sent)
    }
  })
}
