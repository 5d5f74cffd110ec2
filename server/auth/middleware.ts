/**
 * Reads the session cookie on every API request, and guards state-changing requests against CSRF:
 * a signed-in request must carry the session's token in `X-CSRF-Token`, and any request with an
 * `Origin` must come from this site.
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { forbidden, unauthenticated } from '../errors.ts'
import type { AuthService, SignedIn } from './auth-service.ts'

export const SESSION_COOKIE = 'cg_session'
export const CSRF_HEADER = 'x-csrf-token'

export type AppEnv = { Variables: { auth: SignedIn | null } }

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** True when the request's Origin (if any) is this server's own. */
export function sameOrigin(c: Context): boolean {
  const origin = c.req.header('origin')
  if (!origin) return true
  const host = c.req.header('host')
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}

export function authenticate(auth: AuthService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE)
    const signed = await auth.resolve(token)
    c.set('auth', signed)
    if (!SAFE_METHODS.has(c.req.method)) {
      if (!sameOrigin(c)) throw forbidden('This request came from another site')
      if (signed && c.req.header(CSRF_HEADER) !== signed.csrfToken) throw forbidden('The form has expired: reload the page and try again')
    }
    await next()
  }
}

/** The signed-in user, or a 401. */
export function requireAuth(c: Context<AppEnv>): SignedIn {
  const signed = c.get('auth')
  if (!signed) throw unauthenticated()
  return signed
}
