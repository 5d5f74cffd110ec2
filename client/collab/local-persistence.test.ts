import { describe, expect, it } from 'vitest'
import { isLegacyLocalCopy, isLocalCopyOf, localCopyName } from './local-persistence.ts'

describe('local copy names', () => {
  it('keys each copy by user and document', () => {
    expect(localCopyName('user_a1', 'meeting:m1')).toBe('coregroup:user_a1:meeting:m1')
    expect(() => localCopyName('a:b', 'meeting:m1')).toThrow()
  })

  it('tells a user’s copies from another user’s and from legacy un-keyed ones', () => {
    const mine = localCopyName('user_a', 'meeting:m1:restricted')
    expect(isLocalCopyOf('user_a', mine)).toBe(true)
    expect(isLocalCopyOf('user_ab', mine)).toBe(false)
    expect(isLocalCopyOf('user', mine)).toBe(false)
    expect(isLegacyLocalCopy(mine)).toBe(false)
    expect(isLegacyLocalCopy('coregroup:meeting:m1')).toBe(true)
    expect(isLegacyLocalCopy('coregroup:demo:offline')).toBe(true)
    expect(isLocalCopyOf('user_a', 'coregroup:meeting:m1')).toBe(false)
    expect(isLegacyLocalCopy('coregroup:session')).toBe(false)
    expect(isLegacyLocalCopy('other-app')).toBe(false)
  })
})
