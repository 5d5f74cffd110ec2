/**
 * The signed-in user, loaded once from GET /api/session and shared by every page (state outside React).
 * @module
 */
import { useSyncExternalStore } from 'react'
import { SessionResponse } from '../schemas/api/session.ts'
import { api, ApiFailure, setCsrfToken } from './api/client.ts'

export type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; session: SessionResponse }

let state: SessionState = { status: 'loading' }
const listeners = new Set<() => void>()

/** Kept for this tab only, so a page reloaded without a network still knows who is signed in. */
const CACHE_KEY = 'coregroup:session'

function set(next: SessionState): void {
  state = next
  try {
    if (next.status === 'signed-in') sessionStorage.setItem(CACHE_KEY, JSON.stringify(next.session))
    else sessionStorage.removeItem(CACHE_KEY)
  } catch {
    // storage unavailable: offline reloads fall back to the sign-in page
  }
  setCsrfToken(next.status === 'signed-in' ? next.session.csrfToken : null)
  for (const l of listeners) l()
}

export async function loadSession(): Promise<void> {
  try {
    set({ status: 'signed-in', session: await api('GET', '/api/session', SessionResponse) })
  } catch (err) {
    const cached = err instanceof ApiFailure && err.status === 0 ? SessionResponse.safeParse(JSON.parse(sessionStorage.getItem(CACHE_KEY) ?? 'null')) : null
    // Offline: carry on as the user this tab was signed in as; the server checks again on reconnect.
    if (cached?.success) set({ status: 'signed-in', session: cached.data })
    else set({ status: 'signed-out' })
  }
}

export async function signIn(email: string, password: string): Promise<void> {
  set({ status: 'signed-in', session: await api('POST', '/api/session', SessionResponse, { email, password }) })
}

export function signedIn(session: SessionResponse): void {
  set({ status: 'signed-in', session })
}

export async function signOut(): Promise<void> {
  await api('DELETE', '/api/session', null).catch(() => undefined)
  // Local copies of documents stay only while signed in: clear them on this shared device.
  if ('indexedDB' in window && indexedDB.databases) {
    const dbs = await indexedDB.databases()
    await Promise.all(dbs.filter((d) => d.name?.startsWith('coregroup:')).map((d) => new Promise((r) => { const req = indexedDB.deleteDatabase(d.name!); req.onsuccess = req.onerror = req.onblocked = () => r(null) })))
  }
  set({ status: 'signed-out' })
}

export function useSession(): SessionState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => state,
  )
}
