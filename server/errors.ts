/**
 * Typed errors with a status and a stable code (`ApiErrorCode` in schemas/api/errors.ts); the app's
 * one `onError` turns them into `{ error: { code, message, fields? } }`. Never a stack trace, SQL or an
 * internal path.
 * @module
 */
import type { ZodError } from 'zod'
import { ApiErrorCode, fieldErrors } from '../schemas/api/errors.ts'

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message)
  }
}

export const validationFailed = (error: ZodError) =>
  new ApiError(400, ApiErrorCode.Validation, 'There is a problem with the information you gave', fieldErrors(error))
export const badRequest = (message: string, fields?: Record<string, string>) =>
  new ApiError(400, ApiErrorCode.Validation, message, fields)
export const notFound = (what: string) => new ApiError(404, ApiErrorCode.NotFound, `${what} not found`)
export const linkNotValid = () => new ApiError(404, ApiErrorCode.NotFound, 'This link is not valid or has expired')
export const conflict = (message: string, fields?: Record<string, string>) =>
  new ApiError(409, ApiErrorCode.Conflict, message, fields)
export const unauthenticated = (message = 'Sign in to continue') => new ApiError(401, ApiErrorCode.Unauthenticated, message)
export const forbidden = (message = 'You do not have permission to do that') =>
  new ApiError(403, ApiErrorCode.Forbidden, message)
export const tooManyRequests = (message: string) => new ApiError(429, ApiErrorCode.RateLimited, message)
