/**
 * The group commit both stores share (DESIGN §5): appends handed over in one turn of the event loop
 * are written together, and up to `maxInFlight` batches are written at once, so one stalled write does
 * not hold back other documents (issue 9 §6).
 *
 * Per-document order: a batch never takes an update of a document that has one in a batch in flight,
 * so an update never commits before one of the same document appended earlier. When an update fails
 * or is refused, every update of its document still queued, or handed over before that failure has
 * been reported (the same turn of the event loop), fails too: it may build on the one that failed.
 * @module
 */
import { AppendRefusedError, EarlierAppendFailedError, type AppendCheck } from './document-store.ts'

export interface QueuedAppend {
  doc: string
  update: Uint8Array
  /** The sections to check for locks, without repeats; null when the append is unchecked. */
  sections: string[] | null
}

/**
 * Writes one batch in one transaction; resolves with the batch positions refused by the lock check
 * (an update is written exactly when neither it nor an earlier one of its document in the batch is
 * refused). Rejects when nothing was written.
 */
export type BatchWriter = (batch: readonly QueuedAppend[]) => Promise<ReadonlySet<number>>

export interface AppendQueueOptions {
  /** Batches written at once (PostgreSQL: several connections; SQLite: one). */
  maxInFlight?: number
  /** Most updates in one batch. */
  maxRows?: number
  /** Most bytes in one batch (a larger single update goes alone). */
  maxBytes?: number
}

interface Pending extends QueuedAppend {
  resolve: () => void
  reject: (err: unknown) => void
}

export class AppendQueue {
  private queue: Pending[] = []
  private readonly busyDocs = new Set<string>()
  /** Documents whose update failed in this turn of the event loop: their new appends fail at once. */
  private readonly failedNow = new Set<string>()
  private readonly flights = new Set<Promise<void>>()
  /** Settles with the last update of each document handed over and not yet settled. */
  private readonly lastOf = new Map<string, Promise<void>>()
  private scheduled = false
  private readonly maxInFlight: number
  private readonly maxRows: number
  private readonly maxBytes: number

  constructor(
    private readonly write: BatchWriter,
    options: AppendQueueOptions = {},
  ) {
    this.maxInFlight = options.maxInFlight ?? 1
    this.maxRows = options.maxRows ?? 1000
    this.maxBytes = options.maxBytes ?? 16 * 1024 * 1024
  }

  push(doc: string, update: Uint8Array, check?: AppendCheck): Promise<void> {
    if (this.failedNow.has(doc)) return Promise.reject(new EarlierAppendFailedError(doc))
    const sections = check ? [...new Set(check.sections)] : null
    const appended = new Promise<void>((resolve, reject) => {
      this.queue.push({ doc, update, sections, resolve, reject })
      this.schedule()
    })
    const settled = appended.catch(() => {})
    this.lastOf.set(doc, settled)
    void settled.then(() => {
      if (this.lastOf.get(doc) === settled) this.lastOf.delete(doc)
    })
    return appended
  }

  /** Resolves once nothing is queued or being written. */
  async drained(): Promise<void> {
    while (this.queue.length > 0 || this.flights.size > 0 || this.scheduled) {
      if (this.flights.size > 0) await Promise.race(this.flights)
      else await new Promise((resolve) => setImmediate(resolve))
    }
  }

  /**
   * Resolves once every update of `doc` handed over before this call has committed or failed (they
   * commit in order, so the last one settles last); never rejects.
   */
  async settled(doc: string): Promise<void> {
    await this.lastOf.get(doc)
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0) return
    this.scheduled = true
    // Let every append of this turn of the event loop join the batch.
    setImmediate(() => {
      this.scheduled = false
      while (this.flights.size < this.maxInFlight) {
        const batch = this.take()
        if (batch.length === 0) break
        this.start(batch)
      }
    })
  }

  /** The next batch: queued updates in order, skipping documents in flight, within the limits. */
  private take(): Pending[] {
    const batch: Pending[] = []
    const rest: Pending[] = []
    let bytes = 0
    let full = false
    for (const p of this.queue) {
      const size = p.update.byteLength
      if (!full && batch.length > 0 && (batch.length >= this.maxRows || bytes + size > this.maxBytes)) full = true
      // Once full, nothing later is taken: a later update of a document must not overtake an earlier one.
      if (full || this.busyDocs.has(p.doc)) {
        rest.push(p)
        continue
      }
      batch.push(p)
      bytes += size
    }
    this.queue = rest
    return batch
  }

  private start(batch: Pending[]): void {
    for (const p of batch) this.busyDocs.add(p.doc)
    const flight: Promise<void> = this.write(batch)
      .then(
        (refused) => this.settle(batch, refusalsOf(batch, refused)),
        (err: unknown) => this.settle(batch, new Map(batch.map((_, i) => [i, err]))),
      )
      .finally(() => {
        for (const p of batch) this.busyDocs.delete(p.doc)
        this.flights.delete(flight)
        this.schedule()
      })
    this.flights.add(flight)
  }

  private settle(batch: Pending[], failures: ReadonlyMap<number, unknown>): void {
    const failedDocs = new Set<string>()
    batch.forEach((p, i) => {
      if (!failures.has(i)) return p.resolve()
      failedDocs.add(p.doc)
      p.reject(failures.get(i))
    })
    if (failedDocs.size > 0) this.failDocs(failedDocs)
  }

  /** Fails what is queued of `docs`, and what is handed over before the failure has been seen. */
  private failDocs(docs: ReadonlySet<string>): void {
    const rest: Pending[] = []
    for (const p of this.queue) {
      if (docs.has(p.doc)) p.reject(new EarlierAppendFailedError(p.doc))
      else rest.push(p)
    }
    this.queue = rest
    for (const doc of docs) this.failedNow.add(doc)
    setImmediate(() => {
      for (const doc of docs) this.failedNow.delete(doc)
    })
  }
}

/** Why each update of `batch` was not written, given the positions the lock check refused. */
function refusalsOf(batch: readonly QueuedAppend[], refused: ReadonlySet<number>): Map<number, unknown> {
  const failures = new Map<number, unknown>()
  const stopped = new Set<string>()
  batch.forEach((p, i) => {
    if (stopped.has(p.doc)) {
      failures.set(i, new EarlierAppendFailedError(p.doc))
    } else if (refused.has(i)) {
      failures.set(i, new AppendRefusedError(p.doc, 'locked'))
      stopped.add(p.doc)
    }
  })
  return failures
}
