import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { waitFor } from '../../test/support/clients.ts'
import { startRedisProxy, type RedisProxy } from '../../test/support/redis-proxy.ts'
import { REDIS_URL, haveServices } from '../../test/support/services.ts'
import type { ClusterMessage, FanoutListener, FanoutMessage } from '../sync/fanout.ts'
import { RedisFanout } from './redis-fanout.ts'

const enabled = haveServices('Redis fan-out tests', { REDIS_URL })

function recorder() {
  const messages: FanoutMessage[] = []
  let resyncs = 0
  const listener: FanoutListener = { message: (m) => messages.push(m), resync: () => resyncs++ }
  return { listener, messages, resyncs: () => resyncs }
}

describe.skipIf(!enabled)('RedisFanout', () => {
  let fanouts: RedisFanout[] = []
  let proxy: RedisProxy | null = null
  // Channels of their own, so parallel test files sharing the Redis never hear each other.
  const channelPrefix = `coregroup-test:${randomBytes(4).toString('hex')}:`
  const open = async (url = REDIS_URL!) => {
    const f = new RedisFanout({ url, channelPrefix })
    fanouts.push(f)
    await waitFor(() => f.connected, 5_000, 'Redis connection')
    return f
  }
  afterEach(async () => {
    await Promise.all(fanouts.map((f) => f.close()))
    fanouts = []
    await proxy?.close()
    proxy = null
  })

  it('carries binary updates to other processes, never back to the sender', async () => {
    const [one, two] = [await open(), await open()]
    const atOne = recorder()
    const atTwo = recorder()
    await one.subscribe('demo:bin', atOne.listener)
    await two.subscribe('demo:bin', atTwo.listener)
    const data = Uint8Array.from({ length: 256 }, (_, i) => i)
    one.publish('demo:bin', { kind: 'update', data })
    one.publish('demo:bin', { kind: 'awareness-query' })
    await waitFor(() => atTwo.messages.length === 2, 5_000, 'delivery')
    const first = atTwo.messages[0]!
    expect(first.kind).toBe('update')
    expect(Array.from((first as { data: Uint8Array }).data)).toEqual(Array.from(data))
    expect(atTwo.messages[1]).toEqual({ kind: 'awareness-query' })
    expect(atOne.messages).toEqual([])
  })

  it('numbers each process\'s updates of a document from 1, and from 1 again once it closed the document', async () => {
    const [one, two] = [await open(), await open()]
    const atTwo = recorder()
    await two.subscribe('demo:seq', atTwo.listener)
    const sub = await one.subscribe('demo:seq', recorder().listener)
    const other = await one.subscribe('demo:seq-other', recorder().listener)
    for (const doc of ['demo:seq', 'demo:seq', 'demo:seq-other', 'demo:seq']) one.publish(doc, { kind: 'update', data: new Uint8Array([1]) })
    one.publish('demo:seq', { kind: 'awareness-query' }) // not counted
    sub.close()
    await one.subscribe('demo:seq', recorder().listener)
    one.publish('demo:seq', { kind: 'update', data: new Uint8Array([2]) })
    await waitFor(() => atTwo.messages.length === 5, 5_000, 'delivery')
    const from = atTwo.messages.flatMap((m) => (m.kind === 'update' ? [m.from!] : []))
    const process = one.processId.toString('hex')
    expect(from).toEqual([1, 2, 3, 1].map((seq) => ({ process, seq })))
    other.close()
  })

  it('broadcasts to every other process, never back, and sends what it could not once Redis is back', async () => {
    proxy = await startRedisProxy(REDIS_URL!)
    const [one, two, cutOff] = [await open(), await open(), await open(proxy.url)]
    const heard = { one: [] as ClusterMessage[], two: [] as ClusterMessage[] }
    one.onBroadcast((m) => heard.one.push(m))
    const stop = two.onBroadcast((m) => heard.two.push(m))
    const change = (reason: string): ClusterMessage => ({ kind: 'access-changed', change: { userIds: ['u1'], caseId: 'case_1', left: false, reason } })
    one.broadcast(change('first'))
    await waitFor(() => heard.two.length === 1, 5_000, 'the broadcast')
    expect(heard.two).toEqual([change('first')])
    expect(heard.one).toEqual([])

    await proxy.cut()
    await waitFor(() => !cutOff.connected, 5_000, 'the outage to be noticed')
    cutOff.broadcast(change('during the outage'))
    await proxy.restore()
    await waitFor(() => heard.one.length === 1 && heard.two.length === 2, 10_000, 'the missed broadcast after recovery')
    expect(heard.one).toEqual([change('during the outage')])
    stop()
    one.broadcast(change('after stop'))
    await new Promise((r) => setTimeout(r, 100))
    expect(heard.two).toHaveLength(2)
  })

  it('stops delivering after the subscription is closed', async () => {
    const [one, two] = [await open(), await open()]
    const atTwo = recorder()
    const sub = await two.subscribe('demo:gone', atTwo.listener)
    sub.close()
    const control = recorder()
    await two.subscribe('demo:other', control.listener)
    one.publish('demo:gone', { kind: 'awareness-query' })
    one.publish('demo:other', { kind: 'awareness-query' })
    await waitFor(() => control.messages.length === 1, 5_000, 'delivery on the other channel')
    expect(atTwo.messages).toEqual([])
  })

  it('after an outage, resubscribes, resyncs its rooms, and asks peers to resync what it could not publish', async () => {
    proxy = await startRedisProxy(REDIS_URL!)
    const cutOff = await open(proxy.url)
    const peer = await open()
    const atCutOff = recorder()
    const atPeer = recorder()
    await cutOff.subscribe('demo:outage', atCutOff.listener)
    await peer.subscribe('demo:outage', atPeer.listener)

    await proxy.cut()
    await waitFor(() => !cutOff.connected, 5_000, 'the outage to be noticed')
    cutOff.publish('demo:outage', { kind: 'update', data: new Uint8Array([1]) }) // cannot reach the peer
    expect(atPeer.messages).toEqual([])

    await proxy.restore()
    await waitFor(() => cutOff.connected, 10_000, 'recovery')
    await waitFor(() => atCutOff.resyncs() === 1 && atPeer.resyncs() === 1, 5_000, 'both sides to resync')
    // Subscribed again: messages flow both ways.
    peer.publish('demo:outage', { kind: 'awareness-query' })
    await waitFor(() => atCutOff.messages.length === 1, 5_000, 'delivery after recovery')
  })

  it('lets a room load at once while Redis is unreachable', async () => {
    proxy = await startRedisProxy(REDIS_URL!)
    const f = await open(proxy.url)
    await proxy.cut()
    await waitFor(() => !f.connected, 5_000, 'the outage to be noticed')
    const started = Date.now()
    const r = recorder()
    await f.subscribe('demo:down', r.listener)
    expect(Date.now() - started).toBeLessThan(500)
    await proxy.restore()
    await waitFor(() => r.resyncs() === 1, 10_000, 'a resync once Redis is back')
  })
})
