/**
 * The server's permissions as people see them: read-only editors where they may not write (and the
 * server refusing a forced edit), a lock turning a section read-only in an open page, and the family
 * kept out of the professionals-only notes.
 */
import { CLIENT_DIR } from './support/client-dir.ts'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../schemas/protocol.ts'
import { listAudit } from '../../server/db/repos/audit.ts'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { MisbehavingClient } from '../support/misbehaving-client.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { MeetingPageObject } from './pages/meeting-page.ts'
import { launchChromium } from './support/browser.ts'
import type { DemoPerson } from '../../server/demo/seed.ts'

let server: TestServer
let browser: Browser
let group: CoreGroupFixture
const contexts: BrowserContext[] = []

beforeAll(async () => {
  server = await startTestServer({ clientDir: CLIENT_DIR })
  browser = await launchChromium()
  group = await seedTestCoreGroup(server)
})
afterAll(async () => {
  for (const c of contexts) await c.close()
  await browser?.close()
  await server?.stop()
})

async function meetingAs(person: DemoPerson, firstSection = 'item:note-taker', meetingId = group.meeting.id) {
  const context = await browser.newContext()
  contexts.push(context)
  const page = new MeetingPageObject(await context.newPage(), server.httpUrl)
  await page.signIn({ email: group.people[person].user.email, password: group.people[person].password })
  await page.openMeeting(meetingId, firstSection)
  await expect.poll(() => page.connection().getAttribute('data-state')).toBe('online')
  return page
}

it('the teacher cannot write the health visitor’s update, and a forced edit is refused by the server', async () => {
  const hvSection = `update:${group.people.healthVisitor.member.id}`
  const ownSection = `update:${group.people.teacher.member.id}`
  const teacher = await meetingAs('teacher')
  expect(await teacher.isEditable(hvSection)).toBe(false)
  await expect.poll(() => teacher.readOnlyNotice(hvSection).innerText()).toMatch(/only Hana Novak and the lead social worker/)
  expect(await teacher.isEditable(ownSection)).toBe(true)
  await teacher.typeAtEnd(ownSection, 'Attendance is 94% this term.')
  await expect.poll(() => teacher.save().getAttribute('data-state')).toBe('saved')

  // Force an edit through the page's own provider, bypassing the read-only editor. The production build
  // has no test hook: the document is reached through the teacher's own (writable) editor, which Tiptap
  // hangs on its DOM element, and whose Collaboration extension holds the page's live Y.Doc.
  await teacher.editor(ownSection).evaluate((el, { own, target }) => {
    type Fragment = { get(i: number): { clone(): unknown }; insert(i: number, content: unknown[]): void }
    type LiveDoc = { getXmlFragment(n: string): Fragment }
    type Extension = { name: string; options: { document?: LiveDoc } }
    const editor = (el as unknown as { editor?: { extensionManager: { extensions: Extension[] } } }).editor
    const doc = editor?.extensionManager.extensions.find((e) => e.name === 'collaboration')?.options.document
    if (!doc) throw new Error('no collaborative editor on this section')
    // A copy of the teacher's own paragraph, pushed into the health visitor's section.
    doc.getXmlFragment(target).insert(0, [doc.getXmlFragment(own).get(0).clone()])
  }, { own: ownSection, target: hvSection })
  await expect.poll(() => teacher.page.getByTestId('document-notice').innerText()).toMatch(/was not saved \(not writable\)/)
  // The server kept nothing of it: the health visitor's section is still empty for everyone.
  const room = await server.rooms.get(`meeting:${group.meeting.id}`)
  expect(room.doc.getXmlFragment(hvSection).length).toBe(0)
  // The page reloaded the document from the server and carries on.
  await expect.poll(() => teacher.connection().getAttribute('data-state')).toBe('online')
  await expect.poll(() => teacher.text(ownSection)).toBe('Attendance is 94% this term.')
})

it('a section the social worker locks turns read-only in the teacher’s open page', async () => {
  const section = `update:${group.people.teacher.member.id}`
  const teacher = await meetingAs('teacher')
  const socialWorker = await meetingAs('socialWorker')
  expect(await teacher.isEditable(section)).toBe(true)
  await socialWorker.page.getByTestId(`lock-${section}`).click()
  await expect.poll(() => teacher.isEditable(section)).toBe(false)
  await expect.poll(() => teacher.readOnlyNotice(section).innerText()).toMatch(/locked/)
  // And the server holds the line for a client that ignores the page.
  const forced = await MisbehavingClient.connect(`${server.syncUrl}/meeting:${group.meeting.id}`, group.as.teacher)
  expect(await forced.send(forced.insertText(section, 'sneaky'))).toMatchObject({ kind: 'rejected', reason: 'locked' })
  await socialWorker.page.getByTestId(`lock-${section}`).click()
  await expect.poll(() => teacher.isEditable(section)).toBe(true)
})

it('the parent cannot open the professionals-only notes', async () => {
  const parent = await meetingAs('parent')
  expect(await parent.tab('Professionals-only notes').count()).toBe(0)
  const refused = await MisbehavingClient.connect(`${server.syncUrl}/meeting:${group.meeting.id}:restricted`, group.as.parent)
  expect(refused.refused).toBe(CloseCode.Forbidden)
  // Asking the server directly from the parent's browser is refused too.
  const code = await parent.page.evaluate(
    (url) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url)
        ws.onclose = (e) => resolve(e.code)
      }),
    `${server.syncUrl}/meeting:${group.meeting.id}:restricted`,
  )
  expect(code).toBe(CloseCode.Forbidden)
  const hv = await meetingAs('healthVisitor')
  await hv.tab('Professionals-only notes').click()
  await hv.editor('notes').waitFor()
})

it('content stored before the guard that the editor cannot show stays as it is: no page writes a repair, nobody is refused', async () => {
  const name = `meeting:${group.preReview.id}`
  const hvSection = `update:${group.people.healthVisitor.member.id}`
  // What a forged update could leave in a section before the server validated content.
  const poison = new Y.Doc()
  const table = new Y.XmlElement('table')
  table.insert(0, [new Y.XmlText('a cell')])
  poison.getXmlFragment(hvSection).insert(0, [table, new Y.XmlText('bare text')])
  await server.store.append(name, Y.encodeStateAsUpdate(poison))
  const logged = await server.store.logLength(name)
  const own = (p: DemoPerson) => `update:${group.people[p].member.id}`
  const teacher = await meetingAs('teacher', own('teacher'), group.preReview.id)
  const socialWorker = await meetingAs('socialWorker', own('socialWorker'), group.preReview.id)
  // A loop would show within moments: a page deleting what it cannot show, refused, reloaded, again.
  await teacher.page.waitForTimeout(2000)
  const refused = (await listAudit(server.db, { caseId: group.caseRow.id })).filter((e) => e.event === 'update-rejected' && e.doc === name)
  expect(refused).toEqual([])
  // No page wrote a repair: the stored section is exactly what was poisoned. (Under a loaded CI machine
  // an extra log entry has been seen twice; it is printed here to find out what it is, and the section's
  // stored content, which is what a repair would change, is what the test holds to.)
  const storedNow = await server.store.load(name)
  if (storedNow.updates.length !== logged) {
    for (const u of storedNow.updates.slice(logged)) console.log('unexpected log entry', JSON.stringify(Y.decodeUpdate(u), (_k, v) => (v instanceof Uint8Array ? [...v] : v)).slice(0, 1500))
  }
  const storedDoc = new Y.Doc()
  if (storedNow.snapshot) Y.applyUpdate(storedDoc, storedNow.snapshot)
  for (const u of storedNow.updates) Y.applyUpdate(storedDoc, u)
  expect(storedDoc.getXmlFragment(hvSection).toJSON()).toBe(poison.getXmlFragment(hvSection).toJSON())
  // Both pages still work (a reconnect on a loaded machine is not a refusal: the audit above says none).
  for (const page of [teacher, socialWorker]) {
    await expect.poll(() => page.connection().getAttribute('data-state'), { timeout: 15_000 }).toBe('online')
    await expect.poll(() => page.page.getByTestId('document-notice').count(), { timeout: 15_000 }).toBe(0)
  }
  const room = await server.rooms.get(name)
  expect(room.doc.getXmlFragment(hvSection).length).toBe(2)
}, 90_000)
