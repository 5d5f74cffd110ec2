/**
 * S1 and S2: `documents` × `clientsPerDocument` clients, each typing `editsPerSecond` small edits for
 * `durationMs`. Every edit is timed from its sender to each other client of its document.
 *
 * Phases: connect (in batches) and sync → client 0 of each document creates the paragraph and every
 * client waits to see it → typing (each client on its own timer, with a random phase so edits do not
 * arrive in lockstep) → drain (wait for deliveries in flight, bounded) → close.
 * @module
 */
import { BenchClient } from './bench-client.ts'
import { jobDocumentName, type EditingJob, type EditingResult } from './job.ts'
import { LatencyRecorder, summarize } from './latency.ts'
import { benchText, createBenchText, observeInserts } from './section-text.ts'
import { sleep, waitUntil, within } from './wait.ts'

const SETUP_TIMEOUT_MS = 60_000

export async function runEditing(job: EditingJob, progress: (line: string) => void): Promise<EditingResult> {
  const groups: BenchClient[][] = []
  for (let d = 0; d < job.documents; d++) groups.push([])
  const all: BenchClient[] = []
  try {
    const connectStarted = performance.now()
    for (let start = 0; start < job.documents * job.clientsPerDocument; start += job.connectBatch) {
      const batch: BenchClient[] = []
      for (let i = start; i < Math.min(start + job.connectBatch, job.documents * job.clientsPerDocument); i++) {
        const d = i % job.documents
        // The k-th client of each document: on a cluster, the clients of one document span its processes.
        const client = new BenchClient({ target: job.target, documentName: jobDocumentName(job.target, job.documentPrefix, d), index: i, process: Math.floor(i / job.documents) })
        groups[d]!.push(client)
        batch.push(client)
        all.push(client)
      }
      await within(Promise.all(batch.map((c) => c.synced)), SETUP_TIMEOUT_MS, 'clients to connect and sync')
    }
    const connectMs = performance.now() - connectStarted
    progress(`${all.length} sockets synced in ${Math.round(connectMs)} ms`)

    for (const group of groups) createBenchText(group[0]!.doc)
    const ready = await waitUntil(() => all.every((c) => benchText(c.doc) !== null), SETUP_TIMEOUT_MS)
    if (!ready) throw new Error('the paragraph did not reach every client')

    const recorder = new LatencyRecorder()
    for (const client of all) observeInserts(client.doc, (text) => recorder.receive(text))

    const started = performance.now()
    const period = 1000 / job.editsPerSecond
    const timers: NodeJS.Timeout[] = []
    for (const group of groups) {
      for (const client of group) {
        const text = benchText(client.doc)!
        const type = () => {
          if (performance.now() - started >= job.durationMs) return
          const marker = recorder.send(group.length - 1)
          text.insert(text.length, marker)
        }
        timers.push(
          setTimeout(() => {
            type()
            timers.push(setInterval(type, period))
          }, Math.random() * period),
        )
      }
    }
    await sleep(job.durationMs)
    for (const t of timers) clearTimeout(t)
    progress(`${recorder.edits} edits sent; draining`)
    await waitUntil(() => recorder.pending <= 0, job.drainMs)

    return {
      kind: 'editing',
      sockets: all.length,
      edits: recorder.edits,
      expected: recorder.expected,
      delivered: recorder.samples.length,
      latencyMs: summarize(recorder.samples),
      unexpectedCloses: all.filter((c) => c.closedByServer).length,
      connectMs,
    }
  } finally {
    for (const client of all) client.close()
  }
}
