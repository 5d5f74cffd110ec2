import { describe, expect, it } from 'vitest'
import { paragraph } from './blocks.ts'
import { passageBlocks } from './merge.ts'
import { familyBlocks, familyReportReadable } from './sharing.ts'

const viewer = (role: 'lead-social-worker' | 'professional' | 'parent-carer' | 'child', optedOut = false) => ({ userId: 'u', memberId: 'm', role, optedOut })

describe('familyReportReadable', () => {
  it('opens the family copy to professionals always and to the family only once shared', () => {
    expect(familyReportReadable(viewer('professional'), false)).toBe(true)
    expect(familyReportReadable(viewer('parent-carer'), false)).toBe(false)
    expect(familyReportReadable(viewer('child'), false)).toBe(false)
    expect(familyReportReadable(viewer('parent-carer'), true)).toBe(true)
    expect(familyReportReadable(viewer('parent-carer', true), true)).toBe(false)
    expect(familyReportReadable({ userId: 'u', memberId: null, role: null, optedOut: false }, true)).toBe(false)
  })
})

describe('familyBlocks', () => {
  it('leaves out every block of a professionals-only contribution, heading included, and keeps the social worker’s own', () => {
    const blocks = [
      ...passageBlocks('m-teacher', 'Ada Fern (Riverside Primary)', [paragraph('Settled at school')]),
      ...passageBlocks('m-police', 'Ben Cole (Police)', [paragraph('Intelligence report')]),
      paragraph('Overall the plan is working'),
    ]
    const shared = familyBlocks(blocks, new Set(['m-police']))
    expect(JSON.stringify(shared)).not.toContain('Intelligence report')
    expect(JSON.stringify(shared)).not.toContain('Ben Cole')
    expect(shared).toHaveLength(3)
  })
})
