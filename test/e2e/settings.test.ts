/**
 * The authority settings screen and a case's own interval, in Chromium (issue 15 §5): an administrator
 * starts from a named variant, switches a rule off, adds a closure day and saves, and the server holds
 * exactly that; a bad number is named in the error summary; a social worker is told the page is for
 * administrators; on the case page the lead gives the case its own interval with a reason.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { SettingsResponse } from '../../schemas/api/settings.ts'
import { DEFAULT_TIMESCALE_SETTINGS } from '../../schemas/timescales/index.ts'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { addDays, today } from '../support/dates.ts'
import { startTestServer, type TestServer, type TestUser } from '../support/server.ts'
import { fillDateInput } from './pages/case-pages.ts'
import { launchChromium } from './support/browser.ts'
import { signedInPage } from './support/sign-in.ts'
import { CLIENT_DIR } from './support/client-dir.ts'

let server: TestServer
let browser: Browser
let group: CoreGroupFixture
let admin: TestUser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  server = await startTestServer({ clientDir: CLIENT_DIR })
  browser = await launchChromium()
  group = await seedTestCoreGroup(server)
  admin = await server.signUp({ name: 'Ada Admin', accountRole: 'administrator' })
})
afterAll(async () => {
  for (const c of contexts) await c.close()
  await browser?.close()
  await server?.stop()
})

function pageAs(user: { email: string; password: string }): Promise<Page> {
  return signedInPage(browser, server.httpUrl, user, contexts)
}

const settings = async () => ((await (await server.request('GET', '/api/settings', { as: admin })).json()) as SettingsResponse).settings

it('an administrator starts from a variant, switches a rule off, adds a closure day and saves', async () => {
  const page = await pageAs(admin)
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('heading', { name: /Settings for/ }).waitFor()
  const form = page.getByRole('form', { name: 'Authority settings' })

  // A bad number is named, and nothing is saved.
  await form.getByRole('textbox', { name: 'Notes and updated plan sent to members after a core group: number' }).fill('')
  await form.getByRole('button', { name: 'Save settings' }).click()
  await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('Enter a whole number')
  expect((await settings()).notesDistribution).toEqual(DEFAULT_TIMESCALE_SETTINGS.notesDistribution)

  await form.getByRole('button', { name: 'Start from these values: 6-weekly, updated plan within 5 working days' }).click()
  expect(await form.getByRole('textbox', { name: 'Time between core groups: number' }).inputValue()).toBe('6')
  await form.getByRole('checkbox', { name: 'Switch this rule off: Minutes to the social worker after a core group' }).check()
  expect(await form.getByRole('textbox', { name: 'Minutes to the social worker after a core group: number' }).isDisabled()).toBe(true)
  const closure = addDays(today(), 20)
  await fillDateInput(page, 'settings-closureDay', closure)
  await form.getByRole('button', { name: 'Add closure day' }).click()
  await expect.poll(() => page.getByTestId('closure-days').innerText()).toContain(closure.slice(0, 4))
  await form.getByRole('button', { name: 'Save settings' }).click()
  await page.getByText('Settings saved.').waitFor()

  const saved = await settings()
  expect(saved.coreGroupInterval).toEqual({ value: 6, unit: 'weeks' })
  expect(saved.switchedOff).toEqual(['minutesToSocialWorker'])
  expect(saved.closureDays).toEqual([closure])
  // After a reload the page shows what the server holds.
  await page.reload()
  expect(await form.getByRole('checkbox', { name: 'Switch this rule off: Minutes to the social worker after a core group' }).isChecked()).toBe(true)
})

it('a social worker opening the settings is told they are for administrators', async () => {
  const page = await pageAs({ email: group.people.socialWorker.user.email, password: group.people.socialWorker.password })
  expect(await page.getByRole('link', { name: 'Settings' }).count()).toBe(0)
  await page.goto(`${server.httpUrl}/admin/settings`)
  await page.getByRole('heading', { name: 'Only an administrator can change the settings' }).waitFor()
  expect(await page.getByRole('button', { name: 'Save settings' }).count()).toBe(0)
})

it('the lead social worker gives the case its own interval, with a reason', async () => {
  const page = await pageAs({ email: group.people.socialWorker.user.email, password: group.people.socialWorker.password })
  await page.goto(`${server.httpUrl}/cases/${group.caseRow.id}`)
  const shown = page.getByTestId('meeting-interval')
  await expect.poll(() => shown.innerText()).toContain('the authority’s usual time between core groups')
  await page.getByText('Change how often this core group meets').click()
  const form = page.getByRole('form', { name: 'How often this core group meets' })
  await form.getByLabel('At this case’s own time').check()
  await form.getByRole('textbox', { name: 'Time between core groups for this case: number' }).fill('3')
  await form.getByRole('button', { name: 'Save how often the core group meets' }).click()
  await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('Say why this case meets at a different interval')
  await form.getByLabel('Why this case meets at a different interval').fill('The youngest child is a baby')
  await form.getByRole('button', { name: 'Save how often the core group meets' }).click()
  await expect.poll(() => shown.innerText()).toContain('every 3 weeks')
  expect(await shown.innerText()).toContain('The youngest child is a baby')
  const stored = (await (await server.request('GET', `/api/cases/${group.caseRow.id}`, { as: group.as.socialWorker })).json()) as { case: { coreGroupInterval: unknown } }
  expect(stored.case.coreGroupInterval).toEqual({ value: 3, unit: 'weeks' })
})
