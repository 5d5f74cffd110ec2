import { describe, expect, it } from 'vitest'
import { canStartCase } from './permissions.ts'
import { AccountRole } from './roles.ts'

describe('canStartCase', () => {
  it('lets the authority’s staff start a case, never a family account', () => {
    const allowed = AccountRole.options.filter((accountRole) => canStartCase({ accountRole }))
    expect(allowed.sort()).toEqual(['administrator', 'staff'])
  })
})
