/**
 * Disabling an account, in Chromium (issue 15 §8): an administrator disables the teacher on the users
 * page while the teacher has the meeting open; the teacher's page closes at once to the sign-in page,
 * and their sign-in is refused until the account is re-enabled. A password reset link made on the same
 * page lets its owner choose a new password once.
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

it('an administrator makes a password reset link; its owner chooses a new password with it and is signed in; the link then stops working', async () => {
  const visitor = group.people.healthVisitor
  const adminPage = (await pageAs(admin)).page
  await adminPage.goto(`${server.httpUrl}/admin/users`)
  // Your own row offers neither disabling nor a reset.
  const own = adminPage.getByTestId(`account-${admin.id}`)
  await expect.poll(() => own.innerText()).toContain('This is you')
  expect(await own.getByRole('button').count()).toBe(0)

  await adminPage.getByRole('button', { name: `Make a password reset link for ${visitor.user.name}` }).click()
  const link = await adminPage.getByTestId('password-reset-link').innerText()
  expect(await adminPage.getByTestId('password-reset').innerText()).toContain(`Password reset link for ${visitor.user.name}`)

  const context = await browser.newContext()
  contexts.push(context)
  const page = await context.newPage()
  await page.goto(link)
  await page.getByRole('heading', { name: 'Choose a new password' }).waitFor()
  await expect.poll(() => page.locator('main').innerText()).toContain(visitor.user.email)
  await page.getByLabel('New password').fill('short')
  await page.getByRole('button', { name: 'Save the new password' }).click()
  await expect.poll(() => page.locator('.error-summary, [role="alert"]').first().innerText().catch(() => '')).toContain('at least 12 characters')
  await page.getByLabel('New password').fill('a new fictional passphrase')
  await page.getByRole('button', { name: 'Save the new password' }).click()
  await page.getByTestId('signed-in-as').waitFor()
  expect(new URL(page.url()).pathname).toBe('/')

  // The old password no longer works; the link is spent.
  expect((await server.request('POST', '/api/session', { body: { email: visitor.user.email, password: visitor.password }, headers: { 'content-type': 'application/json' } })).status).toBe(401)
  const again = await (await browser.newContext()).newPage()
  await again.goto(link)
  await again.getByRole('heading', { name: 'This link cannot be used' }).waitFor()
  await again.context().close()
})
