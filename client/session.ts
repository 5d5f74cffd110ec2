/**
 * The signed-in user, loaded once from GET /api/session and shared by every page (state outside React).
 * @module
 */
import { useSyncExternalStore } from 'react'
import { SessionResponse } from '../schemas/api/session.ts'
import { api, ApiFailure, setCsrfToken } from './api/client.ts'
import { setCacheOwner } from './api/offline-cache.ts'
import { deleteLocalCopies, setLocalCopiesKept } from './collab/local-persistence.ts'

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
  // A family account's device keeps nothing of the case: no API answers, no local copies (issue 14).
  const family = next.status === 'signed-in' && next.session.user.accountRole === 'family'
  setLocalCopiesKept(!family)
  // The API answers kept for offline reloads are this user's only, and go at sign-out.
  setCacheOwner(next.status === 'signed-in' && !family ? next.session.user.id : null)
  // Local copies kept before they were per user could be anyone's: never keep them past a sign-in.
  if (next.status === 'signed-in') void deleteLocalCopies(family ? next.session.user.id : null).catch(() => undefined)
  for (const l of listeners) l()
}

/**
 * A sign-out the server has not heard of yet (made offline): the session cookie is still valid, so it is
 * ended before anyone signs in or the session is loaded again. Kept in localStorage, as the cookie is
 * shared by every tab. Holds the CSRF token the sign-out request needs (useless without the cookie).
 */
const PENDING_SIGN_OUT_KEY = 'coregroup:sign-out-pending'

function pendingSignOut(): string | null {
  try {
    return localStorage.getItem(PENDING_SIGN_OUT_KEY)
  } catch {
    return null
  }
}

function setPendingSignOut(csrfToken: string | null): void {
  try {
    if (csrfToken) localStorage.setItem(PENDING_SIGN_OUT_KEY, csrfToken)
    else localStorage.removeItem(PENDING_SIGN_OUT_KEY)
  } catch {
    // storage unavailable: the server session ends when it expires
  }
}

/** Whether a DELETE /api/session that failed with `err` means the session is over (or not ours to end). */
function sessionEnded(err: unknown): boolean {
  // 401: already over; 403: the cookie now carries another session than the one the token belongs to.
  return err instanceof ApiFailure && (err.status === 401 || err.status === 403)
}

let finishing: Promise<boolean> | null = null

/** Ends the server session of an earlier offline sign-out; false while that still cannot be done. */
export function finishPendingSignOut(): Promise<boolean> {
  // One attempt at a time: a late response to a second one could delete the next user's new cookie.
  finishing ??= endPendingSession().finally(() => {
    finishing = null
  })
  return finishing
}

async function endPendingSession(): Promise<boolean> {
  const token = pendingSignOut()
  if (!token) return true
  setCsrfToken(token)
  try {
    await api('DELETE', '/api/session', null)
  } catch (err) {
    if (!sessionEnded(err)) return false
  } finally {
    setCsrfToken(state.status === 'signed-in' ? state.session.csrfToken : null)
  }
  setPendingSignOut(null)
  return true
}

if (typeof window !== 'undefined') window.addEventListener('online', () => void finishPendingSignOut())

export async function loadSession(): Promise<void> {
  // Until a sign-out made offline reaches the server, its cookie must not resume that session.
  if (!(await finishPendingSignOut())) return set({ status: 'signed-out' })
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
  // The previous user's session must end first (the server also refuses a sign-in carrying its cookie).
  await finishPendingSignOut()
  set({ status: 'signed-in', session: await api('POST', '/api/session', SessionResponse, { email, password }) })
}

export function signedIn(session: SessionResponse): void {
  set({ status: 'signed-in', session })
}

/**
 * Signs out on the server and in this browser, then deletes the user's local copies of documents (and
 * any legacy un-keyed ones), unsent edits included: on a shared computer they must not outlive the
 * session. Offline, the server session is ended as soon as the server can be reached again.
 */
export async function signOut(): Promise<void> {
  const session = state.status === 'signed-in' ? state.session : null
  try {
    await api('DELETE', '/api/session', null)
  } catch (err) {
    if (session && !sessionEnded(err)) setPendingSignOut(session.csrfToken)
  }
  // Signed out first, so the open documents close (and stop writing their local copies) at once.
  set({ status: 'signed-out' })
  await deleteLocalCopies(session?.user.id ?? null)
}

/**
 * Ends the session at once and without waiting, for "Exit this page" (issue 14): the request is sent
 * with `keepalive`, so it completes after the page has gone, and is also kept as a pending sign-out,
 * so that if it never arrived the next visit ends the session before showing anything.
 */
export function signOutOnExit(): void {
  const session = state.status === 'signed-in' ? state.session : null
  if (!session) return
  setPendingSignOut(session.csrfToken)
  try {
    void fetch('/api/session', { method: 'DELETE', headers: { accept: 'application/json', 'x-csrf-token': session.csrfToken }, credentials: 'same-origin', keepalive: true }).catch(() => undefined)
  } catch {
    // no fetch: the pending sign-out ends the session on the next visit
  }
  void deleteLocalCopies(session.user.id).catch(() => undefined)
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
