/**
 * Accounts and sessions: sign-in (failures slow the failing address down, sign-in-limits.ts),
 * server-side sessions with an absolute expiry and an idle timeout, sign-out, and one-time invitations.
 * Other parts subscribe to `onSessionEnded` to close that session's open sockets.
 * @module
 */
import type { User } from '../../schemas/entities/index.ts'
import type { AccountRole } from '../../schemas/roles.ts'
import { nowIso } from '../db/entity-row.ts'
import { recordAudit } from '../db/repos/audit.ts'
import {
  deleteSession,
  getInvitation,
  getPasswordReset,
  getSession,
  insertInvitation,
  insertSession,
  replacePasswordReset,
  sessionIdsOfUser,
  touchSession,
  useInvitation,
  usePasswordReset,
  type InvitationRow,
} from '../db/repos/sessions.ts'
import { countUsers, findUserByEmail, getUser, insertUser, saveUser, setPasswordHash } from '../db/repos/users.ts'
import type { Db } from '../db/schema.ts'
import { badRequest, conflict, linkNotValid, unauthenticated } from '../errors.ts'
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts'
import { DEFAULT_SIGN_IN_LIMITS, SignInLimits, SignInThrottled, type SignInLimitSettings } from './sign-in-limits.ts'
import { newToken, tokenId } from './tokens.ts'

/** Sign-in failures slow the failing account and address down (sign-in-limits.ts). */
export interface AuthSettings extends SignInLimitSettings {
  /** A session ends this long after sign-in, whatever happens. */
  sessionMaxAgeMs: number
  /** A session ends after this long without a request or an open document. */
  idleTimeoutMs: number
  /** Invitation links expire after this long. */
  invitationTtlMs: number
  /** Password-reset links expire after this long. */
  passwordResetTtlMs: number
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  sessionMaxAgeMs: 12 * 60 * 60 * 1000,
  idleTimeoutMs: 30 * 60 * 1000,
  invitationTtlMs: 7 * 24 * 60 * 60 * 1000,
  passwordResetTtlMs: 24 * 60 * 60 * 1000,
  ...DEFAULT_SIGN_IN_LIMITS,
}

/** A session's last-seen time is refreshed at most this often. */
const TOUCH_EVERY_MS = 60_000

/**
 * A session resolved this recently is not read again (issue 16 §2): a page opens its documents and
 * calls the API several times at once, each with the same cookie. Ending a session forgets it at once
 * (in every process: `forget` runs on the cluster's session-ended broadcast), so the cache never lets
 * an ended session in; it only saves the rows' reads of one that is still valid.
 */
const RESOLVED_FOR_MS = 1_000
const RESOLVED_MAX = 10_000

interface Resolved {
  signed: SignedIn
  at: number
  lastSeen: number
}

export interface SignedIn {
  user: User
  sessionId: string
  csrfToken: string
  expiresAt: string
}

export type SessionEndReason = 'sign-out' | 'expired' | 'disabled' | 'password-reset'

export class AuthService {
  private readonly limits: SignInLimits
  private readonly resolved = new Map<string, Resolved>()
  private readonly endedListeners = new Set<(sessionId: string, userId: string, reason: SessionEndReason) => void>()

  constructor(
    private readonly db: Db,
    readonly settings: AuthSettings = DEFAULT_AUTH_SETTINGS,
    private readonly now: () => number = Date.now,
  ) {
    this.limits = new SignInLimits(settings, now)
  }

  onSessionEnded(listener: (sessionId: string, userId: string, reason: SessionEndReason) => void): () => void {
    this.endedListeners.add(listener)
    return () => this.endedListeners.delete(listener)
  }

  /**
   * Checks the password and opens a session; the token goes into the cookie. An address that has been
   * failing is answered 429 (`SignInThrottled`) until its delay is over, whatever the password.
   */
  async signIn(email: string, password: string, address: string): Promise<{ token: string } & SignedIn> {
    const account = email.trim().toLowerCase()
    const waitMs = this.limits.waitMs(account, address)
    if (waitMs > 0) {
      const refused = new SignInThrottled(waitMs)
      await recordAudit(this.db, { event: 'sign-in-failed', detail: { reason: 'rate-limited', retryAfter: refused.retryAfter } })
      throw refused
    }
    const found = await findUserByEmail(this.db, account)
    const ok = await verifyPassword(password, found?.passwordHash ?? null)
    if (!found || !ok || found.user.disabledAt) {
      this.limits.failed(account, address)
      await recordAudit(this.db, { event: 'sign-in-failed', userId: found?.user.id ?? null, authorityId: found?.user.authorityId ?? null, detail: { reason: found?.user.disabledAt ? 'disabled' : 'bad-credentials' } })
      throw unauthenticated('Enter a correct email address and password')
    }
    this.limits.succeeded(account, address)
    const signed = await this.openSession(found.user)
    await recordAudit(this.db, { event: 'sign-in', userId: found.user.id, authorityId: found.user.authorityId })
    return signed
  }

  private async openSession(user: User): Promise<{ token: string } & SignedIn> {
    const token = newToken()
    const csrfToken = newToken()
    const at = new Date(this.now())
    const expiresAt = new Date(at.getTime() + this.settings.sessionMaxAgeMs).toISOString()
    const sessionId = tokenId(token)
    await insertSession(this.db, { id: sessionId, user_id: user.id, csrf_token: csrfToken, created_at: at.toISOString(), last_seen_at: at.toISOString(), expires_at: expiresAt })
    return { token, user, sessionId, csrfToken, expiresAt }
  }

  /** The signed-in user behind a cookie token, or null (and the session is ended if it expired). */
  async resolve(token: string | undefined, touch = true): Promise<SignedIn | null> {
    if (!token || token.length > 100) return null
    const id = tokenId(token)
    const t = this.now()
    const recent = this.resolved.get(id)
    if (recent && t - recent.at < RESOLVED_FOR_MS && t < Date.parse(recent.signed.expiresAt) && t - recent.lastSeen < this.settings.idleTimeoutMs) return recent.signed
    const row = await getSession(this.db, id)
    if (!row) return null
    if (t >= Date.parse(row.expires_at) || t - Date.parse(row.last_seen_at) >= this.settings.idleTimeoutMs) {
      await this.end(id, 'expired')
      return null
    }
    const user = await getUser(this.db, row.user_id)
    if (!user || user.disabledAt) {
      await this.end(id, 'expired')
      return null
    }
    // Idle time is counted in minutes: a write per request would cost a commit each for nothing.
    let lastSeen = Date.parse(row.last_seen_at)
    if (touch && t - lastSeen >= TOUCH_EVERY_MS) {
      await touchSession(this.db, id, new Date(t).toISOString())
      lastSeen = t
    }
    const signed = { user, sessionId: id, csrfToken: row.csrf_token, expiresAt: row.expires_at }
    // Only a touched (or recently touched) session is kept: an untouched look-up must not extend it.
    if (touch || t - lastSeen < TOUCH_EVERY_MS) this.remember(id, { signed, at: t, lastSeen })
    return signed
  }

  /** Forgets sessions another process ended (its broadcast), so the next request reads the rows. */
  forget(sessionIds: Iterable<string>): void {
    for (const id of sessionIds) this.resolved.delete(id)
  }

  private remember(id: string, entry: Resolved): void {
    this.resolved.delete(id)
    this.resolved.set(id, entry)
    if (this.resolved.size > RESOLVED_MAX) this.resolved.delete(this.resolved.keys().next().value!)
  }

  /** Is the session still valid (for sockets, checked periodically), without touching it. */
  async stillValid(sessionId: string): Promise<boolean> {
    const row = await getSession(this.db, sessionId)
    if (!row) return false
    const t = this.now()
    if (t >= Date.parse(row.expires_at) || t - Date.parse(row.last_seen_at) >= this.settings.idleTimeoutMs) {
      await this.end(sessionId, 'expired')
      return false
    }
    return true
  }

  /** Keeps a session alive while it has a document open and is active in it. */
  async keepAlive(sessionId: string): Promise<void> {
    await touchSession(this.db, sessionId, new Date(this.now()).toISOString())
  }

  /**
   * Disables or re-enables an account. Disabling ends every session of it at once, which closes its
   * open sockets on this process (the `onSessionEnded` listeners); another process's sockets close at
   * its next session check, since the sessions are gone from the shared store.
   */
  async setDisabled(user: User, disabled: boolean, by: string): Promise<User> {
    const saved = await saveUser(this.db, { ...user, disabledAt: disabled ? (user.disabledAt ?? new Date(this.now()).toISOString()) : null })
    if (disabled) for (const id of await sessionIdsOfUser(this.db, user.id)) await this.end(id, 'disabled')
    await recordAudit(this.db, { event: disabled ? 'account-disabled' : 'account-enabled', userId: by, authorityId: user.authorityId, detail: { account: user.id } })
    return saved
  }

  /**
   * Makes a one-time password-reset link for an account (issue 15 §8), for an administrator to give
   * to its owner; an earlier unused link of the same account stops working. Nothing changes for the
   * account until the link is used.
   */
  async issuePasswordReset(user: User, by: string): Promise<{ token: string; expiresAt: string }> {
    if (user.disabledAt) throw conflict('This account is disabled: re-enable it before making a password reset link')
    const token = newToken()
    const at = new Date(this.now())
    const expiresAt = new Date(at.getTime() + this.settings.passwordResetTtlMs).toISOString()
    await replacePasswordReset(this.db, { id: tokenId(token), user_id: user.id, authority_id: user.authorityId, created_by: by, created_at: at.toISOString(), expires_at: expiresAt, used_at: null })
    await recordAudit(this.db, { event: 'password-reset-issued', userId: by, authorityId: user.authorityId, detail: { account: user.id } })
    return { token, expiresAt }
  }

  /** The account behind a password-reset link, if the link can still be used. */
  async openPasswordReset(token: string): Promise<{ user: User; expiresAt: string; id: string }> {
    const row = token.length <= 100 ? await getPasswordReset(this.db, tokenId(token)) : null
    const user = row ? await getUser(this.db, row.user_id) : null
    if (!row || !user || row.used_at || user.disabledAt || this.now() >= Date.parse(row.expires_at)) throw linkNotValid()
    return { user, expiresAt: row.expires_at, id: row.id }
  }

  /**
   * Sets the new password from a reset link, which works once: every other session of the account
   * ends (whoever knew the old password is signed out everywhere) and a new one is opened.
   */
  async resetPassword(token: string, password: string): Promise<{ token: string } & SignedIn> {
    checkNewPassword(password)
    const { user, id } = await this.openPasswordReset(token)
    if (!(await usePasswordReset(this.db, id, new Date(this.now()).toISOString()))) throw linkNotValid()
    await setPasswordHash(this.db, user.id, await hashPassword(password))
    for (const sessionId of await sessionIdsOfUser(this.db, user.id)) await this.end(sessionId, 'password-reset')
    await recordAudit(this.db, { event: 'password-reset-used', userId: user.id, authorityId: user.authorityId })
    return this.openSession(user)
  }

  async signOut(sessionId: string): Promise<void> {
    await this.end(sessionId, 'sign-out')
  }

  private async end(sessionId: string, reason: SessionEndReason): Promise<void> {
    this.resolved.delete(sessionId)
    const row = await deleteSession(this.db, sessionId)
    if (!row) return
    if (reason === 'sign-out' || reason === 'expired') await recordAudit(this.db, { event: reason === 'sign-out' ? 'sign-out' : 'session-expired', userId: row.user_id })
    for (const l of this.endedListeners) l(sessionId, row.user_id, reason)
  }

  /** Creates a one-time, expiring invitation; returns the token for the link. */
  async invite(input: { authorityId: string; email: string; name: string; accountRole: AccountRole }, createdBy: string | null): Promise<{ token: string; expiresAt: string }> {
    const email = input.email.trim().toLowerCase()
    if (await findUserByEmail(this.db, email)) throw conflict('An account with this email address already exists', { email: 'An account with this email address already exists' })
    const token = newToken()
    const at = new Date(this.now())
    const expiresAt = new Date(at.getTime() + this.settings.invitationTtlMs).toISOString()
    await insertInvitation(this.db, { id: tokenId(token), authority_id: input.authorityId, email, name: input.name, account_role: input.accountRole, created_by: createdBy, created_at: at.toISOString(), expires_at: expiresAt, used_at: null })
    await recordAudit(this.db, { event: 'invitation-created', userId: createdBy, authorityId: input.authorityId, detail: { role: input.accountRole } })
    return { token, expiresAt }
  }

  /** Whether the store has no account yet (the sign-in page then says where the first link was printed). */
  async isFirstRun(): Promise<boolean> {
    return (await countUsers(this.db)) === 0
  }

  /** The invitation behind a link, if it can still be used. */
  async openInvitation(token: string): Promise<InvitationRow> {
    const row = token.length <= 100 ? await getInvitation(this.db, tokenId(token)) : null
    if (!row || row.used_at || this.now() >= Date.parse(row.expires_at)) throw linkNotValid()
    return row
  }

  /** Sets the password, creates the account and signs it in. The link works once. */
  async acceptInvitation(token: string, password: string, chosen: { name?: string | undefined; email?: string | undefined } = {}): Promise<{ token: string } & SignedIn> {
    checkNewPassword(password)
    const row = await this.openInvitation(token)
    // The first-run link (no one invited it) lets the first administrator choose their own name and email.
    const own = isFirstRunInvitation(row)
    if (own && (!chosen.name || !chosen.email)) {
      throw badRequest('There is a problem with your details', {
        ...(chosen.name ? {} : { name: 'Enter your full name' }),
        ...(chosen.email ? {} : { email: 'Enter your email address' }),
      })
    }
    if (!(await useInvitation(this.db, row.id, nowIso()))) throw linkNotValid()
    const identity = own ? { name: chosen.name!, email: chosen.email! } : { name: row.name, email: row.email }
    const user = await insertUser(this.db, { authorityId: row.authority_id, ...identity, accountRole: row.account_role }, await hashPassword(password))
    await recordAudit(this.db, { event: 'invitation-accepted', userId: user.id, authorityId: user.authorityId })
    return this.openSession(user)
  }
}

/** A password chosen on an invitation or a reset link: refused before anything is used up. */
function checkNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 200) {
    throw badRequest('There is a problem with the password', { password: `Password must be at least ${MIN_PASSWORD_LENGTH} characters` })
  }
}

/** The first administrator's link, made at first start by no one (server/bootstrap.ts). */
export function isFirstRunInvitation(row: Pick<InvitationRow, 'created_by' | 'account_role'>): boolean {
  return row.created_by === null && row.account_role === 'administrator'
}
