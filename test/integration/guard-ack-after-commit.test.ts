/**
 * Propagation is not gated on the disk, the acknowledgement is (DESIGN §5, issue 16 §1): with a store
 * whose commits are held back, the others and a newly joined client already have the update, and its
 * sender is not acknowledged until the commit lands. Fails if the relay waits for the commit or the
 * acknowledgement does not.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { DocumentSync } from '../../client/collab/document-sync.ts'
import type { DocumentStore } from '../../server/store/document-store.ts'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { MessageType, SyncStep } from '../../schemas/protocol.ts'
import { syncMessage } from '../../server/sync/room-messages.ts'
import { loadDocument } from '../../server/sync/document-loader.ts'
import { openClient, openRawSocket, sectionText, typeInto, waitFor } from '../support/clients.ts'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { MisbehavingClient, type Outcome } from '../support/misbehaving-client.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

/** Appends wait while the gate is shut; `appendsWaiting` counts them. */
class GatedStore {
  shut = false
  appendsWaiting = 0
  private waiters: Array<(fail: boolean) => void> = []

  wrap(inner: DocumentStore): DocumentStore {
    return new Proxy(inner, {
      get: (target, key, receiver) => {
        if (key !== 'append') return Reflect.get(target, key, receiver)
        return async (...args: Parameters<DocumentStore['append']>) => {
          if (this.shut) {
            this.appendsWaiting++
            const fail = await new Promise<boolean>((resolve) => this.waiters.push(resolve))
            this.appendsWaiting--
            if (fail) throw new Error('the disk failed (test)')
          }
          return target.append(...args)
        }
      },
    })
  }

  open(): void {
    this.shut = false
    for (const w of this.waiters.splice(0)) w(false)
  }

  /** Fails the appends waiting (as a lost process would never commit them) and opens the gate. */
  failWaiting(): void {
    this.shut = false
    for (const w of this.waiters.splice(0)) w(true)
  }
}

const gate = new GatedStore()
let server: TestServer
let group: CoreGroupFixture
let minutes: string
let observer: DocumentSync
const parentSection = () => `update:${group.people.parent.member.id}`
const ownSection = () => `update:${group.people.socialWorker.member.id}`

beforeAll(async () => {
  server = await startTestServer({ wrapStore: (s) => gate.wrap(s) })
  group = await seedTestCoreGroup(server)
  minutes = `meeting:${group.meeting.id}`
  observer = openClient(server.syncUrl, minutes, group.as.socialWorker)
  await observer.whenSynced()
})
afterAll(async () => {
  gate.open()
  observer.destroy()
  await server.stop()
})

it('relays and serves an update before its commit, and acknowledges it only once the store has committed it', async () => {
  const parent = await MisbehavingClient.connect(`${server.syncUrl}/${minutes}`, group.as.parent)
  gate.shut = true
  let outcome: Outcome | null = null
  const verdict = parent.send(parent.insertText(parentSection(), 'We moved the cot.')).then((o) => (outcome = o))
  await waitFor(() => gate.appendsWaiting === 1, 5000, 'the append to reach the store')
  // While the commit is held: the others have it, and so does a client joining now, but its sender
  // is not told it is saved.
  await waitFor(() => sectionText(observer.doc, parentSection()) === 'We moved the cot.', 5000, 'the relay before the commit')
  const joiner = await openRawSocket(`${server.syncUrl}/${minutes}`, group.as.teacher)
  joiner.ws.send(syncMessage(SyncStep.Step1, Y.encodeStateVector(new Y.Doc())))
  await waitFor(() => step2Of(joiner.frames) !== null, 5000, 'the joiner’s sync step 2')
  const joined = new Y.Doc()
  Y.applyUpdate(joined, step2Of(joiner.frames)!)
  expect(sectionText(joined, parentSection())).toBe('We moved the cot.')
  await new Promise((r) => setTimeout(r, 300))
  expect(outcome).toBeNull()
  gate.open()
  await verdict
  expect(outcome).toMatchObject({ kind: 'acked' })
  joiner.ws.close()
  parent.close()
}, 30_000)

it('loses nothing when a relayed update is never committed: the others hand back nothing of it, its writer resends it', async () => {
  const parent = openClient(server.syncUrl, minutes, group.as.parent)
  await parent.whenSynced()
  const rejected: string[] = []
  observer.on('rejected', ({ reason }) => void rejected.push(reason))
  gate.shut = true
  typeInto(parent.doc, parentSection(), 'We changed the locks.')
  await waitFor(() => sectionText(observer.doc, parentSection()).includes('We changed the locks.'), 5000, 'the relay before the commit')
  // The parent's page goes away before the commit, which then fails: the room drops its live copy.
  parent.provider.disconnect()
  gate.failWaiting()
  // The social worker's client reconnects holding the parent's words under the parent's client ID: they
  // are set aside (neither taken from her nor a reason to refuse her), and her own edits still save.
  await waitFor(() => observer.connection === 'online' && observer.save === 'saved', 10_000, 'the observer back and saved')
  typeInto(observer.doc, ownSection(), 'Seen.')
  await observer.whenSaved()
  const meanwhile = await loadDocument(minutes, server.store)
  expect(sectionText(meanwhile.doc, parentSection())).not.toContain('We changed the locks.')
  expect(sectionText(meanwhile.doc, ownSection())).toContain('Seen.')
  meanwhile.doc.destroy()
  // The parent comes back: her client resends what was never acknowledged, and now it is stored.
  expect(parent.save).not.toBe('saved')
  parent.provider.connect()
  await parent.whenSaved()
  const stored = await loadDocument(minutes, server.store)
  expect(sectionText(stored.doc, parentSection())).toContain('We changed the locks.')
  stored.doc.destroy()
  expect(rejected).toEqual([])
  parent.destroy()
}, 30_000)

/** The payload of the first sync step 2 among `frames`, or null. */
function step2Of(frames: Uint8Array[]): Uint8Array | null {
  for (const frame of frames) {
    const d = decoding.createDecoder(frame)
    if (decoding.readVarUint(d) === MessageType.Sync && decoding.readVarUint(d) === SyncStep.Step2) return decoding.readVarUint8Array(d)
  }
  return null
}
