/**
 * The family's experience in Chromium (issue 14): the parent signs in and sees their own actions first,
 * apart from what the professionals will do, with "what happens next" and the glossary explaining each
 * term once; a family account never reaches a staff-only page; "Exit this page" (the button, and Shift
 * three times) replaces the page with a neutral site and leaves no way back to the case in the tab's
 * history; the child fills in their views form and it appears under "Voice of the child" in the
 * notes; the parent says they received the notes and plan and the social worker sees it; a family
 * device keeps nothing of the case (no IndexedDB copy, no API answer in the service worker cache or
 * the tab's storage); every family page is axe-core clean; no page a parent reaches shows restricted
 * text or another family member's withheld contact details.
 *
 * With FAMILY_SHOTS set (a folder, e.g. /tmp/shots-helper-c) it saves the family pages at 1280 and
 * 768 px for the parent and the child.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { VersionViewResponse } from '../../schemas/api/version-view.ts'
import { CHILD_VIEWS_QUESTIONS } from '../../schemas/family/views-form.ts'
import type { DemoPerson } from '../../server/demo/seed.ts'
import { MisbehavingClient } from '../support/misbehaving-client.ts'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { startTestServer, type TestServer, type TestUser } from '../support/server.ts'
import { MeetingPageObject } from './pages/meeting-page.ts'
import { launchChromium } from './support/browser.ts'
import { CLIENT_DIR } from './support/client-dir.ts'

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const EXIT_HOST = 'https://www.bbc.co.uk/'
const RESTRICTED = 'Fictional restricted words about the household'
const WITHHELD = { address: '9 Hidden Lane, Nowhere', phone: '07700 900123', email: 'hidden.parent@family.test' }

let server: TestServer
let browser: Browser
let group: CoreGroupFixture
let child: TestUser
let childMemberId: string
const contexts: BrowserContext[] = []

beforeAll(async () => {
  server = await startTestServer({ clientDir: CLIENT_DIR })
  browser = await launchChromium()
  group = await seedTestCoreGroup(server)
  const sw = group.as.socialWorker
  const origin = { origin: server.httpUrl }
  const caseId = group.caseRow.id
  const add = async (body: Record<string, unknown>) => {
    const res = await server.request('POST', `/api/cases/${caseId}/members`, { as: sw, body: { optedInDate: group.caseRow.initialConferenceDate, ...body }, headers: origin })
    expect(res.status, await res.clone().text()).toBe(201)
    return ((await res.json()) as { member: { id: string } }).member.id
  }
  // The child, with an account of their own, and another parent living apart whose details are withheld.
  child = await server.signUp({ name: 'Casey Brook', email: `casey.${Date.now()}@family.test`, accountRole: 'family' })
  childMemberId = await add({ name: 'Casey Brook', role: 'child', sharingSecurely: 'Told in person by the social worker', userId: child.id })
  await add({ name: 'Jordan Brook', role: 'parent-carer', contact: WITHHELD, sharingSecurely: 'Post to a safe address' })
  // Restricted notes, which no family page may ever show.
  const notes = await MisbehavingClient.connect(`${server.syncUrl}/meeting:${group.meeting.id}:restricted`, sw)
  expect(await notes.send(notes.insertText('notes', RESTRICTED))).toMatchObject({ kind: 'acked' })
}, 120_000)
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function pageAs(who: DemoPerson | 'child', width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB', acceptDownloads: true })
  contexts.push(context)
  // The neutral site, served here: the test machine has no way out to the internet.
  await context.route(`${EXIT_HOST}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather</h1>' }))
  const page = await context.newPage()
  const user = who === 'child' ? { email: child.email, password: child.password } : { email: group.people[who].user.email, password: group.people[who].password }
  await new MeetingPageObject(page, server.httpUrl).signIn(user)
  return page
}

/** Serious and critical accessibility problems axe-core finds on the page as it is. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.evaluate(AXE)
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }> }> } }).axe
    return axe.run(document, { resultTypes: ['violations'] })
  })
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`)
}

async function openFamilyPage(page: Page): Promise<void> {
  await page.getByRole('heading', { name: /^Hello, / }).waitFor()
  await page.getByTestId('family-case-link').click()
  await page.getByRole('heading', { name: 'Things you need to do' }).waitFor()
  await page.getByTestId('family-own-action').first().waitFor()
}

const ownAction = () => group.plan.find((r) => r.owner === group.people.parent.member.id)!
const teacherAction = () => group.plan.find((r) => r.owner === group.people.teacher.member.id)!

it('shows the parent their own actions first, then what the professionals will do and what happens next, with the glossary', async () => {
  const page = await pageAs('parent')
  expect(await page.getByRole('link', { name: 'Start a case' }).count()).toBe(0)
  expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0)
  await openFamilyPage(page)

  // Their own action is the first thing under the first heading of the page's sections.
  const headings = await page.locator('main h2').allInnerTexts()
  expect(headings[0]).toBe('Things you need to do')
  const own = page.getByTestId('family-own-action')
  expect(await own.count()).toBe(1)
  expect(await own.innerText()).toContain(ownAction().action)
  const professionals = page.getByTestId('family-professionals')
  expect(await professionals.innerText()).toContain(`Tom Ellis (Meadow Lane Primary School) will:\n${teacherAction().action}`)
  expect(await professionals.innerText()).not.toContain(ownAction().action)
  expect(await page.getByTestId('family-next-meeting').innerText()).toMatch(/^Next core group meeting: \w+day \d{1,2} \w+ \d{4}, 10am, at Meadow Lane Primary School, meeting room 2\. Get ready for it and add your views$/)

  // The glossary: "core group" is explained once, where it is first used, and only when asked.
  const terms = page.getByTestId('glossary-core-group')
  expect(await terms.count()).toBe(1)
  const meaning = terms.getByRole('note')
  expect(await meaning.isVisible()).toBe(false)
  await terms.getByRole('button').click()
  expect(await meaning.innerText()).toContain('The small group of people, you included')
  expect(await terms.getByRole('button').getAttribute('aria-expanded')).toBe('true')

  // The parent updates their own action; the server keeps it.
  await own.getByLabel(/Status/).selectOption('done')
  await expect
    .poll(async () => (await server.rooms.get(`plan:${group.caseRow.id}`)).doc.getArray<Y.Map<unknown>>('actions').toArray().find((m) => m.get('id') === ownAction().id)?.get('status'))
    .toBe('done')

  // No case details in the title, whatever the page.
  expect(await page.title()).toBe('coregroup')
  expect(await axeProblems(page)).toEqual([])
})

it('never takes a family account to a staff-only page', async () => {
  const page = await pageAs('parent')
  for (const path of ['/admin/users', '/team', '/cases/new', `/cases/${group.caseRow.id}/audit`]) {
    await page.goto(`${server.httpUrl}${path}`)
    await page.getByRole('heading', { name: 'This page is for staff' }).waitFor()
  }
  expect(await axeProblems(page)).toEqual([])
})

it('"Exit this page" (the button, and Shift three times) leaves for a neutral site with no way back', async () => {
  for (const how of ['button', 'shift'] as const) {
    const page = await pageAs('parent', 768)
    await openFamilyPage(page)
    // Moving between family pages adds no history entries either.
    const before = await page.evaluate(() => history.length)
    await page.getByRole('link', { name: 'your views' }).first().click()
    await page.getByTestId('family-views').waitFor()
    expect(await page.evaluate(() => history.length)).toBe(before)

    if (how === 'button') {
      await page.getByRole('button', { name: /Exit this page/ }).click()
    } else {
      // Shift with another key between is typing, not an exit.
      await page.keyboard.press('Shift')
      await page.keyboard.press('a')
      await page.keyboard.press('Shift')
      await page.keyboard.press('Shift')
      expect(page.url()).toContain(server.httpUrl)
      await page.keyboard.press('Shift')
    }
    await page.waitForURL(`${EXIT_HOST}**`)
    expect(await page.evaluate(() => history.length)).toBe(before)
    // Back goes to where the tab was before coregroup, never to the case.
    await page.goBack().catch(() => null)
    expect(page.url().startsWith(server.httpUrl)).toBe(false)
    // And whoever opens coregroup next on this device is asked to sign in: the session ended.
    const again = await page.context().newPage()
    await again.goto(server.httpUrl)
    await again.getByLabel('Email address').waitFor()
    expect(await again.getByTestId('signed-in-as').count()).toBe(0)
  }
})

it('the child fills in their views form, and it appears under "Voice of the child" in the notes', async () => {
  const page = await pageAs('child')
  await page.goto(`${server.httpUrl}/meetings/${group.meeting.id}/views`)
  await page.getByRole('heading', { name: 'My views' }).waitFor()
  const section = `update:${childMemberId}`
  const meeting = new MeetingPageObject(page, server.httpUrl)
  await meeting.editor(section).waitFor()
  await page.getByTestId(`start-questions-${section}`).click()
  const editor = meeting.editor(section)
  expect(await editor.locator('h3').allInnerTexts()).toEqual([...CHILD_VIEWS_QUESTIONS])
  // The cursor starts under the first question.
  await page.keyboard.type('I like my new school')
  expect(await editor.locator('p').first().innerText()).toBe('I like my new school')
  await expect.poll(() => meeting.save().getAttribute('data-state')).toBe('saved')
  expect(await axeProblems(page)).toEqual([])

  // On the live minutes, the parent reads the child's words under the child's views, told what the page is.
  const reader = await pageAs('parent')
  await reader.goto(`${server.httpUrl}/meetings/${group.meeting.id}`)
  await reader.getByTestId('family-minutes-intro').waitFor()
  await expect.poll(() => reader.getByTestId('agenda-item-childs-views').getByTestId('voices-childs-views').innerText()).toContain('I like my new school')
  expect(await reader.getByTestId('voices-childs-views').innerText()).toContain('Casey Brook’s views, in their own words')
  expect(await axeProblems(reader)).toEqual([])

  // The social worker finalises the notes: the child's words are under the voice of the child.
  const finalised = await server.request('POST', `/api/meetings/${group.meeting.id}/finalise`, { as: group.as.socialWorker, headers: { origin: server.httpUrl } })
  expect(finalised.status).toBe(201)
  const versionId = ((await finalised.json()) as { version: { id: string } }).version.id
  const view = (await (await server.request('GET', `/api/versions/${versionId}`, { as: group.as.parent })).json()) as VersionViewResponse
  const texts = view.notes.blocks.map((b) => ('text' in b ? String(b.text) : JSON.stringify(b)))
  const voice = texts.indexOf('Voice of the child')
  expect(texts[voice + 1]).toBe('Casey Brook’s views, in their own words')
  expect(texts[voice + 2]).toContain('I like my new school')
  expect(JSON.stringify(view)).not.toContain(RESTRICTED)

  // Sent to the parent, who says they have it; the social worker sees so.
  const sent = await server.request('POST', `/api/versions/${versionId}/distributions`, { as: group.as.socialWorker, body: { memberId: group.people.parent.member.id }, headers: { origin: server.httpUrl } })
  expect(sent.status).toBe(201)
  const parent = await pageAs('parent')
  await openFamilyPage(parent)
  const papers = parent.getByTestId('family-papers-item')
  await papers.waitFor()
  await papers.getByRole('button', { name: 'I have received these' }).click()
  await parent.getByTestId('family-acknowledged').waitFor()
  const list = (await (await server.request('GET', `/api/meetings/${group.meeting.id}/versions`, { as: group.as.socialWorker })).json()) as { distributions: Array<{ memberId: string; acknowledgedAt: string | null }> }
  expect(list.distributions.find((d) => d.memberId === group.people.parent.member.id)?.acknowledgedAt).not.toBeNull()
  expect(await axeProblems(parent)).toEqual([])
  // Three people's pages, a finalise and two accessibility scans: 14 s alone, over 30 s on a busy CI machine.
}, 90_000)

it('keeps nothing of the case on a family device, and no page a parent reaches shows restricted text or withheld details', async () => {
  const page = await pageAs('parent')
  await openFamilyPage(page)
  const pages = ['/', `/cases/${group.caseRow.id}`, `/cases/${group.caseRow.id}/plan`, `/meetings/${group.meeting.id}/views`, `/meetings/${group.meeting.id}`, `/meetings/${group.meeting.id}/record`, `/meetings/${group.preReview.id}`]
  for (const path of pages) {
    await page.goto(`${server.httpUrl}${path}`)
    await page.locator('main h1').first().waitFor()
    await page.waitForLoadState('networkidle')
    const text = await page.locator('body').innerText()
    for (const needle of [RESTRICTED, WITHHELD.address, WITHHELD.phone, WITHHELD.email, 'Post to a safe address']) expect(text, `${needle} on ${path}`).not.toContain(needle)
    expect(await page.title()).toBe('coregroup')
  }
  const kept = await page.evaluate(async () => {
    const dbs = (await indexedDB.databases()).map((d) => d.name ?? '')
    const cached: string[] = []
    for (const key of await caches.keys()) for (const req of await (await caches.open(key)).keys()) cached.push(new URL(req.url).pathname)
    const stored = Object.keys(sessionStorage).concat(Object.keys(localStorage))
    return { dbs, cached, stored }
  })
  expect(kept.dbs.filter((n) => n.startsWith('coregroup:'))).toEqual([])
  expect(kept.cached.filter((p) => p.startsWith('/api/') || p.startsWith('/sync/'))).toEqual([])
  expect(kept.stored.filter((k) => k.startsWith('coregroup:api:'))).toEqual([])
})

it('shows the parent the whole plan in plain words: their status and notes labelled, no SMART advice meant for the professionals', async () => {
  const page = await pageAs('parent', 768)
  await page.goto(`${server.httpUrl}/cases/${group.caseRow.id}/plan`)
  await page.getByTestId('family-plan-intro').waitFor()
  await page.getByTestId('plan-row').first().waitFor()
  await page.waitForLoadState('networkidle')
  expect(await page.getByRole('link', { name: 'Back to your family’s page' }).count()).toBe(1)
  expect(await page.getByTestId('smart-check').count()).toBe(0)
  // Their own action's status is a labelled control they can see the name of.
  const own = group.plan.findIndex((r) => r.owner === group.people.parent.member.id) + 1
  const status = page.getByLabel(`Status, action ${own}`)
  expect(await status.evaluate((el) => el.tagName)).toBe('SELECT')
  expect(await page.locator(`label[for="${await status.getAttribute('id')}"]`).isVisible()).toBe(true)
  expect(await axeProblems(page)).toEqual([])
  // The social worker still gets the SMART check.
  const sw = await pageAs('socialWorker')
  await sw.goto(`${server.httpUrl}/cases/${group.caseRow.id}/plan`)
  await sw.getByTestId('smart-check').first().waitFor()
})

it('warns the social worker, not the family, when an action in the plan is hard to read', async () => {
  const hard = 'Participate constructively in the domestic abuse intervention programme'
  const plan = await MisbehavingClient.connect(`${server.syncUrl}/plan:${group.caseRow.id}`, group.as.socialWorker)
  const row = { id: 'act_hard_words', need: 'Robin needs to be safe at home', outcome: 'No more arguments in front of Robin', action: hard, how: 'Attend the parenting assessment appointments', owner: group.people.socialWorker.member.id, due: null, status: 'not-started' }
  expect(await plan.send(plan.insertRow('actions', row))).toMatchObject({ kind: 'acked' })
  const lead = await pageAs('socialWorker')
  await lead.goto(`${server.httpUrl}/cases/${group.caseRow.id}/plan`)
  const warning = lead.locator('[data-testid="plan-row"][data-row="act_hard_words"] [data-testid="readability-warning"]').first()
  await lead.getByTestId('readability-warning').first().waitFor()
  expect(await lead.getByTestId('readability-warning').count()).toBe(1)
  expect(await warning.innerText()).toMatch(/Hard for the family to read \(reading age about \d+\)/)
  const parent = await pageAs('parent')
  await parent.goto(`${server.httpUrl}/cases/${group.caseRow.id}/plan`)
  await parent.getByTestId('plan').waitFor()
  await parent.waitForLoadState('networkidle')
  expect(await parent.getByText(hard).count()).toBeGreaterThan(0)
  expect(await parent.getByTestId('readability-warning').count()).toBe(0)
})

it.runIf(process.env.FAMILY_SHOTS)('screenshots of the family pages for the parent and the child at 1280 and 768 px', async () => {
  const dir = process.env.FAMILY_SHOTS!
  mkdirSync(dir, { recursive: true })
  for (const who of ['parent', 'child'] as const) {
    for (const width of [1280, 768]) {
      const page = await pageAs(who, width)
      await page.screenshot({ path: `${dir}/family-home-${who}-${width}.png`, fullPage: true })
      await page.goto(`${server.httpUrl}/cases/${group.caseRow.id}`)
      await page.getByRole('heading', { name: 'Things you need to do' }).waitFor()
      await page.waitForLoadState('networkidle')
      await page.getByTestId('glossary-core-group').getByRole('button').click()
      await page.screenshot({ path: `${dir}/family-case-${who}-${width}.png`, fullPage: true })
      await page.goto(`${server.httpUrl}/meetings/${group.meeting.id}/views`)
      await page.getByTestId('family-views').waitFor()
      await page.waitForLoadState('networkidle')
      await page.screenshot({ path: `${dir}/family-views-${who}-${width}.png`, fullPage: true })
      await page.goto(`${server.httpUrl}/meetings/${group.meeting.id}`)
      await page.getByTestId('member-updates').waitFor()
      await page.waitForLoadState('networkidle')
      await page.screenshot({ path: `${dir}/family-minutes-${who}-${width}.png`, fullPage: true })
      await page.goto(`${server.httpUrl}/cases/${group.caseRow.id}/plan`)
      await page.waitForLoadState('networkidle')
      await page.screenshot({ path: `${dir}/family-plan-${who}-${width}.png`, fullPage: true })
    }
  }
}, 300_000)
