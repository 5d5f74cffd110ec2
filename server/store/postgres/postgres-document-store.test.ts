import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DATABASE_URL, dropSchemas, haveServices, testSchemaName } from '../../../test/support/services.ts'
import { describeDocumentStore } from '../document-store.suite.ts'
import { MIGRATIONS, openPostgres } from './database.ts'
import { openPostgresDocumentStore } from './postgres-document-store.ts'

const schemas = new Set<string>()
afterAll(() => dropSchemas(schemas))

function newSchema(): string {
  const name = testSchemaName()
  schemas.add(name)
  return name
}

const enabled = haveServices('PostgreSQL store tests', { DATABASE_URL })

describe.skipIf(!enabled)('PostgreSQL (DATABASE_URL)', () => {
  describeDocumentStore('PostgreSQL', async () => {
    const schema = newSchema()
    const open = () => openPostgresDocumentStore({ connectionString: DATABASE_URL!, schema })
    return { store: await open(), reopen: open }
  })

  it('migrates once, even when several processes open a fresh schema at the same time', async () => {
    const schema = newSchema()
    const pools = await Promise.all(Array.from({ length: 4 }, () => openPostgres({ connectionString: DATABASE_URL!, schema })))
    const { rows } = await pools[0]!.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
    await Promise.all(pools.map((p) => p.end()))
  })

  it('keeps the tables in the schema it was given', async () => {
    const schema = newSchema()
    const store = await openPostgresDocumentStore({ connectionString: DATABASE_URL!, schema })
    await store.append('demo:where', Y.encodeStateAsUpdate(new Y.Doc()))
    await store.close()
    const client = new pg.Client({ connectionString: DATABASE_URL })
    await client.connect()
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${pg.escapeIdentifier(schema)}.doc_updates`)
    await client.end()
    expect(rows[0]!.n).toBe(1)
  })

  it('loses nothing when two processes append while a third compacts', async () => {
    const schema = newSchema()
    const open = () => openPostgresDocumentStore({ connectionString: DATABASE_URL!, schema })
    const [a, b, compactor] = await Promise.all([open(), open(), open()])
    const docA = new Y.Doc()
    const docB = new Y.Doc()
    const appends: Promise<void>[] = []
    let compacting = true
    const compactions = (async () => {
      while (compacting) await compactor.compact('demo:race')
    })()
    for (let i = 0; i < 300; i++) {
      const [doc, store] = i % 2 ? [docA, a] : [docB, b]
      const before = Y.encodeStateVector(doc)
      doc.getText(i % 2 ? 'a' : 'b').insert(0, `${i},`)
      appends.push(store.append('demo:race', Y.encodeStateAsUpdate(doc, before)))
      if (i % 25 === 0) await new Promise((r) => setTimeout(r, 2))
    }
    await Promise.all(appends)
    compacting = false
    await compactions
    await compactor.compact('demo:race')
    const stored = await compactor.load('demo:race')
    const result = new Y.Doc()
    if (stored.snapshot) Y.applyUpdate(result, stored.snapshot)
    for (const u of stored.updates) Y.applyUpdate(result, u)
    expect(result.getText('a').toString()).toBe(docA.getText('a').toString())
    expect(result.getText('b').toString()).toBe(docB.getText('b').toString())
    await Promise.all([a.close(), b.close(), compactor.close()])
  })
})
