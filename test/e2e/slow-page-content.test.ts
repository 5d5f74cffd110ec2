import { CLIENT_DIR } from './support/client-dir.ts'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { MeetingPageObject } from './pages/meeting-page.ts'
import { launchChromium } from './support/browser.ts'
import type { DemoPerson } from '../../server/demo/seed.ts'

let server: TestServer
let browser: Browser
let group: CoreGroupFixture
beforeAll(async () => {
  server = await startTestServer({ clientDir: CLIENT_DIR })
  browser = await launchChromium()
  group = await seedTestCoreGroup(server)
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

// Tiptap makes an editor's plugins when it mounts the view, and y-prosemirror's binding "repairs" what the
// editor cannot show the moment it is made. On a slow page, content the server sends can arrive between
// the render that chose a writable editor for an empty section and that mount; the lead's page, which may
// write every section, then deleted it into the shared document (seen under load in CI). A throttled CPU
// widens that window; each round loads the room afresh so the content arrives in the first sync.
it('on a slow page, content the editor cannot show that arrives while the editor mounts is kept as stored', async () => {
  const name = `meeting:${group.preReview.id}`
  const people: DemoPerson[] = ['healthVisitor', 'teacher', 'parent']
  const results: string[] = []
  for (const [i, who] of people.entries()) {
    const section = `update:${group.people[who].member.id}`
    const poison = new Y.Doc()
    const table = new Y.XmlElement('table')
    table.insert(0, [new Y.XmlText(`cell ${i}`)])
    poison.getXmlFragment(section).insert(0, [table, new Y.XmlText('bare text')])
    await server.store.append(name, Y.encodeStateAsUpdate(poison))
    const context = await browser.newContext()
    const page = new MeetingPageObject(await context.newPage(), server.httpUrl)
    await page.signIn({ email: group.people.socialWorker.user.email, password: group.people.socialWorker.password })
    const cdp = await context.newCDPSession(page.page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 + i * 2 })
    await page.page.goto(`${server.httpUrl}/meetings/${group.preReview.id}`)
    // Shown as plain text (no editor), then time for a repair to reach the server if one were written.
    await page.page.getByText(`cell ${i}`).first().waitFor({ timeout: 30_000 })
    await page.page.waitForTimeout(2000)
    const room = await server.rooms.get(name)
    results.push(`${i} ${who}: ${room.doc.getXmlFragment(section).toJSON()}`)
    await context.close()
    await new Promise((r) => setTimeout(r, 500))
    const loaded = server.rooms.loaded(name)
    if (loaded) await server.rooms.unload(loaded)
  }
  expect(results.filter((r) => !r.includes('<table>'))).toEqual([])
}, 120_000)
