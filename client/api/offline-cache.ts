/**
 * The API answers a page was last shown with, kept for this tab so that a page reloaded without a
 * network (a meeting room with no signal) opens from what the device holds: the meeting, the case and
 * their members as last seen, beside the documents' own local copies. Kept in sessionStorage, per
 * signed-in user: it goes when the tab closes, and at sign-out; a different user never reads it.
 * Only GET answers are kept, and only those a page asks for with `cachedGet`.
 * @module
 */
import type * as z from 'zod'
import { api, ApiFailure } from './client.ts'

const PREFIX = 'coregroup:api:'
let owner: string | null = null

/** Whose answers are kept from now on (null: nobody's, and everything kept is deleted). */
export function setCacheOwner(userId: string | null): void {
  // Keys carry the owner, so a page load (owner not yet known) keeps what this tab's user left.
  if (userId === null || (owner !== null && userId !== owner)) clearCache()
  owner = userId
}

/** Deletes every kept answer (sign-out, another user signing in). */
export function clearCache(): void {
  try {
    for (let i = sessionStorage.length - 1; i >= 0; i--) {
      const key = sessionStorage.key(i)
      if (key?.startsWith(PREFIX)) sessionStorage.removeItem(key)
    }
  } catch {
    // storage unavailable: nothing was kept
  }
}

const keyOf = (path: string) => `${PREFIX}${owner}:${path}`

/** A GET answer, and whether it is the copy kept on this device because the server could not be reached. */
export interface Fetched<T> {
  data: T
  offline: boolean
}

/** GET `path` from the server, keeping the answer; without a network, the answer kept last time. */
export async function cachedGet<S extends z.ZodType>(path: string, schema: S): Promise<Fetched<z.infer<S>>> {
  try {
    // The answer as sent is kept (not as this page's schema reads it: another page may read more of it).
    const raw: unknown = await api('GET', path, null)
    const data = schema.parse(raw) as z.infer<S>
    if (owner) {
      try {
        sessionStorage.setItem(keyOf(path), JSON.stringify(raw))
      } catch {
        // full or unavailable: the page still works online
      }
    }
    return { data, offline: false }
  } catch (err) {
    if (!(err instanceof ApiFailure) || err.status !== 0 || !owner) throw err
    const kept = readKept(path, schema)
    if (kept === undefined) throw err
    return { data: kept, offline: true }
  }
}

function readKept<S extends z.ZodType>(path: string, schema: S): z.infer<S> | undefined {
  try {
    const raw = sessionStorage.getItem(keyOf(path))
    if (raw === null) return undefined
    const parsed = schema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}
