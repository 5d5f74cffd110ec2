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
import { openClient, openRawSocket, sectionText, waitFor } from '../support/clients.ts'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { MisbehavingClient, type Outcome } from '../support/misbehaving-client.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

/** Appends wait while the gate is shut; `appendsWaiting` counts them. */
class GatedStore {
  shut = false
  appendsWaiting = 0
  private waiters: Array<() => void> = []

  wrap(inner: DocumentStore): DocumentStore {
    return new Proxy(inner, {
      get: (target, key, receiver) => {
        if (key !== 'append') return Reflect.get(target, key, receiver)
        return async (...args: Parameters<DocumentStore['append']>) => {
          if (this.shut) {
            this.appendsWaiting++
            await new Promise<void>((resolve) => this.waiters.push(resolve))
            this.appendsWaiting--
          }
          return target.append(...args)
        }
      },
    })
  }

  open(): void {
    this.shut = false
    for (const w of this.waiters.splice(0)) w()
  }
}

const gate = new GatedStore()
let server: TestServer
let group: CoreGroupFixture
let minutes: string
let observer: DocumentSync
const parentSection = () => `update:${group.people.parent.member.id}`

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

/** The payload of the first sync step 2 among `frames`, or null. */
function step2Of(frames: Uint8Array[]): Uint8Array | null {
  for (const frame of frames) {
    const d = decoding.createDecoder(frame)
    if (decoding.readVarUint(d) === MessageType.Sync && decoding.readVarUint(d) === SyncStep.Step2) return decoding.readVarUint8Array(d)
  }
  return null
}
