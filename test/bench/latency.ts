/**
 * Edit propagation latency. Every edit carries its id in its text (`[id]`); the recorder keeps each
 * id's send time, and a receiving client that sees `[id]` arrive records now − send time. All clients
 * live in the generator process, so one clock serves both ends.
 * @module
 */
import type { LatencySummary } from './job.ts'

const MARKER = /\[(\d+)\]/g

export class LatencyRecorder {
  /** Deliveries expected so far (each edit × its receivers). */
  expected = 0
  readonly samples: number[] = []
  private readonly sentAt: number[] = []

  /** Registers an edit about to be sent to `receivers` clients; returns the text to insert. */
  send(receivers: number): string {
    const id = this.sentAt.length
    this.sentAt.push(performance.now())
    this.expected += receivers
    return `[${id}]`
  }

  /** Records the arrival of text that a receiving client saw inserted. */
  receive(inserted: string): void {
    const now = performance.now()
    for (const m of inserted.matchAll(MARKER)) {
      const sent = this.sentAt[Number(m[1])]
      if (sent !== undefined) this.samples.push(now - sent)
    }
  }

  get edits(): number {
    return this.sentAt.length
  }

  get pending(): number {
    return this.expected - this.samples.length
  }
}

/** Nearest-rank percentiles; zeros when there are no samples. */
export function summarize(samples: readonly number[]): LatencySummary {
  if (samples.length === 0) return { p50: 0, p95: 0, p99: 0, max: 0 }
  const sorted = Float64Array.from(samples).sort()
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1]! }
}
