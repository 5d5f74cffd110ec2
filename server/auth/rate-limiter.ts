/**
 * A fixed-window counter per key (an account's email, a client address): sign-in attempts past the
 * limit are refused until the window ends. In memory, per process.
 * @module
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when `key` is already over the limit (does not count an attempt). */
  blocked(key: string): boolean {
    const w = this.windows.get(key)
    return !!w && this.now() - w.start < this.windowMs && w.count >= this.limit
  }

  /** Counts a failed attempt. */
  hit(key: string): void {
    const t = this.now()
    const w = this.windows.get(key)
    if (!w || t - w.start >= this.windowMs) this.windows.set(key, { start: t, count: 1 })
    else w.count++
    if (this.windows.size > 10_000) this.prune(t)
  }

  reset(key: string): void {
    this.windows.delete(key)
  }

  private prune(t: number): void {
    for (const [k, w] of this.windows) if (t - w.start >= this.windowMs) this.windows.delete(k)
  }
}
