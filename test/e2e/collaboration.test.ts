import { CLIENT_DIR } from './support/client-dir.ts'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../support/server.ts'
import { DocumentPageObject } from './pages/document-page.ts'
import { launchChromium } from './support/browser.ts'

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

async function openPerson(name: string, doc: string) {
  const context = await browser.newContext()
  const page = new DocumentPageObject(await context.newPage(), server.httpUrl)
  await page.signIn(await server.signUp({ name }))
  await page.open(doc)
  await expect.poll(() => page.connection().getAttribute('data-state')).toBe('online')
  return { context, page }
}

it('two people type into the same section and see each other’s text and named caret', async () => {
  const alice = await openPerson('Alice Social Worker', 'demo:together')
  const ben = await openPerson('Ben Teacher', 'demo:together')

  await alice.page.typeAtEnd('item:purpose', 'Alice writes. ')
  await expect.poll(() => ben.page.text('item:purpose')).toContain('Alice writes.')
  await ben.page.typeAtEnd('item:purpose', 'Ben adds.')
  await expect.poll(() => alice.page.text('item:purpose')).toBe('Alice writes. Ben adds.')

  // Ben's caret, with his name, is drawn in Alice's editor of that section.
  const caretLabel = alice.page.editor('item:purpose').locator('.collaboration-carets__label')
  await expect.poll(() => caretLabel.allInnerTexts()).toContain('Ben Teacher')
  // Presence says who is here and where.
  await expect.poll(() => alice.page.page.getByTestId('presence').innerText()).toMatch(/Ben Teacher\s*in Purpose of the meeting/)
  await expect.poll(() => alice.page.save().getAttribute('data-state')).toBe('saved')
  await expect.poll(() => alice.page.save().innerText()).toBe('All changes saved')
  await alice.context.close()
  await ben.context.close()
})

it('keeps edits made offline across a reload and merges them when back online', async () => {
  const alice = await openPerson('Alice Social Worker', 'demo:offline')
  const ben = await openPerson('Ben Teacher', 'demo:offline')
  await alice.page.typeAtEnd('item:updates', 'Online start.')
  await expect.poll(() => ben.page.text('item:updates')).toBe('Online start.')
  // Let the service worker finish keeping the app shell before the network goes.
  await alice.page.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))

  await alice.context.setOffline(true)
  await expect.poll(() => alice.page.connection().getAttribute('data-state')).toBe('offline')
  await alice.page.typeAtEnd('item:updates', ' Typed offline.')
  await ben.page.typeAtEnd('item:next-steps', 'Ben online meanwhile.')
  await expect.poll(() => alice.page.save().getAttribute('data-state')).toBe('unsaved')
  expect(await ben.page.text('item:updates')).toBe('Online start.')

  // Reload while still offline: the shell comes from the service worker, the text from IndexedDB.
  await alice.page.page.reload()
  await alice.page.editor('item:updates').waitFor()
  await expect.poll(() => alice.page.text('item:updates')).toBe('Online start. Typed offline.')

  await alice.context.setOffline(false)
  await expect.poll(() => alice.page.connection().getAttribute('data-state')).toBe('online')
  await expect.poll(() => ben.page.text('item:updates')).toBe('Online start. Typed offline.')
  await expect.poll(() => alice.page.text('item:next-steps')).toBe('Ben online meanwhile.')
  await expect.poll(() => alice.page.save().getAttribute('data-state')).toBe('saved')
  await alice.context.close()
  await ben.context.close()
})
