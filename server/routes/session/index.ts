/**
 * `/api/session`: sign in (POST; a slowed address is answered 429 with `Retry-After`), who am I (GET),
 * sign out (DELETE).
 * @module
 */
import { getConnInfo } from '@hono/node-server/conninfo'
import { Hono, type Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { SignInInput } from '../../../schemas/api/session.ts'
import type { AuthService, SignedIn } from '../../auth/auth-service.ts'
import { SignInThrottled } from '../../auth/sign-in-limits.ts'
import { requireAuth, SESSION_COOKIE, type AppEnv } from '../../auth/middleware.ts'
import { readJson } from '../validate.ts'

export function sessionBody(s: SignedIn) {
  const { id, name, email, accountRole, authorityId } = s.user
  return { user: { id, name, email, accountRole, authorityId }, csrfToken: s.csrfToken, expiresAt: s.expiresAt }
}

export function setSessionCookie(c: Context, token: string, expiresAt: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https',
    path: '/',
    expires: new Date(expiresAt),
  })
}

export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

export function sessionRoutes(auth: AuthService) {
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const { email, password } = await readJson(c, SignInInput)
      const signed = await auth.signIn(email, password, clientAddress(c)).catch((err: unknown) => {
        if (err instanceof SignInThrottled) c.header('Retry-After', String(err.retryAfter))
        throw err
      })
      setSessionCookie(c, signed.token, signed.expiresAt)
      return c.json(sessionBody(signed), 201)
    })
    .get('/', (c) => c.json(sessionBody(requireAuth(c))))
    // Anyone: whether the store has no account yet, so the sign-in page can say where the first link is.
    .get('/first-run', async (c) => c.json({ firstRun: await auth.isFirstRun() }))
    .delete('/', async (c) => {
      const signed = requireAuth(c)
      await auth.signOut(signed.sessionId)
      deleteCookie(c, SESSION_COOKIE, { path: '/' })
      return c.body(null, 204)
    })
}
