/**
 * Starts coregroup: reads the configuration, opens the store, serves HTTP and the sync websocket, and
 * prints the URL to open. SIGINT/SIGTERM close connections, compact rooms and close the store.
 * @module
 */
import { serve } from '@hono/node-server'
import { join } from 'node:path'
import { projectRoot } from './paths.ts'
import { createApp } from './app.ts'
import { bootstrapFirstAdmin } from './bootstrap.ts'
import { ConfigError, loadConfig } from './config.ts'
import { errorSummary, log } from './log.ts'
import { openStores } from './store/open-stores.ts'

async function main(): Promise<void> {
  const config = loadConfig()
  const stores = await openStores(config)
  const { store, db } = stores
  // Scale-out: with Redis, updates and presence reach every other process holding the document.
  const fanout = config.redisUrl ? new (await import('./cluster/redis-fanout.ts')).RedisFanout({ url: config.redisUrl }) : undefined
  log.info('server.stores', { store: stores.kind, fanout: fanout ? 'redis' : 'none' })
  const clientDir = join(projectRoot(), 'dist')
  const { app, injectWebSocket, rooms, auth } = createApp({ store, db, clientDir, fanout })
  const first = await bootstrapFirstAdmin(db, auth)
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const host = config.host.includes(':') ? `[${config.host}]` : config.host
    const url = `http://${host}:${info.port}/`
    // The line tests and scripts wait for; keep its shape.
    console.log(`coregroup listening on ${url}`)
    if (first.kind === 'invited') console.log(`No users yet. Open this one-time link to create the first administrator (you choose your name and email there): ${url}invite/${first.token}`)
    if (first.kind === 'created') console.log(`Created the first administrator: ${first.email}`)
  })
  injectWebSocket(server)
  server.on('error', (err) => {
    console.error(`coregroup: cannot listen on ${config.host}:${config.port}: ${errorSummary(err)}`)
    process.exit(1)
  })

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info('server.stopping', { signal })
    server.close()
    await rooms.closeAll()
    await fanout?.close()
    await stores.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(`coregroup: ${err.message}`)
  else console.error(`coregroup: failed to start: ${errorSummary(err)}`)
  process.exit(1)
})
