/**
 * A client that misbehaves on purpose: it speaks the protocol on a raw socket and sends updates it
 * crafts itself, bypassing every check the real client makes.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { MessageType, SyncStep, readRejected } from '../../schemas/protocol.ts'
import { openRawSocket, waitFor } from './clients.ts'

export interface Outcome {
  /** 'acked' (stored), 'rejected' (with the server's reason), or 'closed' before either. */
  kind: 'acked' | 'rejected' | 'closed'
  section?: string
  reason?: string
  closeCode?: number
}

export class MisbehavingClient {
  /** The client's copy of the document, synced from the server's sync step 2. */
  readonly doc = new Y.Doc()
  private constructor(private readonly raw: Awaited<ReturnType<typeof openRawSocket>>) {}

  /** Connects and syncs (or reports the refusal as `closeCode`). */
  static async connect(url: string, user: { cookie: string }): Promise<MisbehavingClient & { refused?: number }> {
    const raw = await openRawSocket(url, user)
    const client = new MisbehavingClient(raw)
    let closeCode: number | undefined
    void raw.closed.then((c) => (closeCode = c.code))
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, MessageType.Sync)
    encoding.writeVarUint(e, SyncStep.Step1)
    encoding.writeVarUint8Array(e, Y.encodeStateVector(client.doc))
    raw.ws.send(encoding.toUint8Array(e))
    await waitFor(() => closeCode !== undefined || client.step2Received(), 5000, 'sync step 2 or close')
    return Object.assign(client, closeCode !== undefined ? { refused: closeCode } : {})
  }

  private applied = 0
  private step2Received(): boolean {
    for (; this.applied < this.raw.frames.length; this.applied++) {
      const d = decoding.createDecoder(this.raw.frames[this.applied]!)
      if (decoding.readVarUint(d) !== MessageType.Sync) continue
      const step = decoding.readVarUint(d)
      if (step === SyncStep.Step2 || step === SyncStep.Update) Y.applyUpdate(this.doc, decoding.readVarUint8Array(d), 'server')
      if (step === SyncStep.Step2) {
        this.applied++
        return true
      }
    }
    return false
  }

  /** The code the server closes this socket with, once it does. */
  closeCode(): Promise<number> {
    return this.raw.closed.then((c) => c.code)
  }

  /** Sends a raw update and waits for the server's verdict. */
  async send(update: Uint8Array): Promise<Outcome> {
    const before = this.raw.frames.length
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, MessageType.Sync)
    encoding.writeVarUint(e, SyncStep.Update)
    encoding.writeVarUint8Array(e, update)
    this.raw.ws.send(encoding.toUint8Array(e))
    let outcome: Outcome | null = null
    let closeCode: number | null = null
    void this.raw.closed.then((c) => (closeCode = c.code))
    await waitFor(() => {
      // Frames first: a rejection arrives just before its close.
      for (let i = before; i < this.raw.frames.length && !outcome; i++) {
        const d = decoding.createDecoder(this.raw.frames[i]!)
        const type = decoding.readVarUint(d)
        if (type === MessageType.Ack) outcome = { kind: 'acked' }
        if (type === MessageType.Rejected) outcome = { kind: 'rejected', ...readRejected(d) }
      }
      if (!outcome && closeCode !== null) outcome = { kind: 'closed', closeCode }
      return outcome !== null
    }, 5000, 'ack or rejection')
    if (outcome!.kind === 'rejected') outcome!.closeCode = (await this.raw.closed).code
    return outcome!
  }

  /** An update that types `text` at the start of `section` (a rich-text section) in this copy. */
  insertText(section: string, text: string): Uint8Array {
    const before = Y.encodeStateVector(this.doc)
    const fragment = this.doc.getXmlFragment(section)
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(text)])
    fragment.insert(0, [paragraph])
    return Y.encodeStateAsUpdate(this.doc, before)
  }

  /** An update that appends a row (a `Y.Map` of `fields`) to the row section `section` of this copy. */
  insertRow(section: string, fields: Record<string, unknown>): Uint8Array {
    return this.change(() => {
      const row = new Y.Map<unknown>()
      for (const [key, value] of Object.entries(fields)) row.set(key, value)
      this.doc.getArray(section).push([row])
    })
  }

  /** An update that sets `key` of the row at `index` of the row section `section` of this copy. */
  setRowField(section: string, index: number, key: string, value: unknown): Uint8Array {
    return this.change(() => (this.doc.getArray<Y.Map<unknown>>(section).get(index)).set(key, value))
  }

  private change(edit: () => void): Uint8Array {
    const before = Y.encodeStateVector(this.doc)
    edit()
    return Y.encodeStateAsUpdate(this.doc, before)
  }

  /** An update that deletes everything in `section` of this copy. */
  deleteAll(section: string): Uint8Array {
    const fragment = this.doc.getXmlFragment(section)
    let captured: Uint8Array | null = null
    const on = (u: Uint8Array) => (captured = u)
    this.doc.on('update', on)
    fragment.delete(0, fragment.length)
    this.doc.off('update', on)
    return captured ?? new Uint8Array([0, 0])
  }

  /** An update that writes into the server-only `control` map. */
  writeControl(key: string, value: unknown): Uint8Array {
    const before = Y.encodeStateVector(this.doc)
    this.doc.getMap('control').set(key, value)
    return Y.encodeStateAsUpdate(this.doc, before)
  }

  close(): void {
    this.raw.ws.close()
  }
}
