/**
 * A bare sync client: one raw `ws` socket, one Yjs document, no provider. It speaks the sync protocol
 * (step 1/2 and updates) in either framing (`wire.ts`), ignores every other message type (coregroup's
 * Ack 100 and Rejected 101, Hocuspocus's SyncStatus, awareness), and never reconnects: a close is
 * counted, not hidden.
 * @module
 */
import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import type { Target } from './job.ts'
import { AuthStep, MessageType, SyncStep, Wire } from './wire.ts'

export interface BenchClientOptions {
  target: Target
  documentName: string
  /** Which of `target.headers` this client sends (taken modulo their number). */
  index: number
  /** Which of `target.urlTemplates` it connects to, when there are several (taken modulo their number). */
  process?: number
  /**
   * False for history builders: they apply the initial sync but drop later broadcasts, so each builder
   * only pays for its own edits (the server still sends it every update).
   */
  applyBroadcasts?: boolean
}

export class BenchClient {
  readonly doc = new Y.Doc()
  /** Resolves when the server's sync step 2 has been applied; rejects if the socket closes first. */
  readonly synced: Promise<void>
  /** Update messages received after the initial sync. */
  updatesReceived = 0
  /** Set when the server closed the socket (rather than this client). */
  closedByServer = false
  private readonly ws: WebSocket
  private readonly wire: Wire
  private readonly applyBroadcasts: boolean
  private closing = false

  constructor(options: BenchClientOptions) {
    const { target, documentName } = options
    this.wire = new Wire(target.protocol, documentName)
    this.applyBroadcasts = options.applyBroadcasts ?? true
    const template = target.urlTemplates?.length ? target.urlTemplates[(options.process ?? 0) % target.urlTemplates.length]! : target.urlTemplate
    const url = template.replace('{doc}', encodeURIComponent(documentName))
    const headers = target.headers?.length ? target.headers[options.index % target.headers.length] : undefined
    this.ws = new WebSocket(url, { headers, perMessageDeflate: false })
    let markSynced!: () => void
    let failSync!: (err: Error) => void
    this.synced = new Promise<void>((resolve, reject) => {
      markSynced = resolve
      failSync = reject
    })
    this.synced.catch(() => {}) // a caller that never awaits must not crash the process
    let isSynced = false

    this.ws.on('open', () => {
      if (target.protocol === 'hocuspocus') this.ws.send(this.wire.authToken())
      else this.sendStep1()
    })
    this.ws.on('message', (data: Buffer) => {
      const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      const header = this.wire.open(frame)
      if (!header) return
      if (header.type === MessageType.Sync) {
        if (this.handleSync(header.decoder) && !isSynced) {
          isSynced = true
          markSynced()
        }
      } else if (header.type === MessageType.Auth && target.protocol === 'hocuspocus') {
        const step = decoding.readVarUint(header.decoder)
        if (step === AuthStep.Authenticated) this.sendStep1()
        else if (step === AuthStep.PermissionDenied) failSync(new Error(`${documentName}: permission denied`))
      }
    })
    this.ws.on('error', (err) => failSync(err))
    this.ws.on('close', (code) => {
      if (!this.closing) this.closedByServer = true
      failSync(new Error(`${documentName}: socket closed (${code}) before sync`))
    })
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this && this.ws.readyState === WebSocket.OPEN) this.ws.send(this.wire.sync(SyncStep.Update, update))
    })
  }

  close(): void {
    this.closing = true
    this.ws.close()
    this.doc.destroy()
  }

  private sendStep1(): void {
    this.ws.send(this.wire.sync(SyncStep.Step1, Y.encodeStateVector(this.doc)))
  }

  /** Handles one sync message; true when it was the server's step 2. */
  private handleSync(d: decoding.Decoder): boolean {
    const step = decoding.readVarUint(d)
    const data = decoding.readVarUint8Array(d)
    if (step === SyncStep.Step1) {
      this.ws.send(this.wire.sync(SyncStep.Step2, Y.encodeStateAsUpdate(this.doc, data)))
      return false
    }
    if (step === SyncStep.Step2) {
      Y.applyUpdate(this.doc, data, this)
      return true
    }
    this.updatesReceived++
    if (this.applyBroadcasts) Y.applyUpdate(this.doc, data, this)
    return false
  }
}
