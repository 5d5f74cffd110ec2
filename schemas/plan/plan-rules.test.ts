import { describe, expect, it } from 'vitest'
import { ControlState, UNLOCKED, type Viewer } from '../permissions.ts'
import { CoreGroupRole } from '../roles.ts'
import {
  canEditPlan,
  canReadPlan,
  editableFields,
  parsePlanDocumentName,
  planChangeKind,
  planDocumentName,
  planWriteDecision,
  type PlanChange,
  type PlanContext,
} from './plan-rules.ts'

type Position = 'chair' | 'notes' | 'neither' | 'between'

/** A current member in `role`; their member id is `m-<role>`. */
const viewerFor = (role: CoreGroupRole, optedOut = false): Viewer => ({ userId: `u-${role}`, memberId: `m-${role}`, role, optedOut })

/** The moment of the change from the viewer's point of view: chairing, taking notes, neither, or no meeting. */
function contextFor(viewer: Viewer, position: Position): PlanContext {
  const me = viewer.memberId
  switch (position) {
    case 'chair':
      return { meetingInProgress: { chairMemberId: me, noteTakerMemberId: 'm-someone-else' } }
    case 'notes':
      return { meetingInProgress: { chairMemberId: 'm-someone-else', noteTakerMemberId: me } }
    case 'neither':
      return { meetingInProgress: { chairMemberId: 'm-someone-else', noteTakerMemberId: 'm-another' } }
    case 'between':
      return { meetingInProgress: null }
  }
}

const row = (owner: string | null) => ({
  need: 'Amy needs a safe bedtime routine',
  outcome: 'Amy is in bed by 8 pm every school night',
  action: 'Agree a routine chart with mum',
  owner,
  due: '2026-02-01',
  status: 'not-started',
})

/** The changes in the table's columns; "own" is a row the viewer owns, "other" somebody else's. */
const changes = (memberId: string): Record<string, PlanChange> => {
  const own = row(memberId)
  const other = row('m-somebody-else')
  return {
    add: { row: null, key: null },
    remove: { row: other, key: null },
    need: { row: other, key: 'need' },
    outcome: { row: other, key: 'outcome' },
    action: { row: other, key: 'action' },
    how: { row: other, key: 'how' },
    owner: { row: other, key: 'owner' },
    due: { row: other, key: 'due' },
    ownStatus: { row: own, key: 'status' },
    ownProgress: { row: own, key: 'progress' },
    ownChanged: { row: own, key: 'changed' },
    ownAction: { row: own, key: 'action' },
    ownDue: { row: own, key: 'due' },
    ownOwner: { row: own, key: 'owner' },
    ownRemove: { row: own, key: null },
    otherStatus: { row: other, key: 'status' },
    otherProgress: { row: other, key: 'progress' },
  }
}
const COLUMNS = Object.keys(changes('x'))

/**
 * Every role × position × change. Y: allowed; n: refused (not-writable). Written out by hand from the
 * rules in plan-rules.ts, not computed.
 */
const EXPECTED = `
role                position  add remove need outcome action how owner due ownStatus ownProgress ownChanged ownAction ownDue ownOwner ownRemove otherStatus otherProgress
lead-social-worker  chair     Y   Y      Y    Y       Y      Y   Y     Y   Y         Y           Y          Y         Y      Y        Y         Y           Y
lead-social-worker  notes     Y   Y      Y    Y       Y      Y   Y     Y   Y         Y           Y          Y         Y      Y        Y         Y           Y
lead-social-worker  neither   Y   Y      Y    Y       Y      Y   Y     Y   Y         Y           Y          Y         Y      Y        Y         Y           Y
lead-social-worker  between   Y   Y      Y    Y       Y      Y   Y     Y   Y         Y           Y          Y         Y      Y        Y         Y           Y
deputy-lead         chair     Y   Y      Y    Y       Y      Y   Y     Y   Y         Y           Y          Y         Y      Y        Y         Y           Y
deputy-lead         notes     Y   Y      Y    Y       Y      Y   Y     Y   Y         Y           Y          Y         Y      Y        Y         Y           Y
deputy-lead         neither   n   n      n    n       n      n   n     n   Y         Y           Y          n         n      n        n         n           n
deputy-lead         between   n   n      n    n       n      n   n     n   Y         Y           Y          n         n      n        n         n           n
team-manager        chair     Y   Y      Y    Y       Y      Y   Y     Y   Y         Y           Y          Y         Y      Y        Y         Y           Y
team-manager        notes     Y   Y      Y    Y       Y      Y   Y     Y   Y         Y           Y          Y         Y      Y        Y         Y           Y
team-manager        neither   n   n      n    n       n      n   n     n   Y         Y           Y          n         n      n        n         n           n
team-manager        between   n   n      n    n       n      n   n     n   Y         Y           Y          n         n      n        n         n           n
professional        chair     Y   Y      Y    Y       Y      Y   Y     Y   Y         Y           Y          Y         Y      Y        Y         Y           Y
professional        notes     Y   Y      Y    Y       Y      Y   Y     Y   Y         Y           Y          Y         Y      Y        Y         Y           Y
professional        neither   n   n      n    n       n      n   n     n   Y         Y           Y          n         n      n        n         n           n
professional        between   n   n      n    n       n      n   n     n   Y         Y           Y          n         n      n        n         n           n
parent-carer        chair     Y   Y      Y    Y       Y      Y   Y     Y   Y         Y           Y          Y         Y      Y        Y         Y           Y
parent-carer        notes     Y   Y      Y    Y       Y      Y   Y     Y   Y         Y           Y          Y         Y      Y        Y         Y           Y
parent-carer        neither   n   n      n    n       n      n   n     n   Y         Y           Y          n         n      n        n         n           n
parent-carer        between   n   n      n    n       n      n   n     n   Y         Y           Y          n         n      n        n         n           n
child               chair     Y   Y      Y    Y       Y      Y   Y     Y   Y         Y           Y          Y         Y      Y        Y         Y           Y
child               notes     Y   Y      Y    Y       Y      Y   Y     Y   Y         Y           Y          Y         Y      Y        Y         Y           Y
child               neither   n   n      n    n       n      n   n     n   Y         Y           Y          n         n      n        n         n           n
child               between   n   n      n    n       n      n   n     n   Y         Y           Y          n         n      n        n         n           n
advocate            chair     Y   Y      Y    Y       Y      Y   Y     Y   Y         Y           Y          Y         Y      Y        Y         Y           Y
advocate            notes     Y   Y      Y    Y       Y      Y   Y     Y   Y         Y           Y          Y         Y      Y        Y         Y           Y
advocate            neither   n   n      n    n       n      n   n     n   Y         Y           Y          n         n      n        n         n           n
advocate            between   n   n      n    n       n      n   n     n   Y         Y           Y          n         n      n        n         n           n
`

/** The same for a member who has opted out: nothing at all, whatever they held (read-only). */
const EXPECTED_OPTED_OUT = `
role                position  add remove need outcome action how owner due ownStatus ownProgress ownChanged ownAction ownDue ownOwner ownRemove otherStatus otherProgress
lead-social-worker  chair     n   n      n    n       n      n   n     n   n         n           n          n         n      n        n         n           n
lead-social-worker  between   n   n      n    n       n      n   n     n   n         n           n          n         n      n        n         n           n
professional        notes     n   n      n    n       n      n   n     n   n         n           n          n         n      n        n         n           n
parent-carer        neither   n   n      n    n       n      n   n     n   n         n           n          n         n      n        n         n           n
child               between   n   n      n    n       n      n   n     n   n         n           n          n         n      n        n         n           n
`

function parseTable(table: string): Array<{ role: CoreGroupRole; position: Position; cells: Record<string, boolean> }> {
  const [header, ...lines] = table.trim().split('\n').map((l) => l.trim().split(/\s+/))
  expect(header!.slice(2)).toEqual(COLUMNS)
  return lines.map((cells) => ({
    role: CoreGroupRole.parse(cells[0]),
    position: cells[1] as Position,
    cells: Object.fromEntries(COLUMNS.map((c, i) => [c, cells[i + 2] === 'Y'])),
  }))
}

describe('planWriteDecision: every role × position × change', () => {
  const table = parseTable(EXPECTED)
  it('covers every role in every position', () => {
    expect(table.length).toBe(CoreGroupRole.options.length * 4)
    for (const role of CoreGroupRole.options) expect(table.filter((r) => r.role === role).length).toBe(4)
  })
  for (const { role, position, cells } of table) {
    it(`${role} (${position})`, () => {
      const viewer = viewerFor(role)
      const context = contextFor(viewer, position)
      const actual = Object.fromEntries(
        Object.entries(changes(viewer.memberId!)).map(([name, change]) => [name, planWriteDecision(viewer, context, change)]),
      )
      for (const column of COLUMNS) {
        expect([column, actual[column]]).toEqual([column, cells[column] ? { ok: true } : { ok: false, reason: 'not-writable' }])
      }
    })
  }
})

describe('opted-out members and outsiders', () => {
  for (const { role, position, cells } of parseTable(EXPECTED_OPTED_OUT)) {
    it(`opted-out ${role} (${position}) may do nothing: read-only`, () => {
      const viewer = viewerFor(role, true)
      for (const [name, change] of Object.entries(changes(viewer.memberId!))) {
        expect(cells[name]).toBe(false)
        expect(planWriteDecision(viewer, contextFor(viewer, position), change)).toEqual({ ok: false, reason: 'read-only' })
      }
    })
  }
  it('a user who is not a member may do nothing, even if named as chair', () => {
    const outsider: Viewer = { userId: 'u-x', memberId: null, role: null, optedOut: false }
    const context: PlanContext = { meetingInProgress: { chairMemberId: null, noteTakerMemberId: null } }
    for (const change of Object.values(changes('m-x'))) {
      expect(planWriteDecision(outsider, context, change)).toEqual({ ok: false, reason: 'read-only' })
    }
    const roleWithoutMember: Viewer = { userId: 'u-y', memberId: null, role: 'lead-social-worker', optedOut: false }
    expect(planWriteDecision(roleWithoutMember, { meetingInProgress: null }, { row: null, key: null })).toEqual({ ok: false, reason: 'read-only' })
  })
  it('reading: every current member, the family included; not opted-out members or outsiders', () => {
    expect(CoreGroupRole.options.map((role) => [role, canReadPlan(viewerFor(role))])).toEqual([
      ['lead-social-worker', true],
      ['deputy-lead', true],
      ['team-manager', true],
      ['professional', true],
      ['parent-carer', true],
      ['child', true],
      ['advocate', true],
    ])
    expect(canReadPlan(viewerFor('professional', true))).toBe(false)
    expect(canReadPlan({ userId: 'u-x', memberId: null, role: null, optedOut: false })).toBe(false)
  })
})

describe('locks, fields and names', () => {
  const lead = viewerFor('lead-social-worker')
  const parent = viewerFor('parent-carer')
  const locked: ControlState = { locked: true, sections: {} }
  it('a lock refuses every change, even the lead’s and the owner’s', () => {
    expect(planWriteDecision(lead, { meetingInProgress: null, control: locked }, { row: null, key: null })).toEqual({ ok: false, reason: 'locked' })
    const sectionLock: PlanContext = { meetingInProgress: null, control: { locked: false, sections: { actions: true } } }
    expect(planWriteDecision(parent, sectionLock, { row: row('m-parent-carer'), key: 'status' })).toEqual({ ok: false, reason: 'locked' })
    expect(planWriteDecision(parent, sectionLock, { row: row('m-x'), key: 'status' })).toEqual({ ok: false, reason: 'not-writable' })
    expect(planWriteDecision(parent, { meetingInProgress: null, control: UNLOCKED }, { row: row('m-parent-carer'), key: 'status' })).toEqual({ ok: true })
  })
  it('editableFields: everything for an editor, the owner fields for the owner, nothing otherwise', () => {
    const between: PlanContext = { meetingInProgress: null }
    expect([...editableFields(lead, between, row('m-x'))]).toEqual([
      'need', 'outcome', 'action', 'how', 'owner', 'due', 'status', 'progress', 'added', 'changed',
    ])
    expect([...editableFields(parent, between, row('m-parent-carer'))]).toEqual(['status', 'progress', 'changed'])
    expect([...editableFields(parent, between, row('m-x'))]).toEqual([])
    expect([...editableFields(lead, { meetingInProgress: null, control: locked }, row('m-x'))]).toEqual([])
  })
  it('canEditPlan: lead always, chair and note taker only while their meeting is in progress', () => {
    const teacher = viewerFor('professional')
    expect(canEditPlan(lead, { meetingInProgress: null })).toBe(true)
    expect(canEditPlan(teacher, contextFor(teacher, 'chair'))).toBe(true)
    expect(canEditPlan(teacher, contextFor(teacher, 'notes'))).toBe(true)
    expect(canEditPlan(teacher, contextFor(teacher, 'neither'))).toBe(false)
    expect(canEditPlan(teacher, { meetingInProgress: null })).toBe(false)
  })
  it('a change to a field of a row being added counts as adding the row', () => {
    expect(planChangeKind({ row: null, key: 'status' })).toBe('add-row')
    expect(planWriteDecision(parent, { meetingInProgress: null }, { row: null, key: 'status' })).toEqual({ ok: false, reason: 'not-writable' })
  })
  it('names the plan document plan:<caseId>', () => {
    expect(planDocumentName('case-7')).toBe('plan:case-7')
    expect(parsePlanDocumentName('plan:case-7')).toBe('case-7')
    expect(parsePlanDocumentName('plan:')).toBeNull()
    expect(parsePlanDocumentName('plan:a/b')).toBeNull()
    expect(parsePlanDocumentName('meeting:case-7')).toBeNull()
    expect(() => planDocumentName('no spaces')).toThrow(RangeError)
  })
})
