/**
 * Starts the real server in this process on port 0 with its own temp data folder, for integration
 * tests; `stop()` closes everything and removes the folder. `signUp` makes a user and signs them in.
 */
import { serve, type ServerType } from '@hono/node-server'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { AccountRole } from '../../schemas/roles.ts'
import { createApp, type AppOptions } from '../../server/app.ts'
import { hashPassword } from '../../server/auth/passwords.ts'
import { openSqliteRows } from '../../server/db/open.ts'
import { insertAuthority, insertUser } from '../../server/db/repos/users.ts'
import type { Db } from '../../server/db/schema.ts'
import { openSqlite } from '../../server/store/sqlite/database.ts'
import type { DocumentStore } from '../../server/store/document-store.ts'
import { SqliteDocumentStore } from '../../server/store/sqlite/sqlite-document-store.ts'
import { DEFAULT_TIMESCALE_SETTINGS } from '../../schemas/timescales/index.ts'

export interface TestUser {
  id: string
  email: string
  password: string
  name: string
  /** `Cookie` header value carrying the session. */
  cookie: string
  csrfToken: string
}

export interface TestServer {
  httpUrl: string
  syncUrl: string
  dataDir: string
  store: SqliteDocumentStore
  db: Db
  authorityId: string
  rooms: ReturnType<typeof createApp>['rooms']
  auth: ReturnType<typeof createApp>['auth']
  signUp(overrides?: Partial<{ name: string; email: string; accountRole: AccountRole }>): Promise<TestUser>
  /** JSON request as a signed-in user (cookie + CSRF header) or anonymously. */
  request(method: string, path: string, options?: { as?: TestUser; body?: unknown; headers?: Record<string, string> }): Promise<Response>
  stop(): Promise<void>
}

let counter = 0

export interface TestServerOptions extends Omit<AppOptions, 'store' | 'db'> {
  /** Wraps the store the server writes through (a slow or failing store); `TestServer.store` stays the real one. */
  wrapStore?: (store: SqliteDocumentStore) => DocumentStore
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coregroup-test-'))
  const sqlite = openSqlite(dataDir)
  const store = new SqliteDocumentStore(sqlite)
  const db = await openSqliteRows(sqlite)
  const authority = await insertAuthority(db, { name: 'Testshire County Council', nation: 'england', agendaVariant: 'seed-004', settings: DEFAULT_TIMESCALE_SETTINGS })
  const { wrapStore, ...appOptions } = options
  const created = createApp({ store: wrapStore ? wrapStore(store) : store, db, ...appOptions })
  const { app, injectWebSocket, rooms, auth } = created
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  injectWebSocket(server)
  const { port } = server.address() as AddressInfo
  const httpUrl = `http://127.0.0.1:${port}`

  const request: TestServer['request'] = (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers }
    if (opts.body !== undefined) headers['content-type'] ??= 'application/json'
    if (opts.as) {
      headers.cookie = opts.as.cookie
      headers['x-csrf-token'] ??= opts.as.csrfToken
    }
    return fetch(httpUrl + path, { method, headers, body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) })
  }

  return {
    httpUrl,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    dataDir,
    store,
    db,
    authorityId: authority.id,
    rooms,
    auth,
    request,
    async signUp(overrides = {}) {
      const n = ++counter
      const password = `correct horse battery ${n}`
      const user = await insertUser(
        db,
        { authorityId: authority.id, name: overrides.name ?? `Test User ${n}`, email: overrides.email ?? `user${n}@example.test`, accountRole: overrides.accountRole ?? 'staff' },
        await hashPassword(password),
      )
      const signed = await auth.signIn(user.email, password, `test-${n}`)
      return { id: user.id, email: user.email, password, name: user.name, cookie: `cg_session=${signed.token}`, csrfToken: signed.csrfToken }
    },
    async stop() {
      created.stop()
      await rooms.closeAll()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        ;(server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.()
      })
      await store.close()
      await db.destroy()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
