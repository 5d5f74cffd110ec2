/**
 * The outside review's forged updates (issue 8, findings 1–5), each through the real `/sync` endpoint:
 * the server stays up, the document still loads, and nothing outside the sender's rights changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocumentSync } from '../../client/collab/document-sync.ts'
import { CloseCode } from '../../schemas/protocol.ts'
import { listAudit } from '../../server/db/repos/audit.ts'
import { loadDocument } from '../../server/sync/document-loader.ts'
import { encodeUpdate, type Struct } from '../fuzz/forge-encode.ts'
import { openClient, sectionText, typeInto, waitFor } from '../support/clients.ts'
import type { CoreGroupFixture } from '../support/core-group.ts'
import { MisbehavingClient } from '../support/misbehaving-client.ts'
import { startMinutesFixture, type MinutesFixture } from '../support/minutes-fixture.ts'
import type { TestServer } from '../support/server.ts'

let fixture: MinutesFixture
let server: TestServer
let group: CoreGroupFixture
let minutes: string
let healthVisitor: DocumentSync
let socialWorker: DocumentSync
const hvSection = () => fixture.hvSection
const parentSection = () => `update:${group.people.parent.member.id}`

beforeAll(async () => {
  fixture = await startMinutesFixture()
  ;({ server, group, minutes, healthVisitor, socialWorker } = fixture)
})
afterAll(() => fixture.stop())

/** One client list of forged structs. */
function forged(client: number, clock: number, structs: Struct[]): Uint8Array {
  return encodeUpdate({ lists: [{ client, clock, structs }], ds: [] })
}
/** A paragraph at the start of a rich-text section: valid content, so only who writes it decides. */
const paragraph = (root: string): Struct => ({ kind: 'item', origin: null, rightOrigin: null, parent: { root }, parentSub: null, content: { ref: 'type', type: 'xmlElement', name: 'paragraph' } })
const text = (root: string, value: string): Struct => ({ kind: 'item', origin: null, rightOrigin: null, parent: { root }, parentSub: null, content: { ref: 'string', text: value } })

async function alive(): Promise<boolean> {
  const res = await fetch(`${server.httpUrl}/healthz`).catch(() => null)
  return res?.status === 200
}

/** Whether the stored document loads whole, from the store alone, with nothing set aside. */
async function loadsWhole(name: string): Promise<boolean> {
  const loaded = await loadDocument(name, server.store)
  loaded.doc.destroy()
  return loaded.quarantined.length === 0
}

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`timed out waiting for ${what}`)
}

async function send(person: keyof CoreGroupFixture['as'], name: string, craft: (c: MisbehavingClient) => Uint8Array) {
  const client = await MisbehavingClient.connect(`${server.syncUrl}/${name}`, group.as[person])
  const outcome = await client.send(craft(client))
  client.close()
  return outcome
}

describe('1. a GC struct, then an item overlapping it', () => {
  it('is refused as malformed from the parent; the server stays up and the document loads', async () => {
    const client = 0x5eed0001
    const gc = await send('parent', minutes, () => forged(client, 0, [{ kind: 'gc', len: 3 }]))
    expect(gc.kind).toBe('acked') // the parent writes; garbage under a fresh client ID of their own harms no one
    const overlap = await send('parent', minutes, () => forged(client, 1, [text(parentSection(), 'abcd')]))
    expect(overlap).toMatchObject({ kind: 'rejected', reason: 'malformed', closeCode: CloseCode.MalformedMessage })
    expect(await alive()).toBe(true)
    expect(await loadsWhole(minutes)).toBe(true)
    typeInto(healthVisitor.doc, hvSection(), ' Still on track.')
    await healthVisitor.whenSaved()
    await waitFor(() => sectionText(socialWorker.doc, hvSection()).endsWith('Still on track.'), 5000, 'the next honest edit to arrive')
  })

  it('is refused from a reader of the restricted notes before anything is stored', async () => {
    const notes = `meeting:${group.meeting.id}:restricted`
    const logBefore = await server.store.logLength(notes)
    const gc = await send('teacher', notes, () => forged(0x5eed0002, 0, [{ kind: 'gc', len: 3 }]))
    expect(gc).toMatchObject({ kind: 'rejected', reason: 'read-only', closeCode: CloseCode.UpdateRejected })
    expect(await server.store.logLength(notes)).toBe(logBefore)
    expect(await alive()).toBe(true)
  })

  it('stored before the fix, the entry that throws is quarantined and audited, and the rest opens', async () => {
    const notes = `meeting:${group.preReview.id}:restricted`
    const good = new Y.Doc()
    typeInto(good, 'notes', 'Written before the fix.')
    await server.store.append(notes, Y.encodeStateAsUpdate(good))
    await server.store.append(notes, forged(0x5eed0003, 0, [{ kind: 'gc', len: 3 }]))
    await server.store.append(notes, forged(0x5eed0003, 1, [text('notes', 'poison')]))
    const lead = openClient(server.syncUrl, notes, group.as.socialWorker)
    await lead.whenSynced()
    expect(sectionText(lead.doc, 'notes')).toBe('Written before the fix.')
    lead.destroy()
    const set = await server.store.quarantined(notes)
    expect(set.map((q) => q.reason)).toEqual(['throws'])
    await eventually(async () => (await listAudit(server.db, { caseId: group.caseRow.id })).some((e) => e.event === 'log-entry-quarantined' && e.doc === notes), 'the quarantine in the audit trail')
    expect(await loadsWhole(notes)).toBe(true)
  })
})

describe('2. a zero-length item', () => {
  it('pointed at the document lock is malformed; the lock holds and the store is unchanged', async () => {
    const lock = await server.request('POST', `/api/documents/${minutes}/locks`, { as: group.as.socialWorker, body: { locked: true } })
    expect(lock.status).toBe(200)
    await waitFor(() => socialWorker.doc.getMap('control').get('locked') === true, 5000, 'the lock to arrive')
    const logBefore = await server.store.logLength(minutes)
    const zero: Struct = { kind: 'item', origin: null, rightOrigin: null, parent: { root: 'control' }, parentSub: 'locked', content: { ref: 'any', values: [] } }
    const outcome = await send('parent', minutes, () => forged(0x5eed0004, 0, [zero]))
    expect(outcome).toMatchObject({ kind: 'rejected', reason: 'malformed', closeCode: CloseCode.MalformedMessage })
    expect(await server.store.logLength(minutes)).toBe(logBefore)
    const reloaded = await loadDocument(minutes, server.store)
    expect(reloaded.doc.getMap('control').get('locked')).toBe(true)
    reloaded.doc.destroy()
    const unlock = await server.request('POST', `/api/documents/${minutes}/locks`, { as: group.as.socialWorker, body: { locked: false } })
    expect(unlock.status).toBe(200)
    await waitFor(() => socialWorker.doc.getMap('control').get('locked') !== true, 5000, 'the unlock to arrive')
  })
})

describe('3. squatting a member’s client ID', () => {
  it('takes nothing under her ID from anyone else, with items or with GC, and every acknowledged edit of hers reaches the others', async () => {
    const victim = healthVisitor.doc.clientID
    const next = () => Y.getState(healthVisitor.doc.store, victim)
    const logBefore = await server.store.logLength(minutes)
    const liveState = () => Y.getState(liveDoc(server, minutes).store, victim)
    const stateBefore = liveState()
    // Structs under someone else's client ID are set aside, never integrated (an honest client sends
    // them back after the server lost what it relayed before a commit): the sender's own part, here
    // nothing, is what is acknowledged.
    const item = await send('parent', minutes, () => forged(victim, next(), [paragraph(parentSection())]))
    expect(item).toMatchObject({ kind: 'acked' })
    const gc = await send('parent', minutes, () => forged(victim, next(), [{ kind: 'gc', len: 50 }]))
    expect(gc).toMatchObject({ kind: 'acked' })
    // The server's own client ID is no one's to write under either.
    const serverClient = liveDoc(server, minutes).clientID
    const serverState = Y.getState(liveDoc(server, minutes).store, serverClient)
    const asServer = await send('socialWorker', minutes, () => forged(serverClient, serverState, [paragraph(hvSection())]))
    expect(asServer).toMatchObject({ kind: 'acked' })
    expect(liveState()).toBe(stateBefore)
    expect(Y.getState(liveDoc(server, minutes).store, serverClient)).toBe(serverState)
    expect(await server.store.logLength(minutes)).toBe(logBefore)
    for (let i = 0; i < 20; i++) typeInto(healthVisitor.doc, hvSection(), ` ${i}`)
    await healthVisitor.whenSaved()
    const expected = sectionText(healthVisitor.doc, hvSection())
    await waitFor(() => sectionText(socialWorker.doc, hvSection()) === expected, 5000, 'every acknowledged edit to reach the social worker')
    const stored = await loadDocument(minutes, server.store)
    expect(sectionText(stored.doc, hvSection())).toBe(expected)
    stored.doc.destroy()
  })
})

/** The live copy of `name` in the test server (read afresh: it is replaced when the room reloads). */
function liveDoc(s: TestServer, name: string): Y.Doc {
  for (const { room } of s.rooms.connections()) if (room.name === name) return room.doc
  throw new Error(`no room ${name}`)
}

describe('4. an update that waits for an item', () => {
  it('is judged in its turn, against the item that arrived, not when it was sent', async () => {
    const victim = healthVisitor.doc.clientID
    const teacher = await MisbehavingClient.connect(`${server.syncUrl}/${minutes}`, group.as.teacher)
    const at = Y.getState(healthVisitor.doc.store, victim)
    // Its origin is the health visitor's next character, which the server has not seen yet.
    const waiting = forged(teacher.doc.clientID, 0, [{ kind: 'item', origin: { client: victim, clock: at }, rightOrigin: null, parent: null, parentSub: null, content: { ref: 'string', text: 'teacher text' } }])
    const verdict = teacher.send(waiting)
    await new Promise((r) => setTimeout(r, 100))
    typeInto(healthVisitor.doc, hvSection(), '!')
    await healthVisitor.whenSaved()
    expect(await verdict).toMatchObject({ kind: 'rejected', reason: 'not-writable', section: hvSection() })
    teacher.close()
    const stored = await loadDocument(minutes, server.store)
    expect(sectionText(stored.doc, hvSection())).not.toContain('teacher text')
    stored.doc.destroy()
    expect(sectionText(socialWorker.doc, hvSection())).not.toContain('teacher text')
  })
})

describe('5. content the sections do not allow', () => {
  const cases: Array<{ what: string; person: 'parent' | 'socialWorker'; section: string | (() => string); craft: (c: MisbehavingClient, section: string) => Uint8Array }> = [
    { what: 'a node the editor schema does not have', person: 'parent', section: parentSection, craft: (c, s) => change(c, () => c.doc.getXmlFragment(s).insert(0, [new Y.XmlElement('script')])) },
    { what: 'text straight in the fragment, outside a paragraph', person: 'parent', section: parentSection, craft: (c, s) => change(c, () => c.doc.getXmlFragment(s).insert(0, [new Y.XmlText('bare')])) },
    { what: 'binary at the root of a rich-text section', person: 'parent', section: parentSection, craft: (c, s) => change(c, () => c.doc.getArray(s).insert(0, [new Uint8Array([1, 2, 3])])) },
    { what: 'a subdocument (found before decoding)', person: 'parent', section: '*', craft: (c) => change(c, () => c.doc.getArray(parentSection()).insert(0, [new Y.Doc()])) },
    { what: 'a map entry on a fragment', person: 'parent', section: parentSection, craft: (c, s) => change(c, () => c.doc.getMap(s).set('k', 'v')) },
    { what: 'a link to javascript:', person: 'parent', section: parentSection, craft: (c, s) => change(c, () => { const p = new Y.XmlElement('paragraph'); const t = new Y.XmlText('x'); p.insert(0, [t]); c.doc.getXmlFragment(s).insert(0, [p]); t.format(0, 1, { link: { href: 'javascript:alert(1)' } }) }) },
    { what: 'an action row missing its fields', person: 'socialWorker', section: 'actions', craft: (c) => c.insertRow('actions', { action: 'Do something' }) },
    { what: 'an action row with a made-up field', person: 'socialWorker', section: 'actions', craft: (c) => c.insertRow('actions', { need: 'a', outcome: 'b', action: 'c', owner: null, due: null, status: 'not-started', colour: 'red' }) },
    { what: 'a string instead of an attendance row', person: 'socialWorker', section: 'attendance', craft: (c) => change(c, () => c.doc.getArray('attendance').push(['present'])) },
  ]
  for (const t of cases) {
    it(`refuses ${t.what}, whole, with a reason`, async () => {
      const section = typeof t.section === 'string' ? t.section : t.section()
      const logBefore = await server.store.logLength(minutes)
      const outcome = await send(t.person, minutes, (c) => t.craft(c, section))
      expect(outcome).toMatchObject({ kind: 'rejected', reason: 'invalid-content', section, closeCode: CloseCode.UpdateRejected })
      expect(await server.store.logLength(minutes)).toBe(logBefore)
    })
  }
})

function change(client: MisbehavingClient, edit: () => void): Uint8Array {
  const before = Y.encodeStateVector(client.doc)
  edit()
  return Y.encodeStateAsUpdate(client.doc, before)
}
