/**
 * The joint report in Chromium (issue 12): two agencies write their contributions at once, each landing
 * on their own; one submits and sees it lock; the lead social worker merges, edits the joint text, then
 * re-merges after the other agency changed a passage and takes the change (keeping their own edit);
 * a member records a disagreement and the report names it.
 */
import { CLIENT_DIR } from './support/client-dir.ts'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import type { DemoPerson } from '../../server/demo/seed.ts'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { ReportPageObject } from './pages/report-page.ts'
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
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function as(person: DemoPerson): Promise<ReportPageObject> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })
  contexts.push(context)
  const page = new ReportPageObject(await context.newPage(), server.httpUrl)
  await page.signIn({ email: group.people[person].user.email, password: group.people[person].password })
  await page.openReport(group.preReview.id)
  return page
}

const id = (p: DemoPerson) => group.people[p].member.id
const analysis = (p: DemoPerson) => `contrib:${id(p)}:analysis`

it('two agencies co-write, one submits and is locked, the lead merges, edits, re-merges a change, and a disagreement is recorded', async () => {
  const teacher = await as('teacher')
  const visitor = await as('healthVisitor')
  // Each lands on their own contribution.
  await teacher.contribution(id('teacher')).waitFor()
  await visitor.contribution(id('healthVisitor')).waitFor()

  // Both write at once.
  await Promise.all([teacher.typeAtEnd(analysis('teacher'), 'Robin reads every day in class.'), visitor.typeAtEnd(analysis('healthVisitor'), 'Growth is on track.')])
  await expect.poll(() => teacher.save().textContent(), { timeout: 10_000 }).toMatch(/saved/i)
  await expect.poll(() => visitor.save().textContent(), { timeout: 10_000 }).toMatch(/saved/i)

  // The teacher submits and sees the contribution lock.
  await teacher.page.getByTestId('submit-contribution').click()
  await teacher.page.getByTestId('contribution-submitted').waitFor()
  await expect.poll(() => teacher.mode(analysis('teacher')), { timeout: 10_000 }).toBe('locked')
  expect(await teacher.editor(analysis('teacher')).evaluate((el) => (el as HTMLElement).isContentEditable)).toBe(false)
  await visitor.page.getByTestId('submit-contribution').click()
  await visitor.page.getByTestId('contribution-submitted').waitFor()

  // The lead social worker merges both.
  const lead = await as('socialWorker')
  await lead.page.getByTestId('joint-report').waitFor()
  await expect.poll(() => lead.page.getByTestId('merge-new').count()).toBe(2)
  await lead.page.getByTestId('merge-button').click()
  await lead.page.getByTestId('merge-up-to-date').waitFor()
  await expect.poll(() => lead.text('joint:analysis'), { timeout: 10_000 }).toContain('Robin reads every day in class.')
  expect(await lead.page.locator('[data-section="joint:analysis"] [data-attribution-label="Tom Ellis (Meadow Lane Primary School)"]').count()).toBeGreaterThan(0)
  // …and edits the joint text: a paragraph of their own after the passages, which is not attributed.
  await lead.editor('joint:analysis').locator('p').last().click()
  await lead.page.keyboard.press('End')
  await lead.page.keyboard.press('Enter')
  await lead.page.keyboard.type('Checked with the school.')
  await expect.poll(() => lead.text('joint:analysis'), { timeout: 10_000 }).toContain('Checked with the school.')
  await expect.poll(() => lead.save().textContent(), { timeout: 10_000 }).toMatch(/saved/i)
  expect(await lead.editor('joint:analysis').locator('p').last().getAttribute('data-attribution')).toBeNull()

  // The health visitor's contribution is reopened, changed and submitted again.
  await lead.openContents(/Hana Novak/)
  await lead.page.getByRole('button', { name: 'Reopen for changes' }).click()
  await lead.page.getByTestId('submit-contribution').waitFor()
  await visitor.page.reload()
  await visitor.contribution(id('healthVisitor')).waitFor()
  await expect.poll(() => visitor.mode(analysis('healthVisitor')), { timeout: 10_000 }).toBe('write')
  await visitor.typeAtEnd(analysis('healthVisitor'), ' Weight gain is steady.')
  await expect.poll(() => visitor.save().textContent(), { timeout: 10_000 }).toMatch(/saved/i)
  await visitor.page.getByTestId('submit-contribution').click()
  await visitor.page.getByTestId('contribution-submitted').waitFor()

  // The lead re-merges: exactly that passage is offered, and they take it.
  await lead.page.reload()
  await lead.page.getByTestId('joint-report').waitFor()
  await expect.poll(() => lead.page.getByTestId('merge-change').count()).toBe(1)
  await expect.poll(() => lead.page.getByTestId('merge-change').textContent()).toContain('Weight gain is steady.')
  await lead.page.getByTestId('merge-take').click()
  await lead.page.getByTestId('merge-button').click()
  await lead.page.getByTestId('merge-up-to-date').waitFor()
  await expect.poll(() => lead.text('joint:analysis'), { timeout: 10_000 }).toContain('Weight gain is steady.')
  expect(await lead.text('joint:analysis')).toContain('Checked with the school.')

  // The teacher records a disagreement; the lead's report names it.
  await teacher.page.getByTestId('position-disagree').check()
  await teacher.page.getByTestId('position-reason').fill('Home progress is too recent to end the plan')
  await teacher.page.getByTestId('position-save').click()
  await expect
    .poll(() => lead.page.getByTestId('disagreements').textContent(), { timeout: 10_000 })
    .toContain('Tom Ellis (Meadow Lane Primary School) disagrees with the recommendation: Home progress is too recent to end the plan')
}, 120_000)
