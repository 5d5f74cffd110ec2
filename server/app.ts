/**
 * The Hono app: security headers, the JSON API under /api, the sync websocket and the built client.
 * Errors from every route are rendered in one place as `{ error: { code, message, fields? } }`.
 * @module
 */
import { serveStatic } from '@hono/node-server/serve-static'
import { createNodeWebSocket } from '@hono/node-ws'
import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ApiErrorCode } from '../schemas/api/errors.ts'
import { MAX_FRAME_BYTES } from '../schemas/limits.ts'
import { AuthService, DEFAULT_AUTH_SETTINGS, type AuthSettings } from './auth/auth-service.ts'
import { authenticate, type AppEnv } from './auth/middleware.ts'
import type { Db } from './db/schema.ts'
import { sandboxOption } from './demo/sandbox.ts'
import { ApiError } from './errors.ts'
import { errorSummary, log } from './log.ts'
import './node-polyfills.ts'
import { apiRoutes } from './routes/index.ts'
import { originGuard } from './routes/origin.ts'
import { apiBodyLimit } from './routes/validate.ts'
import type { DocumentStore } from './store/document-store.ts'
import type { Fanout } from './sync/fanout.ts'
import { permissionHooks } from './sync/guard.ts'
import { Rooms } from './sync/rooms.ts'
import { syncRoute } from './sync/sync-route.ts'

export interface AppOptions {
  store: DocumentStore
  db: Db
  /** Folder with the built client (vite build output); not served when missing. */
  clientDir?: string
  idleUnloadMs?: number
  /** Scale-out: the channel to the other server processes (Redis); single-process when absent. */
  fanout?: Fanout
  /** How often open sockets' sessions are checked for expiry (and kept alive while in use). */
  sessionSweepMs?: number
  authSettings?: Partial<AuthSettings>
  now?: () => number
}

export function createApp(options: AppOptions) {
  const app = new Hono<AppEnv>()
  const { injectWebSocket, upgradeWebSocket, wss } = createNodeWebSocket({ app })
  // ws refuses a larger frame itself (close 1009) before buffering it.
  wss.options.maxPayload = MAX_FRAME_BYTES
  const auth = new AuthService(options.db, { ...DEFAULT_AUTH_SETTINGS, ...options.authSettings }, options.now)
  // Demo documents are kept per authority in a sandbox store of their own, never in the real one.
  const rooms = new Rooms(options.store, { idleUnloadMs: options.idleUnloadMs, hooks: permissionHooks(options.db), fanout: options.fanout, sandbox: sandboxOption() })
  // A session that ends (sign-out, expiry, a disabled account, a password reset) takes its open
  // documents with it, in every process at once (the periodic session check catches a missed message).
  auth.onSessionEnded((sessionId, userId) => {
    rooms.changeAccess({ userIds: [userId], sessionIds: [sessionId], left: true, reason: 'session ended' })
  })
  // A session another process ended is forgotten here too (the auth service keeps recent look-ups).
  options.fanout?.onBroadcast((m) => m.change.sessionIds && auth.forget(m.change.sessionIds))
  const services = { db: options.db, store: options.store, auth, rooms }
  const sweep = setInterval(() => void sweepSessions(auth, rooms), options.sessionSweepMs ?? 30_000)
  sweep.unref()

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Editors and carets set style attributes; no inline script is allowed.
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
      xContentTypeOptions: 'nosniff',
      xFrameOptions: 'DENY',
      crossOriginEmbedderPolicy: false,
    }),
  )
  app.get('/healthz', (c) => c.json({ status: 'ok', rooms: rooms.loadedCount }))
  // Origin first (scheme, host and port), then session and CSRF, then the body's size.
  app.use('/api/*', originGuard())
  app.use('/api/*', authenticate(auth))
  app.use('/api/*', apiBodyLimit())
  app.route('/api', apiRoutes(services))
  app.all('/api/*', (c) => c.json({ error: { code: ApiErrorCode.NotFound, message: 'Not found' } }, 404))
  app.get('/sync/:name', syncRoute(upgradeWebSocket, services))

  const clientDir = options.clientDir
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    const root = relative(process.cwd(), clientDir) || '.'
    app.use('/assets/*', serveStatic({ root }))
    app.get('/sw.js', serveStatic({ root, path: 'sw.js' }))
    app.get('*', serveStatic({ root, path: 'index.html' }))
  }
  app.notFound((c) => c.json({ error: { code: ApiErrorCode.NotFound, message: 'Not found' } }, 404))
  app.onError((err, c) => {
    if (err instanceof ApiError) {
      const body = { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) }
      return c.json({ error: body }, err.status)
    }
    log.error('http.unhandled', { method: c.req.method, path: new URL(c.req.url).pathname.replace(/[^/]{20,}/g, ':token'), error: errorSummary(err) })
    return c.json({ error: { code: ApiErrorCode.Internal, message: 'Something went wrong. Try again later.' } }, 500)
  })

  return { app, injectWebSocket, rooms, auth, services, stop: () => clearInterval(sweep) }
}

/**
 * Sessions with open documents: one in use since the last sweep is kept alive (editing is activity);
 * an idle or expired one is ended, which closes its sockets.
 */
async function sweepSessions(auth: AuthService, rooms: Rooms): Promise<void> {
  const active = new Map<string, boolean>()
  for (const { conn } of rooms.connections()) {
    const id = conn.identity.sessionId
    if (!id) continue
    active.set(id, (active.get(id) ?? false) || conn.takeActivity())
  }
  for (const [sessionId, used] of active) {
    try {
      if (used && (await auth.stillValid(sessionId))) await auth.keepAlive(sessionId)
      else await auth.stillValid(sessionId)
    } catch (err) {
      log.error('auth.sweep_failed', { error: errorSummary(err) })
    }
  }
}

export type Services = ReturnType<typeof createApp>['services']
