/**
 * A shared computer: one person's edits made offline are theirs alone. Each local copy (IndexedDB)
 * belongs to the signed-in user; signing out deletes it, unsent edits included, and ends the server
 * session even when made offline; the next person signing in on the same browser sends none of it.
 */
import { CLIENT_DIR } from './support/client-dir.ts'
import type { Browser, Page } from 'playwright-core'
import { sandboxRoomName } from '../../server/demo/sandbox.ts'
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

/** The IndexedDB databases of the page's origin. */
function databases(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).flatMap((d) => (d.name ? [d.name] : [])).sort())
}

/** Makes empty databases, as a local copy another user (or an older version of the app) left behind. */
function plantDatabases(page: Page, names: string[]): Promise<void> {
  return page.evaluate(
    (all) =>
      Promise.all(
        all.map(
          (name) =>
            new Promise<void>((resolve, reject) => {
              const open = indexedDB.open(name)
              open.onupgradeneeded = () => open.result.createObjectStore('updates', { autoIncrement: true })
              open.onsuccess = () => {
                open.result.close()
                resolve()
              }
              open.onerror = () => reject(open.error)
            }),
        ),
      ).then(() => undefined),
    names,
  )
}

/** Signs in on the sign-in page already shown (no reload: the next person at the same browser tab). */
async function signInHere(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Email address').fill(user.email)
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  // Signed in, or refused: a refusal fails here with the page's own words.
  await page.getByTestId('signed-in-as').or(page.getByTestId('error-summary')).waitFor()
  const refused = page.getByTestId('error-summary')
  if (await refused.isVisible()) throw new Error(`Sign-in refused: ${await refused.innerText()}`)
}

async function serverText(doc: string, section: string): Promise<string> {
  // A demo document lives in its authority's sandbox room (issue 9 §8).
  const room = await server.rooms.get(sandboxRoomName(server.authorityId, doc.replace(/^demo:/, '')))
  return room.doc.getXmlFragment(section).toString()
}

it('edits made offline are deleted at sign-out and never sent in the next user’s session', async () => {
  const doc = 'demo:shared-computer'
  const section = 'item:purpose'
  const alice = await server.signUp({ name: 'Alice Social Worker' })
  const ben = await server.signUp({ name: 'Ben Teacher' })
  const aliceCopy = `coregroup:${alice.id}:${doc}`
  const legacyCopy = `coregroup:${doc}`
  const someoneElsesCopy = `coregroup:user_someone_else:${doc}`

  const context = await browser.newContext()
  const page = new DocumentPageObject(await context.newPage(), server.httpUrl)
  await page.page.goto(`${server.httpUrl}/`)
  await plantDatabases(page.page, [legacyCopy, someoneElsesCopy])

  // Signing in deletes the un-keyed copy (it could be anyone's) and keeps other users' own copies.
  await page.signIn(alice)
  await expect.poll(() => databases(page.page)).not.toContain(legacyCopy)
  expect(await databases(page.page)).toContain(someoneElsesCopy)

  await page.open(doc)
  await expect.poll(() => page.connection().getAttribute('data-state')).toBe('online')
  await page.typeAtEnd(section, 'Shared plan.')
  await expect.poll(() => page.save().getAttribute('data-state')).toBe('saved')
  await expect.poll(() => serverText(doc, section)).toContain('Shared plan.')
  const aliceCookie = (await context.cookies()).find((c) => c.name === 'cg_session')!.value

  // Offline, Alice goes on writing: the edit stays in her local copy only.
  await context.setOffline(true)
  await expect.poll(() => page.connection().getAttribute('data-state')).toBe('offline')
  await page.typeAtEnd(section, ' Unsent by Alice.')
  await expect.poll(() => page.save().getAttribute('data-state')).toBe('unsaved')
  expect(await databases(page.page)).toContain(aliceCopy)

  // She signs out while still offline: her local copies go at once.
  await page.page.getByRole('button', { name: 'Sign out' }).click()
  await page.page.getByLabel('Email address').waitFor()
  await expect.poll(async () => (await databases(page.page)).filter((n) => n.startsWith(`coregroup:${alice.id}:`))).toEqual([])
  expect(await databases(page.page)).toContain(someoneElsesCopy)

  // Back online, Ben signs in on the same page and opens the same document.
  await context.setOffline(false)
  await signInHere(page.page, ben)
  await expect.poll(() => page.page.getByTestId('signed-in-as').innerText()).toBe('Ben Teacher')
  // Alice's session ended on the server although she signed out offline.
  expect(await server.auth.resolve(aliceCookie)).toBeNull()

  await page.open(doc)
  await expect.poll(() => page.connection().getAttribute('data-state')).toBe('online')
  await expect.poll(() => page.text(section)).toBe('Shared plan.')
  await page.typeAtEnd(section, ' Ben was here.')
  await expect.poll(() => page.save().getAttribute('data-state')).toBe('saved')
  await expect.poll(() => serverText(doc, section)).toContain('Ben was here.')

  // Ben's session, synced and saved, carried nothing of Alice's unsent edit.
  expect(await serverText(doc, section)).not.toContain('Unsent by Alice')
  expect(await page.text(section)).toBe('Shared plan. Ben was here.')
  const names = await databases(page.page)
  expect(names).toContain(`coregroup:${ben.id}:${doc}`)
  expect(names.filter((n) => n.startsWith(`coregroup:${alice.id}:`))).toEqual([])
  await context.close()
})
