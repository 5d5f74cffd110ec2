import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CONTROL_SECTION, parseDocumentName } from '../../schemas/documents.ts'
import { MINUTES_LAYOUT_KEY } from '../../schemas/templates/minutes-layout.ts'
import { withDocumentLayout, type DocumentAccess } from './access.ts'

const access: DocumentAccess = {
  doc: parseDocumentName('meeting:m-1')!,
  caseId: 'case-1',
  authorityId: 'la-1',
  viewer: { userId: 'u-1', memberId: 'mem-1', role: 'lead-social-worker', optedOut: false },
  meetingRoles: { chairMemberId: 'mem-1', noteTakerMemberId: 'mem-1' },
  sections: new Set(['item:today-agenda', 'item:plan', 'attendance']),
}

const entry = (key: string) => ({ section: `item:${key}`, title: key, prompt: '' })

describe('a meeting document’s sections follow the layout it was created with', () => {
  it('replaces the agenda sections by the stored layout, for every socket that opens it', () => {
    const doc = new Y.Doc()
    doc.getMap(CONTROL_SECTION).set(MINUTES_LAYOUT_KEY, [entry('welcome'), entry('risks')])
    for (let i = 0; i < 3; i++) {
      expect([...withDocumentLayout(access, doc).sections].sort()).toEqual(['attendance', 'item:risks', 'item:welcome'])
    }
  })

  it('follows a layout written again', () => {
    const doc = new Y.Doc()
    const control = doc.getMap(CONTROL_SECTION)
    control.set(MINUTES_LAYOUT_KEY, [entry('welcome')])
    expect(withDocumentLayout(access, doc).sections.has('item:welcome')).toBe(true)
    control.set(MINUTES_LAYOUT_KEY, [entry('review')])
    const sections = withDocumentLayout(access, doc).sections
    expect(sections.has('item:review')).toBe(true)
    expect(sections.has('item:welcome')).toBe(false)
  })

  it('keeps the agenda it was given when the stored layout is missing or malformed', () => {
    const doc = new Y.Doc()
    expect(withDocumentLayout(access, doc)).toBe(access)
    doc.getMap(CONTROL_SECTION).set(MINUTES_LAYOUT_KEY, [{ section: 'item:x' }])
    expect(withDocumentLayout(access, doc)).toBe(access)
    doc.getMap(CONTROL_SECTION).set(MINUTES_LAYOUT_KEY, 'not a layout')
    expect(withDocumentLayout(access, doc)).toBe(access)
  })
})
