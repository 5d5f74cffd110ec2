/**
 * The Origin check of state-changing API requests and of the sync websocket's upgrade (issue 9 §8):
 * the `Origin` a browser sends must be this server's own origin, scheme, host and port alike, not
 * merely the same host (`https://` on the host of an `http://` server is another site).
 *
 * The server's own origin is the request's: the `Host` header, with `https` when the connection is TLS
 * or a proxy in front of the server says so with `X-Forwarded-Proto: https` (the same rule as the
 * session cookie's `Secure`). A browser cannot add that header to a cross-site request without a
 * preflight the server never grants, nor to a websocket upgrade at all.
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono'
import { forbidden } from '../errors.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The origin (`scheme://host[:port]`, default ports left out) this request reached; null without a Host. */
export function ownOrigin(c: Context): string | null {
  const host = c.req.header('host')
  if (!host) return null
  try {
    return new URL(`${schemeOf(c)}://${host}`).origin
  } catch {
    return null
  }
}

/** True when the request's Origin, if it has one, is exactly this server's own origin. */
export function sameOrigin(c: Context): boolean {
  const origin = c.req.header('origin')
  if (origin === undefined) return true
  const own = ownOrigin(c)
  if (own === null) return false
  try {
    return new URL(origin).origin === own
  } catch {
    return false
  }
}

/** Refuses (403) a state-changing request whose Origin is not this server's own. */
export function originGuard(): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method) && !sameOrigin(c)) throw forbidden('This request came from another site')
    await next()
  }
}

/**
 * `https` when the connection is TLS or the proxy in front says so. A websocket upgrade's request URL
 * is not the connection's (node-ws rebuilds it from `http://localhost`), so the socket is asked first.
 */
function schemeOf(c: Context): 'http' | 'https' {
  if (c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https') return 'https'
  const socket = (c.env as { incoming?: { socket?: { encrypted?: boolean } } } | undefined)?.incoming?.socket
  if (socket) return socket.encrypted ? 'https' : 'http'
  return new URL(c.req.url).protocol === 'https:' ? 'https' : 'http'
}
