/**
 * S3: a fresh client syncing a document with a long edit history.
 *
 * Build: a watcher joins, one client creates the paragraph, then `builders` clients send `edits` small
 * edits between them at a paced rate — each edit inserts 1–4 letters at a random place in the builder's
 * own text or (one in five) deletes 1–3 letters, so the document holds many items and deletions, not
 * one long run. Seeded per builder, so every server receives the same history. Builders do not apply
 * each other's broadcasts (the generator would otherwise pay builders × edits applies). The history is
 * complete when the watcher holds every builder's inserts and deletions.
 * Measure: fresh clients connect one after another; each time is socket creation → server's sync step 2
 * applied, and each fresh copy must hold everything the watcher holds.
 * @module
 */
import * as prng from 'lib0/prng'
import * as Y from 'yjs'
import { BenchClient } from './bench-client.ts'
import { jobDocumentName, type HistoryJob, type HistoryResult } from './job.ts'
import { benchText, createBenchText } from './section-text.ts'
import { sleep, waitUntil, within } from './wait.ts'

const SETUP_TIMEOUT_MS = 30_000
const SYNC_TIMEOUT_MS = 60_000
const TICK_MS = 20

export async function runHistory(job: HistoryJob, progress: (line: string) => void): Promise<HistoryResult> {
  const documentName = jobDocumentName(job.target, job.documentPrefix, 0)
  const opened: BenchClient[] = []
  const open = (applyBroadcasts = true) => {
    const client = new BenchClient({ target: job.target, documentName, applyBroadcasts, index: opened.length, process: opened.length })
    opened.push(client)
    return client
  }
  try {
    const watcher = open()
    await within(watcher.synced, SETUP_TIMEOUT_MS, 'watcher to sync')
    const founder = open()
    await within(founder.synced, SETUP_TIMEOUT_MS, 'founder to sync')
    createBenchText(founder.doc)
    if (!(await waitUntil(() => benchText(watcher.doc) !== null, SETUP_TIMEOUT_MS))) throw new Error('paragraph not relayed')
    founder.close()

    const builders = Array.from({ length: job.builders }, () => open(false))
    await within(Promise.all(builders.map((b) => b.synced)), SETUP_TIMEOUT_MS, 'builders to sync')
    const quota = builders.map((_, i) => Math.floor(job.edits / job.builders) + (i < job.edits % job.builders ? 1 : 0))
    const sent = builders.map(() => 0)
    const editors = builders.map((b, i) => editorFor(benchText(b.doc)!, i + 1))
    const allSent = () => sent.every((n, i) => n >= quota[i]!)

    const started = performance.now()
    const pacer = setInterval(() => {
      const due = Math.floor(((performance.now() - started) / 1000) * job.builderRate)
      builders.forEach((_, i) => {
        while (sent[i]! < Math.min(due, quota[i]!)) {
          editors[i]!()
          sent[i]!++
        }
      })
      if (allSent()) clearInterval(pacer)
    }, TICK_MS)
    const complete = await waitUntil(() => allSent() && builders.every((b) => hasAllOf(watcher.doc, b.doc)), job.buildTimeoutMs, 50)
    clearInterval(pacer)
    const buildMs = performance.now() - started
    progress(`history of ${sent.reduce((a, b) => a + b, 0)} edits ${complete ? 'built' : 'INCOMPLETE'} in ${(buildMs / 1000).toFixed(1)} s`)
    for (const b of builders) b.close()

    const syncMs: number[] = []
    if (complete) {
      for (let i = 0; i < job.syncSamples; i++) {
        await sleep(200)
        const t0 = performance.now()
        const fresh = open()
        await within(fresh.synced, SYNC_TIMEOUT_MS, 'fresh client to sync')
        syncMs.push(performance.now() - t0)
        if (!hasAllOf(fresh.doc, watcher.doc)) throw new Error('a fresh client synced an incomplete document')
        fresh.close()
      }
    }
    return { kind: 'history', edits: job.edits, buildMs, complete, stateBytes: Y.encodeStateAsUpdate(watcher.doc).byteLength, syncMs }
  } finally {
    for (const client of opened) client.close()
  }
}

/** One builder's next edit, from a generator seeded with `seed`. */
function editorFor(text: Y.XmlText, seed: number): () => void {
  const gen = prng.create(seed)
  return () => {
    const length = text.length
    if (length > 10 && prng.int32(gen, 0, 4) === 0) {
      const count = prng.int32(gen, 1, 3)
      text.delete(prng.int32(gen, 0, length - count), count)
    } else {
      text.insert(prng.int32(gen, 0, length), prng.word(gen, 1, 4))
    }
  }
}

/** True when `doc` holds everything `other` has: every insert (cheap state vector check first) and every deletion. */
function hasAllOf(doc: Y.Doc, other: Y.Doc): boolean {
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(other))) {
    if (Y.getState(doc.store, client) < clock) return false
  }
  return Y.snapshotContainsUpdate(Y.snapshot(doc), Y.encodeStateAsUpdate(other))
}
