/**
 * Issue 9, "smaller holes": failed sign-ins slow the guesser down without locking the real user out.
 * Requests come from real, distinct loopback addresses (127.0.0.2, 127.0.0.3, …), so the server's
 * per-address limits see exactly what they would see in production. The server's clock is frozen (and
 * moved by hand), so no delay runs out while a test is slow.
 */
import { request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { listAudit } from '../../server/db/repos/audit.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

let server: TestServer
afterEach(() => server.stop())

interface Answer {
  status: number
  retryAfter: string | null
  body: { error?: { code: string; message: string } }
}

/** POST /api/session from the loopback address `from`. */
function signInFrom(from: string, email: string, password: string): Promise<Answer> {
  const url = new URL('/api/session', server.httpUrl)
  const body = JSON.stringify({ email, password })
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] ?? null, body: JSON.parse(text) as Answer['body'] }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** A server whose clock stands still unless a test moves it. */
const frozenServer = () => {
  const at = Date.now()
  return startTestServer({ now: () => at })
}

const ATTACKER = '127.0.0.2'
const REAL_USER = '127.0.0.3'

describe('sign-in limits', () => {
  it('slows the guessing address with 429 and Retry-After, while the real user signs in at once from another', async () => {
    server = await frozenServer()
    const user = await server.signUp()
    const answers: Answer[] = []
    for (let i = 0; i < 12; i++) answers.push(await signInFrom(ATTACKER, user.email, `guess ${i}`))
    // The real user, from an address that has not been failing, is not held up at all.
    const real = await signInFrom(REAL_USER, user.email, user.password)
    expect(real.status).toBe(201)
    // The first guesses are answered; then the attacker is told to wait, whatever it sends.
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([401, 401, 401, 401, 401])
    const slowed = answers.filter((a) => a.status === 429)
    expect(slowed.length).toBeGreaterThan(0)
    for (const a of slowed) {
      expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1)
      expect(a.body.error?.code).toBe('rate-limited')
    }
    const withRightPassword = await signInFrom(ATTACKER, user.email, user.password)
    expect(withRightPassword.status).toBe(429)
    expect(Number(withRightPassword.retryAfter)).toBeGreaterThanOrEqual(1)
    // And every refusal is in the audit trail.
    const events = await listAudit(server.db, {})
    expect(events.filter((e) => e.event === 'sign-in-failed' && e.detail?.reason === 'rate-limited').length).toBe(slowed.length + 1)
    expect(events.filter((e) => e.event === 'sign-in-failed' && e.userId === user.id && e.detail?.reason === 'bad-credentials').length).toBe(12 - slowed.length)
    expect(events.some((e) => e.event === 'sign-in' && e.userId === user.id)).toBe(true)
  })

  it('the delays grow with each failure, and end: the attacker may try again once the wait is over', async () => {
    let now = Date.now()
    server = await startTestServer({ now: () => now })
    const user = await server.signUp()
    const waits: number[] = []
    for (let i = 0; i < 9; i++) {
      const a = await signInFrom(ATTACKER, user.email, `guess ${i}`)
      if (a.status === 429) {
        waits.push(Number(a.retryAfter))
        now += Number(a.retryAfter) * 1000
        expect((await signInFrom(ATTACKER, user.email, `guess ${i}`)).status).toBe(401)
      }
    }
    expect(waits.length).toBeGreaterThanOrEqual(2)
    for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeGreaterThan(waits[i - 1]!)
    // Nobody is locked out for the old 15 minutes after five guesses: the right password works after the wait.
    const last = await signInFrom(ATTACKER, user.email, user.password)
    expect(last.status).toBe(429)
    now += Number(last.retryAfter) * 1000
    expect((await signInFrom(ATTACKER, user.email, user.password)).status).toBe(201)
  })

  it('slows an address guessing across many accounts, but not the accounts’ owners elsewhere', async () => {
    server = await frozenServer()
    const user = await server.signUp()
    const statuses: number[] = []
    for (let i = 0; i < 25; i++) statuses.push((await signInFrom(ATTACKER, `someone${i}@example.test`, 'guess')).status)
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true)
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429])
    expect((await signInFrom(ATTACKER, user.email, user.password)).status).toBe(429)
    expect((await signInFrom(REAL_USER, user.email, user.password)).status).toBe(201)
  })

  it('once an account is guessed at from many addresses, each failing address is slowed from its first wrong guess', async () => {
    server = await frozenServer()
    const user = await server.signUp()
    for (let i = 0; i < 20; i++) expect((await signInFrom(`127.0.1.${i + 1}`, user.email, `guess ${i}`)).status).toBe(401)
    const next = '127.0.2.1'
    expect((await signInFrom(next, user.email, 'guess again')).status).toBe(401)
    expect((await signInFrom(next, user.email, 'and again')).status).toBe(429)
    // The real user still gets in from a clean address.
    expect((await signInFrom(REAL_USER, user.email, user.password)).status).toBe(201)
  })
})
