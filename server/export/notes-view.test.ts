import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Meeting, type Member } from '../../schemas/entities/index.ts'
import { agendaFor, minutesLayout } from '../../schemas/templates/index.ts'
import { initialMinutesUpdate } from '../cases/minutes-document.ts'
import { plannedMeetingFields } from '../db/repos/meetings.ts'
import { buildMember } from '../db/repos/members.ts'
import type { VersionContext } from '../versions/version-repo.ts'
import { buildNotesView } from './notes-view.ts'

const member = (id: string, name: string, role: Member['role'], agency: string | null): Member => ({
  ...buildMember({ caseId: 'case_1', name, agency, role, contact: { address: null, phone: null, email: null }, sharingSecurely: 'Secure email', optedInDate: '2026-11-01', optedOutDate: null, userId: null }),
  id,
})

const members = [member('m_sw', 'Dee Lane', 'lead-social-worker', 'Children’s Social Care'), member('m_mum', 'Kim Vale', 'parent-carer', null)]
const meeting = Meeting.parse({ ...plannedMeetingFields(), id: 'meet_1', caseId: 'case_1', agendaVariant: 'seed-004', type: 'first', date: '2026-12-16', time: '10:00', venue: 'Fictional Family Centre', onlineLink: null, chairMemberId: 'm_mum', noteTakerMemberId: 'm_sw' })
const context: VersionContext = {
  meeting,
  case: { id: 'case_1', familyName: 'Vale', children: [{ id: 'ch_1', name: 'Ash Vale', dateOfBirth: '2020-01-01' }] },
  members,
  meetings: [meeting, { id: 'meet_2', date: '2027-01-13', time: '14:00', venue: 'Fictional Family Centre', onlineLink: null, type: 'subsequent' }],
  authorityName: 'Fictional Council',
  finalisedBy: { userId: 'u_1', name: 'Dee Lane' },
}

function minutes(): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, initialMinutesUpdate(minutesLayout(agendaFor('seed-004', 'first'))))
  return doc
}

describe('the notes view', () => {
  it('follows seed 004’s notes format, heading by heading', () => {
    const view = buildNotesView({ context, minutes: minutes(), plan: new Y.Doc(), restricted: null, copy: 'family', status: 'Version 1' })
    expect(view.held).toBe('Held at 10:00 on Wednesday 16 December 2026, Fictional Family Centre')
    expect(view.blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text)).toEqual([
      'Note taker',
      'Introductions and apologies',
      'Purpose of the meeting and explanation to family members about the role of the core group',
      'Confirmation of core group membership and recording of contact details',
      'Copies of the outline protection plan',
      'Assessment: contributions and arrangements for completion',
      'Parents’ and carers’ views',
      'Progress against the outline plan, and the detailed plan',
      'Anything else about the child’s safety and welfare',
      'Protection plan: actions agreed',
      'Voice of the child',
      'Dates, times and venues of core group meetings',
    ])
    expect(view.blocks).toContainEqual({ kind: 'people', label: 'Note taker', people: [{ name: 'Dee Lane', agency: 'Children’s Social Care' }] })
    expect(view.blocks).toContainEqual({ kind: 'people', label: 'Attendance not recorded', people: [{ name: 'Dee Lane', agency: 'Children’s Social Care' }, { name: 'Kim Vale', agency: null }] })
    expect(view.blocks).toContainEqual({ kind: 'meetings', rows: [{ when: 'Wednesday 13 January 2027 at 14:00', where: 'Fictional Family Centre', type: 'Core group' }] })
  })

  it('adds the professionals-only notes to the professional copy only', () => {
    const restricted = new Y.Doc()
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText('Fictional restricted words')])
    restricted.getXmlFragment('notes').insert(0, [p])
    const pro = buildNotesView({ context, minutes: minutes(), plan: new Y.Doc(), restricted, copy: 'professional', status: 'Version 1' })
    expect(JSON.stringify(pro.blocks)).toContain('Fictional restricted words')
    const family = buildNotesView({ context, minutes: minutes(), plan: new Y.Doc(), restricted: null, copy: 'family', status: 'Version 1' })
    expect(JSON.stringify(family)).not.toContain('Professionals-only')
  })

  it('puts the child’s own views under the voice of the child, not among the members’ updates', () => {
    const child = member('m_kid', 'Ash Vale', 'child', null)
    const doc = minutes()
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText('I like my new school')])
    doc.getXmlFragment('update:m_kid').insert(0, [p])
    const view = buildNotesView({ context: { ...context, members: [...members, child] }, minutes: doc, plan: new Y.Doc(), restricted: null, copy: 'family', status: 'Version 1' })
    const texts = view.blocks.map((b) => ('text' in b ? (b as { text: string }).text : JSON.stringify(b)))
    const voice = texts.indexOf('Voice of the child')
    const own = texts.indexOf('Ash Vale’s views, in their own words')
    expect(own).toBe(voice + 1)
    expect(texts[own + 1]).toContain('I like my new school')
    expect(texts.filter((t) => t.startsWith('Update from Ash Vale'))).toEqual([])
    expect(texts.filter((t) => t.startsWith('Update from Kim Vale'))).toHaveLength(1)
  })
})
