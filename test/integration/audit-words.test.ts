/**
 * The audit trail in words (issue 15 §9): real events (a member opening the minutes over a socket, a
 * lock, a change of chair and note taker) read back with names and section titles; the filters; the
 * CSV for a subject access request; and the stored rows keeping ids only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditTrailResponse } from '../../schemas/api/audit.ts'
import type { ApiErrorBody } from '../../schemas/api/errors.ts'
import { agendaFor } from '../../schemas/templates/index.ts'
import { formatLongDate } from '../../schemas/timescales/index.ts'
import { listAudit } from '../../server/db/repos/audit.ts'
import { DEMO_PEOPLE } from '../../server/demo/seed.ts'
import { expectStatus } from '../support/case-factories.ts'
import { openClient } from '../support/clients.ts'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { addDays, today } from '../support/dates.ts'
import { startTestServer, type TestServer, type TestUser } from '../support/server.ts'

let server: TestServer
let g: CoreGroupFixture
let stranger: TestUser
let minutesOf: string
const item = agendaFor('seed-004', 'first').items[0]!

const trail = async (query = '', as: TestUser = g.as.socialWorker) =>
  expectStatus<AuditTrailResponse>(await server.request('GET', `/api/cases/${g.caseRow.id}/audit${query}`, { as }), 200)

beforeAll(async () => {
  server = await startTestServer()
  g = await seedTestCoreGroup(server)
  stranger = await server.signUp({ name: 'Stella Stranger' })
  minutesOf = `the minutes of the first core group of ${formatLongDate(g.meeting.date)}`
  const name = `meeting:${g.meeting.id}`
  // The teacher opens the minutes over a real socket.
  const client = openClient(server.syncUrl, name, g.as.teacher)
  await client.whenSynced()
  client.destroy()
  const lock = (section: string, locked: boolean) =>
    server.request('POST', `/api/documents/${encodeURIComponent(name)}/locks`, { as: g.as.socialWorker, body: { section, locked } })
  await expectStatus(await lock(`update:${g.people.teacher.member.id}`, true), 200)
  await expectStatus(await lock(`item:${item.key}`, true), 200)
  await expectStatus(
    await server.request('POST', `/api/meetings/${g.meeting.id}/roles`, {
      as: g.as.socialWorker,
      body: { chairMemberId: g.people.teamManager.member.id, noteTakerMemberId: g.people.healthVisitor.member.id },
    }),
    200,
  )
  const opened = async () => (await listAudit(server.db, { caseId: g.caseRow.id, events: ['document-opened'] })).length > 0
  for (let i = 0; i < 100 && !(await opened()); i++) await new Promise((r) => setTimeout(r, 20))
})
afterAll(() => server.stop())

describe('GET /api/cases/:id/audit in words', () => {
  it('names the people, the document and the section', async () => {
    const { events, people, kinds } = await trail()
    const opened = events.find((e) => e.event === 'document-opened' && e.userId === g.as.teacher.id)
    expect(opened).toMatchObject({ who: 'Tom Ellis', what: 'Opened the document', where: `The minutes of the first core group of ${formatLongDate(g.meeting.date)}`, doc: `meeting:${g.meeting.id}` })
    const locked = events.find((e) => e.event === 'lock' && e.section?.startsWith('update:'))
    expect(locked).toMatchObject({ who: 'Sam Okafor', what: 'Locked the section', where: `Tom Ellis’s update in ${minutesOf}`, section: `update:${g.people.teacher.member.id}` })
    expect(events.find((e) => e.event === 'lock' && e.section?.startsWith('item:'))?.where).toBe(`The item “${item.title}” in ${minutesOf}`)
    expect(events.find((e) => e.event === 'meeting-roles-changed')).toMatchObject({
      who: 'Sam Okafor',
      what: 'Made Priya Raman the chair and Hana Novak the note taker',
      where: `The minutes of the first core group of ${formatLongDate(g.meeting.date)}`,
    })
    expect(opened!.when).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}:\d{2}$/)
    expect(people.map((p) => p.name)).toEqual(expect.arrayContaining(['Sam Okafor', 'Tom Ellis']))
    expect(kinds.map((k) => k.event)).toEqual(expect.arrayContaining(['document-opened', 'lock', 'meeting-roles-changed']))
  })

  it('filters by person, by kind (repeated or comma-separated) and by UK day', async () => {
    const byTeacher = await trail(`?person=${g.as.teacher.id}`)
    expect(byTeacher.events.length).toBeGreaterThan(0)
    expect(new Set(byTeacher.events.map((e) => e.who))).toEqual(new Set(['Tom Ellis']))
    const all = await trail()
    expect(byTeacher.events.length).toBeLessThan(all.events.length)
    // The choices stay the whole trail's, whatever the filter.
    expect(byTeacher.people).toEqual(all.people)

    const locks = await trail('?kind=lock')
    expect(locks.events.map((e) => e.event)).toEqual(['lock', 'lock'])
    const two = await trail('?kind=lock,meeting-roles-changed')
    expect(new Set(two.events.map((e) => e.event))).toEqual(new Set(['lock', 'meeting-roles-changed']))
    expect((await trail('?kind=lock&kind=meeting-roles-changed')).events).toEqual(two.events)

    expect((await trail(`?from=${today()}&to=${today()}`)).events.length).toBe(all.events.length)
    expect((await trail(`?to=${addDays(today(), -1)}`)).events).toEqual([])
    expect((await trail(`?from=${addDays(today(), 1)}`)).events).toEqual([])
    expect((await trail('?person=&kind=&from=&to=')).events.length).toBe(all.events.length)
  })

  it('refuses filters that are not valid, naming each field', async () => {
    const bad = await expectStatus<ApiErrorBody>(await server.request('GET', `/api/cases/${g.caseRow.id}/audit?person=not%20an%20id!&kind=lock,bedtime&from=2026-13-01`, { as: g.as.socialWorker }), 400)
    expect(bad.error.code).toBe('validation-failed')
    expect(bad.error.fields).toEqual({ person: 'Select a person from the list', 'kind.1': 'Select a kind of event', from: 'From date must be a real date' })
    const backwards = await expectStatus<ApiErrorBody>(await server.request('GET', `/api/cases/${g.caseRow.id}/audit?from=2026-12-16&to=2026-12-15`, { as: g.as.socialWorker }), 400)
    expect(backwards.error.fields).toEqual({ to: 'The to date must be the same as or after the from date' })
  })

  it('is for the lead social worker and the team manager only', async () => {
    await trail('', g.as.teamManager)
    await expectStatus(await server.request('GET', `/api/cases/${g.caseRow.id}/audit`, { as: g.as.teacher }), 403)
    await expectStatus(await server.request('GET', `/api/cases/${g.caseRow.id}/audit`, { as: g.as.parent }), 403)
    await expectStatus(await server.request('GET', `/api/cases/${g.caseRow.id}/audit`, { as: stranger }), 404)
  })
})

describe('GET /api/cases/:id/audit.csv', () => {
  it('downloads the filtered trail in words, under a file name with no personal details', async () => {
    const res = await server.request('GET', `/api/cases/${g.caseRow.id}/audit.csv?kind=lock`, { as: g.as.socialWorker })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="audit-${g.caseRow.id}-${today()}.csv"`)
    const text = (await res.text()).replace(/^\uFEFF/, '')
    const lines = text.split('\r\n')
    expect(lines[0]).toBe('When (UK time),Who,What,Where,Event,Time (UTC),Account id,Document,Section,Detail')
    expect(lines.filter(Boolean)).toHaveLength(3)
    expect(text).toContain(`,Sam Okafor,Locked the section,Tom Ellis’s update in ${minutesOf},lock,`)
    expect(text).toContain(`update:${g.people.teacher.member.id}`)
  })

  it('is refused to a teacher, with the same field errors as the page', async () => {
    await expectStatus(await server.request('GET', `/api/cases/${g.caseRow.id}/audit.csv`, { as: g.as.teacher }), 403)
    await expectStatus(await server.request('GET', `/api/cases/${g.caseRow.id}/audit.csv`, { as: stranger }), 404)
    await expectStatus(await server.request('GET', `/api/cases/${g.caseRow.id}/audit.csv`), 401)
    const bad = await expectStatus<ApiErrorBody>(await server.request('GET', `/api/cases/${g.caseRow.id}/audit.csv?kind=bedtime`, { as: g.as.socialWorker }), 400)
    expect(bad.error.fields).toEqual({ 'kind.0': 'Select a kind of event' })
  })
})

describe('the stored trail', () => {
  it('keeps ids only: no stored row holds a name', async () => {
    const rows = await server.db.selectFrom('audit_events').selectAll().execute()
    expect(rows.length).toBeGreaterThan(3)
    const stored = JSON.stringify(rows)
    for (const person of Object.values(DEMO_PEOPLE)) {
      expect(stored).not.toContain(person.name)
      expect(stored).not.toContain(person.name.split(' ')[1])
    }
    expect(stored).not.toContain(item.title)
  })
})
