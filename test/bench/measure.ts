/**
 * One measurement: a fresh server process, the generator running one scenario against it in a child
 * process of its own, and the server's CPU time and peak memory over the scenario (from /proc).
 * @module
 */
import { fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { loadavg } from 'node:os'
import type { GeneratorReport, JobResult } from './job.ts'
import { ROOT, trackChild } from './launch-child.ts'
import { CLOCK_TICKS_PER_SECOND, readProc, resetPeakRss, RssSampler } from './proc-stats.ts'
import type { Scenario } from './scenarios.ts'
import type { ServerUnderTest } from './servers.ts'

export interface Measurement {
  result: JobResult
  /** Server CPU (user + system) from just before the generator starts to just after it ends. */
  cpuSeconds: number
  /** Server RSS when listening, before any client. */
  rssIdleMb: number
  /** Highest server RSS during the scenario. */
  rssPeakMb: number
  /**
   * The machine's 1-minute load average when the scenario ended. Above the number of cores, other
   * processes competed with the server and the generator, and the figures are not comparable.
   */
  loadAverage: number
}

export async function measure(server: ServerUnderTest, scenario: Scenario): Promise<Measurement> {
  const running = await server.start({ sockets: scenario.sockets, documents: scenario.documents })
  try {
    const pids = running.pids ?? [running.pid]
    const peakResettable = pids.map(resetPeakRss).every(Boolean)
    const before = pids.map(readProc)
    const samplers = pids.map((pid) => new RssSampler(pid))
    const documentPrefix = `b${randomBytes(4).toString('hex')}`
    let result: JobResult
    try {
      result = await runGenerator(scenario.job(running.target, documentPrefix), scenario.timeLimitMs)
    } finally {
      for (const s of samplers) s.stop()
    }
    const after = pids.map(readProc)
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
    // Each process's own peak, summed: the most the processes held (an upper bound if they peaked apart).
    const peakKb = sum(pids.map((_, i) => Math.max(samplers[i]!.peakKb, peakResettable ? after[i]!.peakRssKb : 0)))
    return {
      result,
      cpuSeconds: sum(pids.map((_, i) => after[i]!.cpuTicks - before[i]!.cpuTicks)) / CLOCK_TICKS_PER_SECOND,
      rssIdleMb: sum(before.map((b) => b.rssKb)) / 1024,
      rssPeakMb: peakKb / 1024,
      loadAverage: loadavg()[0]!,
    }
  } finally {
    await running.stop()
  }
}

/** Runs the generator in its own process (`node --import tsx generator.ts`) and returns its result. */
function runGenerator(job: unknown, timeLimitMs: number): Promise<JobResult> {
  const child = fork('test/bench/generator.ts', [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  trackChild(child)
  return new Promise<JobResult>((resolve, reject) => {
    let report: GeneratorReport | null = null
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`generator exceeded ${timeLimitMs / 1000} s`))
    }, timeLimitMs)
    child.once('message', (m: GeneratorReport) => (report = m))
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      if (report?.ok) resolve(report.result)
      else reject(new Error(report ? `generator: ${report.error}` : `generator exited (${code ?? signal}) without a result`))
    })
    child.send(job as object)
  })
}
