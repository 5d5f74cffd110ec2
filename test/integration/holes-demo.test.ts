/**
 * Issue 9 §8: `demo:<id>` documents were shared across authorities and kept in the real store. Now
 * each authority has its own `demo:x` (its users share it; another authority's users open another
 * document of the same name), and nothing of a demo document, its updates, snapshot, client owners
 * or locks, reaches the real store.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentSync } from '../../client/collab/document-sync.ts'
import { DEFAULT_TIMESCALE_SETTINGS } from '../../schemas/timescales/index.ts'
import { hashPassword } from '../../server/auth/passwords.ts'
import { insertAuthority, insertUser } from '../../server/db/repos/users.ts'
import { DATABASE_FILE } from '../../server/store/sqlite/database.ts'
import { openClient, sectionText, typeInto, waitFor } from '../support/clients.ts'
import { MisbehavingClient } from '../support/misbehaving-client.ts'
import { startTestServer, type TestServer, type TestUser } from '../support/server.ts'

let server: TestServer
let alice: TestUser
let amir: TestUser
let bea: TestUser
const clients: DocumentSync[] = []

/** A staff user of a new authority, signed in. */
async function userOfAnotherAuthority(s: TestServer): Promise<TestUser> {
  const authority = await insertAuthority(s.db, { name: 'Otherborough Council', nation: 'england', agendaVariant: 'seed-004', settings: DEFAULT_TIMESCALE_SETTINGS })
  const password = 'another authority password'
  const user = await insertUser(s.db, { authorityId: authority.id, name: 'Bea Other', email: `bea.${authority.id}@example.test`, accountRole: 'staff' }, await hashPassword(password))
  const signed = await s.auth.signIn(user.email, password, 'test-other-authority')
  return { id: user.id, email: user.email, password, name: user.name, cookie: `cg_session=${signed.token}`, csrfToken: signed.csrfToken }
}

const open = async (name: string, as: TestUser): Promise<DocumentSync> => {
  const c = openClient(server.syncUrl, name, as)
  clients.push(c)
  await c.whenSynced()
  return c
}

/** Every document name the real store's SQLite file holds anything for, read from the outside. */
function namesInRealStore(): string[] {
  const db = new Database(join(server.dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true })
  try {
    const tables = ['doc_updates', 'doc_snapshots', 'doc_clients', 'doc_locks', 'doc_quarantine']
    return (db.prepare(tables.map((t) => `SELECT doc FROM ${t}`).join(' UNION ')).pluck().all() as string[]).sort()
  } finally {
    db.close()
  }
}

beforeAll(async () => {
  server = await startTestServer({ idleUnloadMs: 200 })
  alice = await server.signUp({ name: 'Alice Same' })
  amir = await server.signUp({ name: 'Amir Same' })
  bea = await userOfAnotherAuthority(server)
})
afterAll(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server.stop()
})

describe('demo documents', () => {
  it('are shared within an authority and not across authorities', async () => {
    const a = await open('demo:x', alice)
    typeInto(a.doc, 'item:purpose', 'written in authority A')
    await a.whenSaved()
    const sameAuthority = await open('demo:x', amir)
    await waitFor(() => sectionText(sameAuthority.doc, 'item:purpose') === 'written in authority A', 5000, 'A’s text to reach a colleague')
    const b = await open('demo:x', bea)
    typeInto(b.doc, 'item:updates', 'written in authority B')
    await b.whenSaved()
    await new Promise((r) => setTimeout(r, 100))
    expect(sectionText(b.doc, 'item:purpose')).toBe('')
    expect(sectionText(a.doc, 'item:updates')).toBe('')
    expect(sectionText(sameAuthority.doc, 'item:updates')).toBe('')
  })

  it('lock per authority: a lock on A’s demo:x leaves B’s writable', async () => {
    const res = await server.request('POST', '/api/documents/demo:locks/locks', { as: alice, body: { section: 'item:purpose', locked: true } })
    expect(res.status).toBe(200)
    const inA = await MisbehavingClient.connect(`${server.syncUrl}/demo:locks`, amir)
    expect(await inA.send(inA.insertText('item:purpose', 'locked here'))).toMatchObject({ kind: 'rejected', reason: 'locked' })
    inA.close()
    const inB = await MisbehavingClient.connect(`${server.syncUrl}/demo:locks`, bea)
    expect(await inB.send(inB.insertText('item:purpose', 'not locked here'))).toMatchObject({ kind: 'acked' })
    inB.close()
  })

  it('keep what was written after their rooms unload, and the real store holds nothing of them', async () => {
    for (const c of clients.splice(0)) c.destroy()
    await waitFor(() => server.rooms.loadedCount === 0, 5000, 'demo rooms to unload')
    const again = await open('demo:x', alice)
    expect(sectionText(again.doc, 'item:purpose')).toBe('written in authority A')
    expect(await server.store.logLength('demo:x')).toBe(0)
    expect((await server.store.load('demo:x')).snapshot).toBeNull()
    expect(namesInRealStore().filter((n) => !n.startsWith('meeting:') && !n.startsWith('report:'))).toEqual([])
  })
})
