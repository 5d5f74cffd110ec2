/**
 * Opens the relational rows on the embedded SQLite database and brings them up to date.
 * @module
 */
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely'
import type { SqliteDatabase } from '../store/sqlite/database.ts'
import { MIGRATIONS } from './migrations.ts'
import type { Database, Db } from './schema.ts'

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS }

/** Runs pending migrations; throws with the failing migration's name. */
export async function migrateRows(db: Db): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** Kysely over the same better-sqlite3 connection as the document store. */
export async function openSqliteRows(sqlite: SqliteDatabase): Promise<Db> {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  await migrateRows(db)
  return db
}
