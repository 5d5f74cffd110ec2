/**
 * Starts coregroup for the bench: `server/main.ts` on port 0 with a fresh data folder and quiet logs,
 * its first administrator created from the environment, and signed in over HTTP so the generator can
 * open the sync socket with a session cookie (`target.headers`).
 *
 * coregroup caps the documents one session holds open (`MAX_DOCUMENTS_PER_CONNECTION`), so this opens
 * one session per `SOCKETS_PER_SESSION` sockets the scenario needs. The demo documents (`demo:<id>`)
 * are open to every signed-in user, who edits them as the lead social worker, so the permission check
 * runs on every update and lets the bench's edits through.
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
  /** COREGROUP_SQLITE_SYNC (default: the server's own, full). */
  sqliteSync?: 'full' | 'normal'
}

export async function startCoregroup(launch: CoregroupLaunch): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coregroup-bench-'))
  const pgSchema = launch.postgres ? freshSchemaName() : undefined
  const cleanUp = async () => {
    rmSync(dataDir, { recursive: true, force: true })
    if (launch.postgres && pgSchema) await dropSchema(launch.postgres.databaseUrl, pgSchema)
  }
  let server: Awaited<ReturnType<typeof spawnServer>> | null = null
  try {
    server = await spawnServer({
      label: launch.label ?? 'coregroup',
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
    })
    const base = `http://127.0.0.1:${server.port}`
    const sessions = Math.max(1, Math.ceil(launch.sockets / SOCKETS_PER_SESSION))
    const cookies: string[] = []
    while (cookies.length < sessions) {
      const batch = Math.min(SIGN_IN_CONCURRENCY, sessions - cookies.length)
      cookies.push(...(await Promise.all(Array.from({ length: batch }, () => signIn(base)))))
    }
    const running = server
    return {
      pid: running.pid,
      target: {
        urlTemplate: `ws://127.0.0.1:${running.port}/sync/{doc}`,
        protocol: 'y-websocket',
        headers: cookies.map((cookie) => ({ Cookie: cookie })),
      },
      async stop() {
        await running.stop()
        await cleanUp()
      },
    }
  } catch (err) {
    await server?.stop()
    await cleanUp()
    throw err
  }
}

/** Signs in as the bench administrator; returns the `Cookie` header value of the new session. */
async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  })
  if (res.status !== 201) throw new Error(`coregroup sign-in failed: HTTP ${res.status} ${await res.text()}`)
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))
  if (!cookie) throw new Error('coregroup sign-in returned no session cookie')
  return cookie.split(';')[0]!
}
