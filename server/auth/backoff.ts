/**
 * Increasing delays after failures, per key (an account and address pair, an address, an account):
 * once a key has failed `limit` times it waits `baseMs` before it may try again, and each further
 * failure doubles the wait, up to `maxMs`. A key's failures are forgotten `forgetMs` after its last one, or
 * when it is reset. Nothing is ever locked for longer than `maxMs` after a failure. In memory, per
 * process.
 * @module
 */

export interface BackoffPolicy {
  /** The failure that brings the first delay (those before it cost nothing). */
  limit: number
  /** The delay after the `limit`-th failure; each further one doubles it. */
  baseMs: number
  maxMs: number
  /** Failures are forgotten this long after the key's last one (longer than `maxMs`). */
  forgetMs: number
}

interface Failures {
  count: number
  last: number
}

/** Doublings past this make no difference under any sane `maxMs` (and keep `2 **` finite). */
const MAX_DOUBLINGS = 30

export class Backoff {
  private readonly failures = new Map<string, Failures>()

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** Failures of `key` still remembered. */
  count(key: string): number {
    return this.current(key)?.count ?? 0
  }

  /** Milliseconds before `key` may try again (0: now); `limit` overrides the policy's (at least 1). */
  waitMs(key: string, limit = this.policy.limit): number {
    const f = this.current(key)
    const from = Math.max(1, limit)
    if (!f || f.count < from) return 0
    const delay = Math.min(this.policy.baseMs * 2 ** Math.min(f.count - from, MAX_DOUBLINGS), this.policy.maxMs)
    return Math.max(0, f.last + delay - this.now())
  }

  /** Counts a failure of `key`. */
  fail(key: string): void {
    const t = this.now()
    const f = this.current(key)
    this.failures.set(key, { count: (f?.count ?? 0) + 1, last: t })
    if (this.failures.size > 10_000) this.prune(t)
  }

  reset(key: string): void {
    this.failures.delete(key)
  }

  private current(key: string): Failures | null {
    const f = this.failures.get(key)
    if (!f) return null
    if (this.now() - f.last < this.policy.forgetMs) return f
    this.failures.delete(key)
    return null
  }

  private prune(t: number): void {
    for (const [k, f] of this.failures) if (t - f.last >= this.policy.forgetMs) this.failures.delete(k)
  }
}
