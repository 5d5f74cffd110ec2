/**
 * A PostgreSQL schema of its own for each coregroup-pg server the bench starts (coregroup creates it
 * on open), dropped when the server stops, so runs never share rows or document logs.
 * @module
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'

export const freshSchemaName = (): string => `coregroup_bench_${randomBytes(6).toString('hex')}`

export async function dropSchema(databaseUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(name)} CASCADE`)
  } finally {
    await client.end()
  }
}
