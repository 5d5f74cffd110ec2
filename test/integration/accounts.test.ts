/**
 * Accounts and sessions: sign-in, CSRF, rate limits, invitations, and sessions ending closing sockets.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { DocumentSync } from '../../client/collab/document-sync.ts'
import { CloseCode } from '../../schemas/protocol.ts'
import { listAudit } from '../../server/db/repos/audit.ts'
import { openClient, sectionText, typeInto } from '../support/clients.ts'
import { seedTestCoreGroup } from '../support/core-group.ts'
import { MisbehavingClient } from '../support/misbehaving-client.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

let server: TestServer
const clients: DocumentSync[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server.stop()
})

const json = (body: unknown) => ({ body, headers: { 'content-type': 'application/json' } })

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and returns a CSRF token', async () => {
    server = await startTestServer()
    const user = await server.signUp({ email: 'rowan@example.test' })
    const res = await server.request('POST', '/api/session', json({ email: 'Rowan@Example.test ', password: user.password }))
    expect(res.status).toBe(201)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^cg_session=[A-Za-z0-9_-]{40,};/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const body = (await res.json()) as { user: { email: string }; csrfToken: string }
    expect(body.user.email).toBe('rowan@example.test')
    const me = await fetch(`${server.httpUrl}/api/session`, { headers: { cookie: cookie.split(';')[0]! } })
    expect(me.status).toBe(200)
  })

  it('refuses a wrong password with 401 and names no account, and audits it', async () => {
    server = await startTestServer()
    const user = await server.signUp()
    const res = await server.request('POST', '/api/session', json({ email: user.email, password: 'wrong password' }))
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ error: { code: 'unauthenticated', message: 'Enter a correct email address and password' } })
    const unknown = await server.request('POST', '/api/session', json({ email: 'nobody@example.test', password: 'x' }))
    expect(await unknown.json()).toEqual({ error: { code: 'unauthenticated', message: 'Enter a correct email address and password' } })
    const events = await listAudit(server.db, { userId: user.id })
    expect(events.map((e) => e.event)).toContain('sign-in-failed')
  })

  it('rate-limits bad sign-ins per account, even with the right password afterwards', async () => {
    server = await startTestServer()
    const user = await server.signUp()
    for (let i = 0; i < 5; i++) {
      expect((await server.request('POST', '/api/session', json({ email: user.email, password: `guess ${i}` }))).status).toBe(401)
    }
    const blocked = await server.request('POST', '/api/session', json({ email: user.email, password: user.password }))
    expect(blocked.status).toBe(429)
    expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe('rate-limited')
  })

  it('rate-limits bad sign-ins per address across accounts', async () => {
    const at = Date.now()
    server = await startTestServer({ now: () => at }) // the clock stands still: the delay cannot run out
    for (let i = 0; i < 20; i++) {
      await server.request('POST', '/api/session', json({ email: `someone${i}@example.test`, password: 'guess' }))
    }
    const user = await server.signUp()
    const res = await server.request('POST', '/api/session', json({ email: user.email, password: user.password }))
    expect(res.status).toBe(429)
  })

  it('rejects malformed sign-in payloads with field errors', async () => {
    server = await startTestServer()
    const res = await server.request('POST', '/api/session', json({ email: '', extra: 1 }))
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { fields: Record<string, string> } }
    expect(Object.keys(body.error.fields).sort()).toEqual(['email', 'extra', 'password'])
    const notJson = await server.request('POST', '/api/session', { body: '{oops', headers: { 'content-type': 'application/json' } })
    expect(notJson.status).toBe(400)
  })
})

describe('CSRF and headers', () => {
  it('refuses a state-changing request without the CSRF token, or from another site', async () => {
    server = await startTestServer()
    const user = await server.signUp()
    const noToken = await server.request('DELETE', '/api/session', { as: user, headers: { 'x-csrf-token': 'wrong' } })
    expect(noToken.status).toBe(403)
    const otherSite = await server.request('DELETE', '/api/session', { as: user, headers: { origin: 'https://evil.example' } })
    expect(otherSite.status).toBe(403)
    expect((await server.request('GET', '/api/session', { as: user })).status).toBe(200)
  })

  it('sends the security headers and never a stack trace', async () => {
    server = await startTestServer()
    const res = await fetch(`${server.httpUrl}/api/nothing-here`)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/)
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/)
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    const text = await res.text()
    expect(text).not.toMatch(/at .*\.ts|node_modules|Error:/)
  })
})

describe('invitations', () => {
  it('an invitation link works once, then never again', async () => {
    server = await startTestServer()
    const admin = await server.signUp({ accountRole: 'administrator' })
    const staff = await server.signUp()
    const forbidden = await server.request('POST', '/api/invitations', { as: staff, body: { email: 'new@example.test', name: 'Nia New', accountRole: 'staff' } })
    expect(forbidden.status).toBe(403)
    const res = await server.request('POST', '/api/invitations', { as: admin, body: { email: 'new@example.test', name: 'Nia New', accountRole: 'staff' } })
    expect(res.status).toBe(201)
    const { link } = (await res.json()) as { link: string }
    const token = link.split('/invite/')[1]!
    expect((await server.request('GET', `/api/invitations/${token}`)).status).toBe(200)
    const short = await server.request('POST', `/api/invitations/${token}/accept`, json({ password: 'short' }))
    expect(short.status).toBe(400)
    const accepted = await server.request('POST', `/api/invitations/${token}/accept`, json({ password: 'a long fictional passphrase' }))
    expect(accepted.status).toBe(201)
    const again = await server.request('POST', `/api/invitations/${token}/accept`, json({ password: 'a long fictional passphrase' }))
    expect(again.status).toBe(404)
    const signIn = await server.request('POST', '/api/session', json({ email: 'new@example.test', password: 'a long fictional passphrase' }))
    expect(signIn.status).toBe(201)
  })

  it('an invitation link expires', async () => {
    let now = Date.now()
    server = await startTestServer({ now: () => now })
    const admin = await server.signUp({ accountRole: 'administrator' })
    const res = await server.request('POST', '/api/invitations', { as: admin, body: { email: 'late@example.test', name: 'Lee Late', accountRole: 'staff' } })
    const token = ((await res.json()) as { link: string }).link.split('/invite/')[1]!
    now += 8 * 24 * 60 * 60 * 1000
    expect((await server.request('GET', `/api/invitations/${token}`)).status).toBe(404)
    expect((await server.request('POST', `/api/invitations/${token}/accept`, json({ password: 'a long fictional passphrase' }))).status).toBe(404)
  })
})

describe('sessions ending close their sockets', () => {
  it('signing out closes that session’s open documents, and no further update reaches them', async () => {
    server = await startTestServer()
    const user = await server.signUp()
    const other = await server.signUp()
    const mine = openClient(server.syncUrl, 'demo:signout', user)
    const theirs = openClient(server.syncUrl, 'demo:signout', other)
    clients.push(mine, theirs)
    await Promise.all([mine.whenSynced(), theirs.whenSynced()])
    const closed = new Promise<number>((resolve) => mine.on('closed', ({ code }) => resolve(code)))
    expect((await server.request('DELETE', '/api/session', { as: user })).status).toBe(204)
    expect(await closed).toBe(CloseCode.Unauthenticated)
    typeInto(theirs.doc, 'item:purpose', 'after sign-out')
    await theirs.whenSaved()
    await new Promise((r) => setTimeout(r, 100))
    expect(sectionText(mine.doc, 'item:purpose')).toBe('')
    // And the cookie no longer opens anything.
    const again = await MisbehavingClient.connect(`${server.syncUrl}/demo:signout`, user)
    expect(again.refused).toBe(CloseCode.Unauthenticated)
  })

  it('an idle session expires and its sockets close', async () => {
    let now = Date.now()
    server = await startTestServer({ now: () => now, sessionSweepMs: 50, authSettings: { idleTimeoutMs: 60_000 } })
    const user = await server.signUp()
    const mine = openClient(server.syncUrl, 'demo:idle', user)
    clients.push(mine)
    await mine.whenSynced()
    const closed = new Promise<number>((resolve) => mine.on('closed', ({ code }) => resolve(code)))
    now += 61_000
    expect(await closed).toBe(CloseCode.Unauthenticated)
    expect((await server.request('GET', '/api/session', { as: user })).status).toBe(401)
  })

  it('a member opted out of the core group loses the case’s open documents', async () => {
    server = await startTestServer()
    const group = await seedTestCoreGroup(server)
    const doc = `meeting:${group.meeting.id}`
    const teacher = openClient(server.syncUrl, doc, group.as.teacher)
    const sw = openClient(server.syncUrl, doc, group.as.socialWorker)
    clients.push(teacher, sw)
    await Promise.all([teacher.whenSynced(), sw.whenSynced()])
    const closed = new Promise<number>((resolve) => teacher.on('closed', ({ code }) => resolve(code)))
    const res = await server.request('PATCH', `/api/cases/${group.caseRow.id}/members/${group.people.teacher.member.id}`, {
      as: group.as.socialWorker,
      body: { optedOutDate: new Date().toISOString().slice(0, 10) },
    })
    expect(res.status).toBe(200)
    expect(await closed).toBe(CloseCode.Forbidden)
    typeInto(sw.doc, 'item:note-taker', 'after the opt-out')
    await sw.whenSaved()
    await new Promise((r) => setTimeout(r, 100))
    expect(sectionText(teacher.doc, 'item:note-taker')).toBe('')
    const again = await MisbehavingClient.connect(`${server.syncUrl}/${doc}`, group.as.teacher)
    expect(again.refused).toBe(CloseCode.Forbidden)
  })
})

describe('first run', () => {
  it('an empty store says so; the first administrator chooses their own name and email on the printed link', async () => {
    server = await startTestServer()
    const firstRun = async () => ((await (await server.request('GET', '/api/session/first-run')).json()) as { firstRun: boolean }).firstRun
    expect(await firstRun()).toBe(true)
    const { bootstrapFirstAdmin } = await import('../../server/bootstrap.ts')
    const result = await bootstrapFirstAdmin(server.db, server.auth, {})
    if (result.kind !== 'invited') throw new Error('expected a one-time link')
    const opened = (await (await server.request('GET', `/api/invitations/${result.token}`)).json()) as Record<string, unknown>
    expect(opened).toMatchObject({ accountRole: 'administrator', choosesOwnDetails: true, name: '', email: '' })

    const missing = await server.request('POST', `/api/invitations/${result.token}/accept`, json({ password: 'a long fictional passphrase' }))
    expect(missing.status).toBe(400)
    expect(((await missing.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({ name: 'Enter your full name', email: 'Enter your email address' })
    const badEmail = await server.request('POST', `/api/invitations/${result.token}/accept`, json({ password: 'a long fictional passphrase', name: 'Robin Admin', email: 'not an email' }))
    expect(badEmail.status).toBe(400)
    // A refused attempt does not use up the link.
    const ok = await server.request('POST', `/api/invitations/${result.token}/accept`, json({ password: 'a long fictional passphrase', name: 'Robin Admin', email: 'Robin@Example.test' }))
    expect(ok.status).toBe(201)
    expect(((await ok.json()) as { user: { name: string; email: string; accountRole: string } }).user).toMatchObject({ name: 'Robin Admin', email: 'robin@example.test', accountRole: 'administrator' })
    expect(await firstRun()).toBe(false)
    const again = await server.request('POST', '/api/session', json({ email: 'robin@example.test', password: 'a long fictional passphrase' }))
    expect(again.status).toBe(201)
  })

  it('an ordinary invitation keeps the name and email the administrator gave', async () => {
    server = await startTestServer()
    const admin = await server.signUp({ accountRole: 'administrator' })
    const made = await server.request('POST', '/api/invitations', { as: admin, body: { name: 'Pat Parent', email: 'pat@example.test', accountRole: 'family' } })
    const { link } = (await made.json()) as { link: string }
    const token = link.split('/').at(-1)!
    const opened = (await (await server.request('GET', `/api/invitations/${token}`)).json()) as Record<string, unknown>
    expect(opened).toMatchObject({ name: 'Pat Parent', email: 'pat@example.test', choosesOwnDetails: false })
    const ok = await server.request('POST', `/api/invitations/${token}/accept`, json({ password: 'a long fictional passphrase', name: 'Someone Else', email: 'else@example.test' }))
    expect(((await ok.json()) as { user: { name: string; email: string } }).user).toMatchObject({ name: 'Pat Parent', email: 'pat@example.test' })
  })
})

describe('the users page’s actions (administrators)', () => {
  it('disabling an account closes its open documents at once and refuses its sign-in; re-enabling lets it in again', async () => {
    server = await startTestServer()
    const admin = await server.signUp({ accountRole: 'administrator' })
    const teacher = await server.signUp({ name: 'Tess Teacher', email: 'tess@example.test' })
    const mine = openClient(server.syncUrl, 'demo:disable', teacher)
    clients.push(mine)
    await mine.whenSynced()
    const closed = new Promise<number>((resolve) => mine.on('closed', ({ code }) => resolve(code)))

    expect((await server.request('PATCH', `/api/users/${teacher.id}`, { as: teacher, body: { disabled: true } })).status).toBe(403)
    expect((await server.request('PATCH', `/api/users/${admin.id}`, { as: admin, body: { disabled: true } })).status).toBe(409)
    expect((await server.request('PATCH', `/api/users/${teacher.id}`, { as: admin, body: { disabled: 'yes' } })).status).toBe(400)
    const res = await server.request('PATCH', `/api/users/${teacher.id}`, { as: admin, body: { disabled: true } })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { accounts: Array<{ id: string; disabledAt: string | null; accountRole: string }> }
    expect(body.accounts.find((a) => a.id === teacher.id)?.disabledAt).not.toBeNull()
    expect(await closed).toBe(CloseCode.Unauthenticated)
    expect((await server.request('GET', '/api/session', { as: teacher })).status).toBe(401)
    expect((await server.request('POST', '/api/session', json({ email: teacher.email, password: teacher.password }))).status).toBe(401)
    // Not offered for linking to a core group member while disabled.
    const list = (await (await server.request('GET', '/api/users', { as: admin })).json()) as { users: Array<{ id: string }> }
    expect(list.users.map((u) => u.id)).not.toContain(teacher.id)

    expect((await server.request('PATCH', `/api/users/${teacher.id}`, { as: admin, body: { disabled: false } })).status).toBe(200)
    expect((await server.request('POST', '/api/session', json({ email: teacher.email, password: teacher.password }))).status).toBe(201)
    const events = (await listAudit(server.db, {})).map((e) => e.event)
    expect(events).toEqual(expect.arrayContaining(['account-disabled', 'account-enabled']))
  })

  it('pending invitations are listed with their kind; withdrawing one kills its link; resending replaces it', async () => {
    server = await startTestServer()
    const admin = await server.signUp({ accountRole: 'administrator' })
    const invite = async (name: string, email: string, accountRole: string) =>
      ((await (await server.request('POST', '/api/invitations', { as: admin, body: { name, email, accountRole } })).json()) as { link: string }).link.split('/').at(-1)!
    const pat = await invite('Pat Parent', 'pat@example.test', 'family')
    const sam = await invite('Sam Staff', 'sam@example.test', 'staff')
    type Accounts = { accounts: Array<{ id: string; accountRole: string }>; invitations: Array<{ id: string; email: string; accountRole: string; expired: boolean }> }
    const accounts = async () => (await (await server.request('GET', '/api/users/accounts', { as: admin })).json()) as Accounts
    expect((await server.request('GET', '/api/users/accounts', { as: await server.signUp() })).status).toBe(403)
    const before = await accounts()
    expect(before.invitations.map((i) => [i.email, i.accountRole, i.expired])).toEqual([
      ['pat@example.test', 'family', false],
      ['sam@example.test', 'staff', false],
    ])
    expect(before.accounts.find((a) => a.id === admin.id)?.accountRole).toBe('administrator')

    const patId = before.invitations.find((i) => i.email === 'pat@example.test')!.id
    expect((await server.request('DELETE', `/api/invitations/pending/${patId}`, { as: admin })).status).toBe(204)
    expect((await server.request('GET', `/api/invitations/${pat}`)).status).toBe(404)
    expect((await server.request('DELETE', `/api/invitations/pending/${patId}`, { as: admin })).status).toBe(404)

    const samId = (await accounts()).invitations.find((i) => i.email === 'sam@example.test')!.id
    const resent = await server.request('POST', `/api/invitations/pending/${samId}/resend`, { as: admin })
    expect(resent.status).toBe(201)
    const fresh = ((await resent.json()) as { link: string }).link.split('/').at(-1)!
    expect((await server.request('GET', `/api/invitations/${sam}`)).status).toBe(404)
    expect((await server.request('POST', `/api/invitations/${fresh}/accept`, json({ password: 'a long fictional passphrase' }))).status).toBe(201)
    expect((await accounts()).invitations).toEqual([])
  })
  it('a password reset link sets a new password once, signs the account out everywhere else, and replaces any earlier link', async () => {
    server = await startTestServer()
    const admin = await server.signUp({ accountRole: 'administrator' })
    const teacher = await server.signUp({ name: 'Tess Teacher', email: 'tess@example.test' })
    const mine = openClient(server.syncUrl, 'demo:reset', teacher)
    clients.push(mine)
    await mine.whenSynced()
    const closed = new Promise<number>((resolve) => mine.on('closed', ({ code }) => resolve(code)))
    const issue = async () => {
      const res = await server.request('POST', `/api/users/${teacher.id}/password-reset`, { as: admin })
      expect(res.status).toBe(201)
      const body = (await res.json()) as { link: string; expiresAt: string }
      expect(body.link).toMatch(new RegExp(`^${server.httpUrl}/reset/[A-Za-z0-9_-]{40,}$`))
      return body.link.split('/reset/')[1]!
    }

    expect((await server.request('POST', `/api/users/${teacher.id}/password-reset`, { as: teacher })).status).toBe(403)
    expect((await server.request('POST', '/api/users/no-such-account/password-reset', { as: admin })).status).toBe(404)
    const first = await issue()
    const token = await issue()
    // The second link replaces the first; making a link changes nothing for the account yet.
    expect((await server.request('GET', `/api/password-resets/${first}`)).status).toBe(404)
    expect((await server.request('GET', '/api/session', { as: teacher })).status).toBe(200)
    expect(await (await server.request('GET', `/api/password-resets/${token}`)).json()).toMatchObject({ name: 'Tess Teacher', email: 'tess@example.test' })

    const short = await server.request('POST', `/api/password-resets/${token}`, json({ password: 'short' }))
    expect(short.status).toBe(400)
    expect(((await short.json()) as { error: { fields: Record<string, string> } }).error.fields.password).toBe('Password must be at least 12 characters')
    const done = await server.request('POST', `/api/password-resets/${token}`, json({ password: 'a new fictional passphrase' }))
    expect(done.status).toBe(201)
    expect(done.headers.get('set-cookie') ?? '').toMatch(/^cg_session=/)
    expect(await closed).toBe(CloseCode.Unauthenticated)
    expect((await server.request('GET', '/api/session', { as: teacher })).status).toBe(401)
    expect((await server.request('POST', '/api/session', json({ email: teacher.email, password: teacher.password }))).status).toBe(401)
    expect((await server.request('POST', '/api/session', json({ email: teacher.email, password: 'a new fictional passphrase' }))).status).toBe(201)
    expect((await server.request('POST', `/api/password-resets/${token}`, json({ password: 'another fictional passphrase' }))).status).toBe(404)

    // A disabled account gets no link; the trail says who made one and when it was used, by ids only.
    expect((await server.request('PATCH', `/api/users/${teacher.id}`, { as: admin, body: { disabled: true } })).status).toBe(200)
    expect((await server.request('POST', `/api/users/${teacher.id}/password-reset`, { as: admin })).status).toBe(409)
    const events = await listAudit(server.db, {})
    expect(events.filter((e) => e.event === 'password-reset-issued').map((e) => [e.userId, e.detail?.account])).toEqual([
      [admin.id, teacher.id],
      [admin.id, teacher.id],
    ])
    expect(events.find((e) => e.event === 'password-reset-used')?.userId).toBe(teacher.id)
    expect(JSON.stringify(events)).not.toContain('tess@example.test')
  })

  it('a password reset link expires after a day', async () => {
    let now = Date.now()
    server = await startTestServer({ now: () => now })
    const admin = await server.signUp({ accountRole: 'administrator' })
    const teacher = await server.signUp()
    const res = await server.request('POST', `/api/users/${teacher.id}/password-reset`, { as: admin })
    const token = ((await res.json()) as { link: string }).link.split('/reset/')[1]!
    now += 25 * 60 * 60 * 1000
    expect((await server.request('GET', `/api/password-resets/${token}`)).status).toBe(404)
    expect((await server.request('POST', `/api/password-resets/${token}`, json({ password: 'a new fictional passphrase' }))).status).toBe(404)
  })
})
