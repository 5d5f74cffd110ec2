/**
 * Parses request bodies and params with the shared schemas; failures become 400s naming each field.
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type * as z from 'zod'
import { ApiError, badRequest, notFound, validationFailed } from '../errors.ts'
import { ID_PATTERN } from '../../schemas/documents.ts'

/** Largest JSON body the API reads. */
export const MAX_JSON_BYTES = 256 * 1024

/** The error code of a 413 (a body over `MAX_JSON_BYTES`). */
export const PAYLOAD_TOO_LARGE = 'payload-too-large'

export const payloadTooLarge = () => new ApiError(413, PAYLOAD_TOO_LARGE, 'The request body is too large (at most 256 KiB)')

/**
 * Refuses a body over `MAX_JSON_BYTES` with 413 before any route reads it, whether it declares its
 * length or not: a chunked body is counted as it arrives and never read past the limit (issue 9 §5).
 */
export function apiBodyLimit(): MiddlewareHandler {
  return bodyLimit({
    maxSize: MAX_JSON_BYTES,
    onError: () => {
      throw payloadTooLarge()
    },
  })
}

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const length = Number(c.req.header('content-length') ?? 0)
  if (length > MAX_JSON_BYTES) throw payloadTooLarge()
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    throw badRequest('The request body must be JSON (Content-Type: application/json)')
  }
  let text: string
  try {
    text = await c.req.text()
  } catch {
    throw badRequest('The request body must be valid JSON')
  }
  // `apiBodyLimit` has already refused a larger body, declared or chunked; this is a second guard.
  if (text.length > MAX_JSON_BYTES) throw payloadTooLarge()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw badRequest('The request body must be valid JSON')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw validationFailed(parsed.error)
  return parsed.data
}

/** A route's id parameter; ids that cannot exist are simply not found. */
export function idParam(c: Context, name: string, what: string): string {
  const id = c.req.param(name) ?? ''
  if (!ID_PATTERN.test(id)) throw notFound(what)
  return id
}

/**
 * A stored row merged with a change, validated with the entity schema: a change that is fine on its own
 * but breaks the whole row (a date left before the date joined) is a 400 naming the field, not a 500.
 */
export function parseMerged<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw validationFailed(parsed.error)
  return parsed.data
}
