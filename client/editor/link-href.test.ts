import { describe, expect, it } from 'vitest'
import { safeLinkHref } from './link-href.ts'

describe('link addresses from the toolbar', () => {
  it('keeps web, email and phone addresses and completes bare ones', () => {
    expect(safeLinkHref('https://example.org/plan')).toBe('https://example.org/plan')
    expect(safeLinkHref('example.org')).toBe('https://example.org')
    expect(safeLinkHref('jo@example.org')).toBe('mailto:jo@example.org')
    expect(safeLinkHref('01632 960 123')).toBe('tel:01632960123')
  })

  it('refuses what the schema does not allow', () => {
    expect(safeLinkHref('javascript:alert(1)')).toBeNull()
    expect(safeLinkHref('data:text/html,hi')).toBeNull()
    expect(safeLinkHref('')).toBeNull()
    expect(safeLinkHref('two words')).toBeNull()
  })
})
