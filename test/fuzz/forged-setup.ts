/**
 * The base the forged updates are aimed at: the fictional core group seeded, then honest clients
 * (each with a client id the test chose, so it knows whose structs are whose) writing into agenda
 * items, every member's update, the action plan, attendance and the restricted notes, and the lead
 * locking sections so that `control` holds state. The server is stopped afterwards (it compacts), and
 * its data folder becomes the baseline every fuzzed server starts from a copy of.
 * @module
 */
import { rmSync } from 'node:fs'
import * as Y from 'yjs'
import type { DemoPerson } from '../../server/demo/seed.ts'
import { bundleServer, seedFuzzData, setLock, signInOver, startFuzzServer, type Session } from '../support/fuzz-server.ts'
import { SyncPeer } from '../support/sync-peer.ts'
import { Rng, text } from './forge-values.ts'

export const PEOPLE: DemoPerson[] = ['socialWorker', 'teamManager', 'teacher', 'healthVisitor', 'parent']

export interface Baseline {
  /** Data folder to copy for every server. */
  dir: string
  /** The bundled server. */
  entry: string
  minutes: string
  restricted: string
  memberIds: Record<DemoPerson, string>
  sessions: Record<DemoPerson, Session>
  /** The client id each person wrote each document with. */
  clientIds: Record<'minutes' | 'restricted', Record<DemoPerson, number>>
  /** The agenda sections of the minutes (`item:<key>`), in order. */
  items: string[]
  /** The sections the lead locked. */
  locked: string[]
  dispose(): void
}

function paragraphs(rng: Rng, fragment: Y.XmlFragment, n: number): void {
  for (let i = 0; i < n; i++) {
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText(`${text(rng, 20)} ${i}`)])
    fragment.insert(fragment.length, [p])
  }
}

/** A few edits on top: typing, a deletion, bold. */
function edit(fragment: Y.XmlFragment): void {
  const first = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText
  first.insert(2, 'typed ')
  first.delete(0, 2)
  first.format(0, 3, { bold: true })
}

export async function buildBaseline(seed: number): Promise<Baseline> {
  const seeded = await seedFuzzData()
  const bundle = await bundleServer()
  const server = await startFuzzServer(bundle.entry, seeded.dataDir)
  rmSync(seeded.dataDir, { recursive: true, force: true })
  const rng = new Rng(seed, -1)
  const minutes = `meeting:${seeded.meetingId}`
  const restricted = `${minutes}:restricted`
  const sessions = {} as Record<DemoPerson, Session>
  const memberIds = {} as Record<DemoPerson, string>
  const clientIds = { minutes: {}, restricted: {} } as Baseline['clientIds']
  for (const p of PEOPLE) {
    sessions[p] = await signInOver(server.httpUrl, seeded.people[p])
    memberIds[p] = seeded.people[p].memberId
    clientIds.minutes[p] = (rng.u32() | 1) >>> 0
    clientIds.restricted[p] = (rng.u32() | 1) >>> 0
  }
  const peers: SyncPeer[] = []
  const open = async (doc: string, who: DemoPerson) => {
    const peer = await SyncPeer.sync(`${server.syncUrl}/${doc}`, sessions[who].cookie, { write: true, clientID: clientIds[doc === minutes ? 'minutes' : 'restricted'][who] })
    peers.push(peer)
    return peer
  }
  try {
    for (const who of PEOPLE) {
      const peer = await open(minutes, who)
      const own = peer.doc.getXmlFragment(`update:${memberIds[who]}`)
      paragraphs(rng, own, who === 'parent' ? 3 : 2)
      edit(own)
    }
    const lead = peers[0]!
    const layout = lead.doc.getMap('control').get('layout') as Array<{ section: string }>
    const items = layout.map((e) => e.section)
    lead.doc.transact(() => {
      for (const item of items.slice(0, 5)) paragraphs(rng, lead.doc.getXmlFragment(item), 2)
      // The lead may write every update section: the parent's holds someone else's structs too.
      paragraphs(rng, lead.doc.getXmlFragment(`update:${memberIds.parent}`), 1)
    })
    edit(lead.doc.getXmlFragment(items[0]!))
    lead.doc.transact(() => {
      const actions = lead.doc.getArray<Y.Map<unknown>>('actions')
      for (const owner of [memberIds.parent, memberIds.teacher]) {
        const row = new Y.Map<unknown>()
        actions.push([row])
        for (const [k, v] of Object.entries({ need: text(rng), outcome: text(rng), action: text(rng), owner, due: '2027-03-01', status: 'not-started' })) row.set(k, v)
        row.set('progress', new Y.Text('started'))
      }
      const attendance = lead.doc.getArray<Y.Map<unknown>>('attendance')
      for (const p of PEOPLE) {
        const row = new Y.Map<unknown>()
        attendance.push([row])
        row.set('memberId', memberIds[p])
        row.set('status', p === 'healthVisitor' ? 'apologies' : 'present')
      }
    })
    for (const who of ['socialWorker', 'teamManager'] as const) {
      const peer = await open(restricted, who)
      paragraphs(rng, peer.doc.getXmlFragment('notes'), 2)
      edit(peer.doc.getXmlFragment('notes'))
    }
    for (const peer of peers) if (!(await peer.whenAcked())) throw new Error(`honest writes not acknowledged: ${JSON.stringify(peer.rejected ?? peer.closed)}`)
    const locked = [items[1]!]
    await setLock(server.httpUrl, sessions.socialWorker, minutes, { section: items[1]!, locked: true })
    await setLock(server.httpUrl, sessions.socialWorker, minutes, { section: items[2]!, locked: true })
    await setLock(server.httpUrl, sessions.socialWorker, minutes, { section: items[2]!, locked: false })
    await setLock(server.httpUrl, sessions.socialWorker, restricted, { section: 'notes', locked: true })
    locked.push(`${restricted}#notes`)
    for (const peer of peers) peer.close()
    await server.stop()
    return {
      dir: server.dataDir,
      entry: bundle.entry,
      minutes,
      restricted,
      memberIds,
      sessions,
      clientIds,
      items,
      locked,
      dispose() {
        rmSync(server.dataDir, { recursive: true, force: true })
        bundle.dispose()
      },
    }
  } catch (err) {
    for (const peer of peers) peer.close()
    await server.kill()
    bundle.dispose()
    throw err
  }
}
