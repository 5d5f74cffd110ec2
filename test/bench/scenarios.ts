/**
 * The bench's settings (from the environment) and its scenarios (issue 5, item 4; S4, issue 16 §4).
 *
 * - `BENCH_QUICK=1`: S1 and S2 type for 5 s instead of 20 s, S3 builds 5,000 edits instead of 50,000.
 * - `BENCH_REPEAT=n`: n rounds; the server order reverses every other round.
 * - `BENCH_SERVERS=a,b` / `BENCH_SCENARIOS=S1,S3`: run only these (ids from servers.ts / below).
 * @module
 */
import type { Job, Target } from './job.ts'

export interface Settings {
  quick: boolean
  repeat: number
  servers: string[] | null
  scenarios: string[] | null
}

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : null)
  const repeat = Number(env.BENCH_REPEAT ?? '1')
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 20) throw new Error('BENCH_REPEAT must be a whole number from 1 to 20')
  return { quick: env.BENCH_QUICK === '1', repeat, servers: list(env.BENCH_SERVERS), scenarios: list(env.BENCH_SCENARIOS) }
}

export interface Scenario {
  id: string
  title: string
  kind: Job['kind']
  /** Most sockets open at once (coregroup's launcher opens enough sessions for them). */
  sockets: number
  /** How many documents it edits (coregroup's launcher makes that many real meetings' minutes). */
  documents: number
  job(target: Target, documentPrefix: string): Job
  /** The generator is killed after this long (a stuck run, not a result). */
  timeLimitMs: number
}

export function scenarioList(quick: boolean): Scenario[] {
  const typingMs = quick ? 5_000 : 20_000
  const drainMs = 10_000
  const historyEdits = quick ? 5_000 : 50_000
  const buildTimeoutMs = quick ? 60_000 : 180_000
  return [
    {
      id: 'S1',
      title: `one document × 10 clients, each typing 2 edits/s for ${typingMs / 1000} s`,
      kind: 'editing',
      sockets: 10,
      documents: 1,
      job: (target, documentPrefix) => ({
        kind: 'editing', target, documentPrefix, documents: 1, clientsPerDocument: 10, editsPerSecond: 2,
        durationMs: typingMs, drainMs, connectBatch: 10,
      }),
      timeLimitMs: 120_000 + typingMs + drainMs,
    },
    {
      id: 'S2',
      title: `200 documents × 5 clients (1,000 sockets), each typing 2 edits/s for ${typingMs / 1000} s`,
      kind: 'editing',
      sockets: 1_000,
      documents: 200,
      job: (target, documentPrefix) => ({
        kind: 'editing', target, documentPrefix, documents: 200, clientsPerDocument: 5, editsPerSecond: 2,
        durationMs: typingMs, drainMs, connectBatch: 100,
      }),
      timeLimitMs: 180_000 + typingMs + drainMs,
    },
    {
      // Issue 16 §4: five times S2's sockets over five times its documents, at the total edit rate S2
      // had at 1 edit/s (one generator process cannot type faster than that for 5,000 clients and still
      // time them).
      id: 'S4',
      title: `1,000 documents × 5 clients (5,000 sockets), each typing an edit every 5 s for ${typingMs / 1000} s`,
      kind: 'editing',
      sockets: 5_000,
      documents: 1_000,
      job: (target, documentPrefix) => ({
        kind: 'editing', target, documentPrefix, documents: 1_000, clientsPerDocument: 5, editsPerSecond: 0.2,
        durationMs: typingMs, drainMs, connectBatch: 250,
      }),
      timeLimitMs: 300_000 + typingMs + drainMs,
    },
    {
      id: 'S3',
      title: `a fresh client syncing a document with a ${historyEdits.toLocaleString('en-GB')}-edit history`,
      kind: 'history',
      sockets: 2 + 10 + 5,
      documents: 1,
      job: (target, documentPrefix) => ({
        kind: 'history', target, documentPrefix, edits: historyEdits, builders: 10, builderRate: 150, syncSamples: 5,
        buildTimeoutMs,
      }),
      timeLimitMs: 180_000 + buildTimeoutMs,
    },
  ]
}
