/**
 * Runs forged updates against the real server and judges each case by the oracle, never by the
 * server's own code: (a) the process lives and `/healthz` answers; (b) the document loads from the
 * store (read from the SQLite file, not asked of the server) with nothing left pending, and an
 * honest observer can apply what it was sent; (c) nothing the sender may not write changed, in the
 * store's copy and in the observer's. A crash or an unloadable document restarts the server on a
 * fresh copy of the baseline, so one hole does not hide the next.
 * @module
 */
import { rmSync } from 'node:fs'
import * as Y from 'yjs'
import type { DemoPerson } from '../../server/demo/seed.ts'
import { healthy, startFuzzServer, type FuzzServer } from '../support/fuzz-server.ts'
import { StoreReader, type StoreLoad } from '../support/store-reader.ts'
import { SyncPeer } from '../support/sync-peer.ts'
import { fingerprintDiff, forbiddenFingerprint, sectionDumps, type Fingerprint, type OwnedRows } from './fingerprint.ts'
import { catalogOf, type Catalog } from './forge-catalog.ts'
import type { Baseline } from './forged-setup.ts'

export interface SenderSpec {
  name: 'parent' | 'teacher'
  person: DemoPerson
  doc: string
  /** The sections this sender may write, written out by the test (never computed by the server's rules). */
  writable: ReadonlySet<string>
  ownClients: number[]
  /** Client ids of the baseline document that are not the sender's. */
  foreignClients: number[]
  layout: string[]
  /** Action rows this sender owns: their status, progress and changed date are the sender's to write. */
  ownedRows?: OwnedRows
}

export type Outcome =
  | { kind: 'acked' }
  | { kind: 'rejected'; section: string; reason: string; code: number | null }
  | { kind: 'closed'; code: number }
  | { kind: 'held' }
  | { kind: 'timeout' }

export interface Problem {
  check: 'a' | 'b' | 'c'
  detail: string
}

interface DocState {
  load: StoreLoad
  catalog: Catalog
  store: Fingerprint
  observer: Fingerprint
}

/** The observer: the lead, who may read both documents, connected for the whole run. */
const OBSERVER: DemoPerson = 'socialWorker'

export class Harness {
  server!: FuzzServer
  private reader!: StoreReader
  private readonly observers = new Map<string, SyncPeer>()
  private readonly senders = new Map<string, SyncPeer>()
  private readonly states = new Map<string, DocState>()
  restarts = 0

  constructor(readonly base: Baseline, readonly specs: readonly SenderSpec[]) {}

  async boot(): Promise<void> {
    this.server = await startFuzzServer(this.base.entry, this.base.dir)
    this.reader = new StoreReader(this.server.databaseFile)
    for (const spec of this.specs) {
      this.observers.set(spec.doc, await this.openObserver(spec.doc))
      const load = this.reader.load(spec.doc)
      const observer = this.observers.get(spec.doc)!
      this.states.set(spec.name, { load, catalog: catalogOf(load.doc), store: this.fingerprint(spec, load.doc), observer: this.fingerprint(spec, observer.doc) })
    }
  }

  /** A fresh server on a fresh copy of the baseline (after a crash or an unloadable document). */
  async restart(): Promise<void> {
    this.restarts++
    await this.close()
    await this.boot()
  }

  async close(): Promise<void> {
    for (const p of [...this.senders.values(), ...this.observers.values()]) p.close()
    this.senders.clear()
    this.observers.clear()
    this.reader?.close()
    if (this.server) {
      await this.server.kill()
      rmSync(this.server.dataDir, { recursive: true, force: true })
    }
  }

  /** The document as the store holds it before the next case (what the forger aims at). */
  state(spec: SenderSpec): DocState {
    return this.states.get(spec.name)!
  }

  /**
   * Sends the case's updates on the sender's connection (reused after acks, reopened after a close),
   * then a sync step 1 as a barrier: its answer comes after every verdict on what was sent before it.
   */
  async deliver(spec: SenderSpec, updates: readonly Uint8Array[]): Promise<Outcome> {
    let peer = this.senders.get(spec.name)
    if (!peer || !peer.isOpen) {
      try {
        peer = await SyncPeer.open(`${this.server.syncUrl}/${spec.doc}`, this.base.sessions[spec.person].cookie)
      } catch {
        return { kind: 'closed', code: -1 }
      }
      this.senders.set(spec.name, peer)
    }
    for (const u of updates) peer.sendUpdate(u)
    const answer = await peer.barrier(Y.encodeStateVector(this.state(spec).load.doc), 4000)
    if (peer.rejected) {
      const closed = await peer.whenClosed(1500)
      return { kind: 'rejected', ...peer.rejected, code: closed?.code ?? null }
    }
    if (answer === 'closed' || peer.closed) return { kind: 'closed', code: peer.closed?.code ?? -1 }
    if (answer === 'timeout') {
      peer.close()
      return { kind: 'timeout' }
    }
    if (peer.acked >= peer.sent) return { kind: 'acked' }
    // Held for dependencies that never came: closing drops it (DESIGN §4).
    peer.close()
    return { kind: 'held' }
  }

  /** The oracle, after one case of `spec`'s. Also moves the case's "before" on. */
  async check(spec: SenderSpec): Promise<{ problems: Problem[]; restart: boolean }> {
    const problems: Problem[] = []
    const before = this.state(spec)
    let restart = false
    const alive = this.server.alive() && (await healthy(this.server.httpUrl))
    if (!alive) {
      restart = true
      const how = this.server.alive() ? 'running but /healthz does not answer' : `exited (${this.server.process.exitCode ?? this.server.process.signalCode})`
      problems.push({ check: 'a', detail: `server ${how}; it printed: ${crashLines(this.server.output())}` })
    }
    const load = this.reader.load(spec.doc)
    if (load.error !== null) problems.push({ check: 'b', detail: `the stored document no longer loads: ${load.error}` })
    if (load.pending) problems.push({ check: 'b', detail: `loading the stored document leaves ${describePending(load.doc)}` })
    if (load.error !== null || load.pending) restart = true
    const store = this.fingerprint(spec, load.doc)
    if (load.error === null) {
      for (const d of fingerprintDiff(before.store, store)) problems.push({ check: 'c', detail: `store: ${d}` })
    }
    let observerFp = before.observer
    if (alive) {
      let observer = this.observers.get(spec.doc)!
      if (observer.isOpen) await observer.barrier(Y.encodeStateVector(observer.doc), 3000)
      if (observer.applyError !== null) problems.push({ check: 'b', detail: `the honest observer could not apply what the server sent: ${observer.applyError}` })
      if (observer.isOpen && observer.applyError === null) {
        observerFp = this.fingerprint(spec, observer.doc)
        for (const d of fingerprintDiff(before.observer, observerFp)) problems.push({ check: 'c', detail: `observer: ${d}` })
      } else {
        // Closed by the server, or broken: start a new observer (and compare against what it sees now).
        observer.close()
        observer = await this.openObserver(spec.doc)
        this.observers.set(spec.doc, observer)
        observerFp = this.fingerprint(spec, observer.doc)
      }
    }
    this.states.set(spec.name, { load, catalog: catalogOf(load.doc), store, observer: observerFp })
    return { problems, restart }
  }

  /** A fresh honest client syncs the document from the server: null when it loads whole. */
  async honestSync(spec: SenderSpec): Promise<{ problem: string | null; diverged: boolean }> {
    let peer: SyncPeer | null = null
    try {
      peer = await SyncPeer.sync(`${this.server.syncUrl}/${spec.doc}`, this.base.sessions[OBSERVER].cookie, { apply: true }, 5000)
      if (peer.applyError !== null) return { problem: `a fresh client could not apply the server's document: ${peer.applyError}`, diverged: false }
      if (peer.doc.store.pendingStructs !== null || peer.doc.store.pendingDs !== null) return { problem: `a fresh client was left with ${describePending(peer.doc)}`, diverged: false }
      const stored = this.state(spec).load.doc
      return { problem: null, diverged: JSON.stringify([...sectionDumps(peer.doc)]) !== JSON.stringify([...sectionDumps(stored)]) }
    } catch (err) {
      return { problem: `a fresh client could not sync: ${err instanceof Error ? err.message : String(err)}`, diverged: false }
    } finally {
      peer?.close()
    }
  }

  private fingerprint(spec: SenderSpec, doc: Y.Doc): Fingerprint {
    return forbiddenFingerprint(doc, spec.writable, spec.foreignClients, spec.ownedRows)
  }

  private openObserver(doc: string): Promise<SyncPeer> {
    return SyncPeer.sync(`${this.server.syncUrl}/${doc}`, this.base.sessions[OBSERVER].cookie, { apply: true })
  }
}

function describePending(doc: Y.Doc): string {
  const parts: string[] = []
  const structs = doc.store.pendingStructs
  if (structs) parts.push(`pending structs (missing ${[...structs.missing].map(([c, k]) => `${c}@${k}`).join(', ')})`)
  if (doc.store.pendingDs) parts.push('pending deletions')
  return parts.join(' and ')
}

/** The lines of a crash worth showing: the error and the first frames of its stack. */
function crashLines(output: string): string {
  const lines = output.split('\n').filter((l) => l.trim() !== '')
  const at = lines.findIndex((l) => /Error|error|Unexpected|throw/.test(l))
  return (at >= 0 ? lines.slice(at, at + 4) : lines.slice(-4)).map((l) => l.trim()).join(' | ').slice(0, 600)
}
