/**
 * `npm run bench`: measures coregroup against the reference servers (issue 5, item 4) and prints one
 * Markdown table per scenario, also written to test/bench/results/latest.md. See README.md here.
 *
 * Each (run, scenario, server) gets a fresh server process and a fresh generator process. Within a run
 * the scenarios go in order and, for each, the servers one after another; every other run reverses
 * the server order, so drift on the machine does not favour one column.
 * @module
 */
import { fork } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ColdLoadRow } from './cold-load.ts'
import type { EditingResult, HistoryResult } from './job.ts'
import { killAllChildren } from './launch-child.ts'
import { measure, type Measurement } from './measure.ts'
import { renderReport, type Results } from './report.ts'
import { loadSettings, scenarioList } from './scenarios.ts'
import { SERVERS } from './servers.ts'

process.on('exit', killAllChildren)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAllChildren()
    process.exit(130)
  })
}

const settings = loadSettings()
const servers = SERVERS.filter((s) => (settings.servers ? settings.servers.includes(s.id) : !s.onRequest))
const scenarios = scenarioList(settings.quick).filter((s) => !settings.scenarios || settings.scenarios.includes(s.id))
if (servers.length === 0 || (scenarios.length === 0 && !settings.scenarios?.includes('S5'))) {
  console.error(`nothing to run: servers ${SERVERS.map((s) => s.id).join(', ')}; scenarios S1, S2, S3, S4, S5`)
  process.exit(2)
}

const results: Results = new Map(scenarios.map((s) => [s.id, new Map(servers.map((v) => [v.id, []]))]))
const began = performance.now()
for (let run = 0; run < settings.repeat; run++) {
  const order = run % 2 === 0 ? servers : [...servers].reverse()
  for (const scenario of scenarios) {
    for (const server of order) {
      console.error(`[run ${run + 1}/${settings.repeat}] ${scenario.id} · ${server.id}`)
      try {
        const m = await measure(server, scenario)
        console.error(`    ${summary(m)}`)
        results.get(scenario.id)!.get(server.id)!.push(m)
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err)
        console.error(`    FAILED: ${error}`)
        results.get(scenario.id)!.get(server.id)!.push({ error })
      }
    }
  }
}

let report = renderReport(settings, scenarios, servers, results)
// S5, coregroup's store alone: a cold load of a long log, before and after compaction.
if (!settings.scenarios || settings.scenarios.includes('S5')) {
  const edits = settings.quick ? 5_000 : 50_000
  console.error(`[S5] cold load of a ${edits.toLocaleString('en-GB')}-update log`)
  try {
    report += `\n${renderColdLoad(await runColdLoadChild(edits), edits)}`
  } catch (err) {
    report += `\n## S5 — cold load\n\nFAILED: ${err instanceof Error ? err.message : String(err)}\n`
  }
}
const resultsDir = join(import.meta.dirname, 'results')
mkdirSync(resultsDir, { recursive: true })
writeFileSync(join(resultsDir, 'latest.md'), report)
console.log(report)
console.error(`bench finished in ${((performance.now() - began) / 1000).toFixed(0)} s; written to test/bench/results/latest.md`)
process.exit(0)

/** Runs cold-load.ts in a process of its own (a fresh heap, like a server that has just started). */
function runColdLoadChild(edits: number): Promise<ColdLoadRow[]> {
  const child = fork('test/bench/cold-load.ts', [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error('the cold load took over 10 minutes'))
    }, 600_000)
    child.once('message', (m: { ok: true; rows: ColdLoadRow[] } | { ok: false; error: string }) => {
      clearTimeout(timer)
      if (m.ok) resolve(m.rows)
      else reject(new Error(m.error))
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`cold load exited (${code}) without a result`))
    })
    child.send(edits)
  })
}

function renderColdLoad(rows: readonly ColdLoadRow[], edits: number): string {
  const lines = [
    `## S5 — cold load of a document whose log holds ${edits.toLocaleString('en-GB')} updates (coregroup's store; the references keep nothing)`,
    '',
    '| store | load with the whole log (ms) | compaction (ms) | load from the snapshot (ms) | snapshot (KB) |',
    '|---|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.store} | ${r.loadBeforeMs.toFixed(0)} | ${r.compactMs.toFixed(0)} | ${r.loadAfterMs.toFixed(1)} | ${r.snapshotKb.toFixed(0)} |`),
    '',
    `Medians of ${3} loads, each by a store opened afresh on the data; a load reads the snapshot and the log and builds the Y.Doc, as a room does first.`,
    '',
  ]
  return lines.join('\n')
}

function summary(m: Measurement): string {
  const server = `cpu ${m.cpuSeconds.toFixed(2)} s, rss peak ${m.rssPeakMb.toFixed(1)} MB, load ${m.loadAverage.toFixed(1)}`
  if (m.result.kind === 'editing') {
    const r: EditingResult = m.result
    return `p50 ${r.latencyMs.p50.toFixed(2)} ms, p99 ${r.latencyMs.p99.toFixed(2)} ms, delivered ${r.delivered}/${r.expected}, ${server}`
  }
  const h: HistoryResult = m.result
  return `build ${(h.buildMs / 1000).toFixed(1)} s, sync ${h.syncMs.map((x) => x.toFixed(1)).join('/')} ms, ${server}`
}
