/**
 * Finalise is a barrier in every process of a cluster (issue 13), against the machine's PostgreSQL and
 * Redis with two in-process nodes sharing one schema: finalised on one node, an edit sent to the other
 * is refused — once the fan-out has told that node, by its own check; and while that node is cut off
 * from Redis and has not heard, by the store, which reads the lock in the append's own transaction.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DocumentSync } from '../../client/collab/document-sync.ts'
import type { FinaliseResponse } from '../../schemas/api/versions.ts'
import { CloseCode } from '../../schemas/protocol.ts'
import { seedCoreGroup, type DemoPerson, type SeededCoreGroup } from '../../server/demo/seed.ts'
import { loadStoredDocument } from '../../server/versions/stored-document.ts'
import { sectionText, typeInto, waitFor } from '../support/clients.ts'
import { CLUSTER_ADMIN, openClusterClient, startClusterNode, type ClusterNode } from '../support/cluster-node.ts'
import { startRedisProxy, type RedisProxy } from '../support/redis-proxy.ts'
import { DATABASE_URL, REDIS_URL, dropSchemas, haveServices, testSchemaName } from '../support/services.ts'

const enabled = haveServices('finalise cluster tests', { DATABASE_URL, REDIS_URL })
const schemas = new Set<string>()
afterAll(() => dropSchemas(schemas))

type Session = { cookie: string; csrfToken: string }
const password = (p: DemoPerson) => `fictional cluster password for ${p}`
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

let nodes: ClusterNode[] = []
let proxy: RedisProxy | null = null
let clients: DocumentSync[] = []
let schema: string

beforeEach(() => {
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

async function startNodes(urls: [string, string]): Promise<[ClusterNode, ClusterNode]> {
  for (const redisUrl of urls) nodes.push(await startClusterNode({ databaseUrl: DATABASE_URL!, schema, redisUrl }))
  await waitFor(() => nodes.every((n) => n.fanout.connected), 5_000, 'Redis connections')
  return [nodes[0]!, nodes[1]!]
}

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

async function finaliseOn(node: ClusterNode, as: Session, meetingId: string): Promise<FinaliseResponse['version']> {
  const res = await fetch(`${node.httpUrl}/api/meetings/${meetingId}/finalise`, { method: 'POST', headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken, origin: node.httpUrl } })
  expect(res.status).toBe(201)
  return ((await res.json()) as FinaliseResponse).version
}

/** The teacher editing their own update on node two. */
async function teacherOn(node: ClusterNode, group: SeededCoreGroup) {
  const doc = `meeting:${group.meeting.id}`
  const section = `update:${group.people.teacher.member.id}`
  const editor = openClusterClient([node.syncUrl], doc, await signInAs(node, group, 'teacher'))
  clients.push(editor)
  await editor.whenSynced()
  typeInto(editor.doc, section, 'before;')
  await editor.whenSaved()
  const rejected: Array<{ section: string; reason: string }> = []
  const closed: number[] = []
  editor.on('rejected', (r) => rejected.push(r))
  editor.provider.on('connection-close', (event) => closed.push(event?.code ?? 0))
  return { doc, section, editor, rejected, closed }
}

describe.skipIf(!enabled)('finalise across two processes', () => {
  it('finalised on one node, the other node\'s open editor turns read-only and its edit is refused', async () => {
    const [one, two] = await startNodes([REDIS_URL!, REDIS_URL!])
    const group = await seedGroup(one)
    const teacher = await teacherOn(two, group)
    const version = await finaliseOn(one, await signInAs(one, group, 'socialWorker'), group.meeting.id)
    await waitFor(() => teacher.editor.doc.getMap('control').get('finalisedVersion') === version.id, 5_000, 'node two to hear of the finalise')
    typeInto(teacher.editor.doc, teacher.section, 'after;')
    await waitFor(() => teacher.closed.includes(CloseCode.UpdateRejected), 10_000, 'the edit to be refused')
    expect(teacher.rejected).toEqual([{ section: teacher.section, reason: 'locked' }])
    const stored = await loadStoredDocument(two.stores.store, teacher.doc)
    expect(sectionText(stored.doc, teacher.section)).toBe('before;')
  })

  it('holds on a node cut off from Redis that has not heard: the store refuses the append', async () => {
    proxy = await startRedisProxy(REDIS_URL!)
    const [one, two] = await startNodes([REDIS_URL!, proxy.url])
    const group = await seedGroup(one)
    const teacher = await teacherOn(two, group)
    await proxy.cut()
    await waitFor(() => !two.fanout.connected, 5_000, 'node two to lose Redis')
    const version = await finaliseOn(one, await signInAs(one, group, 'socialWorker'), group.meeting.id)
    await sleep(200)
    expect(teacher.editor.doc.getMap('control').get('finalisedVersion')).toBeUndefined() // node two has not heard
    typeInto(teacher.editor.doc, teacher.section, 'after;')
    // Node two's room let it through; the store did not: the room fails, the client reconnects to the
    // reloaded room (which now holds the finalise) and its resent edit is refused there.
    await waitFor(() => teacher.closed.includes(CloseCode.UpdateRejected), 10_000, 'the edit to be refused')
    expect(teacher.closed).toEqual([CloseCode.StoreFailed, CloseCode.UpdateRejected])
    expect(teacher.rejected).toEqual([{ section: teacher.section, reason: 'locked' }])
    const stored = await loadStoredDocument(one.stores.store, teacher.doc)
    expect(sectionText(stored.doc, teacher.section)).toBe('before;')
    expect(stored.doc.getMap('control').get('finalisedVersion')).toBe(version.id)
  })
})
