/**
 * The servers under test, as data: each entry says how to start it and whether it is a subject
 * (coregroup, compared) or a reference (compared against). The report adds a ratio column for every
 * subject ÷ reference pair, so a new entry is all it takes to measure another configuration.
 * @module
 */
import { spawnServer, type RunningServer } from './launch-child.ts'
import { startCoregroup, startCoregroupCluster } from './launch-coregroup.ts'
import type { WireProtocol } from './job.ts'

export interface ServerUnderTest {
  id: string
  role: 'subject' | 'reference'
  description: string
  /** Measured only when named in BENCH_SERVERS (a variant, not part of the default table). */
  onRequest?: boolean
  /** Starts a fresh instance, ready for a scenario that opens at most `sockets` sockets at once. */
  start(needs: { sockets: number; documents: number }): Promise<RunningServer>
}

const LISTENING = /reference listening on port (\d+)/

async function startReference(id: string, script: string, protocol: WireProtocol, urlPath: string): Promise<RunningServer> {
  const server = await spawnServer({ label: id, script, listening: LISTENING })
  return { pid: server.pid, target: { urlTemplate: `ws://127.0.0.1:${server.port}${urlPath}`, protocol }, stop: () => server.stop() }
}

/** The PostgreSQL + Redis entry runs when both are set (as `.ci/run` sets them for the tests). */
const databaseUrl = process.env.DATABASE_URL || undefined
const redisUrl = process.env.REDIS_URL || undefined

export const SERVERS: ServerUnderTest[] = [
  {
    id: 'coregroup',
    role: 'subject',
    description: 'coregroup, SQLite store: permission check and durable acknowledgement of every update',
    start: ({ sockets, documents }) => startCoregroup({ sockets, documents }),
  },
  {
    id: 'coregroup-normal',
    role: 'subject',
    onRequest: true,
    description: 'coregroup, SQLite with COREGROUP_SQLITE_SYNC=normal (acknowledged edits survive a crash of the server, not a power cut)',
    start: ({ sockets, documents }) => startCoregroup({ label: 'coregroup-normal', sockets, documents, sqliteSync: 'normal' }),
  },
  // One process; only the node process is measured, not PostgreSQL's or Redis's memory and CPU.
  ...(databaseUrl && redisUrl
    ? [
        {
          id: 'coregroup-pg',
          role: 'subject' as const,
          description: 'coregroup, PostgreSQL store + Redis fan-out (one process; the databases are not measured)',
          start: ({ sockets, documents }: { sockets: number; documents: number }) => startCoregroup({ label: 'coregroup-pg', sockets, documents, postgres: { databaseUrl, redisUrl } }),
        },
        {
          id: 'coregroup-cluster',
          role: 'subject' as const,
          description: 'coregroup, two processes sharing PostgreSQL + Redis, every document with clients on both (CPU and RSS of both summed; the databases are not measured)',
          start: ({ sockets, documents }: { sockets: number; documents: number }) => startCoregroupCluster({ label: 'coregroup-cluster', sockets, documents, postgres: { databaseUrl, redisUrl } }, 2),
        },
      ]
    : []),
  {
    id: 'y-websocket',
    role: 'reference',
    description: '@y/websocket-server 0.1.1, in memory',
    start: () => startReference('y-websocket', 'test/bench/ref-y-websocket-server.mjs', 'y-websocket', '/{doc}'),
  },
  {
    id: 'hocuspocus',
    role: 'reference',
    description: '@hocuspocus/server 3.4.4, in memory, no extensions (document name prefixed to each message)',
    start: () => startReference('hocuspocus', 'test/bench/ref-hocuspocus.mjs', 'hocuspocus', '/'),
  },
]
