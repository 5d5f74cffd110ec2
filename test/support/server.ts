/**
 * Starts the real server in this process on port 0 with its own temp data folder, for integration
 * tests; `stop()` closes everything and removes the folder.
 */
import { serve, type ServerType } from '@hono/node-server'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { createApp } from '../../server/app.ts'
import { openSqlite } from '../../server/store/sqlite/database.ts'
import { SqliteDocumentStore } from '../../server/store/sqlite/sqlite-document-store.ts'

export interface TestServer {
  httpUrl: string
  syncUrl: string
  dataDir: string
  store: SqliteDocumentStore
  rooms: ReturnType<typeof createApp>['rooms']
  stop(): Promise<void>
}

export async function startTestServer(options: { idleUnloadMs?: number; clientDir?: string } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coregroup-test-'))
  const store = new SqliteDocumentStore(openSqlite(dataDir))
  const { app, injectWebSocket, rooms } = createApp({ store, ...options })
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  injectWebSocket(server)
  const { port } = server.address() as AddressInfo
  return {
    httpUrl: `http://127.0.0.1:${port}`,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    dataDir,
    store,
    rooms,
    async stop() {
      await rooms.closeAll()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        ;(server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.()
      })
      await store.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
