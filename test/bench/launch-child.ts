/**
 * Starts a server under test as its own child process (`node <script>`), so its memory and CPU are
 * its own, waits for the line that names its port, and stops it again. Every server runs as plain
 * JavaScript under plain node. `BENCH_CPU_PROF=<folder>` starts every server with `--cpu-prof` into that
 * folder (a profile per server process, written when it stops), to see where a server spends its time.
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { resolve as resolvePath } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Target } from './job.ts'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const START_TIMEOUT_MS = 30_000
const STOP_GRACE_MS = 10_000

/** A server under test, listening. */
export interface RunningServer {
  pid: number
  /** Every process of the server when there are several (pid among them); CPU and RSS are summed. */
  pids?: number[]
  target: Target
  stop(): Promise<void>
}

export interface ChildSpec {
  /** Shown before the server's own warnings. */
  label: string
  /** Script path from the project root. */
  script: string
  /** Set (string) or removed (undefined) on top of this process's environment. */
  env?: Record<string, string | undefined>
  /** The stdout line that says the server listens; group 1 is the port. */
  listening: RegExp
}

const running = new Set<ChildProcess>()

/** Remembers a child (server or generator) until it exits, so `killAllChildren` can end it. */
export function trackChild(child: ChildProcess): void {
  running.add(child)
  child.once('exit', () => running.delete(child))
}

/** Kills every child still running (runner exit or interrupt). */
export function killAllChildren(): void {
  for (const child of running) child.kill('SIGKILL')
}

export async function spawnServer(spec: ChildSpec): Promise<{ pid: number; port: number; stop(): Promise<void> }> {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const [k, v] of Object.entries(spec.env ?? {})) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${resolvePath(process.env.BENCH_CPU_PROF)}`] : []
  // Servers run as plain JavaScript (coregroup's bundle from `npm run build`, the references' .mjs);
  // only a TypeScript script gets the tsx loader.
  const loader = spec.script.endsWith('.ts') ? ['--import', 'tsx'] : []
  const child = spawn(process.execPath, [...profile, ...loader, spec.script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  trackChild(child)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let output = ''
  let started = false
  child.stderr!.on('data', (chunk: Buffer) => {
    if (started) process.stderr.write(prefixLines(`    [${spec.label}] `, chunk.toString()))
    else output += chunk.toString()
  })
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${spec.label} did not start: ${output.slice(0, 500)}`)), START_TIMEOUT_MS)
    child.stdout!.on('data', (chunk: Buffer) => {
      if (started) return
      output += chunk.toString()
      const m = spec.listening.exec(output)
      if (m) {
        started = true
        clearTimeout(timer)
        resolve(Number(m[1]))
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${spec.label} exited with ${code}: ${output.slice(0, 500)}`))
    })
  }).catch((err: unknown) => {
    child.kill('SIGKILL')
    throw err
  })
  return {
    pid: child.pid!,
    port,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS)
      await exited
      clearTimeout(timer)
    },
  }
}

function prefixLines(prefix: string, text: string): string {
  return text.replace(/^(?=.)/gm, prefix)
}
