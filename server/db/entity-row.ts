/**
 * Reading and writing the `data` JSON of entity rows through their schemas: what comes out of the
 * store is validated like what comes in from a client.
 * @module
 */
import type * as z from 'zod'

export function parseRow<S extends z.ZodType>(schema: S, row: { data: string }): z.infer<S> {
  return schema.parse(JSON.parse(row.data))
}

export const nowIso = (): string => new Date().toISOString()
