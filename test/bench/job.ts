/**
 * What the bench runner hands the load generator (a job) and what it gets back (a result). Both cross
 * a process boundary as JSON (Node IPC), so they hold plain data only.
 * @module
 */

/** Framing of the sync messages: plain y-websocket, or Hocuspocus's (each message prefixed with the document name). */
export type WireProtocol = 'y-websocket' | 'hocuspocus'

/** How the generator reaches one server under test. */
export interface Target {
  /** Websocket URL; `{doc}` is replaced by the URL-encoded document name (absent when the protocol names the document). */
  urlTemplate: string
  /**
   * Several server processes sharing the load (coregroup-cluster): the k-th client of each document
   * goes to `urlTemplates[k % n]`, so every document has clients on every process.
   */
  urlTemplates?: string[]
  /**
   * The documents to use, when the server made them (coregroup: the minutes of real meetings of a
   * case, stored durably, written by the case's lead social worker); otherwise any name will do.
   */
  documentNames?: string[]
  protocol: WireProtocol
  /**
   * Upgrade request headers, one set per session (coregroup: the session cookie). Client number `i`
   * sends set `i % length`; coregroup caps the documents open per session, so its launcher opens
   * enough sessions for the scenario's sockets.
   */
  headers?: Array<Record<string, string>>
}

/**
 * The section every bench edit goes to. A rich-text section of coregroup's demo layout
 * (`DEMO_SECTIONS` in schemas/documents.ts), so a section permission check lets it through; the
 * reference servers accept any root name.
 */
export const BENCH_SECTION = 'item:purpose'

/**
 * Document `i` of a run: valid for coregroup (`demo:<id>`), an ordinary room name for the others. The
 * prefix is fresh per run, so a store shared between runs (PostgreSQL) never mixes their histories.
 */
export const benchDocumentName = (prefix: string, i: number): string => `demo:${prefix}-${i}`

/** Document `i` of a job: the server's own real documents when it made them, else a bench name. */
export const jobDocumentName = (target: Target, prefix: string, i: number): string => target.documentNames?.[i] ?? benchDocumentName(prefix, i)

/** S1/S2: clients type into shared documents; every edit is timed to every other client of its document. */
export interface EditingJob {
  kind: 'editing'
  target: Target
  /** Fresh per run (`[A-Za-z0-9_]`, short). */
  documentPrefix: string
  documents: number
  clientsPerDocument: number
  /** Edits per second per client. */
  editsPerSecond: number
  durationMs: number
  /** Longest wait after the last edit for deliveries still in flight. */
  drainMs: number
  /** Sockets opened at once while connecting. */
  connectBatch: number
}

/** S3: build a long edit history through the server, then time fresh clients syncing it. */
export interface HistoryJob {
  kind: 'history'
  target: Target
  documentPrefix: string
  edits: number
  /** Clients sending the history in parallel. */
  builders: number
  /** Edits per second per builder (kept under coregroup's per-connection rate limit). */
  builderRate: number
  /** Fresh clients synced one after another once the history is in place. */
  syncSamples: number
  /** Longest wait for the history to reach the server in full. */
  buildTimeoutMs: number
}

export type Job = EditingJob | HistoryJob

export interface LatencySummary {
  p50: number
  p95: number
  p99: number
  max: number
}

export interface EditingResult {
  kind: 'editing'
  sockets: number
  edits: number
  /** Deliveries expected: each edit × the other clients of its document. */
  expected: number
  /** Deliveries observed (one latency sample each). */
  delivered: number
  latencyMs: LatencySummary
  /** Sockets the server closed during the run. */
  unexpectedCloses: number
  /** The first socket opened → every socket synced (connect, sign-in check, access, sync step 1/2). */
  connectMs: number
}

export interface HistoryResult {
  kind: 'history'
  edits: number
  /** First edit sent → a watching client has every edit. */
  buildMs: number
  /** False when the history did not arrive in full before `buildTimeoutMs`. */
  complete: boolean
  /** Size of the whole document as one update. */
  stateBytes: number
  /** Connect → synced of each fresh client, in order. */
  syncMs: number[]
}

export type JobResult = EditingResult | HistoryResult

/** Message from the generator to the runner. */
export type GeneratorReport = { ok: true; result: JobResult } | { ok: false; error: string }
