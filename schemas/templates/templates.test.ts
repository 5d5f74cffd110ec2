import { describe, expect, it } from 'vitest'
import { parseSectionName } from '../documents.ts'
import { MeetingType } from '../entities/meeting.ts'
import { AGENDA_KEY_PATTERN, agendaSectionName, AgendaTemplate, MEMBER_UPDATE_QUESTIONS } from './agenda-item.ts'
import { CONTRIBUTION_FORMAT, MEMBERSHIP_SHEET_COLUMNS } from './contribution-format.ts'
import { NOTES_FORMAT } from './notes-format.ts'
import { AGENDA_VARIANTS, agendaFor, AgendaVariantId, DEFAULT_AGENDA_VARIANT } from './registry.ts'

const everyTemplate = AGENDA_VARIANTS.flatMap((v) =>
  MeetingType.options.map((type) => ({ name: `${v.id} ${type}`, template: agendaFor(v.id, type) })),
)

describe('seed 004 agendas', () => {
  it('have the seed’s item counts: first 11, subsequent 11, pre-review with the joint report 15', () => {
    expect(agendaFor('seed-004', 'first').items).toHaveLength(11)
    expect(agendaFor('seed-004', 'subsequent').items).toHaveLength(11)
    expect(agendaFor('seed-004', 'pre-review').items).toHaveLength(15)
  })
  it('keep the seed’s order', () => {
    expect(agendaFor('seed-004', 'pre-review').items.map((i) => i.key)).toEqual([
      'note-taker',
      'introductions-and-apologies',
      'purpose',
      'written-reports',
      'previous-notes',
      'copy-of-plan',
      'childs-views',
      'parents-views',
      'assessment-progress',
      'joint-report-contributions',
      'progress-and-updates',
      'risk-and-protective-factors',
      'analysis-and-recommendation',
      'completing-joint-report',
      'next-meetings',
    ])
  })
  it('is the default variant', () => {
    expect(DEFAULT_AGENDA_VARIANT).toBe('seed-004')
    expect(AGENDA_VARIANTS[0]!.sourceSeed).toBe('004_c1576309cebff34c.txt')
  })
})

describe('seed 001 agenda', () => {
  it('has the procedure’s six items, plus the recommendation before the review', () => {
    expect(agendaFor('seed-001', 'subsequent').items).toHaveLength(6)
    expect(agendaFor('seed-001', 'first').items).toHaveLength(6)
    expect(agendaFor('seed-001', 'pre-review').items.map((i) => i.key)).toContain('recommendation')
  })
})

describe('every agenda', () => {
  for (const { name, template } of everyTemplate) {
    describe(name, () => {
      it('is a valid template with unique, well-formed keys that name a minutes section', () => {
        expect(AgendaTemplate.parse(template)).toEqual(template)
        const keys = template.items.map((i) => i.key)
        expect(new Set(keys).size).toBe(keys.length)
        for (const key of keys) {
          expect(key).toMatch(AGENDA_KEY_PATTERN)
          expect(parseSectionName(agendaSectionName(key))).toEqual({ kind: 'item', key })
        }
      })
      it('has sentence-case titles and one-line prompts', () => {
        for (const item of template.items) {
          expect(item.title).toMatch(/^[A-Z]/)
          expect(item.title).not.toMatch(/[A-Z]{2,}/)
          expect(item.prompt).not.toContain('\n')
          expect(item.prompt.length).toBeLessThanOrEqual(120)
        }
      })
      it('puts seed 000’s three questions on members’ updates and has one place for them', () => {
        const updates = template.items.filter((i) => i.kind === 'member-updates')
        expect(updates).toHaveLength(1)
        expect(updates[0]!.questions).toEqual(MEMBER_UPDATE_QUESTIONS)
        expect(template.items.filter((i) => i.kind === 'next-dates')).toHaveLength(1)
      })
    })
  }

  it('are all reachable by id and meeting type, and an unknown id throws', () => {
    expect(everyTemplate).toHaveLength(6)
    expect(() => agendaFor('seed-999' as AgendaVariantId, 'first')).toThrow('Unknown agenda variant')
  })
})

describe('formats', () => {
  it('the contribution format has the seed’s nine fields, each a valid report section key', () => {
    expect(CONTRIBUTION_FORMAT.map((f) => f.key)).toEqual([
      'chronology',
      'progress',
      'updates-required',
      'other-information',
      'risk-and-protective-factors',
      'voice-of-the-child',
      'parents-carers-views',
      'analysis',
      'recommendation',
    ])
    for (const f of CONTRIBUTION_FORMAT) {
      expect(parseSectionName(`contrib:m1:${f.key}`)).toEqual({ kind: 'contrib', memberId: 'm1', field: f.key })
      expect(parseSectionName(`joint:${f.key}`)).toEqual({ kind: 'joint', field: f.key })
    }
  })
  it('the notes format reads agenda items that the first core group’s agenda has', () => {
    const firstKeys = new Set(agendaFor('seed-004', 'first').items.map((i) => i.key))
    for (const h of NOTES_FORMAT.filter((h) => h.itemKey)) expect(firstKeys.has(h.itemKey!), h.key).toBe(true)
    expect(new Set(NOTES_FORMAT.map((h) => h.key)).size).toBe(NOTES_FORMAT.length)
  })
  it('the membership sheet asks how information will be shared securely', () => {
    expect(MEMBERSHIP_SHEET_COLUMNS.map((c) => c.title)).toContain('How will information be shared securely?')
  })
})
