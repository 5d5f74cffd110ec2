/**
 * Issue 9 §8: the Origin check compared the host only, so `https://` on the server's own host and
 * port passed the websocket upgrade and the API's CSRF check. Scheme, host and port must all be the
 * server's own; behind a TLS proxy (`X-Forwarded-Proto: https`) the own origin is `https://`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { CloseCode } from '../../schemas/protocol.ts'
import { openRawSocket } from '../support/clients.ts'
import { startTestServer, type TestServer, type TestUser } from '../support/server.ts'

let server: TestServer
let user: TestUser
let port: string

beforeAll(async () => {
  server = await startTestServer()
  user = await server.signUp()
  port = new URL(server.httpUrl).port
})
afterAll(() => server.stop())

/** Opens `/sync/<doc>` with `origin` (and extra headers): the close code, or 'open' once synced. */
async function upgrade(origin: string, headers: Record<string, string> = {}): Promise<number | 'open'> {
  const ws = new WebSocket(`${server.syncUrl}/demo:origin`, { headers: { cookie: user.cookie, origin, ...headers } })
  ws.on('error', () => {})
  return new Promise((resolve) => {
    // The server answers an admitted socket with its sync step 1; a refused one is closed.
    ws.once('message', () => {
      resolve('open')
      ws.close()
    })
    ws.once('close', (code) => resolve(code))
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
  })
}

/** A state-changing API request (a lock on a demo document) with `origin`. */
const lockWith = (origin: string, headers: Record<string, string> = {}) =>
  server.request('POST', '/api/documents/demo:origin/locks', { as: user, body: { locked: false }, headers: { origin, ...headers } })

const WRONG_SCHEME = () => `https://127.0.0.1:${port}`
const WRONG_PORT = () => `http://127.0.0.1:${Number(port) === 65535 ? 65534 : Number(port) + 1}`
const WRONG_HOST = () => `http://localhost:${port}`

describe('the sync upgrade', () => {
  it('is refused with 4403 from another scheme, port or host on the same machine', async () => {
    expect(await upgrade(WRONG_SCHEME())).toBe(CloseCode.Forbidden)
    expect(await upgrade(WRONG_PORT())).toBe(CloseCode.Forbidden)
    expect(await upgrade(WRONG_HOST())).toBe(CloseCode.Forbidden)
    expect(await upgrade('null')).toBe(CloseCode.Forbidden)
  })

  it('is admitted from the server’s own origin', async () => {
    expect(await upgrade(server.httpUrl)).toBe('open')
    const raw = await openRawSocket(`${server.syncUrl}/demo:origin`, user)
    raw.ws.close()
  })

  it('behind a TLS proxy (X-Forwarded-Proto: https), admits https:// and refuses http://', async () => {
    expect(await upgrade(WRONG_SCHEME(), { 'x-forwarded-proto': 'https' })).toBe('open')
    expect(await upgrade(server.httpUrl, { 'x-forwarded-proto': 'https' })).toBe(CloseCode.Forbidden)
  })
})

describe('state-changing API requests', () => {
  it('are refused with 403 from another scheme, port or host', async () => {
    for (const origin of [WRONG_SCHEME(), WRONG_PORT(), WRONG_HOST()]) {
      const res = await lockWith(origin)
      expect(res.status, origin).toBe(403)
      expect(((await res.json()) as { error: { code: string; message: string } }).error).toEqual({ code: 'forbidden', message: 'This request came from another site' })
    }
    // Anonymous too: a sign-in posted from another scheme.
    const signIn = await server.request('POST', '/api/session', { body: { email: user.email, password: user.password }, headers: { origin: WRONG_SCHEME() } })
    expect(signIn.status).toBe(403)
  })

  it('are accepted from the server’s own origin, and without an Origin', async () => {
    expect((await lockWith(server.httpUrl)).status).toBe(200)
    expect((await server.request('POST', '/api/documents/demo:origin/locks', { as: user, body: { locked: false } })).status).toBe(200)
    expect((await lockWith(WRONG_SCHEME(), { 'x-forwarded-proto': 'https' })).status).toBe(200)
  })

  it('leave reads alone: a GET from another origin is answered as usual', async () => {
    expect((await server.request('GET', '/api/session', { as: user, headers: { origin: WRONG_SCHEME() } })).status).toBe(200)
  })
})
