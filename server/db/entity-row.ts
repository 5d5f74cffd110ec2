/**
 * Reading and writing the `data` JSON of entity rows through their schemas: what comes out of the
 * store is validated like what comes in from a client.
 * @module
 */
import type * as z from 'zod'

export function parseRow<S extends z.ZodType>(schema: S, row: { data: string }): z.infer<S> {
  return schema.parse(JSON.parse(row.data))
}

/**
 * `parseRow` for rows read on every connection (a case's members and meetings, as each socket resolves
 * its access): the row is still read afresh each time, but the same JSON text is parsed and validated
 * once, and the same frozen value returned (issue 16 §2: the parse was half of `resolveAccess` in the
 * S2 profile). Frozen, since every caller shares it; at most `MEMO_ROWS` texts are kept per schema.
 */
export function parseRowShared<S extends z.ZodType>(schema: S, row: { data: string }): Readonly<z.infer<S>> {
  let memo = memos.get(schema)
  if (!memo) memos.set(schema, (memo = new Map()))
  const known = memo.get(row.data)
  if (known !== undefined) return known as z.infer<S>
  const value = deepFreeze(parseRow(schema, row))
  if (memo.size >= MEMO_ROWS) memo.delete(memo.keys().next().value!)
  memo.set(row.data, value)
  return value
}
const MEMO_ROWS = 2_000
const memos = new WeakMap<z.ZodType, Map<string, unknown>>()

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

export const nowIso = (): string => new Date().toISOString()
