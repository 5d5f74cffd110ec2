/**
 * PostgreSQL under a stalled statement (issue 9 §6) and the lock barrier (§7), against the machine's
 * real PostgreSQL: a trigger in the test schema makes the INSERT of chosen documents sleep.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DATABASE_URL, dropSchemas, haveServices, testSchemaName } from '../../../test/support/services.ts'
import { AppendRefusedError } from '../document-store.ts'
import { openPostgres } from './database.ts'
import { PostgresDocumentStore } from './postgres-document-store.ts'

const enabled = haveServices('PostgreSQL stall tests', { DATABASE_URL })
const schemas = new Set<string>()
afterAll(() => dropSchemas(schemas))

/** Rows of `demo:hung…` sleep 30 s (past any timeout here); rows of `demo:slow…` 400 ms. */
const SLEEPY_TRIGGER = `
  CREATE FUNCTION sleepy_insert() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.doc LIKE 'demo:hung%' THEN PERFORM pg_sleep(30);
    ELSIF NEW.doc LIKE 'demo:slow%' THEN PERFORM pg_sleep(0.4);
    END IF;
    RETURN NEW;
  END $$;
  CREATE TRIGGER sleepy BEFORE INSERT ON doc_updates FOR EACH ROW EXECUTE FUNCTION sleepy_insert();`

let stores: PostgresDocumentStore[] = []
afterEach(async () => {
  await Promise.all(stores.map((s) => s.close().catch(() => {})))
  stores = []
})

/** A store on a fresh schema with the sleepy trigger, whose statements time out after `statementMs`. */
async function sleepyStore(statementMs: number): Promise<PostgresDocumentStore> {
  const schema = testSchemaName()
  schemas.add(schema)
  const pool = await openPostgres({ connectionString: DATABASE_URL!, schema, timeouts: { statementMs, queryMs: statementMs + 1_000 } })
  await pool.query(SLEEPY_TRIGGER)
  const store = new PostgresDocumentStore(pool)
  stores.push(store)
  return store
}

const update = (text: string) => {
  const doc = new Y.Doc()
  doc.getText('a').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}
const nextTurn = () => new Promise((r) => setImmediate(r))
const settledIn = async (p: Promise<void>) => {
  const started = performance.now()
  const outcome = await p.then(() => 'ok', (err: unknown) => (err instanceof Error ? err : new Error(String(err))))
  return { outcome, ms: performance.now() - started }
}

describe.skipIf(!enabled)('PostgreSQL store: a stalled INSERT', () => {
  it('does not hold back other documents, and fails its own appends after the statement timeout', async () => {
    const store = await sleepyStore(1_000)
    const started = performance.now()
    const hung = settledIn(store.append('demo:hung', update('stalls')))
    await nextTurn() // the hung document's batch is in flight, alone
    // Appended behind it: the same document waits (never overtaking), the others commit meanwhile.
    const sameDoc = settledIn(store.append('demo:hung', update('behind it')))
    const others = await Promise.all(Array.from({ length: 20 }, (_, i) => settledIn(store.append(`demo:ok-${i % 4}`, update(`other ${i}`)))))
    for (const o of others) expect(o.outcome).toBe('ok')
    expect(Math.max(...others.map((o) => o.ms))).toBeLessThan(700)

    const [h, s] = await Promise.all([hung, sameDoc])
    expect(h.outcome).toBeInstanceOf(Error)
    expect((h.outcome as Error).message).toMatch(/statement timeout|canceling statement/)
    expect(performance.now() - started).toBeGreaterThan(900)
    expect(performance.now() - started).toBeLessThan(5_000)
    // The one behind it is not written after a failure it may build on.
    expect(s.outcome).toMatchObject({ name: 'EarlierAppendFailedError' })
    expect(await store.logLength('demo:hung')).toBe(0)
    for (let i = 0; i < 4; i++) expect(await store.logLength(`demo:ok-${i}`)).toBe(5)
    // And the store carries on for that document afterwards.
    await nextTurn()
    await store.append('demo:ok-0', update('after'))
  })

  it('carries on while several batches are stalled at once', async () => {
    const store = await sleepyStore(1_000)
    const hung = [0, 1].map((i) => settledIn(store.append(`demo:hung-${i}`, update('stalls'))))
    await nextTurn()
    const hungAgain = settledIn(store.append('demo:hung-2', update('stalls too')))
    await nextTurn()
    const other = await settledIn(store.append('demo:ok', update('fine')))
    expect(other.outcome).toBe('ok')
    expect(other.ms).toBeLessThan(700)
    for (const h of await Promise.all([...hung, hungAgain])) expect(h.outcome).toBeInstanceOf(Error)
  })
})

describe.skipIf(!enabled)('PostgreSQL store: the lock barrier', () => {
  it('setLock waits for a checked append in flight, and refuses those after it, from any process', async () => {
    const store = await sleepyStore(5_000)
    const other = new PostgresDocumentStore(await openPostgres({ connectionString: DATABASE_URL!, schema: [...schemas].at(-1)! }))
    stores.push(other)
    const order: string[] = []
    const inFlight = store.append('demo:slow', update('in flight'), { sections: new Set(['a']) }).then(() => order.push('append committed'))
    await new Promise((r) => setTimeout(r, 100)) // the INSERT is sleeping
    await other.setLock('demo:slow', 'a', true)
    order.push('lock set')
    await inFlight
    expect(order).toEqual(['append committed', 'lock set'])
    await expect(store.append('demo:slow', update('after'), { sections: new Set(['a']) })).rejects.toBeInstanceOf(AppendRefusedError)
    expect(await other.logLength('demo:slow')).toBe(1)
  })
})
