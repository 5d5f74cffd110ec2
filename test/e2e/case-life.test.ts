/**
 * Running a case over months, in Chromium (issue 15): the social worker books a review conference and
 * the joint report's dates appear on the case page; changing the note taker on the case page moves
 * write access in the open meeting page of the person gaining and then losing the role; the team
 * manager's page of the team's cases; cancelling a core group locks its open minutes.
 */
import { CLIENT_DIR } from './support/client-dir.ts'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { dayAndDate } from '../../client/dates.ts'
import { DEFAULT_TIMESCALE_SETTINGS, jointReportDates } from '../../schemas/timescales/index.ts'
import { caseWithMembers, createMeeting } from '../support/case-factories.ts'
import { addDays, today } from '../support/dates.ts'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import type { DemoPerson } from '../../server/demo/seed.ts'
import { CasePagesObject, fillDateInput } from './pages/case-pages.ts'
import { MeetingPageObject } from './pages/meeting-page.ts'
import { launchChromium } from './support/browser.ts'

let server: TestServer
let browser: Browser
let group: CoreGroupFixture
const contexts: BrowserContext[] = []

beforeAll(async () => {
  server = await startTestServer({ clientDir: CLIENT_DIR })
  browser = await launchChromium()
  group = await seedTestCoreGroup(server)
})
afterAll(async () => {
  for (const c of contexts) await c.close()
  await browser?.close()
  await server?.stop()
})

async function pageAs(person: DemoPerson) {
  const context = await browser.newContext()
  contexts.push(context)
  const page = new MeetingPageObject(await context.newPage(), server.httpUrl)
  page.page.setDefaultTimeout(15_000)
  await page.signIn({ email: group.people[person].user.email, password: group.people[person].password })
  return page
}

it('the social worker books a review conference and the joint report dates appear', async () => {
  const sw = await pageAs('socialWorker')
  const ui = new CasePagesObject(sw.page, server.httpUrl)
  await sw.page.goto(`${server.httpUrl}/cases/${group.caseRow.id}`)
  const conferences = sw.page.getByTestId('conferences')
  await expect.poll(() => conferences.innerText()).toContain('Initial child protection conference')
  expect(await conferences.innerText()).not.toContain('Review child protection conference')

  const date = addDays(today(), 70)
  await sw.page.getByText('Book a review conference', { exact: true }).click()
  const form = sw.page.getByRole('form', { name: 'Book a review conference' })
  await form.getByRole('button', { name: 'Book the review conference' }).click()
  await expect.poll(() => ui.errorSummary().innerText()).toContain('Enter the date of the conference')
  await fillDateInput(sw.page, 'book-review-date', date)
  await form.getByLabel('Start time').fill('14:00')
  await form.getByLabel('Venue').fill('Civic Centre, room 4')
  await form.getByLabel('Independent chair', { exact: true }).fill('Ira Independent')
  await form.getByRole('button', { name: 'Book the review conference' }).click()

  await expect.poll(() => conferences.innerText()).toContain('Review child protection conference')
  const dates = jointReportDates(date, DEFAULT_TIMESCALE_SETTINGS)
  const text = await conferences.innerText()
  expect(text).toContain('Independent chair: Ira Independent')
  expect(text).toContain(`Core group before the review, by\n${dayAndDate(dates.preReviewBy)}`)
  expect(text).toContain(`Draft joint report to members, by\n${dayAndDate(dates.draftBy)}`)
  expect(text).toContain(`Final joint report ready, by\n${dayAndDate(dates.finalBy)}`)
  // The timescales run from it: "What is due" shows the review as booked.
  const stored = await server.request('GET', `/api/cases/${group.caseRow.id}`, { as: group.as.socialWorker })
  expect(((await stored.json()) as { case: { reviewConferenceDates: string[] } }).case.reviewConferenceDates).toContain(date)
})

it('changing the note taker on the case page moves write access in the open meeting page', async () => {
  const section = 'item:note-taker'
  const teacher = await pageAs('teacher')
  await teacher.openMeeting(group.meeting.id, section)
  await expect.poll(() => teacher.connection().getAttribute('data-state')).toBe('online')
  expect(await teacher.isEditable(section)).toBe(false)

  const sw = await pageAs('socialWorker')
  await sw.page.goto(`${server.httpUrl}/cases/${group.caseRow.id}`)
  const item = sw.page.locator(`#meeting-${group.meeting.id}`)
  await item.getByText('Change this meeting', { exact: true }).click()
  const roles = item.getByRole('form', { name: 'Chair, note taker and vice chair' })
  await roles.getByLabel('Note taker').selectOption(group.people.teacher.member.id)
  await roles.getByRole('button', { name: 'Save the roles' }).click()
  await expect.poll(() => item.innerText()).toContain(`note taker: ${group.people.teacher.member.name}`)
  // The teacher's page reconnects with the note taker's rights.
  await expect.poll(() => teacher.isEditable(section), { timeout: 20_000 }).toBe(true)

  // The saved meeting comes back with its forms closed.
  await item.getByText('Change this meeting', { exact: true }).click()
  await roles.getByLabel('Note taker').selectOption(group.people.socialWorker.member.id)
  await roles.getByRole('button', { name: 'Save the roles' }).click()
  await expect.poll(() => teacher.isEditable(section), { timeout: 20_000 }).toBe(false)
})

it('the team manager’s page lists the team’s cases, most overdue first, sortable, with the cases over each deadline', async () => {
  const late = await caseWithMembers(server, group.as.socialWorker, [{ user: group.as.teamManager, role: 'team-manager' }], { familyName: 'Lateby', initialConferenceDate: addDays(today(), -90) })
  const meeting = await createMeeting(server, group.as.socialWorker, late.caseId, { type: 'first', date: addDays(today(), -60) })
  expect((await server.request('PATCH', `/api/meetings/${meeting.id}`, { as: group.as.socialWorker, body: { status: 'held' } })).status).toBe(200)

  const tm = await pageAs('teamManager')
  await tm.page.getByRole('link', { name: 'Team', exact: true }).click()
  await tm.page.getByRole('heading', { name: 'Your team’s cases' }).waitFor()
  const rows = tm.page.getByTestId('team-cases').locator('tbody tr')
  await expect.poll(() => rows.count()).toBe(2)
  expect(await rows.first().innerText()).toContain('Lateby family')
  expect(await tm.page.getByTestId('over-deadlines').innerText()).toContain('Notes and updated plan sent to members after a core group: 1 case')
  await tm.page.getByRole('button', { name: 'Family' }).click()
  expect(await rows.first().innerText()).toContain('Brook family')
  expect(await tm.page.getByRole('columnheader', { name: 'Family' }).getAttribute('aria-sort')).toBe('ascending')
  // A professional who manages no case sees none of them.
  const teacher = await pageAs('teacher')
  await teacher.page.goto(`${server.httpUrl}/team`)
  await expect.poll(() => teacher.page.locator('main').innerText()).toContain('You are not the team manager of any open case.')
})

it('cancelling a core group on the case page makes its open minutes read-only at once, and its page says why', async () => {
  const meeting = await createMeeting(server, group.as.socialWorker, group.caseRow.id, { type: 'subsequent', date: addDays(today(), 20) })
  const own = `update:${group.people.teacher.member.id}`
  const teacher = await pageAs('teacher')
  await teacher.openMeeting(meeting.id, own)
  await expect.poll(() => teacher.isEditable(own)).toBe(true)

  const sw = await pageAs('socialWorker')
  await sw.page.goto(`${server.httpUrl}/cases/${group.caseRow.id}`)
  const item = sw.page.locator(`#meeting-${meeting.id}`)
  await item.getByText('Change this meeting', { exact: true }).click()
  const form = item.getByRole('form', { name: 'Cancel this core group' })
  await form.getByLabel('Why it is cancelled').fill('The family have moved to a refuge this week')
  await form.getByRole('button', { name: 'Cancel this core group' }).click()

  await expect.poll(() => teacher.isEditable(own), { timeout: 20_000 }).toBe(false)
  await teacher.page.reload()
  const notice = teacher.page.getByTestId('meeting-cancelled')
  await expect.poll(() => notice.innerText().catch(() => '')).toContain('This core group was cancelled')
  expect(await notice.innerText()).toContain('The family have moved to a refuge this week')
})
