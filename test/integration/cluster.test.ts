/**
 * Scale-out (DESIGN §6) against the machine's real PostgreSQL and Redis: several server nodes share one
 * test schema and one Redis. Skipped, with a line saying why, when DATABASE_URL or REDIS_URL is unset.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocumentSync } from '../../client/collab/document-sync.ts'
import { CloseCode } from '../../schemas/protocol.ts'
import { openPostgresDocumentStore } from '../../server/store/postgres/postgres-document-store.ts'
import { startChildServer, type ChildServer } from '../support/child-server.ts'
import { sectionText, typeInto, waitFor } from '../support/clients.ts'
import { CLUSTER_ADMIN, openClusterClient, signIn, startClusterNode, type ClusterNode } from '../support/cluster-node.ts'
import { createMeetingDoc } from '../support/meeting-doc.ts'
import { startRedisProxy, type RedisProxy } from '../support/redis-proxy.ts'
import { DATABASE_URL, REDIS_URL, dropSchemas, haveServices, testSchemaName } from '../support/services.ts'

const enabled = haveServices('cluster tests', { DATABASE_URL, REDIS_URL })
const schemas = new Set<string>()
afterAll(() => dropSchemas(schemas))

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

let clients: DocumentSync[] = []
function track(c: DocumentSync): DocumentSync {
  clients.push(c)
  return c
}
/** What the store holds for `doc` in `schema`, as one section's text. */
async function storedText(schema: string, doc: string, section: string): Promise<string> {
  const store = await openPostgresDocumentStore({ connectionString: DATABASE_URL!, schema })
  try {
    const stored = await store.load(doc)
    const ydoc = new Y.Doc()
    if (stored.snapshot) Y.applyUpdate(ydoc, stored.snapshot)
    for (const u of stored.updates) Y.applyUpdate(ydoc, u)
    return sectionText(ydoc, section)
  } finally {
    await store.close()
  }
}

describe.skipIf(!enabled)('two server processes on PostgreSQL and Redis', () => {
  let schema: string
  let a: ChildServer
  let b: ChildServer
  let session: { cookie: string; csrfToken: string }

  const startNode = () =>
    startChildServer({ DATABASE_URL: DATABASE_URL!, COREGROUP_PG_SCHEMA: schema, REDIS_URL: REDIS_URL!, ...CLUSTER_ADMIN })

  beforeEach(async () => {
    schema = testSchemaName()
    schemas.add(schema)
    // One after the other: the first migrates the schema and makes the administrator.
    a = await startNode()
    b = await startNode()
    session = await signIn(a.httpUrl)
  })
  afterEach(async () => {
    for (const c of clients) c.destroy()
    clients = []
    await Promise.all([a.stop(), b.stop()])
  })

  it('clients on different processes edit the same sections and converge', async () => {
    const { name, sections: [purposeItem, updatesItem] } = await createMeetingDoc(a.httpUrl, session)
    const onA = track(openClusterClient([a.syncUrl, b.syncUrl], name, session))
    const onB = track(openClusterClient([b.syncUrl, a.syncUrl], name, session))
    const alsoOnB = track(openClusterClient([b.syncUrl, a.syncUrl], name, session))
    await Promise.all([onA.whenSynced(), onB.whenSynced(), alsoOnB.whenSynced()])

    const words: string[] = []
    for (let i = 0; i < 40; i++) {
      for (const [who, client] of [['a', onA], ['b', onB], ['c', alsoOnB]] as const) {
        const word = `${who}${i};`
        words.push(word)
        typeInto(client.doc, i % 3 ? purposeItem : updatesItem, word)
      }
      if (i % 10 === 9) await sleep(5)
    }
    await Promise.all([onA.whenSaved(), onB.whenSaved(), alsoOnB.whenSaved()])
    const text = (c: DocumentSync) => sectionText(c.doc, purposeItem) + '|' + sectionText(c.doc, updatesItem)
    await waitFor(() => text(onA) === text(onB) && text(onB) === text(alsoOnB), 10_000, 'the three clients to converge')
    for (const w of words) expect(text(onA)).toContain(w)
    expect(await storedText(schema, name, purposeItem)).toBe(sectionText(onA.doc, purposeItem))
  })

  it('keeps every acknowledged edit when a process is killed (-9) while its clients type; they move to the other', async () => {
    const { name, sections: [purposeItem, updatesItem] } = await createMeetingDoc(a.httpUrl, session)
    const writer = track(openClusterClient([a.syncUrl, b.syncUrl], name, session))
    const watcher = track(openClusterClient([b.syncUrl, a.syncUrl], name, session))
    await Promise.all([writer.whenSynced(), watcher.whenSynced()])

    for (let i = 0; i < 100; i++) {
      typeInto(writer.doc, i % 2 ? purposeItem : updatesItem, `edit${i};`)
      if (i % 20 === 19) await sleep(5)
    }
    await writer.whenSaved()
    const acknowledged = [sectionText(writer.doc, purposeItem), sectionText(writer.doc, updatesItem)]

    // Type on while A dies, and on while the writer finds B.
    let typing = true
    let late = 0
    const typist = (async () => {
      while (typing) {
        typeInto(writer.doc, purposeItem, `late${late++};`)
        await sleep(5)
      }
    })()
    await sleep(60)
    await a.kill9()
    await sleep(300)
    typing = false
    await typist

    await waitFor(() => writer.connection === 'online' && writer.provider.url.startsWith(b.syncUrl), 10_000, 'the writer to reconnect to B')
    await writer.whenSaved()
    const purpose = sectionText(writer.doc, purposeItem)
    const updates = sectionText(writer.doc, updatesItem)
    expect(purpose.startsWith(acknowledged[0]!)).toBe(true)
    expect(updates).toBe(acknowledged[1])
    for (let i = 0; i < late; i++) expect(purpose).toContain(`late${i};`)
    await waitFor(() => sectionText(watcher.doc, purposeItem) === purpose, 10_000, 'the watcher on B to see everything')

    // And the store has it, for a client that comes later.
    expect(await storedText(schema, name, purposeItem)).toBe(purpose)
    const later = track(openClusterClient([b.syncUrl], name, session))
    await later.whenSynced()
    expect(sectionText(later.doc, purposeItem)).toBe(purpose)
    expect(sectionText(later.doc, updatesItem)).toBe(updates)
  })

  it('enforces on one process a lock set through the API of the other', async () => {
    const { name, sections: [purposeItem] } = await createMeetingDoc(a.httpUrl, session)
    const editor = track(openClusterClient([b.syncUrl], name, session))
    await editor.whenSynced()
    typeInto(editor.doc, purposeItem, 'before the lock;')
    await editor.whenSaved()

    const res = await fetch(`${a.httpUrl}/api/documents/${encodeURIComponent(name)}/locks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken, origin: a.httpUrl },
      body: JSON.stringify({ section: purposeItem, locked: true }),
    })
    expect(res.status).toBe(200)
    const lockedSections = () => (editor.doc.getMap('control').get('sections') ?? {}) as Record<string, true>
    await waitFor(() => lockedSections()[purposeItem] === true, 5_000, 'the lock to reach the client on B')

    const rejected: Array<{ section: string; reason: string }> = []
    const closed: number[] = []
    editor.on('rejected', (r) => rejected.push(r))
    editor.on('closed', (c) => closed.push(c.code))
    typeInto(editor.doc, purposeItem, 'after the lock;')
    await waitFor(() => closed.length > 0, 5_000, 'B to refuse the edit')
    expect(rejected).toEqual([{ section: purposeItem, reason: 'locked' }])
    expect(closed).toEqual([CloseCode.UpdateRejected])
    expect(await storedText(schema, name, purposeItem)).toBe('before the lock;')
  })
})

describe.skipIf(!enabled)('server changes and Redis outages across nodes', () => {
  let schema: string
  let nodes: ClusterNode[] = []
  let proxy: RedisProxy | null = null
  let session: { cookie: string; csrfToken: string }

  beforeEach(async () => {
    schema = testSchemaName()
    schemas.add(schema)
  })
  afterEach(async () => {
    for (const c of clients) c.destroy()
    clients = []
    await Promise.all(nodes.map((n) => n.stop()))
    nodes = []
    await proxy?.close()
    proxy = null
  })

  async function startNodes(redisUrls: string[]): Promise<ClusterNode[]> {
    for (const redisUrl of redisUrls) nodes.push(await startClusterNode({ databaseUrl: DATABASE_URL!, schema, redisUrl }))
    await waitFor(() => nodes.every((n) => n.fanout.connected), 5_000, 'Redis connections')
    session = await signIn(nodes[0]!.httpUrl)
    return nodes
  }

  it('a lock written with Room.applyServerChange on one node reaches the other, which enforces it', async () => {
    const [one, two] = await startNodes([REDIS_URL!, REDIS_URL!])
    const { name, sections: [purposeItem] } = await createMeetingDoc(one!.httpUrl, session)
    const editor = track(openClusterClient([two!.syncUrl], name, session))
    await editor.whenSynced()
    typeInto(editor.doc, purposeItem, 'before the lock;')
    await editor.whenSaved()

    const room = await one!.rooms.get(name)
    await room.applyServerChange((doc) => doc.getMap('control').set('locked', true))
    // Durable before applyServerChange resolved.
    const stored = await one!.stores.store.load(name)
    const check = new Y.Doc()
    if (stored.snapshot) Y.applyUpdate(check, stored.snapshot)
    for (const u of stored.updates) Y.applyUpdate(check, u)
    expect(check.getMap('control').get('locked')).toBe(true)

    await waitFor(() => editor.doc.getMap('control').get('locked') === true, 5_000, 'the lock to reach the client on the other node')
    const roomTwo = await two!.rooms.get(name)
    expect(roomTwo.doc.getMap('control').get('locked')).toBe(true)
    expect(sectionText(room.doc, purposeItem)).toBe('before the lock;')

    const rejected: Array<{ section: string; reason: string }> = []
    const closed: number[] = []
    editor.on('rejected', (r) => rejected.push(r))
    editor.on('closed', (c) => closed.push(c.code))
    typeInto(editor.doc, purposeItem, 'after the lock;')
    await waitFor(() => closed.length > 0, 5_000, 'the edit to be refused')
    expect(rejected).toEqual([{ section: purposeItem, reason: 'locked' }])
    expect(closed).toEqual([CloseCode.UpdateRejected])
    expect(await storedText(schema, name, purposeItem)).toBe('before the lock;')
  })

  it('a node cut off from Redis carries on alone and catches up by itself when Redis is back', async () => {
    proxy = await startRedisProxy(REDIS_URL!)
    const [one, two] = await startNodes([proxy.url, REDIS_URL!])
    const { name, sections: [purposeItem, updatesItem, nextItem] } = await createMeetingDoc(one!.httpUrl, session)
    const onOne = track(openClusterClient([one!.syncUrl], name, session))
    const onTwo = track(openClusterClient([two!.syncUrl], name, session))
    await Promise.all([onOne.whenSynced(), onTwo.whenSynced()])
    typeInto(onOne.doc, purposeItem, 'before;')
    await waitFor(() => sectionText(onTwo.doc, purposeItem) === 'before;', 5_000, 'fan-out before the outage')

    await proxy.cut()
    await waitFor(() => !one!.fanout.connected, 5_000, 'node one to notice the outage')
    typeInto(onOne.doc, updatesItem, 'during-one;')
    typeInto(onTwo.doc, nextItem, 'during-two;')
    // Both are acknowledged: the store, not Redis, is what acknowledgement waits for.
    await Promise.all([onOne.whenSaved(), onTwo.whenSaved()])
    await sleep(300)
    expect(sectionText(onTwo.doc, updatesItem)).toBe('')
    expect(sectionText(onOne.doc, nextItem)).toBe('')

    await proxy.restore()
    await waitFor(() => one!.fanout.connected, 10_000, 'node one to reconnect to Redis')
    await waitFor(() => sectionText(onTwo.doc, updatesItem) === 'during-one;', 10_000, "node two's client to catch up")
    await waitFor(() => sectionText(onOne.doc, nextItem) === 'during-two;', 10_000, "node one's client to catch up")

    // Fan-out works again afterwards.
    typeInto(onTwo.doc, purposeItem, 'after;')
    await waitFor(() => sectionText(onOne.doc, purposeItem) === 'before;after;', 5_000, 'fan-out after the outage')
  })
})
