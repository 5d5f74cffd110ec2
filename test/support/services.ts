/**
 * PostgreSQL and Redis for tests: the URLs come from DATABASE_URL and REDIS_URL (`.ci/run` sets
 * both); each test works in a schema of its own that it drops afterwards.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'

export const DATABASE_URL = process.env.DATABASE_URL || undefined
export const REDIS_URL = process.env.REDIS_URL || undefined

const noticed = new Set<string>()

/**
 * True when every variable named is set; otherwise prints, once per file and suite, which are
 * missing and what is skipped, and returns false (for `describe.skipIf(!…)`).
 */
export function haveServices(what: string, vars: Record<string, string | undefined>): boolean {
  const missing = Object.entries(vars)
    .filter(([, v]) => !v)
    .map(([k]) => k)
  if (missing.length === 0) return true
  if (!noticed.has(what)) {
    noticed.add(what)
    console.warn(`SKIPPED ${what}: ${missing.join(' and ')} not set (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379)`)
  }
  return false
}

/** A fresh, unused schema name (`coregroup_test_<random>`); the store creates it on open. */
export function testSchemaName(): string {
  return `coregroup_test_${randomBytes(6).toString('hex')}`
}

/** Drops test schemas and everything in them. */
export async function dropSchemas(names: Iterable<string>): Promise<void> {
  const list = [...names]
  if (list.length === 0 || !DATABASE_URL) return
  const client = new pg.Client({ connectionString: DATABASE_URL })
  await client.connect()
  try {
    for (const name of list) await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(name)} CASCADE`)
  } finally {
    await client.end()
  }
}
