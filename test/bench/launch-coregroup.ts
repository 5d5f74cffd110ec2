/**
 * Starts coregroup for the bench: `server/main.ts` on port 0 with a fresh data folder and quiet logs,
 * its first administrator created from the environment, and signed in over HTTP so the generator can
 * open the sync socket with a session cookie (`target.headers`).
 *
 * coregroup caps the documents one session holds open (`MAX_DOCUMENTS_PER_CONNECTION`), so this opens
 * one session per `SOCKETS_PER_SESSION` sockets the scenario needs. The documents are real: a
 * fictional case (its lead social worker is the bench administrator, who started it) with one core
 * group meeting per document the scenario edits, whose minutes are stored, checked and acknowledged
 * like any other (the `demo:` sandbox is kept in memory, so it would measure no commit at all).
 *
 * With `postgres`, the server runs on PostgreSQL + Redis in a schema of its own, dropped on stop.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnServer, type RunningServer } from './launch-child.ts'
import { dropSchema, freshSchemaName } from './pg-schema.ts'

const EMAIL = 'bench@example.com'
const PASSWORD = 'bench-password-not-secret'
const SESSION_COOKIE = 'cg_session'
/** Below the server's 32 documents per session, with room for sockets still closing. */
const SOCKETS_PER_SESSION = 24
/** Sign-ins in flight at once (each is a deliberately slow scrypt on the server). */
const SIGN_IN_CONCURRENCY = 4

export interface CoregroupLaunch {
  /** Shown in logs. */
  label?: string
  /** PostgreSQL + Redis mode; without it the server runs on SQLite in a temp folder. */
  postgres?: { databaseUrl: string; redisUrl: string }
  /** Sockets the scenario opens at most at once. */
  sockets: number
  /**
   * Documents the scenario edits: the launcher makes a fictional case with that many core group
   * meetings, and the scenario types into their minutes (`item:purpose`) as the case's lead social
   * worker. Real documents, in the real store: every edit is checked, durably committed and
   * acknowledged (the `demo:` sandbox keeps its documents in memory, which would measure no commit).
   */
  documents: number
  /** COREGROUP_SQLITE_SYNC (default: the server's own, full). */
  sqliteSync?: 'full' | 'normal'
}

export async function startCoregroup(launch: CoregroupLaunch): Promise<RunningServer> {
  return startProcesses(launch, 1)
}

/**
 * Several coregroup processes behind the same PostgreSQL schema and Redis (issue 16 §4), as a load
 * balancer would spread them: the first migrates and creates the administrator, the others join.
 */
export async function startCoregroupCluster(launch: CoregroupLaunch & { postgres: NonNullable<CoregroupLaunch['postgres']> }, processes: number): Promise<RunningServer> {
  return startProcesses(launch, processes)
}

async function startProcesses(launch: CoregroupLaunch, processes: number): Promise<RunningServer> {
  const dataDirs: string[] = []
  const pgSchema = launch.postgres ? freshSchemaName() : undefined
  const servers: Array<Awaited<ReturnType<typeof spawnServer>>> = []
  const cleanUp = async () => {
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true })
    if (launch.postgres && pgSchema) await dropSchema(launch.postgres.databaseUrl, pgSchema)
  }
  try {
    for (let i = 0; i < processes; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'coregroup-bench-'))
      dataDirs.push(dataDir)
      servers.push(
        await spawnServer({
          label: processes > 1 ? `${launch.label ?? 'coregroup'}-${i + 1}` : (launch.label ?? 'coregroup'),
          // What `npm start` runs: the bundle `npm run build` makes (npm run bench builds first).
          script: 'dist-server/main.js',
          env: {
            PORT: '0',
            HOST: '127.0.0.1',
            COREGROUP_DATA: dataDir,
            COREGROUP_SQLITE_SYNC: launch.sqliteSync,
            COREGROUP_LOG: 'quiet',
            COREGROUP_ADMIN_EMAIL: EMAIL,
            COREGROUP_ADMIN_PASSWORD: PASSWORD,
            // Inherited settings must not switch the SQLite entry to another store.
            DATABASE_URL: launch.postgres?.databaseUrl,
            REDIS_URL: launch.postgres?.redisUrl,
            COREGROUP_PG_SCHEMA: pgSchema,
          },
          listening: /coregroup listening on http:\/\/127\.0\.0\.1:(\d+)\//,
        }),
      )
    }
    // Sessions live in the shared store: one signed in on the first process is valid on every one.
    const base = `http://127.0.0.1:${servers[0]!.port}`
    const sessions = Math.max(1, Math.ceil(launch.sockets / SOCKETS_PER_SESSION))
    const signedIn: SignedIn[] = []
    while (signedIn.length < sessions) {
      const batch = Math.min(SIGN_IN_CONCURRENCY, sessions - signedIn.length)
      signedIn.push(...(await Promise.all(Array.from({ length: batch }, () => signIn(base)))))
    }
    const cookies = signedIn.map((s) => s.cookie)
    const documentNames = await makeDocuments(base, signedIn[0]!, launch.documents)
    const urls = servers.map((s) => `ws://127.0.0.1:${s.port}/sync/{doc}`)
    return {
      pid: servers[0]!.pid,
      pids: servers.map((s) => s.pid),
      target: { urlTemplate: urls[0]!, ...(processes > 1 ? { urlTemplates: urls } : {}), documentNames, protocol: 'y-websocket', headers: cookies.map((cookie) => ({ Cookie: cookie })) },
      async stop() {
        await Promise.all(servers.map((s) => s.stop()))
        await cleanUp()
      },
    }
  } catch (err) {
    await Promise.all(servers.map((s) => s.stop()))
    await cleanUp()
    throw err
  }
}

interface SignedIn {
  cookie: string
  csrfToken: string
}

/** Meetings made at once (each writes its minutes' first state to the store). */
const MEETINGS_IN_FLIGHT = 8

/** A fictional case with `count` core group meetings; returns their minutes' document names. */
async function makeDocuments(base: string, as: SignedIn, count: number): Promise<string[]> {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: as.cookie, 'X-CSRF-Token': as.csrfToken, Origin: base },
      body: JSON.stringify(body),
    })
    if (res.status !== 201) throw new Error(`coregroup ${path} failed: HTTP ${res.status} ${await res.text()}`)
    return (await res.json()) as { case?: { id: string }; meeting?: { id: string } }
  }
  const created = await post('/api/cases', { familyName: 'Bench', initialConferenceDate: '2026-11-02', children: [{ name: 'Bea Bench', dateOfBirth: '2019-05-01' }] })
  const caseId = created.case!.id
  const names: string[] = []
  while (names.length < count) {
    const batch = Math.min(MEETINGS_IN_FLIGHT, count - names.length)
    const made = await Promise.all(Array.from({ length: batch }, () => post(`/api/cases/${caseId}/meetings`, { type: 'subsequent', date: '2027-01-14', time: '10:00', venue: 'Bench room' })))
    names.push(...made.map((m) => `meeting:${m.meeting!.id}`))
  }
  return names
}

/** Signs in as the bench administrator; returns the `Cookie` header value of the new session. */
async function signIn(base: string): Promise<SignedIn> {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  })
  if (res.status !== 201) throw new Error(`coregroup sign-in failed: HTTP ${res.status} ${await res.text()}`)
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))
  if (!cookie) throw new Error('coregroup sign-in returned no session cookie')
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return { cookie: cookie.split(';')[0]!, csrfToken }
}
