/**
 * Consistent across processes (issue 9 §7), against the machine's real PostgreSQL and Redis, with two
 * in-process server nodes sharing one test schema: access taken away on one node closes the sockets on
 * the other (broadcast, and the periodic re-check for what a broadcast missed), and so does a session
 * ended on one (sign-out, a disabled account); an update a node
 * committed but never published reaches the other node's clients anyway (the fan-out sequence gap);
 * a lock set on one node holds on the other even while that one is cut off from Redis (the store
 * reads it in the append's own transaction).
 */
import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocumentSync } from '../../client/collab/document-sync.ts'
import { CloseCode } from '../../schemas/protocol.ts'
import { recheckAccess } from '../../server/cluster/access-recheck.ts'
import { getMember, saveMember } from '../../server/db/repos/members.ts'
import { seedCoreGroup, type DemoPerson, type SeededCoreGroup } from '../../server/demo/seed.ts'
import type { DocumentStore } from '../../server/store/document-store.ts'
import { openRawSocket, sectionText, typeInto, waitFor } from '../support/clients.ts'
import { CLUSTER_ADMIN, openClusterClient, signIn, startClusterNode, type ClusterNode } from '../support/cluster-node.ts'
import { createMeetingDoc } from '../support/meeting-doc.ts'
import { startRedisProxy, type RedisProxy } from '../support/redis-proxy.ts'
import { DATABASE_URL, REDIS_URL, dropSchemas, haveServices, testSchemaName } from '../support/services.ts'

const enabled = haveServices('cluster consistency tests', { DATABASE_URL, REDIS_URL })
const schemas = new Set<string>()
afterAll(() => dropSchemas(schemas))

type Session = { cookie: string; csrfToken: string }
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const password = (p: DemoPerson) => `fictional cluster password for ${p}`

let nodes: ClusterNode[] = []
let proxy: RedisProxy | null = null
let clients: DocumentSync[] = []
let sockets: Array<{ close(): void }> = []
let schema: string

beforeEach(() => {
  schema = testSchemaName()
  schemas.add(schema)
})
afterEach(async () => {
  for (const c of clients) c.destroy()
  for (const s of sockets) s.close()
  clients = []
  sockets = []
  await Promise.all(nodes.map((n) => n.stop()))
  nodes = []
  await proxy?.close()
  proxy = null
})

/** Two nodes, the first on `urls[0]`'s Redis, the second on `urls[1]`'s. */
async function startNodes(urls: [string, string]): Promise<[ClusterNode, ClusterNode]> {
  for (const redisUrl of urls) nodes.push(await startClusterNode({ databaseUrl: DATABASE_URL!, schema, redisUrl }))
  await waitFor(() => nodes.every((n) => n.fanout.connected), 5_000, 'Redis connections')
  return [nodes[0]!, nodes[1]!]
}

/** The fictional core group, in the administrator's authority, seeded through `node`. */
async function seedGroup(node: ClusterNode): Promise<SeededCoreGroup> {
  const { db, store } = node.stores
  const admin = await db.selectFrom('users').select('authority_id').where('email', '=', CLUSTER_ADMIN.COREGROUP_ADMIN_EMAIL).executeTakeFirstOrThrow()
  return seedCoreGroup(db, admin.authority_id, { password, emailSuffix: randomBytes(3).toString('hex'), store })
}

async function signInAs(node: ClusterNode, group: SeededCoreGroup, who: DemoPerson): Promise<Session> {
  const res = await fetch(`${node.httpUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: group.people[who].user.email, password: password(who) }),
  })
  if (res.status !== 201) throw new Error(`sign-in failed: ${res.status}`)
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrfToken }
}

function api(node: ClusterNode, as: Session, method: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${node.httpUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: as.cookie, 'x-csrf-token': as.csrfToken, origin: node.httpUrl },
    body: JSON.stringify(body),
  })
}

/** A raw socket to `doc` on `node`, open once the document is; records how it closed. */
async function socketOn(node: ClusterNode, doc: string, as: Session) {
  const raw = await openRawSocket(`${node.syncUrl}/${encodeURIComponent(doc)}`, as)
  sockets.push(raw.ws)
  let closed: number | null = null
  void raw.closed.then((c) => (closed = c.code))
  await waitFor(() => raw.frames.length > 0, 5_000, 'the document to open')
  return { closedWith: () => closed }
}

/** One section's text as the store holds it. */
async function storedText(store: DocumentStore, doc: string, section: string): Promise<string> {
  const stored = await store.load(doc)
  const ydoc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(ydoc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(ydoc, u)
  return sectionText(ydoc, section)
}

function track(c: DocumentSync): DocumentSync {
  clients.push(c)
  return c
}

describe.skipIf(!enabled)('access taken away on one node', () => {
  it('closes the member\'s sockets on the other node, as on its own: AccessChanged for a new role, Forbidden once opted out', async () => {
    const [one, two] = await startNodes([REDIS_URL!, REDIS_URL!])
    const group = await seedGroup(one)
    const doc = `meeting:${group.meeting.id}`
    const lead = await signInAs(one, group, 'socialWorker')
    const teacher = await socketOn(two, doc, await signInAs(two, group, 'teacher'))
    const visitor = await socketOn(two, doc, await signInAs(two, group, 'healthVisitor'))
    const parent = await socketOn(two, doc, await signInAs(two, group, 'parent'))

    const path = (who: DemoPerson) => `/api/cases/${group.caseRow.id}/members/${group.people[who].member.id}`
    expect((await api(one, lead, 'PATCH', path('teacher'), { role: 'advocate' })).status).toBe(200)
    await waitFor(() => teacher.closedWith() !== null, 5_000, "the teacher's socket on the other node to close")
    expect(teacher.closedWith()).toBe(CloseCode.AccessChanged)

    const today = new Date().toISOString().slice(0, 10)
    expect((await api(one, lead, 'PATCH', path('healthVisitor'), { optedOutDate: today })).status).toBe(200)
    await waitFor(() => visitor.closedWith() !== null, 5_000, "the health visitor's socket on the other node to close")
    expect(visitor.closedWith()).toBe(CloseCode.Forbidden)
    await sleep(200)
    expect(parent.closedWith()).toBeNull()
  })

  it('a session ended on one node (signed out, or the account disabled) closes its sockets on the other at once, Unauthenticated', async () => {
    const [one, two] = await startNodes([REDIS_URL!, REDIS_URL!])
    const group = await seedGroup(one)
    const doc = `meeting:${group.meeting.id}`
    const teacherSession = await signInAs(one, group, 'teacher')
    const teacher = await socketOn(two, doc, teacherSession)
    const visitor = await socketOn(two, doc, await signInAs(two, group, 'healthVisitor'))
    const parent = await socketOn(two, doc, await signInAs(two, group, 'parent'))

    expect((await api(one, teacherSession, 'DELETE', '/api/session', undefined)).status).toBe(204)
    await waitFor(() => teacher.closedWith() !== null, 5_000, "the teacher's socket on the other node to close")
    expect(teacher.closedWith()).toBe(CloseCode.Unauthenticated)

    const admin = await signIn(one.httpUrl)
    expect((await api(one, admin, 'PATCH', `/api/users/${group.people.healthVisitor.user.id}`, { disabled: true })).status).toBe(200)
    await waitFor(() => visitor.closedWith() !== null, 5_000, "the disabled health visitor's socket on the other node to close")
    expect(visitor.closedWith()).toBe(CloseCode.Unauthenticated)
    await sleep(200)
    expect(parent.closedWith()).toBeNull()
  })

  it('closes the sockets of the old and new chair on the other node when the chair changes', async () => {
    const [one, two] = await startNodes([REDIS_URL!, REDIS_URL!])
    const group = await seedGroup(one)
    const doc = `meeting:${group.meeting.id}`
    const lead = await signInAs(one, group, 'socialWorker')
    const oldChair = await socketOn(two, doc, await signInAs(two, group, 'teamManager'))
    const newChair = await socketOn(two, doc, await signInAs(two, group, 'teacher'))
    const parent = await socketOn(two, doc, await signInAs(two, group, 'parent'))
    const res = await api(one, lead, 'PATCH', `/api/meetings/${group.meeting.id}`, { chairMemberId: group.people.teacher.member.id })
    expect(res.status).toBe(200)
    await waitFor(() => oldChair.closedWith() !== null && newChair.closedWith() !== null, 5_000, 'both chairs\' sockets to close')
    expect([oldChair.closedWith(), newChair.closedWith()]).toEqual([CloseCode.AccessChanged, CloseCode.AccessChanged])
    await sleep(200)
    expect(parent.closedWith()).toBeNull()
  })

  it('is caught by the periodic re-check when no broadcast came (a change made behind the API)', async () => {
    const [one, two] = await startNodes([REDIS_URL!, REDIS_URL!])
    const group = await seedGroup(one)
    const doc = `meeting:${group.meeting.id}`
    const teacher = await socketOn(two, doc, await signInAs(two, group, 'teacher'))
    const parent = await socketOn(two, doc, await signInAs(two, group, 'parent'))
    const member = (await getMember(one.stores.db, group.people.teacher.member.id))!
    await saveMember(one.stores.db, { ...member, role: 'advocate' })
    await sleep(300)
    expect(teacher.closedWith()).toBeNull() // nothing told node two
    two.rooms.startAccessRecheck((rooms) => recheckAccess(rooms, two.stores.db), 100)
    await waitFor(() => teacher.closedWith() !== null, 5_000, 'the re-check to close the socket')
    expect(teacher.closedWith()).toBe(CloseCode.AccessChanged)
    await sleep(300)
    expect(parent.closedWith()).toBeNull()
  })
})

describe.skipIf(!enabled)('updates and locks across nodes', () => {
  it('a node that committed an update but never published it: the other node notices the gap and catches up', async () => {
    const [one, two] = await startNodes([REDIS_URL!, REDIS_URL!])
    const session = await signIn(one.httpUrl)
    const { name, sections: [purposeItem, updatesItem, nextItem] } = await createMeetingDoc(one.httpUrl, session)
    const writer = track(openClusterClient([one.syncUrl], name, session))
    const typist = track(openClusterClient([one.syncUrl], name, session))
    const watcher = track(openClusterClient([two.syncUrl], name, session))
    await Promise.all([writer.whenSynced(), typist.whenSynced(), watcher.whenSynced()])
    // Node two has seen node one publish (a publisher's first update seen is no gap, whatever its number).
    typeInto(typist.doc, nextItem, 'seen;')
    await waitFor(() => sectionText(watcher.doc, nextItem) === 'seen;', 5_000, 'a first update to arrive')

    // Node one "dies between commit and publish" for one update: it is never sent, its number is used.
    const pub = (one.fanout as unknown as { pub: { publish: (channel: string, message: Buffer) => Promise<number> } }).pub
    const publish = pub.publish.bind(pub)
    let toDrop = 1
    pub.publish = (channel, message) => {
      if (toDrop > 0 && message[0] === 0 && channel.endsWith(name)) {
        toDrop--
        return Promise.resolve(0)
      }
      return publish(channel, message)
    }
    typeInto(writer.doc, purposeItem, 'lost;')
    await writer.whenSaved()
    await sleep(300)
    expect(toDrop).toBe(0)
    expect(sectionText(watcher.doc, purposeItem)).toBe('')

    // An update of another client (it does not build on the lost one) reveals the gap.
    typeInto(typist.doc, updatesItem, 'next;')
    await waitFor(() => sectionText(watcher.doc, updatesItem) === 'next;', 5_000, 'the next update to arrive')
    await waitFor(() => sectionText(watcher.doc, purposeItem) === 'lost;', 5_000, 'the lost update to be caught up from the store')
  })

  it('a lock set on one node refuses an edit sent to the other while that one is cut off from Redis', async () => {
    proxy = await startRedisProxy(REDIS_URL!)
    const [one, two] = await startNodes([REDIS_URL!, proxy.url])
    const session = await signIn(one.httpUrl)
    const { name, sections: [purposeItem] } = await createMeetingDoc(one.httpUrl, session)
    const editor = track(openClusterClient([two.syncUrl], name, session))
    await editor.whenSynced()
    typeInto(editor.doc, purposeItem, 'before;')
    await editor.whenSaved()

    await proxy.cut()
    await waitFor(() => !two.fanout.connected, 5_000, 'node two to lose Redis')
    const res = await api(one, session, 'POST', `/api/documents/${encodeURIComponent(name)}/locks`, { section: purposeItem, locked: true })
    expect(res.status).toBe(200)
    expect(await one.stores.store.locks(name)).toEqual({ locked: false, sections: [purposeItem] })
    await sleep(200)
    expect(editor.doc.getMap('control').get('sections')).toBeUndefined() // node two has not heard

    const rejected: Array<{ section: string; reason: string }> = []
    const closed: number[] = [] // every close, the ones the client reconnects after too
    editor.on('rejected', (r) => rejected.push(r))
    editor.provider.on('connection-close', (event) => closed.push(event?.code ?? 0))
    typeInto(editor.doc, purposeItem, 'after;')
    // Node two's room let it through; the store did not: the room fails, the client reconnects to
    // the reloaded room (which now holds the lock) and its resent edit is refused there.
    await waitFor(() => closed.includes(CloseCode.UpdateRejected), 10_000, 'the edit to be refused')
    expect(closed).toEqual([CloseCode.StoreFailed, CloseCode.UpdateRejected])
    expect(rejected).toEqual([{ section: purposeItem, reason: 'locked' }])
    expect(await storedText(one.stores.store, name, purposeItem)).toBe('before;')
  })
})
