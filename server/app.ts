/**
 * The Hono app: health, the sync websocket, and the built client. The websocket route only adapts
 * Hono's socket to the transport-free sync core (`sync/`).
 * @module
 */
import { serveStatic } from '@hono/node-server/serve-static'
import { createNodeWebSocket } from '@hono/node-ws'
import { Hono } from 'hono'
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { MAX_FRAME_BYTES } from '../schemas/limits.ts'
import './node-polyfills.ts'
import type { DocumentStore } from './store/document-store.ts'
import { Rooms } from './sync/rooms.ts'
import { syncRoute } from './sync/sync-route.ts'

export interface AppOptions {
  store: DocumentStore
  /** Folder with the built client (vite build output); not served when missing. */
  clientDir?: string
  idleUnloadMs?: number
}

export function createApp(options: AppOptions) {
  const app = new Hono()
  const { injectWebSocket, upgradeWebSocket, wss } = createNodeWebSocket({ app })
  // ws refuses a larger frame itself (close 1009) before buffering it.
  wss.options.maxPayload = MAX_FRAME_BYTES
  const rooms = new Rooms(options.store, { idleUnloadMs: options.idleUnloadMs })

  app.get('/healthz', (c) => c.json({ status: 'ok', rooms: rooms.loadedCount }))
  app.get('/sync/:name', syncRoute(upgradeWebSocket, rooms))

  const clientDir = options.clientDir
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    const root = relative(process.cwd(), clientDir) || '.'
    app.use('/assets/*', serveStatic({ root }))
    app.get('/sw.js', serveStatic({ root, path: 'sw.js' }))
    app.get('*', serveStatic({ root, path: 'index.html' }))
  }
  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'Not found' } }, 404))
  app.onError((_err, c) => c.json({ error: { code: 'internal', message: 'Something went wrong' } }, 500))

  return { app, injectWebSocket, rooms }
}
