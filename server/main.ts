/**
 * Starts coregroup: reads the configuration, opens the store, serves HTTP and the sync websocket, and
 * prints the URL to open. SIGINT/SIGTERM close connections, compact rooms and close the store.
 * @module
 */
import { serve } from '@hono/node-server'
import { join } from 'node:path'
import { createApp } from './app.ts'
import { bootstrapFirstAdmin } from './bootstrap.ts'
import { ConfigError, loadConfig } from './config.ts'
import { openSqliteRows } from './db/open.ts'
import { errorSummary, log } from './log.ts'
import { openSqlite } from './store/sqlite/database.ts'
import { SqliteDocumentStore } from './store/sqlite/sqlite-document-store.ts'

async function main(): Promise<void> {
  const config = loadConfig()
  const sqlite = openSqlite(config.dataDir)
  const store = new SqliteDocumentStore(sqlite)
  const db = await openSqliteRows(sqlite)
  const clientDir = join(import.meta.dirname, '..', 'dist')
  const { app, injectWebSocket, rooms, auth } = createApp({ store, db, clientDir })
  const first = await bootstrapFirstAdmin(db, auth)
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const host = config.host.includes(':') ? `[${config.host}]` : config.host
    const url = `http://${host}:${info.port}/`
    // The line tests and scripts wait for; keep its shape.
    console.log(`coregroup listening on ${url}`)
    if (first.kind === 'invited') console.log(`No users yet. Create the first administrator (one-time link): ${url}invite/${first.token}`)
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
    await store.close()
    await db.destroy()
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
