/**
 * The live meeting in Chromium (issue 10), with the core group in separate browsers: the social worker
 * chairing, the teacher taking notes, the health visitor and a parent. Attendance recorded by the note
 * taker and seen live; an absent professional with no report flagged; several people writing at once;
 * the three questions in each update; the parent's own part first and nobody else's box as an input;
 * note taking handed over mid-meeting, write access moving live; a locked section visibly different and
 * `aria-readonly`; the toolbar and paste from Word; the meeting page reloaded offline; and axe-core on
 * the meeting page for each role, the case page and My cases.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ukDateOf } from '../../schemas/timescales/iso-date.ts'
import { MEMBER_UPDATE_QUESTIONS } from '../../schemas/templates/agenda-item.ts'
import type { DemoPerson } from '../../server/demo/seed.ts'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { MeetingPageObject } from './pages/meeting-page.ts'
import { launchChromium } from './support/browser.ts'
import { CLIENT_DIR } from './support/client-dir.ts'

let server: TestServer
let browser: Browser
let group: CoreGroupFixture
const contexts: BrowserContext[] = []
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

beforeAll(async () => {
  server = await startTestServer({ clientDir: CLIENT_DIR })
  browser = await launchChromium()
  group = await seedTestCoreGroup(server)
  // The meeting is today, chaired by the social worker with the teacher taking notes.
  const id = group.meeting.id
  expect((await server.request('PATCH', `/api/meetings/${id}`, { as: group.as.socialWorker, body: { date: ukDateOf(), rearrangeReason: 'Moved to today for the test' } })).status).toBe(200)
  const roles = { chairMemberId: group.people.socialWorker.member.id, noteTakerMemberId: group.people.teacher.member.id }
  expect((await server.request('POST', `/api/meetings/${id}/roles`, { as: group.as.socialWorker, body: roles })).status).toBe(200)
})
afterAll(async () => {
  for (const c of contexts) await c.close()
  await browser?.close()
  await server?.stop()
})

const memberId = (p: DemoPerson) => group.people[p].member.id
const update = (p: DemoPerson) => `update:${memberId(p)}`

async function meetingAs(person: DemoPerson, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } })
  contexts.push(context)
  const page = new MeetingPageObject(await context.newPage(), server.httpUrl)
  await page.signIn({ email: group.people[person].user.email, password: group.people[person].password })
  await page.openMeeting(group.meeting.id, 'item:note-taker')
  await expect.poll(() => page.connection().getAttribute('data-state')).toBe('online')
  return { page, context }
}

/** Serious and critical accessibility problems axe-core finds on the page as it is. */
async function axeProblems(page: Page): Promise<string[]> {
  // Evaluated, not injected as a script tag: the page's Content-Security-Policy refuses inline scripts.
  await page.evaluate(AXE)
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }> }> } }).axe
    return axe.run(document, { resultTypes: ['violations'] })
  })
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`)
}

const modeOf = (page: MeetingPageObject, section: string) => page.page.getByTestId(`section-${section}`).getAttribute('data-mode')

it('runs a meeting: attendance live, a missing report flagged, people writing at once, the three questions, the parent’s own part', async () => {
  const { page: chair } = await meetingAs('socialWorker')
  const { page: notes } = await meetingAs('teacher')
  const { page: parent } = await meetingAs('parent', 768)

  // The header says what, when, where and who.
  expect(await chair.page.getByTestId('meeting-when').innerText()).toMatch(/^\w+day \d{1,2} \w+ \d{4}, \d{1,2}(:\d\d)?(am|pm)$|midday/)
  expect(await parent.page.getByTestId('meeting-note-taker').innerText()).toBe('Tom Ellis (Meadow Lane Primary School)')

  // The note taker records attendance; the others see it at once.
  const register = notes.page.getByTestId('attendance-register')
  const row = (p: DemoPerson) => register.getByTestId(`attendance-${memberId(p)}`)
  await row('socialWorker').getByLabel('Present').check()
  await row('teacher').getByLabel('Present').check()
  await row('parent').getByLabel('Present').check()
  await row('healthVisitor').getByLabel('Absent').check()
  for (const page of [chair, parent]) {
    await expect.poll(() => page.page.getByTestId(`attendance-${memberId('parent')}`).getAttribute('data-status')).toBe('present')
    await expect.poll(() => page.page.getByTestId(`attendance-${memberId('healthVisitor')}`).getAttribute('data-status')).toBe('absent')
  }
  // Absent without a report: flagged in words, until the report is received.
  const flag = chair.page.getByTestId(`attendance-flag-${memberId('healthVisitor')}`)
  await expect.poll(() => flag.innerText()).toMatch(/Hana Novak did not attend and no written report has been received.*not acceptable/)
  // The parent reads the register; it offers them no choice to make.
  expect(await parent.page.getByTestId('attendance-register').locator('input').count()).toBe(0)
  await row('healthVisitor').getByLabel('Written report received').check()
  await expect.poll(() => flag.count()).toBe(0)

  // Two people write different items at once and each sees the other's words.
  await Promise.all([notes.typeAtEnd('item:note-taker', 'Chair: Sam Okafor. Notes: Tom Ellis.'), chair.typeAtEnd('item:purpose-and-role', 'The role of the group was explained.')])
  await expect.poll(() => chair.text('item:note-taker')).toBe('Chair: Sam Okafor. Notes: Tom Ellis.')
  await expect.poll(() => notes.text('item:purpose-and-role')).toBe('The role of the group was explained.')
  await expect.poll(() => parent.text('item:purpose-and-role')).toBe('The role of the group was explained.')

  // Each member's update offers seed 000's three questions; the teacher starts from them as headings.
  await notes.page.getByTestId(`start-questions-${update('teacher')}`).click()
  await notes.page.keyboard.type('Attendance is up to 94%.')
  const headings = notes.editor(update('teacher')).locator('h3')
  await expect.poll(() => headings.allInnerTexts()).toEqual([...MEMBER_UPDATE_QUESTIONS])
  await expect.poll(() => chair.editor(update('teacher')).locator('h3').allInnerTexts()).toEqual([...MEMBER_UPDATE_QUESTIONS])
  await expect.poll(() => notes.save().getAttribute('data-state')).toBe('saved')

  // The parent's page: their own part first, and no one else's box as an input.
  const firstLink = parent.page.getByTestId('your-part').getByRole('link').first()
  expect(await firstLink.innerText()).toBe('Your update')
  const writable = await parent.page.locator('[data-mode="write"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')))
  expect(writable).toEqual([`section-${update('parent')}`])
  expect(await parent.isEditable(update('teacher'))).toBe(false)
  expect(await parent.editor(update('teacher')).getAttribute('aria-readonly')).toBe('true')
  expect(await parent.page.getByTestId('tab-restricted').count()).toBe(0)
  await firstLink.click()
  await expect.poll(() => parent.page.evaluate(() => document.activeElement?.id ?? '')).toBe(`section-${update('parent').replace(/[^a-z0-9]/gi, '-')}`)
}, 90_000)

it('hands note taking to another member mid-meeting, and write access moves on every open page', async () => {
  const { page: chair } = await meetingAs('socialWorker')
  const { page: notes } = await meetingAs('teacher')
  const { page: hv } = await meetingAs('healthVisitor')
  expect(await notes.isEditable('item:purpose-and-role')).toBe(true)
  expect(await hv.isEditable('item:purpose-and-role')).toBe(false)
  // The health visitor arrives late: the chair records her present, so she can be chosen.
  await chair.page.getByTestId(`attendance-${memberId('healthVisitor')}`).getByLabel('Present').check()

  await chair.page.getByTestId('change-roles').click()
  const form = chair.page.getByTestId('roles-form')
  // The same person for both is refused, with the reason, before anything is sent.
  await form.getByTestId('roles-note-taker').selectOption({ label: 'Sam Okafor (Children’s Social Care)' })
  await expect.poll(() => form.innerText()).toContain('The chair and the note taker must be different people')
  expect(await form.getByTestId('roles-save').isDisabled()).toBe(true)
  await form.getByTestId('roles-note-taker').selectOption({ label: 'Hana Novak (Health Visiting Service)' })
  await form.getByTestId('roles-save').click()

  for (const page of [chair, notes, hv]) await expect.poll(() => page.page.getByTestId('meeting-note-taker').innerText()).toBe('Hana Novak (Health Visiting Service)')
  await expect.poll(() => notes.isEditable('item:purpose-and-role'), { timeout: 15_000 }).toBe(false)
  await expect.poll(() => hv.isEditable('item:purpose-and-role'), { timeout: 15_000 }).toBe(true)
  await expect.poll(() => hv.connection().getAttribute('data-state'), { timeout: 15_000 }).toBe('online')
  await hv.typeAtEnd('item:purpose-and-role', ' Hana takes the notes from here.')
  await expect.poll(() => chair.text('item:purpose-and-role')).toBe('The role of the group was explained. Hana takes the notes from here.')
}, 90_000)

it('shows a locked section as locked, with who locked it, and `aria-readonly`; the toolbar formats; paste keeps only what the schema allows', async () => {
  const { page: chair } = await meetingAs('socialWorker')
  const { page: hv } = await meetingAs('healthVisitor')
  const section = 'item:childs-views'

  // The toolbar makes bold text, with the shortcut in its name.
  await hv.editor(section).click()
  const bold = hv.page.getByTestId(`section-${section}`).getByRole('button', { name: /^Bold \((Ctrl\+|⌘)B\)$/ })
  await bold.click()
  await hv.page.keyboard.type('Robin says school is fun')
  expect(await bold.getAttribute('aria-pressed')).toBe('true')
  await expect.poll(() => chair.editor(section).locator('strong').innerText()).toBe('Robin says school is fun')

  // Word's HTML: styles, fonts, a table and an image; only paragraphs, bold and lists arrive.
  await hv.page.keyboard.press('Enter')
  await hv.editor(section).evaluate((el) => {
    const html = '<p class="MsoNormal" style="font-family:Calibri"><span style="color:red;font-size:14pt">Word <b>text</b></span></p><table><tr><td>a cell</td></tr></table><img src="https://example.org/x.png"><ul><li>a point</li></ul>'
    const data = new DataTransfer()
    data.setData('text/html', html)
    data.setData('text/plain', 'Word text a cell a point')
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  await expect.poll(() => chair.editor(section).innerText()).toContain('a point')
  await expect.poll(() => hv.save().getAttribute('data-state')).toBe('saved')
  // What the server stored: paragraphs, a list and bold only — no table, image, font or colour.
  const stored = (await server.rooms.get(`meeting:${group.meeting.id}`)).doc.getXmlFragment(section)
  const nodes = new Set<string>()
  const marks = new Set<string>()
  const walk = (type: Y.XmlFragment | Y.XmlElement) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlElement) {
        nodes.add(child.nodeName)
        for (const attr of Object.keys(child.getAttributes())) nodes.add(`${child.nodeName}@${attr}`)
        walk(child)
      } else if (child instanceof Y.XmlText) {
        for (const op of child.toDelta() as Array<{ attributes?: Record<string, unknown> }>) for (const mark of Object.keys(op.attributes ?? {})) marks.add(mark)
      }
    }
  }
  walk(stored)
  expect([...nodes].sort()).toEqual(['bulletList', 'listItem', 'paragraph'])
  expect([...marks]).toEqual(['bold'])
  expect(await chair.editor(section).innerText()).toContain('Word text')
  expect(await hv.page.getByTestId('document-notice').count()).toBe(0)

  // Locked: visibly different, who locked it, and read-only to assistive technology.
  expect(await modeOf(hv, section)).toBe('write')
  await chair.page.getByTestId(`lock-${section}`).click()
  await expect.poll(() => modeOf(hv, section)).toBe('locked')
  expect(await hv.page.getByTestId(`locked-${section}`).innerText()).toMatch(/Locked by Sam Okafor/)
  expect(await hv.editor(section).getAttribute('aria-readonly')).toBe('true')
  expect(await hv.isEditable(section)).toBe(false)
  await chair.page.getByTestId(`lock-${section}`).click()
  await expect.poll(() => modeOf(hv, section)).toBe('write')
}, 90_000)

it('opens the meeting page reloaded without a network, keeps typing, and merges on reconnect without a reload', async () => {
  const { page: teacher, context } = await meetingAs('teacher')
  const { page: chair } = await meetingAs('socialWorker')
  await teacher.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
  // The teacher came to the meeting from the case page, as people do.
  await teacher.page.getByRole('link', { name: 'Brook family' }).first().click()
  await teacher.page.getByRole('heading', { name: 'Brook family' }).waitFor()
  await teacher.page.goBack()
  await teacher.editor(update('teacher')).waitFor()
  await context.setOffline(true)
  await teacher.page.reload()
  await teacher.page.getByTestId('meeting-offline').waitFor()
  await teacher.editor(update('teacher')).waitFor()
  await expect.poll(() => teacher.connection().getAttribute('data-state')).toBe('offline')
  expect(await teacher.page.getByTestId('meeting-header').innerText()).toContain('First core group')
  await teacher.typeAtEnd(update('teacher'), ' Written offline.')
  await expect.poll(() => teacher.save().getAttribute('data-state')).toBe('unsaved')

  await context.setOffline(false)
  await expect.poll(() => teacher.connection().getAttribute('data-state'), { timeout: 20_000 }).toBe('online')
  await expect.poll(() => teacher.save().getAttribute('data-state'), { timeout: 20_000 }).toBe('saved')
  await expect.poll(() => chair.editor(update('teacher')).innerText()).toContain('Written offline.')
  // Back online, the page drops its offline notice by itself.
  await expect.poll(() => teacher.page.getByTestId('meeting-offline').count(), { timeout: 20_000 }).toBe(0)

  // The case page it came from opens offline too, from what this tab kept.
  await context.setOffline(true)
  await teacher.page.goto(`${server.httpUrl}/cases/${group.caseRow.id}`)
  await teacher.page.getByTestId('case-offline').waitFor()
  expect(await teacher.page.getByRole('heading', { name: 'Brook family' }).count()).toBe(1)
  expect(await teacher.page.getByTestId('membership-sheet').innerText()).toContain('Hana Novak')
  await context.setOffline(false)
}, 90_000)

it('has no serious or critical accessibility problem on the meeting page for each role, the case page and My cases', async () => {
  for (const [person, width] of [['socialWorker', 1280], ['teacher', 768], ['parent', 768]] as Array<[DemoPerson, number]>) {
    const { page } = await meetingAs(person, width)
    expect(await axeProblems(page.page), `meeting page as ${person}`).toEqual([])
    // No sideways scrolling at tablet width, nor at 200% zoom of a 1280-pixel screen (640 CSS pixels).
    for (const w of [768, 640]) {
      await page.page.setViewportSize({ width: w, height: 900 })
      await expect
        .poll(() =>
          page.page.evaluate(() => {
            const width = document.documentElement.clientWidth
            if (document.documentElement.scrollWidth <= width) return []
            // What sticks out, to say why the page scrolls sideways.
            return [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > width + 1).slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`)
          }),
          { message: `${person} at ${w}px` },
        )
        .toEqual([])
    }
    await page.page.setViewportSize({ width, height: 900 })
    await page.page.goto(`${server.httpUrl}/cases/${group.caseRow.id}`)
    // The family has its own case page and home page (issue 14); staff see the professionals' ones.
    await page.page.getByRole('heading', { level: 1, name: person === 'parent' ? /child protection plan/ : 'Brook family' }).waitFor()
    expect(await axeProblems(page.page), `case page as ${person}`).toEqual([])
    await page.page.goto(`${server.httpUrl}/`)
    await page.page.getByRole('heading', { level: 1, name: person === 'parent' ? /^Hello/ : 'My cases' }).waitFor()
    expect(await axeProblems(page.page), `My cases as ${person}`).toEqual([])
  }
}, 90_000)
