/**
 * Per-process resource figures from Linux's /proc: resident memory (current and peak) and CPU time
 * (user + system, all threads). Read from outside the server, so every server is measured the same way.
 * @module
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'

export interface ProcSample {
  rssKb: number
  /** Peak resident set size since start or since the last `resetPeakRss`. */
  peakRssKb: number
  /** utime + stime, in clock ticks. */
  cpuTicks: number
}

/** Clock ticks per second for /proc/<pid>/stat times (usually 100). */
export const CLOCK_TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

export function readProc(pid: number): ProcSample {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
  // Fields after the command name (which may contain spaces): state is field 3, utime 14, stime 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return { rssKb: kb('VmRSS'), peakRssKb: kb('VmHWM'), cpuTicks: Number(fields[11]) + Number(fields[12]) }
}

/** Resets the kernel's peak RSS (VmHWM) to the current RSS; false where the kernel refuses. */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
    return true
  } catch {
    return false
  }
}

/** Samples RSS periodically, as a fallback peak where `resetPeakRss` is not allowed. */
export class RssSampler {
  peakKb = 0
  private readonly timer: NodeJS.Timeout

  constructor(private readonly pid: number, everyMs = 100) {
    this.sample()
    this.timer = setInterval(() => this.sample(), everyMs)
  }

  stop(): number {
    clearInterval(this.timer)
    this.sample()
    return this.peakKb
  }

  private sample(): void {
    try {
      this.peakKb = Math.max(this.peakKb, readProc(this.pid).rssKb)
    } catch {
      // The process is gone; keep the peak seen so far.
    }
  }
}
