/**
 * A y-websocket peer on a raw socket, with no client code in between: it can write honestly (its
 * Y.Doc's changes are sent as updates), watch (server frames are applied to its Y.Doc), or send
 * bytes it made itself. `barrier()` sends a sync step 1 and waits for the server's step 2: the
 * server handles one connection's frames in order, so by then every earlier frame has its verdict.
 * @module
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { MessageType, SyncStep, readAck, readRejected } from '../../schemas/protocol.ts'

const FROM_SERVER = Symbol('from server')

export interface PeerOptions {
  /** Apply the server's updates to `doc` (observers and honest writers). */
  apply?: boolean
  /** Send `doc`'s own changes to the server (honest writers). */
  write?: boolean
  /** The Yjs client id of `doc` (honest writers use fixed ids, so the test knows whose they are). */
  clientID?: number
}

export class SyncPeer {
  readonly doc = new Y.Doc()
  /** Update-bearing messages sent (the number the server's ack counts up to). */
  sent = 0
  acked = 0
  rejected: { section: string; reason: string } | null = null
  closed: { code: number; reason: string } | null = null
  /** The first error yjs threw while applying what the server sent. */
  applyError: string | null = null
  synced = false
  private readonly barriers: Array<() => void> = []
  private readonly changeListeners = new Set<() => void>()
  private readonly closedPromise: Promise<{ code: number; reason: string }>

  private constructor(private readonly ws: WebSocket, private readonly options: PeerOptions) {
    if (options.clientID !== undefined) this.doc.clientID = options.clientID
    this.closedPromise = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        this.closed = { code, reason: reason.toString() }
        for (const b of this.barriers.splice(0)) b()
        this.notify()
        resolve(this.closed)
      }),
    )
    ws.on('error', () => {})
    ws.on('message', (data: Buffer) => this.onFrame(new Uint8Array(data)))
    if (options.write) {
      this.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== FROM_SERVER) this.sendUpdate(update)
      })
    }
  }

  /** Opens the socket (resolves once open; the server may still refuse and close it). */
  static async open(url: string, cookie: string, options: PeerOptions = {}): Promise<SyncPeer> {
    const ws = new WebSocket(url, { headers: { cookie, origin: `http://${new URL(url).host}` } })
    const peer = new SyncPeer(ws, options)
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
      ws.once('close', () => resolve())
    })
    return peer
  }

  /** Opens and completes the handshake: sends step 1 and waits for the server's document. */
  static async sync(url: string, cookie: string, options: PeerOptions = {}, timeoutMs = 5000): Promise<SyncPeer> {
    const peer = await SyncPeer.open(url, cookie, { apply: true, ...options })
    const answered = await peer.barrier(Y.encodeStateVector(peer.doc), timeoutMs)
    if (answered !== 'answered') throw new Error(`sync failed: ${answered} ${JSON.stringify(peer.closed)}`)
    peer.synced = true
    return peer
  }

  get isOpen(): boolean {
    return this.closed === null && this.ws.readyState === WebSocket.OPEN
  }

  sendUpdate(update: Uint8Array): void {
    this.sent++
    this.sendSync(SyncStep.Update, update)
  }

  /** Sends sync step 1 with `stateVector`; resolves when its step 2 arrives, the socket closes, or time runs out. */
  barrier(stateVector: Uint8Array, timeoutMs = 3000): Promise<'answered' | 'closed' | 'timeout'> {
    if (this.closed) return Promise.resolve('closed')
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const i = this.barriers.indexOf(done)
        if (i >= 0) this.barriers.splice(i, 1)
        resolve('timeout')
      }, timeoutMs)
      const done = () => {
        clearTimeout(timer)
        resolve(this.closed ? 'closed' : 'answered')
      }
      this.barriers.push(done)
      this.sendSync(SyncStep.Step1, stateVector)
    })
  }

  /** Resolves when every update sent so far is acknowledged (or on a close, or after `timeoutMs`). */
  whenAcked(timeoutMs = 5000): Promise<boolean> {
    return this.until(() => this.acked >= this.sent || this.closed !== null, timeoutMs).then(() => this.acked >= this.sent)
  }

  /** Resolves once the socket has closed (or after `timeoutMs`). */
  whenClosed(timeoutMs = 2000): Promise<{ code: number; reason: string } | null> {
    return Promise.race([this.closedPromise, new Promise<null>((r) => setTimeout(() => r(null), timeoutMs))])
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close()
  }

  private until(predicate: () => boolean, timeoutMs: number): Promise<void> {
    if (predicate()) return Promise.resolve()
    return new Promise((resolve) => {
      const check = () => {
        if (!predicate()) return
        this.changeListeners.delete(check)
        clearTimeout(timer)
        resolve()
      }
      const timer = setTimeout(() => {
        this.changeListeners.delete(check)
        resolve()
      }, timeoutMs)
      this.changeListeners.add(check)
    })
  }

  private notify(): void {
    for (const l of [...this.changeListeners]) l()
  }

  private sendSync(step: number, payload: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, MessageType.Sync)
    encoding.writeVarUint(e, step)
    encoding.writeVarUint8Array(e, payload)
    this.ws.send(encoding.toUint8Array(e))
  }

  private onFrame(frame: Uint8Array): void {
    try {
      const d = decoding.createDecoder(frame)
      const type = decoding.readVarUint(d)
      if (type === MessageType.Ack) this.acked = Math.max(this.acked, readAck(d))
      else if (type === MessageType.Rejected) this.rejected = readRejected(d)
      else if (type === MessageType.Sync) this.onSync(d)
    } finally {
      this.notify()
    }
  }

  private onSync(d: decoding.Decoder): void {
    const step = decoding.readVarUint(d)
    const payload = decoding.readVarUint8Array(d)
    if (step === SyncStep.Step1) {
      // The server asks what this peer has that it lacks: only a writer answers.
      if (this.options.write) {
        this.sent++
        this.sendSync(SyncStep.Step2, Y.encodeStateAsUpdate(this.doc, payload))
      }
      return
    }
    if (this.options.apply) {
      try {
        Y.applyUpdate(this.doc, payload, FROM_SERVER)
      } catch (err) {
        this.applyError ??= err instanceof Error ? `${err.name}: ${err.message}` : String(err)
      }
    }
    if (step === SyncStep.Step2) this.barriers.shift()?.()
  }
}
