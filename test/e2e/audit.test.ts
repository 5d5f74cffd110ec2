/**
 * The audit trail in words, in Chromium (issue 15 §9): the lead social worker opens the audit page
 * from the case, sees the teacher by name and their update by title, filters by person, meets the
 * empty state, and downloads the CSV (the page axe-core clean) with the same filters under a name with no personal details.
 */
import { readFileSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { formatLongDate } from '../../schemas/timescales/index.ts'
import { expectStatus } from '../support/case-factories.ts'
import { openClient } from '../support/clients.ts'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { addDays, today } from '../support/dates.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { axeProblems } from './support/axe.ts'
import { launchChromium } from './support/browser.ts'
import { signedInPage } from './support/sign-in.ts'
import { fillDateInput } from './pages/case-pages.ts'
import { CLIENT_DIR } from './support/client-dir.ts'

let server: TestServer
let browser: Browser
let group: CoreGroupFixture
const contexts: BrowserContext[] = []

beforeAll(async () => {
  server = await startTestServer({ clientDir: CLIENT_DIR })
  browser = await launchChromium()
  group = await seedTestCoreGroup(server)
  const name = `meeting:${group.meeting.id}`
  const teacher = openClient(server.syncUrl, name, group.as.teacher)
  await teacher.whenSynced()
  teacher.destroy()
  await expectStatus(
    await server.request('POST', `/api/documents/${encodeURIComponent(name)}/locks`, { as: group.as.socialWorker, body: { section: `update:${group.people.teacher.member.id}`, locked: true } }),
    200,
  )
})
afterAll(async () => {
  for (const c of contexts) await c.close()
  await browser?.close()
  await server?.stop()
})

function pageAs(user: { email: string; password: string }): Promise<Page> {
  return signedInPage(browser, server.httpUrl, user, contexts, { acceptDownloads: true })
}

it('the social worker reads the trail in words, filters by person and downloads the CSV', async () => {
  const page = await pageAs(group.as.socialWorker)
  await page.goto(`${server.httpUrl}/cases/${group.caseRow.id}`)
  await page.getByRole('link', { name: 'See the audit trail' }).click()
  await page.getByRole('heading', { name: 'Audit trail' }).waitFor()
  const table = page.getByTestId('audit-table')
  const minutes = `the minutes of the first core group of ${formatLongDate(group.meeting.date)}`
  await expect.poll(() => table.innerText()).toContain(`Tom Ellis’s update in ${minutes}`)
  const text = await table.innerText()
  expect(text).toContain('Tom Ellis')
  expect(text).toContain('Sam Okafor')
  expect(text).toContain('Locked the section')
  expect(text).not.toContain(group.people.teacher.member.id)
  expect(await axeProblems(page)).toEqual([])

  // Filter by person: only the teacher's events are left.
  const filters = page.getByRole('form', { name: 'Filter the audit trail' })
  await filters.getByLabel('Person').selectOption({ label: 'Tom Ellis' })
  await filters.getByRole('button', { name: 'Apply filters' }).click()
  await expect.poll(async () => [...new Set(await table.locator('tbody tr td:nth-child(2)').allInnerTexts())]).toEqual(['Tom Ellis'])
  expect(await table.innerText()).toContain('Opened the document')

  // The CSV link carries the same filter.
  const link = page.getByRole('link', { name: /Download as CSV/ })
  expect(await link.getAttribute('href')).toBe(`/api/cases/${group.caseRow.id}/audit.csv?person=${group.as.teacher.id}`)
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  expect(download.suggestedFilename()).toBe(`audit-${group.caseRow.id}-${today()}.csv`)
  const csv = readFileSync((await download.path())!, 'utf8')
  expect(csv).toContain('When (UK time),Who,What,Where')
  expect(csv).toContain('Tom Ellis,Opened the document')
  expect(csv).not.toContain('Sam Okafor,Locked the section')

  // Dates with nothing in them: the empty state, in words.
  await fillDateInput(page, 'field-from', addDays(today(), 1))
  await filters.getByRole('button', { name: 'Apply filters' }).click()
  await page.getByText('Nothing in the audit trail matches these filters.').waitFor()
  expect(await axeProblems(page)).toEqual([])
  await filters.getByRole('button', { name: 'Clear filters' }).click()
  await expect.poll(() => page.getByTestId('audit-table').innerText()).toContain('Sam Okafor')
})

it('a teacher is told the trail is not for them', async () => {
  const page = await pageAs(group.as.teacher)
  await page.goto(`${server.httpUrl}/cases/${group.caseRow.id}/audit`)
  await page.getByText('Only the lead social worker or the team manager can read the audit trail').waitFor()
  expect(await page.getByTestId('audit-table').count()).toBe(0)
})
