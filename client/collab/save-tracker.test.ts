/**
 * The save indicator after a reconnect (issue 9, "smaller holes"): the provider reports a socket's close
 * at once and the socket's own `close` event may come much later, after the next socket has sent its
 * sync step 2 and had it acknowledged. Counting that close twice left the indicator on "Saving…".
 * Plain Node: `DocumentSync` runs on a scripted WebSocket whose closing handshake never finishes by itself.
 */
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import { writeSyncStep1 } from 'y-protocols/sync'
import * as Y from 'yjs'
import { encodeAck, MessageType, SyncStep } from '../../schemas/protocol.ts'
import { DocumentSync } from './document-sync.ts'
import { SaveTracker, type SaveState, type TrackedSocket } from './save-tracker.ts'

/** A WebSocket the test drives by hand: it opens, receives and finishes closing when told to. */
class ScriptedSocket extends EventTarget {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSING = 2
  static readonly CLOSED = 3
  static opened: ScriptedSocket[] = []
  readonly CONNECTING = 0
  readonly OPEN = 1
  readonly CLOSING = 2
  readonly CLOSED = 3
  readyState = 0
  binaryType = 'arraybuffer'
  readonly frames: Uint8Array[] = []
  onopen: (() => void) | null = null
  onmessage: ((e: { data: ArrayBuffer }) => void) | null = null
  onclose: ((e: { code: number; reason: string }) => void) | null = null
  onerror: ((e: unknown) => void) | null = null

  constructor(readonly url: string) {
    super()
    ScriptedSocket.opened.push(this)
  }

  send(data: Uint8Array): void {
    this.frames.push(data)
  }

  /** Starts the closing handshake; with no network it does not finish until `finishClosing`. */
  close(): void {
    if (this.readyState < this.CLOSING) this.readyState = this.CLOSING
  }

  open(): void {
    this.readyState = this.OPEN
    this.onopen?.()
  }

  receive(frame: Uint8Array): void {
    this.onmessage?.({ data: frame.slice().buffer })
  }

  finishClosing(): void {
    this.readyState = this.CLOSED
    this.onclose?.({ code: 1006, reason: '' })
    this.dispatchEvent(new Event('close'))
  }

  /** Update-bearing frames sent so far (what the server would acknowledge). */
  updatesSent(): number {
    return this.frames.filter((f) => f[0] === MessageType.Sync && (f[1] === SyncStep.Step2 || f[1] === SyncStep.Update)).length
  }
}

function serverStep1(): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.Sync)
  writeSyncStep1(e, new Y.Doc())
  return encoding.toUint8Array(e)
}

const tick = () => new Promise((r) => setTimeout(r, 0))
const syncs: DocumentSync[] = []
afterEach(() => {
  for (const s of syncs.splice(0)) s.destroy()
  ScriptedSocket.opened = []
})

describe('DocumentSync save state across a reconnect', () => {
  it('is saved once the new socket’s sync step 2 is acknowledged, even when the old socket’s close event comes late', async () => {
    const sync = new DocumentSync({ serverUrl: 'ws://server/sync', name: 'demo:save', WebSocketImpl: ScriptedSocket as unknown as typeof WebSocket })
    syncs.push(sync)
    await tick()
    const first = ScriptedSocket.opened[0]!
    first.open()
    sync.doc.getText('t').insert(0, 'typed while online')
    expect(sync.save).toBe('saving')

    // The network goes before the server acknowledged it: the provider drops the socket at once.
    sync.provider.disconnect()
    expect(sync.save).toBe('unsaved')
    sync.provider.connect()
    const second = ScriptedSocket.opened[1]!
    second.open()
    second.receive(serverStep1())
    expect(sync.save).toBe('saving')
    second.receive(encodeAck(second.updatesSent()))
    expect(sync.save).toBe('saved')

    // The first socket's closing handshake finally ends: nothing is owed any more.
    first.finishClosing()
    expect(sync.save).toBe('saved')
    await expect(sync.whenSaved()).resolves.toBeUndefined()
  })
})

describe('SaveTracker', () => {
  const socket = (): TrackedSocket => ({ sent: 0, acked: 0, required: 0 })
  const step2 = new Uint8Array([MessageType.Sync, SyncStep.Step2, 0])
  const update = new Uint8Array([MessageType.Sync, SyncStep.Update, 0])

  it('counts each socket’s close once', () => {
    const states: SaveState[] = []
    const tracker = new SaveTracker((s) => states.push(s))
    const a = socket()
    tracker.attach(a)
    tracker.sending(a, update)
    tracker.localChange(a)
    tracker.closed(a)
    const b = socket()
    tracker.attach(b)
    tracker.sending(b, step2)
    tracker.acknowledged(b, 1)
    expect(tracker.state).toBe('saved')
    tracker.closed(a)
    expect(tracker.state).toBe('saved')
    expect(states).toEqual(['saving', 'unsaved', 'saving', 'saved'])
  })

  it('still owes what a closed socket left unacknowledged until the next step 2 is acknowledged', () => {
    const tracker = new SaveTracker(() => {})
    const a = socket()
    tracker.attach(a)
    tracker.sending(a, update)
    tracker.localChange(a)
    tracker.closed(a)
    tracker.closed(a)
    const b = socket()
    tracker.attach(b)
    expect(tracker.state).toBe('unsaved')
    tracker.sending(b, step2)
    expect(tracker.state).toBe('saving')
    tracker.acknowledged(b, 1)
    expect(tracker.state).toBe('saved')
  })
})
