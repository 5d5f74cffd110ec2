/**
 * How fast failed sign-ins slow down whoever makes them (issue 9): per account and address, and per
 * address, with delays that double from one failure to the next (answered 429 with `Retry-After`),
 * never a lockout. A guesser is slowed at their own address; the real user, signing in from an address
 * that has not been failing, gets in at once however hard someone else is guessing at their account.
 *
 * Per account, across addresses: once the account has had `failuresPerAccount` recent failures (guesses
 * spread over many addresses), any address that fails on it pays the doubling delays from its first
 * wrong guess. A success clears only its own account and address pair:
 * signing in to one's own account does not buy an address more guesses at others.
 * @module
 */
import { ApiErrorCode } from '../../schemas/api/errors.ts'
import { ApiError } from '../errors.ts'
import { Backoff } from './backoff.ts'

export interface SignInLimitSettings {
  /** Failed sign-ins per account and address after which each brings a delay. */
  failuresPerPair: number
  /** Failed sign-ins per address, across accounts, after which each brings a delay. */
  failuresPerAddress: number
  /** Recent failures of one account, across addresses, after which its failing addresses are slowed from their first. */
  failuresPerAccount: number
  /** The first delay; each further failure doubles it, up to `maxFailureDelayMs`. */
  failureDelayMs: number
  maxFailureDelayMs: number
  /** Failures are forgotten this long after the last one. */
  failureMemoryMs: number
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimitSettings = {
  failuresPerPair: 5,
  failuresPerAddress: 20,
  failuresPerAccount: 20,
  failureDelayMs: 2000,
  maxFailureDelayMs: 15 * 60 * 1000,
  failureMemoryMs: 60 * 60 * 1000,
}

/** The key of one account (normalised email) at one address. */
const pairKey = (account: string, address: string) => `${address}\n${account}`

export class SignInLimits {
  private readonly byPair: Backoff
  private readonly byAddress: Backoff
  private readonly byAccount: Backoff

  constructor(
    private readonly settings: SignInLimitSettings,
    now: () => number = Date.now,
  ) {
    const policy = (limit: number) => ({ limit, baseMs: settings.failureDelayMs, maxMs: settings.maxFailureDelayMs, forgetMs: settings.failureMemoryMs })
    this.byPair = new Backoff(policy(settings.failuresPerPair), now)
    this.byAddress = new Backoff(policy(settings.failuresPerAddress), now)
    this.byAccount = new Backoff(policy(settings.failuresPerAccount), now)
  }

  /** Milliseconds before `address` may try to sign in to `account` again; 0 when it may try now. */
  waitMs(account: string, address: string): number {
    const underAttack = this.byAccount.count(account) >= this.settings.failuresPerAccount
    const pairWait = this.byPair.waitMs(pairKey(account, address), underAttack ? 1 : this.settings.failuresPerPair)
    return Math.max(pairWait, this.byAddress.waitMs(address))
  }

  failed(account: string, address: string): void {
    this.byPair.fail(pairKey(account, address))
    this.byAddress.fail(address)
    this.byAccount.fail(account)
  }

  succeeded(account: string, address: string): void {
    this.byPair.reset(pairKey(account, address))
  }
}

/** Whole seconds to wait, for `Retry-After` (at least 1). */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000))
}

/** "Wait 2 seconds", "Wait 4 minutes": the delay in words for the sign-in page. */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return `Wait ${seconds} second${seconds === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  return `Wait ${minutes} minute${minutes === 1 ? '' : 's'}`
}

/** The 429 a slowed sign-in gets; the session route sends `retryAfter` as the `Retry-After` header. */
export class SignInThrottled extends ApiError {
  readonly retryAfter: number

  constructor(waitMs: number) {
    const seconds = retryAfterSeconds(waitMs)
    super(429, ApiErrorCode.RateLimited, `Too many failed sign-in attempts. ${waitInWords(seconds)} and try again.`)
    this.retryAfter = seconds
  }
}
