/**
 * The typed API client: JSON in and out, the session's CSRF token on every state-changing request,
 * and errors as `ApiFailure` carrying the server's `{ code, message, fields }`.
 * @module
 */
import { ApiErrorBody } from '../../schemas/api/errors.ts'
import type * as z from 'zod'

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message)
  }
}

let csrfToken: string | null = null

/** Set after sign-in and on loading the session; sent as X-CSRF-Token. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

export async function api<S extends z.ZodType>(method: string, path: string, schema: S | null, body?: unknown): Promise<z.infer<S>> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken
  let res: Response
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' })
  } catch {
    throw new ApiFailure(0, 'network', 'Could not reach the server. Check your connection and try again.')
  }
  if (res.status === 204) return undefined as z.infer<S>
  const json: unknown = await res.json().catch(() => null)
  if (!res.ok) {
    const parsed = ApiErrorBody.safeParse(json)
    if (parsed.success) throw new ApiFailure(res.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.fields)
    throw new ApiFailure(res.status, 'internal', 'Something went wrong. Try again later.')
  }
  return schema ? schema.parse(json) : (json as z.infer<S>)
}
