/**
 * The child protection plan (`plan:<caseId>`, issue 11) through real sockets: who may change which row
 * and field (schemas/plan/plan-rules.ts, as the server enforces it), the row schema, the history of
 * every accepted change, and overdue actions on the owner's dashboard and the case's "What is due".
 * Refused updates are never stored (the store is read from its file) and are audited.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { DocumentSync } from '../../client/collab/document-sync.ts'
import type { PlanHistoryResponse } from '../../schemas/api/plan.ts'
import type { DashboardResponse } from '../../schemas/api/dashboard.ts'
import type { CaseDetailResponse } from '../../schemas/api/cases.ts'
import { planDocumentName } from '../../schemas/plan/plan-rules.ts'
import { CloseCode } from '../../schemas/protocol.ts'
import { addCalendarDays, ukDateOf } from '../../schemas/timescales/index.ts'
import { initialPlanUpdate } from '../../server/cases/plan-document.ts'
import { listAudit } from '../../server/db/repos/audit.ts'
import { openClient, openRawSocket, waitFor } from '../support/clients.ts'
import { PEOPLE, seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { MisbehavingClient } from '../support/misbehaving-client.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { StoreReader } from '../support/store-reader.ts'

type Person = (typeof PEOPLE)[number]
type Rows = Y.Array<Y.Map<unknown>>

let server: TestServer
let group: CoreGroupFixture
let plan: string
let reader: StoreReader
/** The lead social worker's honest client on the plan, watching what others see. */
let observer: DocumentSync

beforeAll(async () => {
  server = await startTestServer()
  group = await seedTestCoreGroup(server)
  plan = planDocumentName(group.caseRow.id)
  reader = new StoreReader(join(server.dataDir, 'coregroup.sqlite'))
  observer = openClient(server.syncUrl, plan, group.as.socialWorker)
  await observer.whenSynced()
})
afterAll(async () => {
  observer.destroy()
  reader.close()
  await server.stop()
})

const url = (doc = plan) => `${server.syncUrl}/${doc}`
const memberOf = (person: Person, g = group) => g.people[person].member
/** The seeded row owned by `person` (parent, teacher, health visitor, social worker: one each). */
const rowOf = (person: Person, g = group) => g.plan.find((r) => r.owner === memberOf(person, g).id)!

function indexOf(doc: Y.Doc, rowId: string): number {
  const index = doc.getArray<Y.Map<unknown>>('actions').toArray().findIndex((r) => r.get('id') === rowId)
  expect(index).toBeGreaterThanOrEqual(0)
  return index
}

/** An update that makes `edit` to the client's copy of the plan's rows. */
function change(client: MisbehavingClient, edit: (rows: Rows) => void): Uint8Array {
  const before = Y.encodeStateVector(client.doc)
  edit(client.doc.getArray<Y.Map<unknown>>('actions'))
  return Y.encodeStateAsUpdate(client.doc, before)
}

/** The plan's rows as the store holds them. */
function storedRows(doc = plan): Array<Record<string, unknown>> {
  const load = reader.load(doc)
  expect(load.error).toBeNull()
  return load.doc.getArray('actions').toJSON() as Array<Record<string, unknown>>
}

const newRow = (owner: string, fields: Record<string, unknown> = {}) => ({
  id: `act_test_${Math.random().toString(36).slice(2, 10)}`,
  need: 'Robin needs a safe place to play',
  outcome: 'Robin plays outside at the park twice a week for 6 weeks',
  action: 'Take Robin to the park on Tuesdays and Saturdays',
  owner,
  due: '2027-03-01',
  status: 'not-started',
  ...fields,
})

async function history(as: Person = 'socialWorker', g = group): Promise<PlanHistoryResponse['entries']> {
  const res = await server.request('GET', `/api/cases/${g.caseRow.id}/plan/history`, { as: g.as[as] })
  expect(res.status).toBe(200)
  return ((await res.json()) as PlanHistoryResponse).entries
}

/** Sends the update as `person`; it must be refused with `reason`, never stored, and audited. */
async function refused(person: Person, craft: (c: MisbehavingClient) => Uint8Array, reason: string, g = group): Promise<void> {
  const doc = planDocumentName(g.caseRow.id)
  const storedBefore = storedRows(doc)
  const logBefore = await server.store.logLength(doc)
  const historyBefore = (await history('socialWorker', g)).length
  const client = await MisbehavingClient.connect(url(doc), g.as[person])
  const outcome = await client.send(craft(client))
  expect(outcome).toMatchObject({ kind: 'rejected', section: 'actions', reason, closeCode: CloseCode.UpdateRejected })
  expect(await server.store.logLength(doc)).toBe(logBefore)
  expect(storedRows(doc)).toEqual(storedBefore)
  await vi.waitFor(async () => {
    const events = await listAudit(server.db, { caseId: g.caseRow.id })
    expect(events[0]).toMatchObject({ event: 'update-rejected', userId: g.people[person].user.id, doc, section: 'actions', detail: { reason } })
  })
  expect((await history('socialWorker', g)).length).toBe(historyBefore)
}

/** Sends the update as `person`; it must be acknowledged. */
async function accepted(person: Person, craft: (c: MisbehavingClient) => Uint8Array, g = group): Promise<void> {
  const client = await MisbehavingClient.connect(url(planDocumentName(g.caseRow.id)), g.as[person])
  expect(await client.send(craft(client))).toEqual({ kind: 'acked' })
  client.close()
}

describe('the plan document', () => {
  it('starts with the seeded rows, each with an id, owned by four different members', () => {
    const rows = storedRows()
    expect(rows.map((r) => r.id)).toEqual(group.plan.map((r) => r.id))
    expect(new Set(rows.map((r) => r.owner)).size).toBe(4)
    expect(rows.some((r) => r.owner === memberOf('parent').id)).toBe(true)
    expect(observer.doc.getArray('actions').length).toBe(4)
  })

  it('is open to every current member, the family too, and unknown to anyone else', async () => {
    for (const person of PEOPLE) {
      const client = await MisbehavingClient.connect(url(), group.as[person])
      expect({ person, refused: client.refused }).toEqual({ person, refused: undefined })
      expect(client.doc.getArray('actions').length).toBeGreaterThanOrEqual(4)
      client.close()
    }
    const stranger = await server.signUp()
    expect((await MisbehavingClient.connect(url(), stranger)).refused).toBe(CloseCode.UnknownDocument)
    expect((await MisbehavingClient.connect(url('plan:no-such-case'), group.as.socialWorker)).refused).toBe(CloseCode.UnknownDocument)
  })
})

describe('who may change what, between meetings', () => {
  it('the owner (the parent) updates the status and progress of their row: acknowledged, seen by others, stored', async () => {
    const row = rowOf('parent')
    await accepted('parent', (c) => c.setRowField('actions', indexOf(c.doc, row.id), 'status', 'done'))
    await accepted('parent', (c) =>
      change(c, (rows) => {
        const progress = rows.get(indexOf(c.doc, row.id)).get('progress') as Y.Text
        progress.insert(progress.length, ' Filled in every night this week.')
      }),
    )
    const seen = () => observer.doc.getArray<Y.Map<unknown>>('actions').get(indexOf(observer.doc, row.id))
    await waitFor(() => seen().get('status') === 'done' && String(seen().get('progress')).endsWith('every night this week.'), 5000, 'the parent’s change')
    const stored = storedRows().find((r) => r.id === row.id)!
    expect(stored).toMatchObject({ status: 'done', progress: 'Chart started on the fridge. Filled in every night this week.', action: row.action })
  })

  it('the owner may not change the action text of their own row: Rejected not-writable, never stored', async () => {
    const row = rowOf('parent')
    await refused('parent', (c) => c.setRowField('actions', indexOf(c.doc, row.id), 'action', 'Stop the chart'), 'not-writable')
    expect(storedRows().find((r) => r.id === row.id)!.action).toBe(row.action)
  })

  it('the owner may not remove their own row, nor give it to someone else', async () => {
    const row = rowOf('parent')
    await refused('parent', (c) => change(c, (rows) => rows.delete(indexOf(c.doc, row.id), 1)), 'not-writable')
    await refused('parent', (c) => c.setRowField('actions', indexOf(c.doc, row.id), 'owner', memberOf('teacher').id), 'not-writable')
  })

  it('a member may not change someone else’s row (the teacher on the health visitor’s)', async () => {
    const row = rowOf('healthVisitor')
    await refused('teacher', (c) => c.setRowField('actions', indexOf(c.doc, row.id), 'status', 'done'), 'not-writable')
    await refused('teacher', (c) => change(c, (rows) => rows.get(indexOf(c.doc, row.id)).set('progress', new Y.Text('Not mine to write'))), 'not-writable')
  })

  it('the parent may not add a row, even one they would own', async () => {
    await refused('parent', (c) => c.insertRow('actions', newRow(memberOf('parent').id)), 'not-writable')
  })

  it('the team manager, not chairing today, may not add a row between meetings', async () => {
    await refused('teamManager', (c) => c.insertRow('actions', newRow(memberOf('teacher').id)), 'not-writable')
  })

  it('the lead social worker edits any row and adds and removes rows between meetings', async () => {
    const teachers = rowOf('teacher')
    await accepted('socialWorker', (c) => c.setRowField('actions', indexOf(c.doc, teachers.id), 'action', 'Send the social worker Robin’s attendance and lateness every Friday'))
    const added = newRow(memberOf('healthVisitor').id, { need: 'A row the lead adds and removes' })
    await accepted('socialWorker', (c) => c.insertRow('actions', added))
    await accepted('socialWorker', (c) => change(c, (rows) => rows.delete(indexOf(c.doc, added.id), 1)))
    const stored = storedRows()
    expect(stored.find((r) => r.id === teachers.id)!.action).toBe('Send the social worker Robin’s attendance and lateness every Friday')
    expect(stored.some((r) => r.id === added.id)).toBe(false)
  })
})

describe('the row schema', () => {
  it('refuses a row with a field outside the schema', async () => {
    await refused('socialWorker', (c) => c.insertRow('actions', newRow(memberOf('teacher').id, { colour: 'red' })), 'invalid-content')
  })

  it('refuses a field outside the schema on an existing row, and a value the field does not allow', async () => {
    const row = rowOf('teacher')
    await refused('socialWorker', (c) => c.setRowField('actions', indexOf(c.doc, row.id), 'priority', 'high'), 'invalid-content')
    await refused('socialWorker', (c) => c.setRowField('actions', indexOf(c.doc, row.id), 'status', 'finished'), 'invalid-content')
    // The owner's own field, with a value the schema does not allow, is refused as content too.
    await refused('parent', (c) => c.setRowField('actions', indexOf(c.doc, rowOf('parent').id), 'status', 'finished'), 'invalid-content')
  })

  it('refuses a new row without an id, or with the id of another row; and any change to a row’s id', async () => {
    const { id: _id, ...withoutId } = newRow(memberOf('teacher').id)
    await refused('socialWorker', (c) => c.insertRow('actions', withoutId), 'invalid-content')
    await refused('socialWorker', (c) => c.insertRow('actions', newRow(memberOf('teacher').id, { id: rowOf('teacher').id })), 'invalid-content')
    await refused('socialWorker', (c) => c.setRowField('actions', indexOf(c.doc, rowOf('teacher').id), 'id', 'act_renamed'), 'invalid-content')
    await refused('socialWorker', (c) => change(c, (rows) => rows.get(indexOf(c.doc, rowOf('teacher').id)).delete('id')), 'invalid-content')
  })
})

describe('locks', () => {
  it('a locked plan refuses every change, the owner’s and the lead’s too, until it is unlocked', async () => {
    const lock = (locked: boolean) => server.request('POST', `/api/documents/${plan}/locks`, { as: group.as.socialWorker, body: { section: 'actions', locked } })
    expect((await lock(true)).status).toBe(200)
    const row = rowOf('parent')
    await refused('parent', (c) => c.setRowField('actions', indexOf(c.doc, row.id), 'status', 'in-progress'), 'locked')
    await refused('socialWorker', (c) => c.setRowField('actions', indexOf(c.doc, row.id), 'need', 'Locked away'), 'locked')
    // Someone who may not change the row at all is told so, lock or not.
    await refused('teacher', (c) => c.setRowField('actions', indexOf(c.doc, row.id), 'status', 'in-progress'), 'not-writable')
    expect((await lock(false)).status).toBe(200)
  })
})

describe('during a meeting', () => {
  it('the chair (the team manager) adds a row only on the day of the meeting; a member neither chairing nor taking notes still may not', async () => {
    const g = await seedTestCoreGroup(server)
    const doc = planDocumentName(g.caseRow.id)
    // The seeded meeting is ten working days away: between meetings the chair may not add a row.
    await refused('teamManager', (c) => c.insertRow('actions', newRow(memberOf('teacher', g).id)), 'not-writable', g)
    // An open connection of the chair is reconnected when a meeting they chair is planned for today.
    const open = await openRawSocket(url(doc), g.as.teamManager)
    const today = ukDateOf()
    const res = await server.request('POST', `/api/cases/${g.caseRow.id}/meetings`, {
      as: g.as.socialWorker,
      body: { date: today, time: '09:30', venue: 'Family centre, room 1', chairMemberId: memberOf('teamManager', g).id, noteTakerMemberId: memberOf('healthVisitor', g).id },
    })
    expect(res.status).toBe(201)
    expect((await open.closed).code).toBe(CloseCode.AccessChanged)
    const added = newRow(memberOf('teacher', g).id, { need: 'Added by the chair during the meeting' })
    await accepted('teamManager', (c) => c.insertRow('actions', added), g)
    // The note taker edits any row during the meeting too; the teacher (neither) still may not.
    await accepted('healthVisitor', (c) => c.setRowField('actions', indexOf(c.doc, rowOf('parent', g).id), 'due', '2027-04-01'), g)
    await refused('teacher', (c) => c.insertRow('actions', newRow(memberOf('teacher', g).id)), 'not-writable', g)
    expect(storedRows(doc).find((r) => r.id === added.id)).toMatchObject({ need: 'Added by the chair during the meeting', owner: memberOf('teacher', g).id })
    const entries = await history('teacher', g)
    expect(entries[1]).toMatchObject({ rowId: added.id, field: null, old: null, new: { id: added.id, need: added.need }, by: { memberId: memberOf('teamManager', g).id, name: g.people.teamManager.user.name } })
    expect(entries[0]).toMatchObject({ rowId: rowOf('parent', g).id, field: 'due', old: rowOf('parent', g).due, new: '2027-04-01' })
  })
})

describe('history', () => {
  it('lists the accepted changes, newest first, with who, field, old and new; nothing for the refused ones', async () => {
    const entries = await history('parent')
    const brief = entries.map((e) => ({ rowId: e.rowId, by: e.by.memberId, field: e.field }))
    const parentRow = rowOf('parent').id
    const teacherRow = rowOf('teacher').id
    const lead = memberOf('socialWorker').id
    const parent = memberOf('parent').id
    // Oldest last: the parent's status and progress, then the lead's action text, the row added and removed.
    expect(brief.slice().reverse()).toEqual([
      { rowId: parentRow, by: parent, field: 'status' },
      { rowId: parentRow, by: parent, field: 'progress' },
      { rowId: teacherRow, by: lead, field: 'action' },
      { rowId: expect.stringMatching(/^act_test_/), by: lead, field: null },
      { rowId: expect.stringMatching(/^act_test_/), by: lead, field: null },
    ])
    const [removed, added, action, progress, status] = entries
    expect(status).toMatchObject({ field: 'status', old: 'in-progress', new: 'done', by: { memberId: parent, name: group.people.parent.member.name } })
    expect(progress).toMatchObject({ field: 'progress', old: 'Chart started on the fridge.', new: 'Chart started on the fridge. Filled in every night this week.' })
    expect(action).toMatchObject({ field: 'action', old: rowOf('teacher').action, new: 'Send the social worker Robin’s attendance and lateness every Friday', by: { memberId: lead, name: group.people.socialWorker.member.name } })
    expect(added).toMatchObject({ old: null, new: { need: 'A row the lead adds and removes' } })
    expect(removed).toMatchObject({ old: { need: 'A row the lead adds and removes' }, new: null })
    expect(entries.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true)
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => b - a))
    // One row's history.
    const res = await server.request('GET', `/api/cases/${group.caseRow.id}/plan/history?row=${parentRow}`, { as: group.as.teacher })
    expect(((await res.json()) as PlanHistoryResponse).entries.map((e) => e.field)).toEqual(['progress', 'status'])
  })

  it('is for the case’s members only', async () => {
    const stranger = await server.signUp()
    expect((await server.request('GET', `/api/cases/${group.caseRow.id}/plan/history`, { as: stranger })).status).toBe(404)
    const admin = await server.signUp({ accountRole: 'administrator' })
    expect((await server.request('GET', `/api/cases/${group.caseRow.id}/plan/history`, { as: admin })).status).toBe(403)
    expect((await server.request('GET', `/api/cases/${group.caseRow.id}/plan/history?row=not%20an%20id`, { as: group.as.parent })).status).toBe(400)
  })
})

describe('due items', () => {
  it('an overdue action shows on its owner’s dashboard and on the case’s “What is due”, not on other members’ dashboards', async () => {
    const row = rowOf('teacher')
    const lastWeek = addCalendarDays(ukDateOf(), -7)
    await accepted('socialWorker', (c) => c.setRowField('actions', indexOf(c.doc, row.id), 'due', lastWeek))
    const key = `plan-action:${row.id}`
    const dashboard = async (person: Person) => {
      const res = await server.request('GET', '/api/dashboard', { as: group.as[person] })
      expect(res.status).toBe(200)
      return ((await res.json()) as DashboardResponse).cases.find((k) => k.id === group.caseRow.id)!
    }
    const teachers = await dashboard('teacher')
    expect(teachers.due.find((i) => i.key === key)).toMatchObject({ rule: 'planAction', status: 'overdue', dueDate: lastWeek, rowId: row.id, ownerMemberId: memberOf('teacher').id })
    expect(teachers.due.find((i) => i.key === key)!.label).toContain(group.people.teacher.member.name)
    expect(teachers.counts.overdue).toBe(teachers.due.filter((i) => i.status === 'overdue').length)
    expect((await dashboard('healthVisitor')).due.some((i) => i.key === key)).toBe(false)
    const detail = (await (await server.request('GET', `/api/cases/${group.caseRow.id}`, { as: group.as.parent })).json()) as CaseDetailResponse
    expect(detail.dueItems.find((i) => i.key === key)).toMatchObject({ status: 'overdue', rowId: row.id })
    // Done: no longer due anywhere.
    await accepted('teacher', (c) => c.setRowField('actions', indexOf(c.doc, row.id), 'status', 'done'))
    expect((await dashboard('teacher')).due.some((i) => i.key === key)).toBe(false)
  })

  it('are read from the store when no room holds the plan, without loading one', async () => {
    const g = await seedTestCoreGroup(server)
    const doc = planDocumentName(g.caseRow.id)
    const detail = async () => (await (await server.request('GET', `/api/cases/${g.caseRow.id}`, { as: g.as.teacher })).json()) as CaseDetailResponse
    // The seeded plan's actions are all due in the weeks after today: none is overdue.
    expect((await detail()).dueItems.some((i) => i.rule === 'planAction')).toBe(false)
    const late = { ...newRow(memberOf('healthVisitor', g).id), due: addCalendarDays(ukDateOf(), -30), status: 'in-progress' as const }
    await server.store.append(doc, initialPlanUpdate([late]))
    expect((await detail()).dueItems.filter((i) => i.rule === 'planAction')).toEqual([
      expect.objectContaining({ key: `plan-action:${late.id}`, status: 'overdue', dueDate: late.due, ownerMemberId: memberOf('healthVisitor', g).id }),
    ])
    expect(server.rooms.isLoaded(doc)).toBe(false)
  })
})
