import { describe, expect, it } from 'vitest'
import { Backoff } from './backoff.ts'
import { DEFAULT_SIGN_IN_LIMITS, SignInLimits, SignInThrottled, waitInWords } from './sign-in-limits.ts'

describe('Backoff', () => {
  it('waits from the limit-th failure on, doubling up to the ceiling, and forgets', () => {
    let now = 0
    const b = new Backoff({ limit: 3, baseMs: 1000, maxMs: 8000, forgetMs: 60_000 }, () => now)
    const waits: number[] = []
    for (let i = 0; i < 7; i++) {
      b.fail('k')
      waits.push(b.waitMs('k'))
    }
    expect(waits).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000])
    now += 3000
    expect(b.waitMs('k')).toBe(5000)
    expect(b.waitMs('k', 100)).toBe(0)
    now += 60_000
    expect(b.count('k')).toBe(0)
    expect(b.waitMs('k')).toBe(0)
  })
})

describe('SignInLimits', () => {
  const limits = (now: () => number) => new SignInLimits(DEFAULT_SIGN_IN_LIMITS, now)

  it('slows the failing pair, not the account at another address', () => {
    const l = limits(() => 0)
    for (let i = 0; i < 4; i++) l.failed('a@x', 'evil')
    expect(l.waitMs('a@x', 'evil')).toBe(0)
    l.failed('a@x', 'evil')
    expect(l.waitMs('a@x', 'evil')).toBeGreaterThan(0)
    expect(l.waitMs('a@x', 'home')).toBe(0)
    l.succeeded('a@x', 'home')
    expect(l.waitMs('a@x', 'evil')).toBeGreaterThan(0)
  })

  it('a success clears only its own pair: it buys the address no guesses at other accounts', () => {
    const l = limits(() => 0)
    for (let i = 0; i < 25; i++) l.failed(`u${i}@x`, 'evil')
    l.succeeded('mine@x', 'evil')
    expect(l.waitMs('mine@x', 'evil')).toBeGreaterThan(0)
  })

  it('an account guessed at from many addresses slows each failing address from its first failure', () => {
    const l = limits(() => 0)
    for (let i = 0; i < 20; i++) l.failed('a@x', `addr${i}`)
    l.failed('a@x', 'fresh')
    expect(l.waitMs('a@x', 'fresh')).toBe(2000)
    expect(l.waitMs('a@x', 'clean')).toBe(0)
  })

  it('says how long to wait in words and in whole seconds', () => {
    expect(new SignInThrottled(1).retryAfter).toBe(1)
    expect(new SignInThrottled(61_000).message).toBe('Too many failed sign-in attempts. Wait 2 minutes and try again.')
    expect(waitInWords(1)).toBe('Wait 1 second')
    expect(waitInWords(30)).toBe('Wait 30 seconds')
  })
})
