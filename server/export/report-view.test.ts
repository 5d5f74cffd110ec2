import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Meeting, type Member } from '../../schemas/entities/index.ts'
import { plannedMeetingFields } from '../db/repos/meetings.ts'
import { buildMember } from '../db/repos/members.ts'
import type { VersionContext } from '../versions/version-repo.ts'
import { buildReportView } from './report-view.ts'

const member = (id: string, name: string, role: Member['role'], agency: string | null): Member => ({
  ...buildMember({ caseId: 'case_1', name, agency, role, contact: { address: null, phone: null, email: null }, sharingSecurely: 'Secure email', optedInDate: '2026-11-01', optedOutDate: null, userId: null }),
  id,
})

const members = [member('m_sw', 'Dee Lane', 'lead-social-worker', 'Children’s Social Care'), member('m_mum', 'Kim Vale', 'parent-carer', null), member('m_kid', 'Ash Vale', 'child', null)]
const meeting = Meeting.parse({ ...plannedMeetingFields(), id: 'meet_1', caseId: 'case_1', agendaVariant: 'seed-004', type: 'pre-review', date: '2026-12-16', time: '10:00', venue: 'Fictional Family Centre', onlineLink: null, chairMemberId: 'm_mum', noteTakerMemberId: 'm_sw' })
const context: VersionContext = {
  meeting,
  case: { id: 'case_1', familyName: 'Vale', children: [{ id: 'ch_1', name: 'Ash Vale', dateOfBirth: '2012-01-01' }] },
  members,
  meetings: [meeting],
  authorityName: 'Fictional Council',
  finalisedBy: { userId: 'u_1', name: 'Dee Lane' },
}

function withText(doc: Y.Doc, section: string, text: string): Y.Doc {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  doc.getXmlFragment(section).insert(0, [p])
  return doc
}

/** The blocks as lines: headings and subheadings as their text, rich text as its JSON. */
const lines = (view: ReturnType<typeof buildReportView>) => view.blocks.map((b) => ('text' in b ? b.text : JSON.stringify(b)))

describe('the joint report view', () => {
  for (const copy of ['professional', 'family'] as const) {
    it(`puts the child’s own words from the minutes under the voice of the child (${copy} copy)`, () => {
      const minutes = withText(new Y.Doc(), 'update:m_kid', 'Fictional: I want to stay at my school')
      withText(minutes, 'update:m_mum', 'Fictional parent words')
      const report = withText(new Y.Doc(), copy === 'professional' ? 'joint:voice-of-the-child' : 'draft:voice-of-the-child', 'Fictional agency summary')
      const text = lines(buildReportView({ context, report, minutes, copy, status: 'DRAFT' }))
      const voice = text.indexOf('The voice of the child')
      expect(voice).toBeGreaterThan(-1)
      expect(text[voice + 1]).toContain('Fictional agency summary')
      expect(text[voice + 2]).toBe('Ash Vale’s views, in their own words')
      expect(text[voice + 3]).toContain('Fictional: I want to stay at my school')
      // A parent's update is theirs to share under the parents' views, not the child's.
      expect(text.join('\n')).not.toContain('Fictional parent words')
    })
  }

  it('says nothing was recorded only when neither the agencies nor the child wrote anything', () => {
    const empty = lines(buildReportView({ context, report: new Y.Doc(), minutes: new Y.Doc(), copy: 'professional', status: 'DRAFT' }))
    expect(empty[empty.indexOf('The voice of the child') + 1]).toContain('Nothing recorded.')
    const childOnly = lines(buildReportView({ context, report: new Y.Doc(), minutes: withText(new Y.Doc(), 'update:m_kid', 'Fictional child words'), copy: 'professional', status: 'DRAFT' }))
    const at = childOnly.indexOf('The voice of the child')
    expect(childOnly.slice(at + 1, at + 3)).toEqual(['Ash Vale’s views, in their own words', expect.stringContaining('Fictional child words')])
  })
})
