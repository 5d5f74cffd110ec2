/**
 * Disabling an account, in Chromium (issue 15 §8): an administrator disables the teacher on the users
 * page while the teacher has the meeting open; the teacher's page closes at once to the sign-in page,
 * and their sign-in is refused until the account is re-enabled.
 */
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { startTestServer, type TestServer, type TestUser } from '../support/server.ts'
import { MeetingPageObject } from './pages/meeting-page.ts'
import { launchChromium } from './support/browser.ts'
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

async function pageAs(user: { email: string; password: string }) {
  const context = await browser.newContext()
  contexts.push(context)
  const page = new MeetingPageObject(await context.newPage(), server.httpUrl)
  page.page.setDefaultTimeout(15_000)
  await page.signIn(user)
  return page
}

it('disabling a user whose meeting page is open closes it at once; re-enabling lets them back in', async () => {
  const teacherLogin = { email: group.people.teacher.user.email, password: group.people.teacher.password }
  const teacher = await pageAs(teacherLogin)
  await teacher.openMeeting(group.meeting.id, 'item:note-taker')
  const adminPage = (await pageAs(admin)).page
  await adminPage.goto(`${server.httpUrl}/admin/users`)
  const row = adminPage.getByTestId(`account-${group.people.teacher.user.id}`)
  await expect.poll(() => row.innerText()).toContain('Staff')
  await adminPage.getByRole('button', { name: `Disable ${group.people.teacher.user.name}` }).click()
  await expect.poll(() => row.innerText()).toContain('No: disabled on')

  // The teacher's open page goes to the sign-in page without anyone touching it.
  await teacher.page.getByRole('heading', { name: 'Sign in to coregroup' }).waitFor()
  await teacher.page.getByLabel('Email address').fill(teacherLogin.email)
  await teacher.page.getByLabel('Password').fill(teacherLogin.password)
  await teacher.page.getByRole('button', { name: 'Sign in' }).click()
  await expect.poll(() => teacher.page.getByRole('alert').first().innerText().catch(() => '')).not.toBe('')
  expect(await teacher.page.getByTestId('signed-in-as').count()).toBe(0)

  await adminPage.getByRole('button', { name: `Re-enable ${group.people.teacher.user.name}` }).click()
  await expect.poll(() => row.innerText()).toContain('Yes')
  await teacher.page.getByRole('button', { name: 'Sign in' }).click()
  await teacher.page.getByTestId('signed-in-as').waitFor()
})
