/**
 * Opens the PostgreSQL pool (production store, shared by every server process) and brings its schema
 * up to date. Migrations are numbered, run once each in order, and recorded in `schema_migrations`;
 * an advisory lock lets several processes start at once without racing each other.
 * @module
 */
import pg from 'pg'
import { errorSummary, log } from '../../log.ts'

/** Schema migrations; append only, never edit one that has shipped. Same tables as SQLite's. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE doc_updates (
     seq  bigserial PRIMARY KEY,
     doc  text NOT NULL,
     data bytea NOT NULL
   );
   CREATE INDEX doc_updates_by_doc ON doc_updates (doc, seq);
   CREATE TABLE doc_snapshots (
     doc        text PRIMARY KEY,
     state      bytea NOT NULL,
     updated_at timestamptz NOT NULL
   );`,
  `CREATE TABLE doc_quarantine (
     doc            text NOT NULL,
     seq            bigint NOT NULL,
     data           bytea NOT NULL,
     reason         text NOT NULL,
     quarantined_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (doc, seq)
   );
   CREATE TABLE doc_clients (
     doc           text NOT NULL,
     client        bigint NOT NULL,
     user_id       text NOT NULL,
     first_seen_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (doc, client)
   );`,
  // Locks read by checked appends in their own transaction; section '' is the whole document.
  `CREATE TABLE doc_locks (
     doc       text NOT NULL,
     section   text NOT NULL,
     locked_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (doc, section)
   );`,
]

export interface PostgresOptions {
  /** `postgres://user@host:port/database` (DATABASE_URL). */
  connectionString: string
  /**
   * Schema holding coregroup's tables (created when missing); the server's `search_path`. Lets tests
   * and several deployments share one database.
   */
  schema?: string
  /** Connections in the pool. */
  max?: number
  /** Overrides of {@link DEFAULT_TIMEOUTS} (tests use short ones). */
  timeouts?: Partial<PostgresTimeouts>
}

/**
 * Limits so that one hung query or unreachable server cannot stall a process forever: the server
 * cancels a statement after `statementMs`; the client gives up on a query a little later (in case the
 * server cannot even answer) and on a new connection after `connectionMs`.
 */
export interface PostgresTimeouts {
  statementMs: number
  queryMs: number
  connectionMs: number
}

export const DEFAULT_TIMEOUTS: PostgresTimeouts = { statementMs: 15_000, queryMs: 20_000, connectionMs: 10_000 }

function poolTimeouts(given: Partial<PostgresTimeouts> = {}): pg.PoolConfig {
  const t = { ...DEFAULT_TIMEOUTS, ...given }
  return { statement_timeout: t.statementMs, query_timeout: t.queryMs, connectionTimeoutMillis: t.connectionMs }
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/

/** True when `name` is a schema name this module accepts (lower case, digits, underscores). */
export function isSchemaName(name: string): boolean {
  return SCHEMA_NAME.test(name)
}

/** Opens a pool and migrates; the pool's connections use `options.schema` when given. */
export async function openPostgres(options: PostgresOptions): Promise<pg.Pool> {
  const { schema } = options
  if (schema !== undefined && !isSchemaName(schema)) throw new Error('invalid schema name')
  let connectionString = options.connectionString
  let serverOptions: string | undefined
  if (schema) {
    // A connection string's own `options` would override the pool's, so fold it into ours.
    const url = new URL(connectionString)
    const fromUrl = url.searchParams.get('options')
    url.searchParams.delete('options')
    connectionString = url.toString()
    serverOptions = `${fromUrl ? `${fromUrl} ` : ''}-c search_path=${schema}`
  }
  const pool = new pg.Pool({ ...poolTimeouts(options.timeouts), connectionString, options: serverOptions, max: options.max ?? 10 })
  // An idle connection that breaks (server restart) is dropped from the pool; without a listener
  // the error would end the process.
  pool.on('error', (err) => log.error('store.pg_idle_error', { error: errorSummary(err) }))
  try {
    await migrate(pool, schema)
  } catch (err) {
    await pool.end()
    throw err
  }
  return pool
}

async function migrate(pool: pg.Pool, schema: string | undefined): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`coregroup.migrate:${schema ?? ''}`])
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(schema)}`)
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version    integer PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    )
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations')
    const applied = new Set(rows.map((r) => r.version))
    for (let v = 1; v <= MIGRATIONS.length; v++) {
      if (applied.has(v)) continue
      await client.query(MIGRATIONS[v - 1]!)
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v])
    }
    await client.query('COMMIT')
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}
