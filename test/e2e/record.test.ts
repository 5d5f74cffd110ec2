/**
 * "Finalise and share" in Chromium (issue 13): the lead social worker finalises the held meeting's
 * notes on the record page; the teacher's open meeting page turns read-only at once; the lead
 * downloads the DOCX, records sending it to each member (how: from each member's sharing arrangement)
 * and the overdue "notes sent to members" item leaves the dashboard; the parent downloads the family
 * copy from their own record page and acknowledges it; then the lead reopens with a reason.
 *
 * With RECORD_SHOTS set (a folder) it saves screenshots of the lead's and the parent's record page.
 */
import { randomBytes } from 'node:crypto'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { addCalendarDays, ukDateOf } from '../../schemas/timescales/index.ts'
import { seedCoreGroup, type DemoPerson, type SeededCoreGroup } from '../../server/demo/seed.ts'
import { docxText } from '../support/docx-read.ts'
import { writeMinutes, writeRestricted, WORDS } from '../support/minutes-content.ts'
import { openClient } from '../support/clients.ts'
import { startTestServer, type TestServer, type TestUser } from '../support/server.ts'
import { MeetingPageObject } from './pages/meeting-page.ts'
import { RecordPageObject } from './pages/record-page.ts'
import { launchChromium } from './support/browser.ts'
import { CLIENT_DIR } from './support/client-dir.ts'

let server: TestServer
let browser: Browser
let group: SeededCoreGroup
const contexts: BrowserContext[] = []
const password = (p: DemoPerson) => `fictional e2e password for ${p}`

beforeAll(async () => {
  server = await startTestServer({ clientDir: CLIENT_DIR })
  browser = await launchChromium()
  // A first core group held about four weeks ago, its notes not yet sent out: overdue on the dashboard.
  group = await seedCoreGroup(server.db, server.authorityId, { password, emailSuffix: randomBytes(3).toString('hex'), store: server.store, initialConferenceDate: addCalendarDays(ukDateOf(), -40) })
  const lead = await signInApi('socialWorker')
  const held = await server.request('PATCH', `/api/meetings/${group.meeting.id}`, { as: lead, body: { status: 'held' }, headers: { origin: server.httpUrl } })
  expect(held.status).toBe(200)
  // Fictional minutes and professionals-only notes, written through real sockets.
  const minutes = openClient(server.syncUrl, `meeting:${group.meeting.id}`, lead)
  const restricted = openClient(server.syncUrl, `meeting:${group.meeting.id}:restricted`, lead)
  await Promise.all([minutes.whenSynced(), restricted.whenSynced()])
  writeMinutes(minutes.doc, { ...group, preReview: group.meeting, as: {} as never })
  writeRestricted(restricted.doc)
  await Promise.all([minutes.whenSaved(), restricted.whenSaved()])
  minutes.destroy()
  restricted.destroy()
}, 120_000)
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function signInApi(who: DemoPerson): Promise<TestUser> {
  const person = group.people[who]
  const signed = await server.auth.signIn(person.user.email, password(who), `e2e-${who}`)
  return { id: person.user.id, email: person.user.email, password: password(who), name: person.user.name, cookie: `cg_session=${signed.token}`, csrfToken: signed.csrfToken }
}

async function pageAs(who: DemoPerson) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', acceptDownloads: true })
  contexts.push(context)
  const page = await context.newPage()
  const meeting = new MeetingPageObject(page, server.httpUrl)
  await meeting.signIn({ email: group.people[who].user.email, password: password(who) })
  return { page, meeting, record: new RecordPageObject(page, server.httpUrl) }
}

const dueKey = () => `notes-distributed:${group.meeting.id}`

it('finalise, read-only everywhere, download, distribution clears the due item, the parent acknowledges, reopen', async () => {
  const teacherSection = `update:${group.people.teacher.member.id}`
  const teacher = await pageAs('teacher')
  await teacher.meeting.openMeeting(group.meeting.id, teacherSection)
  await expect.poll(() => teacher.meeting.isEditable(teacherSection), { timeout: 15_000 }).toBe(true)

  const lead = await pageAs('socialWorker')
  await lead.page.goto(`${server.httpUrl}/`)
  await lead.page.locator(`[data-key="${dueKey()}"]`).waitFor()
  expect(await lead.page.locator(`[data-key="${dueKey()}"]`).getAttribute('data-status')).toBe('overdue')

  await lead.record.open(group.meeting.id)
  await expect.poll(() => lead.record.state().innerText()).toMatch(/^Draft/)
  await lead.record.finalise()
  await expect.poll(() => lead.record.state().innerText()).toBe('Version 1 is final: nobody can change the minutes or the professionals-only notes.')

  // The teacher's open page: the editor turns read-only without a reload.
  await expect.poll(() => teacher.meeting.isEditable(teacherSection), { timeout: 15_000 }).toBe(false)

  // The lead views version 1 read-only and downloads both copies.
  await lead.page.getByTestId('view-1').click()
  await expect.poll(() => lead.page.getByTestId('version-view').innerText()).toContain(WORDS.purpose)
  expect(await lead.page.getByTestId('version-view').innerText()).toContain(WORDS.restricted)
  const versionId = await lead.page.evaluate(async (m) => ((await (await fetch(`/api/meetings/${m}/versions`)).json()) as { versions: Array<{ id: string }> }).versions[0]!.id, group.meeting.id)
  const professional = await lead.record.download(`download-${versionId}--document-notes-copy-professional`)
  expect(professional.name).toBe(`Brook-core-group-notes-${group.meeting.date}-v1.docx`)
  expect(await docxText(professional.bytes)).toContain(WORDS.restricted)
  const family = await lead.record.download(`download-${versionId}--document-notes-copy-family`)
  expect(family.name).toBe(`Brook-core-group-notes-${group.meeting.date}-v1-family.docx`)
  expect(await docxText(family.bytes)).not.toContain(WORDS.restricted)

  // Record sending to every member; how comes from each member's sharing arrangement.
  const parentId = group.people.parent.member.id
  await expect.poll(() => lead.record.distributionRow(parentId).innerText()).toContain('Paper copy handed over at home visits')
  for (const person of Object.values(group.people)) {
    await lead.record.recordSent(person.member.id).click()
    await lead.record.recordSent(person.member.id).waitFor({ state: 'detached' })
  }
  await expect.poll(() => lead.page.getByTestId('distribution-summary').innerText()).toBe('Sent to every member of the core group.')
  if (process.env.RECORD_SHOTS) await lead.page.screenshot({ path: `${process.env.RECORD_SHOTS}/record-lead.png`, fullPage: true })
  await lead.page.goto(`${server.httpUrl}/`)
  await lead.page.getByTestId('signed-in-as').waitFor()
  await expect.poll(() => lead.page.locator(`[data-key="${dueKey()}"]`).count()).toBe(0)

  // The parent downloads their own copy — the family copy — and acknowledges it.
  const parent = await pageAs('parent')
  await parent.record.open(group.meeting.id)
  expect(await parent.page.getByTestId('finalise-start').count()).toBe(0)
  const mine = await parent.record.download('my-download-1')
  expect(mine.name).toMatch(/-v1-family\.docx$/)
  expect(await docxText(mine.bytes)).not.toContain(WORDS.restricted)
  await parent.page.getByTestId('acknowledge-1').click()
  await expect.poll(() => parent.page.getByTestId('acknowledged-1').innerText()).toMatch(/^Receipt acknowledged/)
  if (process.env.RECORD_SHOTS) await parent.page.screenshot({ path: `${process.env.RECORD_SHOTS}/record-parent.png`, fullPage: true })
  await lead.record.open(group.meeting.id)
  await expect.poll(() => lead.record.distributionRow(parentId).innerText()).not.toMatch(/Not yet/)

  // Reopen with a reason: the teacher's page becomes editable again.
  await lead.record.reopen('The teacher’s update needs a date')
  await expect.poll(() => lead.record.state().innerText()).toMatch(/^Draft after version 1/)
  await expect.poll(() => teacher.meeting.isEditable(teacherSection), { timeout: 15_000 }).toBe(true)
  expect(await lead.page.getByTestId('version-1').innerText()).toContain('The teacher’s update needs a date')
}, 120_000)
