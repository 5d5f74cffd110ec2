/**
 * A TCP proxy in front of Redis that a test can cut (every connection dropped, new ones refused) and
 * restore, to simulate one server's Redis outage without touching the shared Redis.
 */
import net, { type AddressInfo } from 'node:net'

/** A TCP proxy to Redis that can be cut (every connection dropped, new ones refused) and restored. */
export interface RedisProxy {
  url: string
  cut(): Promise<void>
  restore(): Promise<void>
  close(): Promise<void>
}

export async function startRedisProxy(redisUrl: string): Promise<RedisProxy> {
  const target = new URL(redisUrl)
  const sockets = new Set<net.Socket>()
  let open = true
  const server = net.createServer((client) => {
    if (!open) return client.destroy()
    const upstream = net.connect(Number(target.port || 6379), target.hostname)
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
      s.on('error', () => {})
    }
    client.pipe(upstream).pipe(client)
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const dropAll = () => {
    for (const s of sockets) s.destroy()
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async cut() {
      open = false
      dropAll()
    },
    async restore() {
      open = true
    },
    async close() {
      open = false
      dropAll()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
