/**
 * For every role × every section kind × read / write / lock, the pure rule (schemas/permissions.ts)
 * and the live server, through real sockets, give the same answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentName, parseDocumentName, type DocumentRef } from '../../schemas/documents.ts'
import { canManageLocks, canRead, UNLOCKED, writeDecision, type Viewer } from '../../schemas/permissions.ts'
import { CloseCode } from '../../schemas/protocol.ts'
import { agendaFor } from '../../schemas/templates/registry.ts'
import { seedTestCoreGroup, PEOPLE, type CoreGroupFixture } from '../support/core-group.ts'
import { MisbehavingClient } from '../support/misbehaving-client.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

let server: TestServer
let group: CoreGroupFixture

beforeAll(async () => {
  server = await startTestServer()
  group = await seedTestCoreGroup(server)
})
afterAll(async () => {
  await server.stop()
})

function viewerOf(person: Person): Viewer {
  const { user, member } = group.people[person]
  return { userId: user.id, memberId: member.id, role: member.role, optedOut: false }
}

type Person = (typeof PEOPLE)[number]
/** `W`: the write is acknowledged; otherwise the refusal reason the server must give. */
type Expected = 'W' | 'not-writable' | 'control' | 'unknown-section'
/** A document the person may not open at all is refused with 4403 before any write. */
type Row = { doc: 'meeting' | 'restricted' | 'report'; label: string; expect: Record<Person, Expected | 'no-read'> }

// The expected answers, written out by hand from the seeds' roles (the fixture's chair is the team
// manager, its note taker the social worker), not computed by the rule under test.
const TABLE: Row[] = [
  { doc: 'meeting', label: 'agenda item', expect: { socialWorker: 'W', teamManager: 'W', teacher: 'not-writable', healthVisitor: 'not-writable', parent: 'not-writable' } },
  { doc: 'meeting', label: 'own update', expect: { socialWorker: 'W', teamManager: 'W', teacher: 'W', healthVisitor: 'W', parent: 'W' } },
  { doc: 'meeting', label: 'another member’s update', expect: { socialWorker: 'W', teamManager: 'not-writable', teacher: 'not-writable', healthVisitor: 'not-writable', parent: 'not-writable' } },
  { doc: 'meeting', label: 'actions row', expect: { socialWorker: 'W', teamManager: 'W', teacher: 'not-writable', healthVisitor: 'not-writable', parent: 'not-writable' } },
  { doc: 'meeting', label: 'attendance row', expect: { socialWorker: 'W', teamManager: 'W', teacher: 'not-writable', healthVisitor: 'not-writable', parent: 'not-writable' } },
  { doc: 'meeting', label: 'control', expect: { socialWorker: 'control', teamManager: 'control', teacher: 'control', healthVisitor: 'control', parent: 'control' } },
  { doc: 'meeting', label: 'item not on the agenda', expect: { socialWorker: 'unknown-section', teamManager: 'unknown-section', teacher: 'unknown-section', healthVisitor: 'unknown-section', parent: 'unknown-section' } },
  { doc: 'restricted', label: 'restricted notes', expect: { socialWorker: 'W', teamManager: 'W', teacher: 'not-writable', healthVisitor: 'not-writable', parent: 'no-read' } },
  { doc: 'report', label: 'own contribution', expect: { socialWorker: 'W', teamManager: 'W', teacher: 'W', healthVisitor: 'W', parent: 'no-read' } },
  { doc: 'report', label: 'another agency’s contribution', expect: { socialWorker: 'not-writable', teamManager: 'not-writable', teacher: 'not-writable', healthVisitor: 'not-writable', parent: 'no-read' } },
  { doc: 'report', label: 'joint section', expect: { socialWorker: 'W', teamManager: 'not-writable', teacher: 'not-writable', healthVisitor: 'not-writable', parent: 'no-read' } },
]

function refOf(doc: Row['doc']): DocumentRef {
  if (doc === 'report') return { kind: 'report', reportId: group.preReview.id }
  return { kind: doc, meetingId: group.meeting.id }
}

/** The update each row of the table sends, as `person`, from a client synced to the document. */
function attempt(label: string, person: Person, client: MisbehavingClient): { section: string; update: Uint8Array } {
  const own = group.people[person].member.id
  const other = (person === 'healthVisitor' ? group.people.teacher : group.people.healthVisitor).member.id
  const text = (section: string) => ({ section, update: client.insertText(section, `${person} writes`) })
  switch (label) {
    case 'agenda item': return text(`item:${agendaFor('seed-004', 'first').items[0]!.key}`)
    case 'own update': return text(`update:${own}`)
    case 'another member’s update': return text(`update:${other}`)
    case 'actions row':
      return { section: 'actions', update: client.insertRow('actions', { need: 'Safe sleep', outcome: 'Cot used every night for 4 weeks', action: 'Buy a cot', owner: own, due: '2027-02-01', status: 'not-started' }) }
    case 'attendance row': return { section: 'attendance', update: client.insertRow('attendance', { memberId: own, status: 'present' }) }
    case 'control': return { section: 'control', update: client.writeControl('locked', false) }
    case 'item not on the agenda': return text('item:not-on-the-agenda')
    case 'restricted notes': return text('notes')
    case 'own contribution': return text(`contrib:${own}:analysis`)
    case 'another agency’s contribution': return text(`contrib:${other}:analysis`)
    case 'joint section': return text('joint:recommendation')
  }
  throw new Error(`no attempt for ${label}`)
}

describe('read and write: the server gives the answers of the table', () => {
  for (const person of PEOPLE) {
    it(`${person}`, async () => {
      const seen: Array<{ label: string; got: string }> = []
      for (const row of TABLE) {
        const url = `${server.syncUrl}/${documentName(refOf(row.doc))}`
        const client = await MisbehavingClient.connect(url, group.as[person])
        if (client.refused !== undefined) {
          seen.push({ label: row.label, got: client.refused === CloseCode.Forbidden ? 'no-read' : `closed ${client.refused}` })
          continue
        }
        const { update } = attempt(row.label, person, client)
        const outcome = await client.send(update)
        client.close()
        const got = outcome.kind === 'acked' ? 'W' : outcome.kind === 'rejected' && outcome.closeCode === CloseCode.UpdateRejected ? outcome.reason! : `${outcome.kind} ${outcome.closeCode}`
        seen.push({ label: row.label, got })
      }
      expect(seen).toEqual(TABLE.map((row) => ({ label: row.label, got: row.expect[person] })))
    })
  }
})

describe('read and write: the pure rule gives the answers of the table', () => {
  it('for every person and section', () => {
    const roles = { chairMemberId: group.meeting.chairMemberId, noteTakerMemberId: group.meeting.noteTakerMemberId }
    const seen: string[] = []
    const wanted: string[] = []
    for (const person of PEOPLE) {
      const viewer = viewerOf(person)
      // Which agenda items exist is the document's layout, known to the server, not to the pure rule.
      for (const row of TABLE.filter((r) => r.label !== 'item not on the agenda')) {
        const ref = refOf(row.doc)
        const section = attempt(row.label, person, { insertText: () => new Uint8Array(), insertRow: () => new Uint8Array(), writeControl: () => new Uint8Array() } as unknown as MisbehavingClient).section
        const decision = canRead(viewer, ref) ? writeDecision(viewer, parseDocumentName(documentName(ref))!, section, roles, UNLOCKED) : null
        seen.push(`${person} ${row.label}: ${decision === null ? 'no-read' : decision.ok ? 'W' : decision.reason}`)
        wanted.push(`${person} ${row.label}: ${row.expect[person]}`)
      }
    }
    expect(seen).toEqual(wanted)
  })
})

describe('lock: rule and server agree', () => {
  for (const person of PEOPLE) {
    it(`${person}`, async () => {
      const name = `meeting:${group.meeting.id}`
      const section = `item:${agendaFor('seed-004', 'first').items[1]!.key}`
      const res = await server.request('POST', `/api/documents/${name}/locks`, { as: group.as[person], body: { section, locked: true } })
      expect({ person, locked: res.status === 200 }).toEqual({ person, locked: canManageLocks(viewerOf(person)) })
      if (res.status === 200) {
        const unlock = await server.request('POST', `/api/documents/${name}/locks`, { as: group.as[person], body: { section, locked: false } })
        expect(unlock.status).toBe(200)
      } else {
        expect(res.status).toBe(403)
      }
    })
  }
})

describe('an action row, field by field', () => {
  it('its owner may change its status and progress and nothing else; nobody else but those who run the plan', async () => {
    const url = `${server.syncUrl}/${documentName({ kind: 'meeting', meetingId: group.meeting.id })}`
    const lead = await MisbehavingClient.connect(url, group.as.socialWorker)
    const parentId = group.people.parent.member.id
    const row = { need: 'Regular meals', outcome: 'Three meals a day, every day for 6 weeks', action: 'Keep a meal diary', owner: parentId, due: '2027-02-01', status: 'not-started' }
    expect((await lead.send(lead.insertRow('actions', row))).kind).toBe('acked')
    lead.close()
    const tries: Array<[Person, string, unknown]> = [
      ['parent', 'status', 'in-progress'],
      ['parent', 'changed', '2027-01-10'],
      ['parent', 'need', 'Something else'],
      ['parent', 'owner', group.people.teacher.member.id],
      ['teacher', 'status', 'done'],
      ['healthVisitor', 'progress', 'not theirs'],
    ]
    const seen: string[] = []
    for (const [person, key, value] of tries) {
      const client = await MisbehavingClient.connect(url, group.as[person])
      const index = client.doc.getArray('actions').toArray().findIndex((r) => (r as { get(k: string): unknown }).get('need') === row.need)
      const outcome = await client.send(client.setRowField('actions', index, key, value))
      client.close()
      seen.push(`${person} ${key}: ${outcome.kind === 'acked' ? 'W' : outcome.reason}`)
    }
    // `progress` is a Y.Text field: a plain string there is refused as content before ownership matters.
    expect(seen).toEqual([
      'parent status: W',
      'parent changed: W',
      'parent need: not-writable',
      'parent owner: not-writable',
      'teacher status: not-writable',
      'healthVisitor progress: not-writable',
    ])
  })
})
