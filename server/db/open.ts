/**
 * Opens the relational rows on the embedded SQLite database and brings them up to date.
 * @module
 */
import { Kysely, Migrator, SqliteDialect, type MigrationProvider, type SqliteDatabase as SqliteDialectDatabase } from 'kysely'
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

/** Statements kept prepared, by SQL text: enough for every query the server builds (issue 16 §2). */
const STATEMENT_CACHE_SIZE = 512

/**
 * better-sqlite3 as Kysely's dialect sees it, with each statement prepared once per SQL text: Kysely
 * prepares every query it runs, and on a busy server (a thousand sockets opening, each resolving its
 * session and access) preparing cost more than running. The cache is bounded (least recently used
 * goes first); SQLite re-prepares a statement itself if the schema changes under it.
 */
export function withStatementCache(sqlite: SqliteDatabase, size = STATEMENT_CACHE_SIZE): SqliteDialectDatabase {
  const prepared = new Map<string, ReturnType<SqliteDatabase['prepare']>>()
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = prepared.get(sql)
      if (statement) prepared.delete(sql)
      else statement = sqlite.prepare(sql)
      prepared.set(sql, statement)
      if (prepared.size > size) prepared.delete(prepared.keys().next().value!)
      return statement
    },
  }
}

/** Kysely over the same better-sqlite3 connection as the document store. */
export async function openSqliteRows(sqlite: SqliteDatabase): Promise<Db> {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
  await migrateRows(db)
  return db
}
