import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import { corkForTurn, streamOf } from './turn-cork.ts'

/** A ws server and client; the server side's writes to the kernel are counted. */
async function pair() {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  await once(server, 'listening')
  const accepted = once(server, 'connection') as Promise<[WebSocket]>
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`)
  await once(client, 'open')
  const [peer] = await accepted
  // Each call of the stream's _write/_writev is one system call handing bytes to the kernel.
  const stream = (peer as unknown as { _socket: Record<'_write' | '_writev', (...a: unknown[]) => void> })._socket
  const writes = { count: 0 }
  for (const m of ['_write', '_writev'] as const) {
    const orig = stream[m].bind(stream)
    stream[m] = (...a: unknown[]) => {
      writes.count++
      orig(...a)
    }
  }
  const messages: string[] = []
  client.on('message', (m) => messages.push(m.toString()))
  const send = (text: string) => {
    corkForTurn(streamOf(peer)!)
    peer.send(text)
  }
  return { server, client, peer, writes, messages, send }
}

const open: Array<{ server: WebSocketServer; client: WebSocket }> = []
afterEach(async () => {
  for (const { server, client } of open.splice(0)) {
    client.terminate()
    await new Promise((r) => server.close(r))
  }
})

async function until(cond: () => boolean) {
  while (!cond()) await new Promise((r) => setTimeout(r, 5))
}

describe('frames sent in one turn', () => {
  it('reach the peer in order, in one TCP write', async () => {
    const p = await pair()
    open.push(p)
    p.send('a')
    p.send('b')
    p.send('c')
    await until(() => p.messages.length === 3)
    expect(p.messages).toEqual(['a', 'b', 'c'])
    expect(p.writes.count).toBe(1)
  })

  it('are not held past the turn: a frame sent from a later check phase still goes, after the earlier ones', async () => {
    const p = await pair()
    open.push(p)
    p.send('first')
    setImmediate(() => setImmediate(() => p.send('later')))
    await until(() => p.messages.length === 2)
    expect(p.messages).toEqual(['first', 'later'])
  })

  it('let a close frame out: the peer sees the frames and then the close', async () => {
    const p = await pair()
    open.push(p)
    p.send('last words')
    p.peer.close(4000, 'bye')
    const [code] = (await once(p.client, 'close')) as [number]
    expect(p.messages).toEqual(['last words'])
    expect(code).toBe(4000)
  })

  it('find no stream to cork on a transport that is not ws', () => {
    expect(streamOf({ send() {} })).toBeNull()
    expect(streamOf(undefined)).toBeNull()
  })
})
