/**
 * One open document: its Y.Doc, the y-websocket provider, presence, connection and save state.
 * Framework-free (state outside React), so the same class runs in the browser and in Node tests.
 * @module
 */
import * as decoding from 'lib0/decoding'
import { ObservableV2 } from 'lib0/observable'
import type { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MessageType, readAck, readRejected } from '../../schemas/protocol.ts'
import { SaveTracker, type SaveState, type TrackedSocket } from './save-tracker.ts'

export type ConnectionState = 'connecting' | 'online' | 'offline'

/** Local persistence of the document (y-indexeddb in the browser). */
export interface LocalPersistence {
  whenSynced: Promise<unknown>
  destroy(): Promise<void> | void
  clearData(): Promise<void>
}

export interface DocumentSyncOptions {
  /** Base websocket URL of the sync endpoint, e.g. `ws://host/sync`. */
  serverUrl: string
  /**
   * Further servers of the same cluster: after each closed connection the next URL of
   * `[serverUrl, ...serverUrls]` is tried, so a client whose server died reconnects to another.
   */
  serverUrls?: string[]
  name: string
  /** WebSocket implementation (Node tests pass `ws`). */
  WebSocketImpl?: typeof WebSocket
  persistence?: (name: string, doc: Y.Doc) => LocalPersistence
  /** Reconnect backoff ceiling. */
  maxBackoffTime?: number
}

interface Events {
  connection: (state: ConnectionState) => void
  save: (state: SaveState) => void
  /** The server refused an update (and closes the connection). */
  rejected: (info: { section: string; reason: string }) => void
  /** The server closed the connection and the provider will not reconnect by itself. */
  closed: (info: { code: number; reason: string }) => void
}

export class DocumentSync extends ObservableV2<Events> {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  readonly persistence: LocalPersistence | null
  private readonly tracker: SaveTracker
  private connectionState: ConnectionState = 'connecting'
  private destroyed = false

  constructor(readonly options: DocumentSyncOptions) {
    super()
    this.tracker = new SaveTracker((s) => this.emit('save', [s]))
    this.persistence = options.persistence?.(options.name, this.doc) ?? null
    const tracker = this.tracker
    const Base = options.WebSocketImpl ?? WebSocket
    class TrackedWebSocket extends Base implements TrackedSocket {
      sent = 0
      acked = 0
      required = 0
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols)
        tracker.attach(this)
        this.addEventListener('close', () => tracker.closed(this))
      }
      override send(data: Parameters<WebSocket['send']>[0]): void {
        if (data instanceof Uint8Array) tracker.sending(this, data)
        super.send(data)
      }
    }
    this.provider = new WebsocketProvider(options.serverUrl, options.name, this.doc, {
      WebSocketPolyfill: TrackedWebSocket as unknown as typeof WebSocket,
      maxBackoffTime: options.maxBackoffTime ?? 2500,
      disableBc: true,
      connect: false,
    })
    this.provider.messageHandlers[MessageType.Ack] = (_e, d, provider) => {
      const ws = provider.ws as unknown as TrackedWebSocket | null
      if (ws) tracker.acknowledged(ws, readAck(d as decoding.Decoder))
    }
    this.provider.messageHandlers[MessageType.Rejected] = (_e, d) => {
      this.emit('rejected', [readRejected(d as decoding.Decoder)])
    }
    this.provider.on('status', ({ status }) => {
      this.setConnection(status === 'connected' ? 'online' : status === 'connecting' ? 'connecting' : 'offline')
    })
    this.provider.on('closed', (info) => this.emit('closed', [info]))
    // Emitted while provider.ws is still the closing socket; the socket's own close event can come
    // much later (no network, no closing handshake), and its unacknowledged frames are owed now.
    this.provider.on('connection-close', () => {
      const ws = this.provider.ws as unknown as TrackedWebSocket | null
      if (ws) tracker.closed(ws)
      this.rotateServer()
    })
    // Registered after the provider's own handler, which has already sent the update when online.
    this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === this.provider) return
      const ws = this.provider.ws as unknown as TrackedWebSocket | null
      tracker.localChange(this.provider.wsconnected && ws ? ws : null)
    })
    // Open the local copy first, so the first sync step 2 carries changes made offline.
    void (this.persistence?.whenSynced ?? Promise.resolve()).then(() => {
      if (this.destroyed) return
      if (this.browserOnline()) this.provider.connect()
      else this.setConnection('offline')
    })
    // The browser knows before the socket does when the network goes: stop at once, resume on return.
    if (typeof window !== 'undefined') {
      window.addEventListener('offline', this.onBrowserOffline)
      window.addEventListener('online', this.onBrowserOnline)
    }
  }

  private replica: Y.Doc | null = null
  private readonly toReplica = (update: Uint8Array) => {
    if (this.replica) Y.applyUpdate(this.replica, update, this)
  }

  /**
   * A local replica of the document that follows every change to it but never flows back: editors of
   * sections this user may not write bind to it, so nothing they do (y-prosemirror normalising content
   * as it renders it, say) can reach the document, its local copy or the server. Made on first use.
   */
  readOnlyReplica(): Y.Doc {
    if (!this.replica) {
      this.replica = new Y.Doc({ gc: this.doc.gc })
      Y.applyUpdate(this.replica, Y.encodeStateAsUpdate(this.doc), this)
      this.doc.on('update', this.toReplica)
    }
    return this.replica
  }

  private serverIndex = 0

  /** Points the provider's next connection at the next server of the cluster (if there are several). */
  private rotateServer(): void {
    const urls = [this.options.serverUrl, ...(this.options.serverUrls ?? [])]
    if (urls.length < 2) return
    this.serverIndex = (this.serverIndex + 1) % urls.length
    // The provider builds each new socket's URL from `serverUrl` (y-websocket 3.x).
    this.provider.serverUrl = urls[this.serverIndex]!.replace(/\/+$/, '')
  }

  private browserOnline(): boolean {
    return typeof navigator === 'undefined' || navigator.onLine !== false
  }

  private readonly onBrowserOffline = () => {
    this.provider.disconnect()
    this.setConnection('offline')
  }

  private readonly onBrowserOnline = () => {
    if (!this.destroyed) this.provider.connect()
  }

  get awareness(): Awareness {
    return this.provider.awareness
  }

  get connection(): ConnectionState {
    return this.connectionState
  }

  get save(): SaveState {
    return this.tracker.state
  }

  private setConnection(state: ConnectionState): void {
    if (state === this.connectionState) return
    this.connectionState = state
    this.emit('connection', [state])
  }

  /** Resolves once every local change is acknowledged by the server. */
  whenSaved(): Promise<void> {
    if (this.tracker.state === 'saved') return Promise.resolve()
    return new Promise((resolve) => {
      const onSave = (s: SaveState) => {
        if (s === 'saved') {
          this.off('save', onSave)
          resolve()
        }
      }
      this.on('save', onSave)
    })
  }

  /** Resolves once the provider has synced with the server. */
  whenSynced(): Promise<void> {
    if (this.provider.synced) return Promise.resolve()
    return new Promise((resolve) => {
      const onSync = (synced: boolean) => {
        if (synced) {
          this.provider.off('sync', onSync)
          resolve()
        }
      }
      this.provider.on('sync', onSync)
    })
  }

  /** Drops the local copy (used after the server rejected a change: the server's copy is the truth). */
  async discardLocalCopy(): Promise<void> {
    await this.persistence?.clearData()
  }

  override destroy(): void {
    this.destroyed = true
    if (typeof window !== 'undefined') {
      window.removeEventListener('offline', this.onBrowserOffline)
      window.removeEventListener('online', this.onBrowserOnline)
    }
    this.provider.destroy()
    void this.persistence?.destroy()
    this.doc.off('update', this.toReplica)
    this.replica?.destroy()
    this.doc.destroy()
    super.destroy()
  }
}
