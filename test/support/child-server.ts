/**
 * Runs the real server as a child process (`server/main.ts`), as `npm start` does, so tests can
 * `kill -9` it and start it again on the same data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface ChildServer {
  process: ChildProcess
  httpUrl: string
  syncUrl: string
  /** Signs in (as the administrator made from COREGROUP_ADMIN_EMAIL/PASSWORD) and returns the cookie. */
  signIn(email: string, password: string): Promise<{ cookie: string; csrfToken: string }>
  /** Everything the process printed so far. */
  output(): string
  /** Sends SIGKILL and waits for the process to be gone. */
  kill9(): Promise<void>
  stop(): Promise<void>
}

/**
 * `built`: run the bundle `npm start` runs (dist-server/main.js, made by `npm run build`) when it
 * exists; otherwise, and by default, the TypeScript source through tsx.
 */
export async function startChildServer(env: Record<string, string>, options: { built?: boolean } = {}): Promise<ChildServer> {
  const bundle = join(ROOT, 'dist-server', 'main.js')
  const args = options.built && existsSync(bundle) ? [bundle] : ['--import', 'tsx', 'server/main.ts']
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const m = /listening on (http:\/\/\S+?)\/?\s/.exec(output)
      if (m) resolve(m[1]!)
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output.slice(0, 500)}`)))
    setTimeout(() => reject(new Error(`server did not start: ${output.slice(0, 500)}`)), 30_000)
  })
  return {
    process: child,
    httpUrl: url,
    syncUrl: `${url.replace(/^http/, 'ws')}/sync`,
    output: () => output,
    async signIn(email, password) {
      const res = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })
      if (res.status !== 201) throw new Error(`sign-in failed: ${res.status}`)
      const body = (await res.json()) as { csrfToken: string }
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!
      return { cookie, csrfToken: body.csrfToken }
    },
    async kill9() {
      child.kill('SIGKILL')
      await exited
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

/** The test's environment for the child, less the scale-out settings unless the test gives them. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env, PORT: '0', COREGROUP_LOG: 'quiet' }
  for (const key of ['DATABASE_URL', 'REDIS_URL', 'COREGROUP_PG_SCHEMA', 'COREGROUP_ADMIN_EMAIL', 'COREGROUP_ADMIN_PASSWORD']) delete out[key]
  return { ...out, ...env }
}
