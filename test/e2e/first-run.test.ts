/**
 * First run, in Chromium (issue 15 §11): on an empty store the sign-in page says where the first
 * administrator's one-time link was printed; on that link the administrator chooses their own name and
 * email, and is signed in as them.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { bootstrapFirstAdmin } from '../../server/bootstrap.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { launchChromium } from './support/browser.ts'
import { CLIENT_DIR } from './support/client-dir.ts'

let server: TestServer
let browser: Browser

beforeAll(async () => {
  server = await startTestServer({ clientDir: CLIENT_DIR })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

it('the first administrator finds the link, chooses their own name and email, and is signed in', async () => {
  const context = await browser.newContext()
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  await page.goto(`${server.httpUrl}/`)
  await expect.poll(() => page.getByTestId('first-run').innerText().catch(() => '')).toContain('printed a one-time link for the first administrator')

  const first = await bootstrapFirstAdmin(server.db, server.auth, {})
  if (first.kind !== 'invited') throw new Error('expected a one-time link')
  await page.goto(`${server.httpUrl}/invite/${first.token}`)
  await page.getByRole('heading', { name: 'Set up the first administrator' }).waitFor()
  await page.getByLabel('Choose a password').fill('a long fictional passphrase')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('Enter your full name')
  await page.getByLabel('Your full name').fill('Robin Admin')
  await page.getByLabel('Your email address').fill('robin@example.test')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect.poll(() => page.getByTestId('signed-in-as').innerText().catch(() => '')).toBe('Robin Admin')
  await context.close()

  // Signed out, the notice is gone: the store has an account now.
  const fresh = await browser.newContext()
  const again = await fresh.newPage()
  await again.goto(`${server.httpUrl}/`)
  await again.getByRole('button', { name: 'Sign in' }).waitFor()
  await again.waitForTimeout(300)
  expect(await again.getByTestId('first-run').count()).toBe(0)
  await fresh.close()
})
