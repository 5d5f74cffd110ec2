/**
 * Issue 9 §5: a request body without Content-Length (chunked) was read whole before its size was
 * checked, so 300 MB to `POST /api/session`, unauthenticated, raised the server's memory by 613 MiB.
 * The limit (256 KiB) now holds for chunked bodies too: the server answers 413 once the limit is
 * passed, without waiting for the rest. Requests go through node:http so that the body really is
 * chunked and its pace is the test's.
 */
import { request, type IncomingMessage } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_JSON_BYTES, PAYLOAD_TOO_LARGE } from '../../server/routes/validate.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.stop())

interface ChunkedAnswer {
  status: number
  body: { error?: { code: string; message: string } } | null
  /** Bytes of body the client had handed to its socket when the answer's headers arrived. */
  sentBeforeAnswer: number
}

/**
 * POSTs `total` bytes (a JSON string, so the body starts as valid JSON) in 64 KiB chunks without a
 * Content-Length, one chunk at a time; stops sending as soon as the answer arrives.
 */
function postChunked(path: string, total: number): Promise<ChunkedAnswer> {
  const url = new URL(path, server.httpUrl)
  return new Promise((resolve, reject) => {
    let sent = 0
    let answered: IncomingMessage | null = null
    let sentBeforeAnswer = 0
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.httpUrl } }, (res) => {
      answered = res
      sentBeforeAnswer = sent
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => {
        req.destroy()
        resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as ChunkedAnswer['body']) : null, sentBeforeAnswer })
      })
    })
    // The server may close the connection while the client is still sending: not a failure here.
    req.on('error', (err) => (answered ? undefined : reject(err)))
    const chunk = Buffer.alloc(64 * 1024, 'a')
    const pump = () => {
      if (answered || req.destroyed) return
      if (sent === 0) {
        req.write('"')
        sent += 1
      }
      if (sent + chunk.length >= total) {
        req.end(Buffer.concat([chunk.subarray(0, total - sent - 1), Buffer.from('"')]))
        sent = total
        return
      }
      sent += chunk.length
      // The next chunk only once this one is in the socket, and after a turn of the event loop, so
      // the answer can be seen between chunks.
      req.write(chunk, () => setTimeout(pump, 1))
    }
    pump()
  })
}

describe('request bodies over the limit', () => {
  it('answers 413 to a chunked body of 16 MiB without reading it all, and stays responsive', async () => {
    const total = 16 * 1024 * 1024
    const answer = await postChunked('/api/session', total)
    expect(answer.status).toBe(413)
    expect(answer.body?.error?.code).toBe(PAYLOAD_TOO_LARGE)
    expect(answer.body?.error?.message).toMatch(/too large/)
    // The answer came once the limit was passed (plus what socket buffers hold), not after the body.
    expect(answer.sentBeforeAnswer).toBeLessThan(4 * 1024 * 1024)
    expect(answer.sentBeforeAnswer).toBeLessThan(total)
    const started = performance.now()
    expect((await fetch(`${server.httpUrl}/healthz`)).status).toBe(200)
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('answers 413 to a declared Content-Length over the limit, before reading the body', async () => {
    const res = await server.request('POST', '/api/session', { body: JSON.stringify({ email: 'x@example.test', password: 'p'.repeat(MAX_JSON_BYTES) }) })
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(PAYLOAD_TOO_LARGE)
  })

  it('still reads a chunked body under the limit', async () => {
    const user = await server.signUp()
    const body = JSON.stringify({ email: user.email, password: user.password })
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(new URL('/api/session', server.httpUrl), { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      })
      req.on('error', reject)
      // Two writes without a Content-Length: node sends the body chunked.
      req.write(body.slice(0, 10))
      req.end(body.slice(10))
    })
    expect(status).toBe(201)
  })
})
