import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { AppendRefusedError } from '../document-store.ts'
import { describeDocumentStore } from '../document-store.suite.ts'
import { openSqlite } from './database.ts'
import { SqliteDocumentStore } from './sqlite-document-store.ts'

describeDocumentStore('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'coregroup-store-'))
  const open = async () => new SqliteDocumentStore(openSqlite(dir))
  return { store: await open(), reopen: open }
}, { liveCompaction: true })

describe('SQLite: commits a room may relay before (DESIGN §5)', () => {
  it('says so only while nothing touched is locked or being locked, and never refuses what it said so of', async () => {
    const store = new SqliteDocumentStore(openSqlite(':memory:'))
    const doc = 'demo:certain'
    const touched = new Set(['item:a'])
    expect(store.commitsCertain(doc, touched)).toBe(true)
    // An append handed over while it was certain, then a lock on its section: the append commits first.
    const before = store.append(doc, update('before the lock'), { sections: touched })
    const locking = store.setLock(doc, 'item:a', true)
    expect(store.commitsCertain(doc, touched)).toBe(false)
    expect(store.commitsCertain(doc, new Set(['item:b']))).toBe(false) // any section, while a lock is set
    await expect(before).resolves.toBeUndefined()
    await locking
    expect(store.commitsCertain(doc, touched)).toBe(false)
    expect(store.commitsCertain(doc, new Set(['item:b']))).toBe(true)
    await expect(store.append(doc, update('after the lock'), { sections: touched })).rejects.toBeInstanceOf(AppendRefusedError)
    await store.setLock(doc, null, true)
    expect(store.commitsCertain(doc, new Set(['item:b']))).toBe(false)
    await store.setLock(doc, null, false)
    await store.setLock(doc, 'item:a', false)
    expect(store.commitsCertain(doc, touched)).toBe(true)
    expect(await store.logLength(doc)).toBe(1)
    await store.close()
  })
})

function update(text: string): Uint8Array {
  const d = new Y.Doc()
  d.getText('t').insert(0, text)
  return Y.encodeStateAsUpdate(d)
}
