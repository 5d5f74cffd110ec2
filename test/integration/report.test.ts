/**
 * The joint report (`report:<meetingId>`, issue 12) through real sockets and the real server: only
 * the author writes their contribution, submitting locks it for them until the lead social worker
 * reopens it, comments and positions are their authors' own, the family sees the draft only once it is
 * shared and never a professionals-only contribution, and the merge runs on the server through the
 * room, keeping attribution and the social worker's edits. Refused updates are never stored.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ReportResponse } from '../../schemas/api/reports.ts'
import { CloseCode } from '../../schemas/protocol.ts'
import { openClient, openRawSocket, sectionText, waitFor } from '../support/clients.ts'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { MisbehavingClient } from '../support/misbehaving-client.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { StoreReader } from '../support/store-reader.ts'
import type { DashboardResponse } from '../../schemas/api/dashboard.ts'
import { Meeting } from '../../schemas/entities/index.ts'
import { addCalendarDays, ukDateOf } from '../../schemas/timescales/index.ts'
import { newId } from '../../server/auth/tokens.ts'
import { insertMeeting } from '../../server/db/repos/meetings.ts'

let server: TestServer
let group: CoreGroupFixture
let reader: StoreReader
let report: string
let meetingId: string

beforeAll(async () => {
  server = await startTestServer()
  group = await seedTestCoreGroup(server)
  meetingId = group.preReview.id
  report = `report:${meetingId}`
  reader = new StoreReader(join(server.dataDir, 'coregroup.sqlite'))
})
afterAll(async () => {
  reader.close()
  await server.stop()
})

const url = (doc = report) => `${server.syncUrl}/${doc}`
const memberId = (p: keyof CoreGroupFixture['people']) => group.people[p].member.id
const stored = (doc = report) => {
  const load = reader.load(doc)
  expect(load.error).toBeNull()
  return load.doc
}
const api = async (method: string, path: string, as: keyof CoreGroupFixture['as'], body?: unknown) => {
  const res = await server.request(method, path, { as: group.as[as], ...(body !== undefined ? { body } : {}) })
  return { status: res.status, body: (await res.json()) as ReportResponse & { error?: { code: string } } }
}
const submit = (who: keyof CoreGroupFixture['as'], member: string, body: unknown = {}) => api('POST', `/api/reports/${meetingId}/contributions/${member}/submit`, who, body)
const reopen = (who: keyof CoreGroupFixture['as'], member: string) => api('POST', `/api/reports/${meetingId}/contributions/${member}/reopen`, who, {})

describe('contributions', () => {
  it('refuses an agency writing into another agency’s contribution, and never stores it', async () => {
    const teacher = await MisbehavingClient.connect(url(), group.as.teacher)
    const section = `contrib:${memberId('healthVisitor')}:analysis`
    const outcome = await teacher.send(teacher.insertText(section, 'Written by the wrong agency'))
    expect(outcome).toMatchObject({ kind: 'rejected', section, reason: 'not-writable', closeCode: CloseCode.UpdateRejected })
    expect(sectionText(stored(), section)).toBe('')
  })

  it('accepts the author’s own contribution and a chronology of dated rows (and refuses a row without a date)', async () => {
    const teacher = await MisbehavingClient.connect(url(), group.as.teacher)
    const own = `contrib:${memberId('teacher')}:analysis`
    expect(await teacher.send(teacher.insertText(own, 'Robin is settled in class'))).toMatchObject({ kind: 'acked' })
    const chronology = `contrib:${memberId('teacher')}:chronology`
    expect(await teacher.send(teacher.insertRow(chronology, { id: 'ch1', date: '2026-11-03', event: 'Meeting with Alex', outcome: 'Attendance plan agreed' }))).toMatchObject({ kind: 'acked' })
    const again = await MisbehavingClient.connect(url(), group.as.teacher)
    expect(await again.send(again.insertRow(chronology, { id: 'ch2', event: 'No date' }))).toMatchObject({ kind: 'rejected', reason: 'invalid-content' })
    expect(stored().getArray(chronology).length).toBe(1)
  })

  it('reports who is drafting and who has not started against the draft deadline', async () => {
    const { status, body } = await api('GET', `/api/reports/${meetingId}`, 'teacher')
    expect(status).toBe(200)
    const byMember = new Map(body.contributions.map((c) => [c.memberId, c.status]))
    expect(byMember.get(memberId('teacher'))).toBe('drafting')
    expect(byMember.get(memberId('healthVisitor'))).toBe('not-started')
    expect(byMember.has(memberId('parent'))).toBe(false)
    expect(body.report.draftDue > body.report.meetingDate).toBe(true)
  })

  it('locks a submitted contribution for its author until the lead social worker reopens it', async () => {
    expect((await submit('healthVisitor', memberId('teacher'))).status).toBe(403)
    expect((await submit('teacher', memberId('teacher'))).status).toBe(200)
    const section = `contrib:${memberId('teacher')}:analysis`
    const teacher = await MisbehavingClient.connect(url(), group.as.teacher)
    expect(await teacher.send(teacher.insertText(section, 'After submitting'))).toMatchObject({ kind: 'rejected', reason: 'locked' })
    expect(sectionText(stored(), section)).toBe('Robin is settled in class')
    expect((await reopen('teacher', memberId('teacher'))).status).toBe(403)
    expect((await reopen('teamManager', memberId('teacher'))).status).toBe(403)
    const reopened = await reopen('socialWorker', memberId('teacher'))
    expect(reopened.body.contributions.find((c) => c.memberId === memberId('teacher'))?.status).toBe('drafting')
    const after = await MisbehavingClient.connect(url(), group.as.teacher)
    expect(await after.send(after.insertText(section, 'Reading has improved. '))).toMatchObject({ kind: 'acked' })
    expect((await submit('teacher', memberId('teacher'))).body.contributions.find((c) => c.memberId === memberId('teacher'))?.status).toBe('submitted')
  })
})

describe('comments and positions', () => {
  it('lets each member write only their own comments and position', async () => {
    const teacher = await MisbehavingClient.connect(url(), group.as.teacher)
    const comment = { id: 'c1', section: 'joint:analysis', anchor: 'AAA=', head: 'AAA=', text: 'Please add the attendance figure', at: '2027-01-14T10:00:00Z' }
    expect(await teacher.send(teacher.insertRow(`comments:${memberId('healthVisitor')}`, comment))).toMatchObject({ kind: 'rejected', reason: 'not-writable' })
    const own = await MisbehavingClient.connect(url(), group.as.teacher)
    expect(await own.send(own.insertRow(`comments:${memberId('teacher')}`, comment))).toMatchObject({ kind: 'acked' })
    const visitor = await MisbehavingClient.connect(url(), group.as.healthVisitor)
    expect(await visitor.send(visitor.setRowField(`comments:${memberId('teacher')}`, 0, 'text', 'Changed by someone else'))).toMatchObject({ kind: 'rejected', reason: 'not-writable' })
    const position = await MisbehavingClient.connect(url(), group.as.healthVisitor)
    expect(await position.send(position.insertRow(`position:${memberId('healthVisitor')}`, { position: 'disagree', reason: 'Too early to end the plan' }))).toMatchObject({ kind: 'acked' })
    expect(stored().getArray(`comments:${memberId('teacher')}`).toJSON()).toEqual([comment])
  })
})

describe('merge', () => {
  it('merges submitted contributions on the server with attribution, keeps the social worker’s edits, and re-merges only what changed', async () => {
    const visitorSection = `contrib:${memberId('healthVisitor')}:analysis`
    const visitor = await MisbehavingClient.connect(url(), group.as.healthVisitor)
    expect(await visitor.send(visitor.insertText(visitorSection, 'Growth is on track'))).toMatchObject({ kind: 'acked' })
    expect((await submit('healthVisitor', memberId('healthVisitor'), { professionalsOnly: true })).status).toBe(200)
    expect((await api('POST', `/api/reports/${meetingId}/merge`, 'teacher', {})).status).toBe(403)
    const merged = await api('POST', `/api/reports/${meetingId}/merge`, 'socialWorker', {})
    expect(merged.status).toBe(200)
    expect(merged.body.pending).toEqual([])

    const lead = openClient(server.syncUrl, report, group.as.socialWorker)
    await lead.whenSynced()
    const joint = lead.doc.getXmlFragment('joint:analysis')
    const blocks = () => joint.toArray() as Y.XmlElement[]
    await waitFor(() => blocks().length === 5)
    expect(blocks().map((b) => b.getAttribute('attribution'))).toEqual([memberId('teacher'), memberId('teacher'), memberId('teacher'), memberId('healthVisitor'), memberId('healthVisitor')])
    expect(sectionText(lead.doc, 'joint:analysis')).toBe('Tom Ellis (Meadow Lane Primary School)\nReading has improved. \nRobin is settled in class\nHana Novak (Health Visiting Service)\nGrowth is on track')

    // The social worker adds their own paragraph at the end and edits the health visitor's passage.
    lead.doc.transact(() => {
      const own = new Y.XmlElement('paragraph')
      own.insert(0, [new Y.XmlText('Overall the plan is working')])
      joint.insert(joint.length, [own])
      ;(blocks()[4]!.get(0) as Y.XmlText).insert(0, 'Edited: ')
    })
    await lead.whenSaved()
    await waitFor(() => sectionText(stored(), 'joint:analysis').includes('Overall the plan is working'))

    // The teacher changes their passage after a reopening; the re-merge offers exactly that passage.
    await reopen('socialWorker', memberId('teacher'))
    const teacher = await MisbehavingClient.connect(url(), group.as.teacher)
    expect(await teacher.send(teacher.insertText(`contrib:${memberId('teacher')}:analysis`, 'Attendance is 96%'))).toMatchObject({ kind: 'acked' })
    const resubmitted = await submit('teacher', memberId('teacher'))
    const pending = (await api('GET', `/api/reports/${meetingId}`, 'socialWorker')).body.pending
    expect(pending.map((p) => [p.field, p.memberId, p.kind, p.editedInJoint])).toEqual([['analysis', memberId('teacher'), 'changed', false]])
    expect(resubmitted.body.pending).toEqual([])

    const taken = await api('POST', `/api/reports/${meetingId}/merge`, 'socialWorker', { decisions: [{ field: 'analysis', memberId: memberId('teacher'), take: true }] })
    expect(taken.body.pending).toEqual([])
    await waitFor(() => sectionText(lead.doc, 'joint:analysis').startsWith('Tom Ellis (Meadow Lane Primary School)\nAttendance is 96%'))
    expect(sectionText(lead.doc, 'joint:analysis')).toContain('Edited: Growth is on track')
    expect(sectionText(lead.doc, 'joint:analysis')).toContain('Overall the plan is working')
    expect(sectionText(stored(), 'joint:analysis')).toBe(sectionText(lead.doc, 'joint:analysis'))
    lead.destroy()
  })
})

describe('sharing with the family', () => {
  it('keeps the report from a parent, and shares only what is not professionals-only', async () => {
    const family = `${report}:family`
    expect((await MisbehavingClient.connect(url(), group.as.parent)).refused).toBe(CloseCode.Forbidden)
    expect((await MisbehavingClient.connect(url(family), group.as.parent)).refused).toBe(CloseCode.Forbidden)
    expect((await api('GET', `/api/reports/${meetingId}`, 'parent')).status).toBe(403)
    expect((await api('POST', `/api/reports/${meetingId}/share`, 'teamManager', { shared: true })).status).toBe(403)
    expect((await api('POST', `/api/reports/${meetingId}/share`, 'socialWorker', { shared: true })).body.report.sharedAt).not.toBeNull()

    const parent = await MisbehavingClient.connect(url(family), group.as.parent)
    expect(parent.refused).toBeUndefined()
    const draft = sectionText(parent.doc, 'draft:analysis')
    expect(draft).toContain('Attendance is 96%')
    expect(draft).not.toContain('Growth is on track')
    expect(draft).not.toContain('Hana Novak')
    // The parent writes their own views; not the draft, not another's views.
    expect(await parent.send(parent.insertText(`views:${memberId('parent')}`, 'We agree things are better'))).toMatchObject({ kind: 'acked' })
    const again = await MisbehavingClient.connect(url(family), group.as.parent)
    expect(await again.send(again.insertText('draft:analysis', 'Rewritten'))).toMatchObject({ kind: 'rejected', reason: 'not-writable' })
    expect(sectionText(stored(family), 'draft:analysis')).toBe(draft)
    const parentView = await api('GET', `/api/reports/${meetingId}`, 'parent')
    expect(parentView.status).toBe(200)
    expect(parentView.body.contributions).toEqual([])

    // Stopping sharing closes the parent's copy (4501) and refuses it from then on.
    const open = await openRawSocket(url(family), group.as.parent)
    await waitFor(() => open.frames.length > 0, 5000, 'the copy to sync')
    expect((await api('POST', `/api/reports/${meetingId}/share`, 'socialWorker', { shared: false })).body.report.sharedAt).toBeNull()
    expect((await open.closed).code).toBe(CloseCode.AccessChanged)
    expect((await MisbehavingClient.connect(url(family), group.as.parent)).refused).toBe(CloseCode.Forbidden)
  })
})

describe('merge and locks', () => {
  it('refuses to merge into a locked report', async () => {
    const locked = await server.request('POST', `/api/documents/${encodeURIComponent(report)}/locks`, { as: group.as.socialWorker, body: { locked: true } })
    expect(locked.status).toBe(200)
    expect((await api('POST', `/api/reports/${meetingId}/merge`, 'socialWorker', {})).status).toBe(409)
    await server.request('POST', `/api/documents/${encodeURIComponent(report)}/locks`, { as: group.as.socialWorker, body: { locked: false } })
    expect((await api('POST', `/api/reports/${meetingId}/merge`, 'socialWorker', {})).status).toBe(200)
  })
})

describe('the deadline chain on the dashboard', () => {
  it('shows a professional their own contribution overdue until they submit it', async () => {
    const past = await insertMeeting(server.db, Meeting.parse({ ...group.preReview, id: newId('meet'), date: addCalendarDays(ukDateOf(), -30) }))
    const due = async (who: 'teamManager' | 'parent') => {
      const res = await server.request('GET', '/api/dashboard', { as: group.as[who] })
      const body = (await res.json()) as DashboardResponse
      return body.cases.find((k) => k.id === group.caseRow.id)!.due.filter((d) => d.key === `joint-report-contribution:${past.id}`)
    }
    expect(await due('teamManager')).toMatchObject([{ status: 'overdue', rule: 'jointReportDraft' }])
    expect(await due('parent')).toEqual([])
    const submitted = await server.request('POST', `/api/reports/${past.id}/contributions/${memberId('teamManager')}/submit`, { as: group.as.teamManager, body: {} })
    expect(submitted.status).toBe(200)
    expect(await due('teamManager')).toEqual([])
  })
})
