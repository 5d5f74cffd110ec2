/**
 * Scale-out test helpers: an in-process server node on PostgreSQL (a test schema) and Redis — each node
 * its own stores, rooms and Redis connections, as a separate process would have — and clients that
 * know every node.
 */
import { serve, type ServerType } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import WebSocket from 'ws'
import { DocumentSync } from '../../client/collab/document-sync.ts'
import { createApp } from '../../server/app.ts'
import { bootstrapFirstAdmin } from '../../server/bootstrap.ts'
import { RedisFanout } from '../../server/cluster/redis-fanout.ts'
import { openStores, type Stores } from '../../server/store/open-stores.ts'

export const CLUSTER_ADMIN = { COREGROUP_ADMIN_EMAIL: 'cluster-admin@example.test', COREGROUP_ADMIN_PASSWORD: 'a long fictional cluster passphrase' }

export interface ClusterNode {
  httpUrl: string
  syncUrl: string
  rooms: ReturnType<typeof createApp>['rooms']
  fanout: RedisFanout
  stores: Stores
  stop(): Promise<void>
}

/** Starts a node on `schema` (migrating it, and making the administrator when there is none). */
export async function startClusterNode(options: { databaseUrl: string; schema: string; redisUrl: string }): Promise<ClusterNode> {
  const stores = await openStores({ dataDir: '', databaseUrl: options.databaseUrl, pgSchema: options.schema })
  const fanout = new RedisFanout({ url: options.redisUrl })
  const created = createApp({ store: stores.store, db: stores.db, fanout })
  await bootstrapFirstAdmin(stores.db, created.auth, CLUSTER_ADMIN)
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: created.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  created.injectWebSocket(server)
  const { port } = server.address() as AddressInfo
  return {
    httpUrl: `http://127.0.0.1:${port}`,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    rooms: created.rooms,
    fanout,
    stores,
    async stop() {
      created.stop()
      await created.rooms.closeAll()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        ;(server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.()
      })
      await fanout.close()
      await stores.close()
    },
  }
}

/** Signs in over HTTP as the cluster administrator; the cookie is good on every node (shared rows). */
export async function signIn(httpUrl: string): Promise<{ cookie: string; csrfToken: string }> {
  const res = await fetch(`${httpUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: CLUSTER_ADMIN.COREGROUP_ADMIN_EMAIL, password: CLUSTER_ADMIN.COREGROUP_ADMIN_PASSWORD }),
  })
  if (res.status !== 201) throw new Error(`sign-in failed: ${res.status}`)
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrfToken }
}

/** A client that tries each of `syncUrls` in turn (after each closed connection), signed in by cookie. */
export function openClusterClient(syncUrls: string[], name: string, session: { cookie: string }): DocumentSync {
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie: session.cookie, origin: `http://${new URL(url).host}` } })
    }
  }
  return new DocumentSync({
    serverUrl: syncUrls[0]!,
    serverUrls: syncUrls.slice(1),
    name,
    WebSocketImpl: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    maxBackoffTime: 200,
  })
}
