import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeDocumentStore } from '../document-store.suite.ts'
import { openSqlite } from './database.ts'
import { SqliteDocumentStore } from './sqlite-document-store.ts'

describeDocumentStore('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'coregroup-store-'))
  const open = async () => new SqliteDocumentStore(openSqlite(dir))
  return { store: await open(), reopen: open }
}, { liveCompaction: true })
