/**
 * Starts the SQLite writer worker (sqlite-writer.mjs, beside this file, or dist-server/sqlite-writer.js
 * in the bundle `npm run build` makes) and turns its replies into settled promises.
 * @module
 */
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { projectRoot } from '../../paths.ts'

export interface WriterData {
  file: string
  sync: 'full' | 'normal'
}

/** main → writer: one update to append; or close after writing what is queued. */
type WriterRequest = { id: number; doc: string; update: Uint8Array } | { close: true }
/** writer → main: these appends are committed, or failed (with the error's message only). */
type WriterReply = { committed: number[] } | { failed: number[]; error: string } | { closed: true }

export class WriterThread {
  private readonly worker: Worker
  private readonly pending = new Map<number, { resolve: () => void; reject: (err: Error) => void }>()
  private nextId = 1
  private closing: Promise<void> | null = null
  private dead: Error | null = null

  constructor(data: WriterData) {
    const fromSource = import.meta.url.endsWith('.ts')
    const script = fromSource ? new URL('./sqlite-writer.mjs', import.meta.url) : join(projectRoot(), 'dist-server', 'sqlite-writer.js')
    this.worker = new Worker(script, { workerData: data })
    this.worker.on('message', (reply: WriterReply) => this.settle(reply))
    this.worker.on('error', (err) => this.fail(err))
    this.worker.on('exit', (code) => this.fail(new Error(`SQLite writer stopped (exit ${code})`)))
  }

  append(doc: string, update: Uint8Array): Promise<void> {
    if (this.dead) return Promise.reject(this.dead)
    if (this.closing) return Promise.reject(new Error('store closed'))
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.worker.postMessage({ id, doc, update } satisfies WriterRequest)
    })
  }

  /** Writes what is queued, then stops the thread. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (this.dead) return resolve()
      this.worker.once('exit', () => resolve())
      this.worker.postMessage({ close: true } satisfies WriterRequest)
    })
    return this.closing
  }

  private settle(reply: WriterReply): void {
    if ('closed' in reply) {
      void this.worker.terminate()
      return
    }
    if ('committed' in reply) {
      for (const id of reply.committed) {
        this.pending.get(id)?.resolve()
        this.pending.delete(id)
      }
      return
    }
    for (const id of reply.failed) {
      this.pending.get(id)?.reject(new Error(reply.error))
      this.pending.delete(id)
    }
  }

  private fail(err: Error): void {
    this.dead ??= err
    for (const p of this.pending.values()) p.reject(err)
    this.pending.clear()
  }
}
