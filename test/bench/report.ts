/**
 * Renders the results as Markdown: one table per scenario, a column per server, and a ratio column
 * for every subject ÷ reference pair. Each figure is the median over the repeated runs. Ratio cells
 * on the rows that issue 5 sets a bar for carry ✓ or ✗.
 * @module
 */
import { cpus } from 'node:os'
import type { EditingResult, HistoryResult } from './job.ts'
import type { Measurement } from './measure.ts'
import type { Scenario, Settings } from './scenarios.ts'
import type { ServerUnderTest } from './servers.ts'

export type Outcome = Measurement | { error: string }
/** scenario id → server id → one outcome per run. */
export type Results = Map<string, Map<string, Outcome[]>>

interface Row {
  label: string
  value(m: Measurement): number
  format(n: number): string
  /** Lower is better and the ratio means something. */
  ratio: boolean
  /** Issue 5's bar: subject ÷ reference must be at most this. */
  bar?: number
}

const fixed = (digits: number) => (n: number) => n.toFixed(digits)
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2))
const whole = (n: number) => Math.round(n).toLocaleString('en-GB')
const editing = (m: Measurement) => m.result as EditingResult
const history = (m: Measurement) => m.result as HistoryResult

const SERVER_ROWS: Row[] = [
  { label: 'server CPU (s)', value: (m) => m.cpuSeconds, format: fixed(2), ratio: true },
  { label: 'server RSS idle (MB)', value: (m) => m.rssIdleMb, format: fixed(1), ratio: true },
  { label: 'server RSS peak (MB)', value: (m) => m.rssPeakMb, format: fixed(1), ratio: true, bar: 1.2 },
  { label: 'machine load (1-min avg)', value: (m) => m.loadAverage, format: fixed(1), ratio: false },
]

const EDITING_ROWS: Row[] = [
  { label: 'sockets', value: (m) => editing(m).sockets, format: whole, ratio: false },
  { label: 'edits sent', value: (m) => editing(m).edits, format: whole, ratio: false },
  { label: 'delivered (%)', value: (m) => (100 * editing(m).delivered) / Math.max(1, editing(m).expected), format: fixed(2), ratio: false },
  { label: 'sockets closed by server', value: (m) => editing(m).unexpectedCloses, format: whole, ratio: false },
  { label: 'propagation p50 (ms)', value: (m) => editing(m).latencyMs.p50, format: ms, ratio: true },
  { label: 'propagation p95 (ms)', value: (m) => editing(m).latencyMs.p95, format: ms, ratio: true },
  { label: 'propagation p99 (ms)', value: (m) => editing(m).latencyMs.p99, format: ms, ratio: true, bar: 1 },
  { label: 'propagation max (ms)', value: (m) => editing(m).latencyMs.max, format: ms, ratio: true },
  { label: 'connect + sync of all sockets (ms)', value: (m) => editing(m).connectMs, format: ms, ratio: true },
  ...SERVER_ROWS,
]

const HISTORY_ROWS: Row[] = [
  { label: 'edits in history', value: (m) => history(m).edits, format: whole, ratio: false },
  { label: 'history complete', value: (m) => (history(m).complete ? 1 : 0), format: (n) => (n === 1 ? 'yes' : 'NO'), ratio: false },
  { label: 'history build (s)', value: (m) => history(m).buildMs / 1000, format: fixed(1), ratio: true },
  { label: 'document size (KB)', value: (m) => history(m).stateBytes / 1024, format: fixed(0), ratio: false },
  { label: 'fresh sync, median (ms)', value: (m) => median(history(m).syncMs), format: ms, ratio: true, bar: 1 },
  { label: 'fresh sync, max (ms)', value: (m) => Math.max(...history(m).syncMs), format: ms, ratio: true },
  ...SERVER_ROWS,
]

function median(xs: number[]): number {
  if (xs.length === 0) return NaN
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

function figure(outcomes: Outcome[] | undefined, row: Row): number | null {
  const values = (outcomes ?? []).filter((o): o is Measurement => !('error' in o)).map((m) => row.value(m))
  return values.length > 0 ? median(values) : null
}

export function renderReport(settings: Settings, scenarios: Scenario[], servers: ServerUnderTest[], results: Results): string {
  const subjects = servers.filter((s) => s.role === 'subject')
  const references = servers.filter((s) => s.role === 'reference')
  const pairs = subjects.flatMap((s) => references.map((r) => [s, r] as const))
  const cpu = cpus()
  const out: string[] = [
    `# coregroup bench${settings.quick ? ' (BENCH_QUICK)' : ''}`,
    '',
    `${new Date().toISOString()} · Node ${process.version} · ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'} · ` +
      `${settings.repeat} run${settings.repeat > 1 ? 's' : ''} per server (order reversed every other run); figures are medians over runs.`,
    '',
    ...servers.map((s) => `- **${s.id}** (${s.role}): ${s.description}`),
    '',
    'Propagation: sender\'s edit → each other client of the document sees it (one generator process, plain ' +
      'y-websocket clients on raw sockets). CPU and RSS: the server process only, from /proc, over the scenario. ' +
      '✓/✗: issue 5\'s bar (p99 and fresh sync ≤ 1×, peak RSS ≤ 1.2× the reference). ' +
      `Machine load above ${cpu.length} (the cores) means other processes competed: compare such columns with care.`,
  ]
  for (const scenario of scenarios) {
    const byServer = results.get(scenario.id)
    if (!byServer) continue
    const rows = scenario.kind === 'editing' ? EDITING_ROWS : HISTORY_ROWS
    out.push('', `## ${scenario.id} — ${scenario.title}`, '')
    out.push(`| figure | ${[...servers.map((s) => s.id), ...pairs.map(([s, r]) => `${s.id} ÷ ${r.id}`)].join(' | ')} |`)
    out.push(`|---|${[...servers, ...pairs].map(() => '---:').join('|')}|`)
    for (const row of rows) {
      const values = new Map(servers.map((s) => [s.id, figure(byServer.get(s.id), row)]))
      const cells = servers.map((s) => {
        const v = values.get(s.id)
        return v === null || v === undefined ? 'failed' : row.format(v)
      })
      const ratios = pairs.map(([s, r]) => {
        const a = values.get(s.id)
        const b = values.get(r.id)
        if (!row.ratio || a == null || b == null || b === 0) return ''
        const q = a / b
        return `${q.toFixed(2)}${row.bar === undefined ? '' : q <= row.bar ? ' ✓' : ' ✗'}`
      })
      out.push(`| ${row.label} | ${[...cells, ...ratios].join(' | ')} |`)
    }
    const errors = servers.flatMap((s) =>
      (byServer.get(s.id) ?? []).flatMap((o, i) => ('error' in o ? [`- ${s.id}, run ${i + 1}: ${o.error}`] : [])),
    )
    if (errors.length) out.push('', 'Failed runs:', ...errors)
  }
  return out.join('\n') + '\n'
}
