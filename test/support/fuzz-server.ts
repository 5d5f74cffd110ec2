/**
 * The real server for the forged-update fuzz test: a data folder seeded with the fictional core
 * group, and the server bundled (as `npm start` bundles it) and run as a child process on a copy of
 * that folder, so that a crash is observed, not suffered, and a fresh copy starts in half a second.
 *
 * `COREGROUP_FUZZ_SERVER_ROOT` points at another checkout of the project to fuzz its server instead
 * (e.g. `git archive HEAD` unpacked next to a `node_modules` link); the seed always comes from here.
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { DEFAULT_TIMESCALE_SETTINGS } from '../../schemas/timescales/index.ts'
import { seedCoreGroup, type DemoPerson } from '../../server/demo/seed.ts'
import { openSqliteRows } from '../../server/db/open.ts'
import { insertAuthority } from '../../server/db/repos/users.ts'
import { DATABASE_FILE, openSqlite } from '../../server/store/sqlite/database.ts'
import { SqliteDocumentStore } from '../../server/store/sqlite/sqlite-document-store.ts'

const HERE = fileURLToPath(new URL('../..', import.meta.url))

/** The checkout whose server is fuzzed. */
export const SERVER_ROOT = resolve(process.env.COREGROUP_FUZZ_SERVER_ROOT ?? HERE)

export interface SeededPersonInfo {
  email: string
  password: string
  memberId: string
}

export interface FuzzSeed {
  /** The seeded data folder; never served itself, only copied. */
  dataDir: string
  meetingId: string
  people: Record<DemoPerson, SeededPersonInfo>
}

/** Seeds an authority, the core group (five people, a first meeting, its minutes document) into a new folder. */
export async function seedFuzzData(): Promise<FuzzSeed> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coregroup-fuzz-seed-'))
  const sqlite = openSqlite(dataDir, { sync: 'normal' })
  const store = new SqliteDocumentStore(sqlite)
  const db = await openSqliteRows(sqlite)
  const authority = await insertAuthority(db, { name: 'Fuzzshire County Council', nation: 'england', agendaVariant: 'seed-004', settings: DEFAULT_TIMESCALE_SETTINGS })
  const seeded = await seedCoreGroup(db, authority.id, { password: (p) => `fictional fuzz password for ${p}`, store })
  await store.close()
  const people = {} as Record<DemoPerson, SeededPersonInfo>
  for (const [key, p] of Object.entries(seeded.people) as Array<[DemoPerson, (typeof seeded.people)[DemoPerson]]>) {
    people[key] = { email: p.user.email, password: p.password, memberId: p.member.id }
  }
  return { dataDir, meetingId: seeded.meeting.id, people }
}

/** Bundles `SERVER_ROOT`'s server/main.ts into a temp folder that resolves packages from that root. */
export async function bundleServer(): Promise<{ entry: string; dispose(): void }> {
  const out = mkdtempSync(join(tmpdir(), 'coregroup-fuzz-bundle-'))
  symlinkSync(join(SERVER_ROOT, 'node_modules'), join(out, 'node_modules'))
  await build({
    absWorkingDir: SERVER_ROOT,
    entryPoints: { main: 'server/main.ts' },
    outdir: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'pg', 'pg-native', 'ioredis', 'bufferutil', 'utf-8-validate'],
    banner: { js: "import { createRequire as __fuzzRequire } from 'node:module'; const require = __fuzzRequire(import.meta.url);" },
    logLevel: 'silent',
  })
  return { entry: join(out, 'main.js'), dispose: () => rmSync(out, { recursive: true, force: true }) }
}

export interface FuzzServer {
  process: ChildProcess
  dataDir: string
  databaseFile: string
  httpUrl: string
  syncUrl: string
  /** True while the process runs. */
  alive(): boolean
  /** The last `chars` characters the process printed (stack traces of a crash land here). */
  output(chars?: number): string
  /** SIGTERM (the server compacts and closes its store), SIGKILL after a while. */
  stop(): Promise<void>
  kill(): Promise<void>
}

/** Runs the bundle on a fresh copy of `from` (a seeded or baseline data folder). */
export async function startFuzzServer(entry: string, from: string): Promise<FuzzServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coregroup-fuzz-data-'))
  cpSync(from, dataDir, { recursive: true })
  mkdirSync(dataDir, { recursive: true })
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', COREGROUP_LOG: 'quiet', COREGROUP_DATA: dataDir, COREGROUP_SQLITE_SYNC: 'normal' }
  for (const key of ['DATABASE_URL', 'REDIS_URL', 'COREGROUP_PG_SCHEMA', 'COREGROUP_ADMIN_EMAIL', 'COREGROUP_ADMIN_PASSWORD']) delete env[key]
  const child = spawn(process.execPath, [entry], { cwd: SERVER_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const keep = (chunk: Buffer) => {
    output += chunk.toString()
    if (output.length > 200_000) output = output.slice(-100_000)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  const httpUrl = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output.slice(0, 500)}`)), 20_000)
    const onData = () => {
      const m = /listening on (http:\/\/\S+?)\/?\s/.exec(output)
      if (m) {
        clearTimeout(timer)
        child.stdout!.off('data', onData)
        resolveUrl(m[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}: ${output.slice(0, 500)}`))
    })
  })
  const alive = () => child.exitCode === null && child.signalCode === null
  const end = async (signal: NodeJS.Signals) => {
    if (alive()) child.kill(signal)
    const timer = setTimeout(() => alive() && child.kill('SIGKILL'), 3000)
    await exited
    clearTimeout(timer)
  }
  return {
    process: child,
    dataDir,
    databaseFile: join(dataDir, DATABASE_FILE),
    httpUrl,
    syncUrl: `${httpUrl.replace(/^http/, 'ws')}/sync`,
    alive,
    output: (chars = 4000) => output.slice(-chars),
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  }
}

export interface Session {
  cookie: string
  csrfToken: string
}

/** Signs in over HTTP and returns the session cookie and CSRF token. */
export async function signInOver(httpUrl: string, person: SeededPersonInfo): Promise<Session> {
  const res = await fetch(`${httpUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: person.email, password: person.password }) })
  if (res.status !== 201) throw new Error(`sign-in failed: ${res.status}`)
  const body = (await res.json()) as { csrfToken: string }
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrfToken: body.csrfToken }
}

/** Locks or unlocks a section (or, without one, the whole document) as `session` (the lead). */
export async function setLock(httpUrl: string, session: Session, doc: string, body: { section?: string; locked: boolean }): Promise<void> {
  const res = await fetch(`${httpUrl}/api/documents/${encodeURIComponent(doc)}/locks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify(body),
  })
  if (res.status !== 200) throw new Error(`lock failed: ${res.status} ${await res.text()}`)
}

/** Whether `/healthz` answers 200 within `timeoutMs`. */
export async function healthy(httpUrl: string, timeoutMs = 2000): Promise<boolean> {
  try {
    const res = await fetch(`${httpUrl}/healthz`, { signal: AbortSignal.timeout(timeoutMs) })
    await res.arrayBuffer()
    return res.status === 200
  } catch {
    return false
  }
}
