/**
 * Opens the embedded SQLite database (one file in the data folder, WAL) and brings its schema up to
 * date. Migrations are numbered and run once each, in order, in a transaction.
 * @module
 */
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

export type SqliteDatabase = Database.Database

/** Schema migrations; append only, never edit one that has shipped. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE doc_updates (
     seq  INTEGER PRIMARY KEY AUTOINCREMENT,
     doc  TEXT NOT NULL,
     data BLOB NOT NULL
   );
   CREATE INDEX doc_updates_by_doc ON doc_updates (doc, seq);
   CREATE TABLE doc_snapshots (
     doc        TEXT PRIMARY KEY,
     state      BLOB NOT NULL,
     updated_at TEXT NOT NULL
   );`,
  `CREATE TABLE doc_quarantine (
     doc            TEXT NOT NULL,
     seq            INTEGER NOT NULL,
     data           BLOB NOT NULL,
     reason         TEXT NOT NULL,
     quarantined_at TEXT NOT NULL,
     PRIMARY KEY (doc, seq)
   );
   CREATE TABLE doc_clients (
     doc           TEXT NOT NULL,
     client        INTEGER NOT NULL,
     user_id       TEXT NOT NULL,
     first_seen_at TEXT NOT NULL,
     PRIMARY KEY (doc, client)
   );`,
  // Locks read by checked appends in their own transaction; section '' is the whole document.
  `CREATE TABLE doc_locks (
     doc       TEXT NOT NULL,
     section   TEXT NOT NULL,
     locked_at TEXT NOT NULL,
     PRIMARY KEY (doc, section)
   );`,
]

export const DATABASE_FILE = 'coregroup.sqlite'

/** Opens (creating if needed) the database in `dataDir`, or in memory for `':memory:'`. */
export function openSqlite(dataDir: string, options: { sync?: 'full' | 'normal' } = {}): SqliteDatabase {
  let file = ':memory:'
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true })
    file = join(dataDir, DATABASE_FILE)
  }
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  // FULL (the default): a commit is fsynced before append() resolves, so an acknowledged edit survives
  // a crash of the machine as well as of the process. NORMAL (WAL) survives a crash of the process.
  db.pragma(`synchronous = ${options.sync === 'normal' ? 'NORMAL' : 'FULL'}`)
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  migrate(db)
  return db
}

function migrate(db: SqliteDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!)
      db.pragma(`user_version = ${v + 1}`)
    })()
  }
}
