/**
 * Opens where coregroup keeps things, as configured: PostgreSQL when DATABASE_URL is set (production,
 * several server processes share it), otherwise the embedded SQLite file. Document store and
 * relational rows live in the same database.
 * @module
 */
import type { Config } from '../config.ts'
import { openSqliteRows } from '../db/open.ts'
import type { Db } from '../db/schema.ts'
import type { DocumentStore } from './document-store.ts'
import { openSqlite } from './sqlite/database.ts'
import { SqliteDocumentStore } from './sqlite/sqlite-document-store.ts'

export interface Stores {
  kind: 'sqlite' | 'postgres'
  store: DocumentStore
  db: Db
  /** Writes what is pending and closes both. */
  close(): Promise<void>
}

export async function openStores(config: Pick<Config, 'dataDir' | 'databaseUrl' | 'pgSchema'> & Partial<Pick<Config, 'sqliteSync'>>): Promise<Stores> {
  if (config.databaseUrl) {
    // Loaded only when configured, so the embedded default does not carry the PostgreSQL driver.
    const [{ openPostgres }, { PostgresDocumentStore }, { openPostgresRows }] = await Promise.all([
      import('./postgres/database.ts'),
      import('./postgres/postgres-document-store.ts'),
      import('./postgres/postgres-rows.ts'),
    ])
    const pool = await openPostgres({ connectionString: config.databaseUrl, schema: config.pgSchema })
    const store = new PostgresDocumentStore(pool, { ownsPool: false })
    const db = await openPostgresRows(pool) // ends the pool when it fails
    return {
      kind: 'postgres',
      store,
      db,
      async close() {
        await store.close()
        await db.destroy() // ends the shared pool
      },
    }
  }
  const sqlite = openSqlite(config.dataDir, { sync: config.sqliteSync })
  const store = new SqliteDocumentStore(sqlite)
  const db = await openSqliteRows(sqlite)
  return {
    kind: 'sqlite',
    store,
    db,
    async close() {
      await store.close()
      await db.destroy()
    },
  }
}
