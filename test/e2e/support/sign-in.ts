/**
 * A page of its own (a fresh browser context, kept in `contexts` for closing) signed in through the
 * sign-in page, as a person would.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'

export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  user: { email: string; password: string },
  contexts: BrowserContext[],
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext(options)
  contexts.push(context)
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  await page.goto(`${baseUrl}/`)
  await page.getByLabel('Email address').fill(user.email)
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByTestId('signed-in-as').waitFor()
  return page
}
