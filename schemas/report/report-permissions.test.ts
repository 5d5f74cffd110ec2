/**
 * The joint report's sections in the permission rules (issue 12), written out by hand: who writes
 * which section of `report:<id>` and of the family's copy `report:<id>:family`, before locks.
 */
import { describe, expect, it } from 'vitest'
import { writeDecision, UNLOCKED, type Viewer } from '../permissions.ts'
import type { DocumentRef } from '../documents.ts'

const report: DocumentRef = { kind: 'report', reportId: 'meet1' }
const family: DocumentRef = { kind: 'report-family', reportId: 'meet1' }
const v = (memberId: string, role: Viewer['role']): Viewer => ({ userId: `u-${memberId}`, memberId, role, optedOut: false })
const lead = v('m-lead', 'lead-social-worker')
const teacher = v('m-teacher', 'professional')
const manager = v('m-manager', 'team-manager')
const parent = v('m-parent', 'parent-carer')

const cases: [string, Viewer, DocumentRef, string, string][] = [
  ['own contribution', teacher, report, 'contrib:m-teacher:analysis', 'ok'],
  ['own chronology', teacher, report, 'contrib:m-teacher:chronology', 'ok'],
  ['another agency’s contribution', teacher, report, 'contrib:m-visitor:analysis', 'not-writable'],
  ['the lead on a member’s contribution', lead, report, 'contrib:m-teacher:analysis', 'not-writable'],
  ['own position', teacher, report, 'position:m-teacher', 'ok'],
  ['another’s position', teacher, report, 'position:m-visitor', 'not-writable'],
  ['own comments', manager, report, 'comments:m-manager', 'ok'],
  ['another’s comments', lead, report, 'comments:m-teacher', 'not-writable'],
  ['resolutions by the lead', lead, report, 'resolutions', 'ok'],
  ['resolutions by a professional', teacher, report, 'resolutions', 'not-writable'],
  ['joint by the lead', lead, report, 'joint:analysis', 'ok'],
  ['joint by the team manager', manager, report, 'joint:analysis', 'not-writable'],
  ['the report by a parent', parent, report, 'position:m-parent', 'read-only'],
  ['a draft section in the report', lead, report, 'draft:analysis', 'unknown-section'],
  ['the shared draft by the lead', lead, family, 'draft:analysis', 'not-writable'],
  ['the shared draft by a parent', parent, family, 'draft:analysis', 'not-writable'],
  ['own views', parent, family, 'views:m-parent', 'ok'],
  ['another’s views', parent, family, 'views:m-other', 'not-writable'],
  ['own comments on the shared draft', parent, family, 'comments:m-parent', 'ok'],
  ['a contribution in the family copy', teacher, family, 'contrib:m-teacher:analysis', 'unknown-section'],
  ['control', lead, family, 'control', 'control'],
]

describe('joint report sections', () => {
  it.each(cases)('%s', (_label, viewer, doc, section, expected) => {
    const decision = writeDecision(viewer, doc, section, null, UNLOCKED)
    expect(decision.ok ? 'ok' : decision.reason).toBe(expected)
  })

  it('refuses the author’s own contribution once it is locked (submitted)', () => {
    const control = { locked: false, sections: { 'contrib:m-teacher:analysis': true as const } }
    expect(writeDecision(teacher, report, 'contrib:m-teacher:analysis', null, control)).toEqual({ ok: false, reason: 'locked' })
  })
})
