/**
 * The body of every API error, `{ error: { code, message, fields? } }`, and the conversion of a zod
 * error into `fields` (one message per field, keyed by its dotted path) for the form's error summary.
 * @module
 */
import * as z from 'zod'

/** Stable error codes the API uses; clients switch on these, never on `message`. */
export const ApiErrorCode = {
  /** 400: the body or query did not parse; `fields` names each offending field. */
  Validation: 'validation-failed',
  /** 401: not signed in. */
  Unauthenticated: 'unauthenticated',
  /** 403: signed in but not allowed. */
  Forbidden: 'forbidden',
  /** 404: no such id (or not visible to this user). */
  NotFound: 'not-found',
  /** 409: the request conflicts with the current state (e.g. chair = note taker). */
  Conflict: 'conflict',
  /** 429: too many requests. */
  RateLimited: 'rate-limited',
  /** 500: the server failed; the message never carries a stack trace. */
  Internal: 'internal',
} as const
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode]

/** The key under which an error about the request as a whole (no field path) is reported. */
export const FORM_ERROR_KEY = '_'

/** The error body every non-2xx API response carries. */
export const ApiErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.string().min(1).max(64),
    message: z.string().min(1).max(1000),
    fields: z.record(z.string(), z.string()).optional(),
  }),
})
export type ApiErrorBody = z.infer<typeof ApiErrorBody>

/**
 * One message per field from a zod error, keyed by the path joined with '.' (`children.0.dateOfBirth`).
 * The first issue for a path wins (schemas list the most useful check first). Unknown keys are reported
 * on the key itself; an issue with no path goes under `FORM_ERROR_KEY`.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  // A Map, so that a client-sent key such as `__proto__` is an ordinary key.
  const fields = new Map<string, string>()
  const add = (path: readonly PropertyKey[], message: string) => {
    const key = path.length === 0 ? FORM_ERROR_KEY : path.map((p) => String(p)).join('.')
    if (!fields.has(key)) fields.set(key, message)
  }
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key], 'This field is not recognised')
    } else {
      add(issue.path, issue.message)
    }
  }
  return Object.fromEntries(fields)
}

/** The 400 body for a zod error: code `validation-failed`, a summary message and the field errors. */
export function validationErrorBody(error: z.ZodError, message = 'There is a problem with the information you gave'): ApiErrorBody {
  return { error: { code: ApiErrorCode.Validation, message, fields: fieldErrors(error) } }
}
