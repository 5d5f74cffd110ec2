import { describe, expect, it } from 'vitest'
import { parseDocumentName, parseSectionName, type DocumentRef } from './documents.ts'
import {
  canExport,
  canFinalise,
  canManageLocks,
  canRead,
  canWriteSection,
  chairAndNoteTakerDiffer,
  ControlState,
  isLocked,
  UNLOCKED,
  writeDecision,
  type MeetingRoles,
  type Viewer,
} from './permissions.ts'
import { CoreGroupRole } from './roles.ts'

/** A viewer with the given role; the member id defaults to `m-<role>`. */
function buildViewer(overrides: Partial<Viewer> = {}): Viewer {
  const role = overrides.role === undefined ? 'professional' : overrides.role
  return {
    userId: `u-${role ?? 'outsider'}`,
    memberId: role === null ? null : `m-${role}`,
    role,
    optedOut: false,
    ...overrides,
  }
}

const meetingRoles: MeetingRoles = { chairMemberId: 'm-chair', noteTakerMemberId: 'm-notes' }

/** Everybody the rules can tell apart: each case role, the per-meeting roles, and those with no access. */
const personas = {
  lead: buildViewer({ role: 'lead-social-worker' }),
  deputy: buildViewer({ role: 'deputy-lead' }),
  manager: buildViewer({ role: 'team-manager' }),
  teacher: buildViewer({ role: 'professional', memberId: 'm-teacher' }),
  visitor: buildViewer({ role: 'professional', memberId: 'm-visitor' }),
  chair: buildViewer({ role: 'professional', memberId: 'm-chair' }),
  notes: buildViewer({ role: 'professional', memberId: 'm-notes' }),
  parent: buildViewer({ role: 'parent-carer', memberId: 'm-parent' }),
  parentChair: buildViewer({ role: 'parent-carer', memberId: 'm-chair' }),
  child: buildViewer({ role: 'child', memberId: 'm-child' }),
  advocate: buildViewer({ role: 'advocate', memberId: 'm-advocate' }),
  outsider: buildViewer({ role: null, memberId: null }),
  optedOutTeacher: buildViewer({ role: 'professional', memberId: 'm-teacher', optedOut: true }),
  optedOutLead: buildViewer({ role: 'lead-social-worker', optedOut: true }),
  roleWithoutMember: buildViewer({ role: 'lead-social-worker', memberId: null }),
} satisfies Record<string, Viewer>
type Persona = keyof typeof personas

const documents = {
  meeting: parseDocumentName('meeting:m1')!,
  restricted: parseDocumentName('meeting:m1:restricted')!,
  report: parseDocumentName('report:r1')!,
  demo: parseDocumentName('demo:d1')!,
  // The plan: section-level writing is whoever may edit every row (the lead; the chair and note taker
  // of the meeting in progress); row and field rules are schemas/plan/plan-rules.ts's, tested there.
  plan: parseDocumentName('plan:c1')!,
} satisfies Record<string, DocumentRef>
type DocKind = keyof typeof documents

/** One section of every kind, with the member-specific kinds named for several members. */
const sections = [
  'item:purpose',
  'update:m-teacher',
  'update:m-parent',
  'update:m-chair',
  'actions',
  'attendance',
  'notes',
  'contrib:m-teacher:analysis',
  'contrib:m-visitor:analysis',
  'contrib:m-parent:analysis',
  'joint:analysis',
  'control',
  'bogus',
  'item:',
] as const
type Section = (typeof sections)[number]

interface Expectation {
  read: DocKind[]
  /** Sections writable per document kind (before locks). */
  write: Partial<Record<DocKind, Section[]>>
  lock: boolean
}

const MEETING_RUNNER: Section[] = ['item:purpose', 'actions', 'attendance']
const LEAD_MEETING: Section[] = [...MEETING_RUNNER, 'update:m-teacher', 'update:m-parent', 'update:m-chair']
const NOTHING: Expectation = { read: [], write: {}, lock: false }

/** The matrix, written out by hand from issue 4 §3 so that the rules are checked against the spec, not themselves. */
const matrix: Record<Persona, Expectation> = {
  lead: {
    read: ['meeting', 'restricted', 'report', 'demo', 'plan'],
    write: { meeting: LEAD_MEETING, demo: LEAD_MEETING, restricted: ['notes'], report: ['joint:analysis'], plan: ['actions'] },
    lock: true,
  },
  deputy: { read: ['meeting', 'restricted', 'report', 'demo', 'plan'], write: {}, lock: false },
  manager: { read: ['meeting', 'restricted', 'report', 'demo', 'plan'], write: {}, lock: true },
  teacher: {
    read: ['meeting', 'restricted', 'report', 'demo', 'plan'],
    write: { meeting: ['update:m-teacher'], demo: ['update:m-teacher'], report: ['contrib:m-teacher:analysis'] },
    lock: false,
  },
  visitor: {
    read: ['meeting', 'restricted', 'report', 'demo', 'plan'],
    write: { report: ['contrib:m-visitor:analysis'] },
    lock: false,
  },
  chair: {
    read: ['meeting', 'restricted', 'report', 'demo', 'plan'],
    write: { meeting: [...MEETING_RUNNER, 'update:m-chair'], demo: [...MEETING_RUNNER, 'update:m-chair'], restricted: ['notes'], plan: ['actions'] },
    lock: false,
  },
  notes: {
    read: ['meeting', 'restricted', 'report', 'demo', 'plan'],
    write: { meeting: MEETING_RUNNER, demo: MEETING_RUNNER, restricted: ['notes'], plan: ['actions'] },
    lock: false,
  },
  parent: {
    read: ['meeting', 'demo', 'plan'],
    write: { meeting: ['update:m-parent'], demo: ['update:m-parent'] },
    lock: false,
  },
  // A family member who chairs still never reads the restricted notes, so never writes them either.
  parentChair: {
    read: ['meeting', 'demo', 'plan'],
    write: { meeting: [...MEETING_RUNNER, 'update:m-chair'], demo: [...MEETING_RUNNER, 'update:m-chair'], plan: ['actions'] },
    lock: false,
  },
  child: { read: ['meeting', 'demo', 'plan'], write: {}, lock: false },
  advocate: { read: ['meeting', 'demo', 'plan'], write: {}, lock: false },
  outsider: NOTHING,
  optedOutTeacher: NOTHING,
  optedOutLead: NOTHING,
  roleWithoutMember: NOTHING,
}

const personaNames = Object.keys(personas) as Persona[]
const docKinds = Object.keys(documents) as DocKind[]

describe('permission matrix (every persona × document × section)', () => {
  const readCases = personaNames.flatMap((p) => docKinds.map((d) => [p, d] as const))
  it.each(readCases)('%s reads %s as the table says', (p, d) => {
    expect(canRead(personas[p], documents[d])).toBe(matrix[p].read.includes(d))
  })

  const writeCases = personaNames.flatMap((p) => docKinds.flatMap((d) => sections.map((s) => [p, d, s] as const)))
  it.each(writeCases)('%s in %s writes %s as the table says', (p, d, s) => {
    const expected = matrix[p].write[d]?.includes(s) ?? false
    expect(canWriteSection(personas[p], documents[d], parseSectionName(s), meetingRoles)).toBe(expected)
    const decision = writeDecision(personas[p], documents[d], s, meetingRoles, UNLOCKED)
    expect(decision.ok).toBe(expected)
  })

  it.each(personaNames)('%s locks, finalises and exports as the table says', (p) => {
    expect(canManageLocks(personas[p])).toBe(matrix[p].lock)
    expect(canFinalise(personas[p])).toBe(matrix[p].lock)
    expect(canExport(personas[p])).toBe(matrix[p].lock)
  })

  it('every role of the schema appears in the matrix', () => {
    const covered = new Set(Object.values(personas).map((v) => v.role))
    for (const role of CoreGroupRole.options) expect(covered.has(role)).toBe(true)
  })
})

describe('canWriteSection', () => {
  it('refuses a section name that does not parse', () => {
    expect(canWriteSection(personas.lead, documents.meeting, null, meetingRoles)).toBe(false)
  })

  it('gives chair and note taker nothing when the meeting has no roles yet', () => {
    const none = { chairMemberId: null, noteTakerMemberId: null }
    expect(canWriteSection(personas.chair, documents.meeting, parseSectionName('item:purpose'), none)).toBe(false)
    expect(canWriteSection(personas.chair, documents.meeting, parseSectionName('item:purpose'), null)).toBe(false)
    expect(canWriteSection(personas.lead, documents.meeting, parseSectionName('item:purpose'), null)).toBe(true)
  })
})

describe('writeDecision reasons', () => {
  const cases: Array<[Persona, DocKind, string, ControlState, string | null]> = [
    ['teacher', 'meeting', 'update:m-teacher', UNLOCKED, null],
    ['outsider', 'meeting', 'update:m-teacher', UNLOCKED, 'read-only'],
    ['optedOutTeacher', 'meeting', 'update:m-teacher', UNLOCKED, 'read-only'],
    ['parent', 'restricted', 'notes', UNLOCKED, 'read-only'],
    ['parent', 'report', 'contrib:m-parent:analysis', UNLOCKED, 'read-only'],
    ['lead', 'meeting', 'control', UNLOCKED, 'control'],
    ['lead', 'restricted', 'control', UNLOCKED, 'control'],
    ['lead', 'meeting', 'bogus', UNLOCKED, 'unknown-section'],
    ['lead', 'meeting', 'notes', UNLOCKED, 'unknown-section'],
    ['lead', 'meeting', 'joint:analysis', UNLOCKED, 'unknown-section'],
    ['lead', 'report', 'item:purpose', UNLOCKED, 'unknown-section'],
    ['lead', 'restricted', 'actions', UNLOCKED, 'unknown-section'],
    ['teacher', 'meeting', 'update:m-parent', UNLOCKED, 'not-writable'],
    ['teacher', 'report', 'contrib:m-visitor:analysis', UNLOCKED, 'not-writable'],
    ['lead', 'report', 'contrib:m-teacher:analysis', UNLOCKED, 'not-writable'],
    ['teacher', 'meeting', 'update:m-parent', { locked: true, sections: {} }, 'not-writable'],
    ['teacher', 'meeting', 'update:m-teacher', { locked: false, sections: { 'update:m-teacher': true } }, 'locked'],
    ['teacher', 'meeting', 'update:m-teacher', { locked: false, sections: { 'update:m-parent': true } }, null],
    ['teacher', 'meeting', 'update:m-teacher', { locked: true, sections: {} }, 'locked'],
    ['lead', 'report', 'joint:analysis', { locked: false, sections: {}, finalisedVersion: 'v1' }, 'locked'],
  ]
  it.each(cases)('%s in %s writing %s → %s', (p, d, s, control, reason) => {
    const decision = writeDecision(personas[p], documents[d], s, meetingRoles, control)
    expect(decision).toEqual(reason === null ? { ok: true } : { ok: false, reason })
  })

  it('locks every writable section of every persona when the document is locked or finalised', () => {
    const locks: ControlState[] = [{ locked: true, sections: {} }, { locked: false, sections: {}, finalisedVersion: 'v' }]
    for (const p of personaNames) {
      for (const d of docKinds) {
        for (const s of matrix[p].write[d] ?? []) {
          for (const control of locks) {
            expect(writeDecision(personas[p], documents[d], s, meetingRoles, control)).toEqual({ ok: false, reason: 'locked' })
          }
        }
      }
    }
  })
})

describe('isLocked', () => {
  it('is false for an unlocked document', () => {
    expect(isLocked(UNLOCKED, 'item:purpose')).toBe(false)
  })

  it('locks only the named sections', () => {
    const control = { locked: false, sections: { 'item:purpose': true as const } }
    expect(isLocked(control, 'item:purpose')).toBe(true)
    expect(isLocked(control, 'item:next-steps')).toBe(false)
  })

  it('locks everything when the whole document is locked', () => {
    expect(isLocked({ locked: true, sections: {} }, 'anything')).toBe(true)
  })

  it('locks everything once finalised, even with no lock recorded', () => {
    expect(isLocked({ locked: false, sections: {}, finalisedVersion: 'v1' }, 'actions')).toBe(true)
  })

  it('is not fooled by names of Object.prototype properties', () => {
    expect(isLocked(UNLOCKED, 'constructor')).toBe(false)
    expect(isLocked(UNLOCKED, '__proto__')).toBe(false)
    expect(isLocked(UNLOCKED, 'hasOwnProperty')).toBe(false)
  })

  it('reads the control map through its schema', () => {
    expect(ControlState.parse({ locked: false, sections: { actions: true } })).toEqual({ locked: false, sections: { actions: true } })
    expect(() => ControlState.parse({ locked: false, sections: { actions: false } })).toThrow()
  })
})

describe('chairAndNoteTakerDiffer', () => {
  it.each([
    [{ chairMemberId: 'a', noteTakerMemberId: 'b' }, true],
    [{ chairMemberId: 'a', noteTakerMemberId: 'a' }, false],
    [{ chairMemberId: 'a', noteTakerMemberId: null }, true],
    [{ chairMemberId: null, noteTakerMemberId: 'a' }, true],
    [{ chairMemberId: null, noteTakerMemberId: null }, true],
  ] as const)('%o → %s', (roles, expected) => {
    expect(chairAndNoteTakerDiffer(roles)).toBe(expected)
  })
})
