/**
 * Decisions in principle in Chromium (seed 003, issue 15 §2): at a core group whose social worker is
 * absent, the chair records a decision on the meeting page (an empty one is named in the error
 * summary); it shows as waiting, appears on the team manager's /team page linked to its meeting, and
 * the team manager agrees with a note; the meeting page then says who agreed. Both parts pass axe.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { DecisionListResponse } from '../../schemas/api/decisions.ts'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { axeProblemsIn } from './support/axe.ts'
import { launchChromium } from './support/browser.ts'
import { signedInPage } from './support/sign-in.ts'
import { CLIENT_DIR } from './support/client-dir.ts'

let server: TestServer
let browser: Browser
let group: CoreGroupFixture
const contexts: BrowserContext[] = []

beforeAll(async () => {
  server = await startTestServer({ clientDir: CLIENT_DIR })
  browser = await launchChromium()
  group = await seedTestCoreGroup(server)
  const origin = { origin: server.httpUrl }
  const roles = { chairMemberId: group.people.healthVisitor.member.id, noteTakerMemberId: group.people.teacher.member.id }
  expect((await server.request('POST', `/api/meetings/${group.meeting.id}/roles`, { as: group.as.socialWorker, body: roles, headers: origin })).status).toBe(200)
  expect((await server.request('PATCH', `/api/meetings/${group.meeting.id}`, { as: group.as.socialWorker, body: { socialWorkerAbsent: true }, headers: origin })).status).toBe(200)
})
afterAll(async () => {
  for (const c of contexts) await c.close()
  await browser?.close()
  await server?.stop()
})

function pageAs(user: { email: string; password: string }): Promise<Page> {
  return signedInPage(browser, server.httpUrl, user, contexts)
}

const TEXT = 'Ruby stays with her grandmother until the next core group'

it('a decision recorded on the meeting page is agreed by the team manager on /team', async () => {
  const chair = await pageAs(group.as.healthVisitor)
  await chair.goto(`${server.httpUrl}/meetings/${group.meeting.id}`)
  const panel = chair.getByTestId('decisions-in-principle')
  await panel.getByRole('heading', { name: 'Decisions in principle' }).waitFor()
  expect(await panel.innerText()).toContain('The social worker is absent from this core group')
  const form = panel.getByRole('form', { name: 'Record a decision in principle' })

  // Nothing written: the error summary names the field.
  await form.getByRole('button', { name: 'Record the decision in principle' }).click()
  await expect.poll(() => form.getByRole('alert').innerText()).toContain('Enter what was decided')

  await form.getByLabel('What was decided').fill(TEXT)
  await form.getByRole('button', { name: 'Record the decision in principle' }).click()
  await chair.getByTestId('decision-saved').waitFor()
  const item = panel.getByTestId('decisions-list').getByRole('listitem').filter({ hasText: TEXT })
  await expect.poll(() => item.innerText()).toContain('Waiting for the team manager')
  expect(await axeProblemsIn(chair, '[data-testid="decisions-in-principle"]')).toEqual([])

  const manager = await pageAs(group.as.teamManager)
  await manager.goto(`${server.httpUrl}/team`)
  const pending = manager.getByTestId('pending-decisions')
  await pending.getByRole('heading', { name: 'Decisions waiting for your sign-off' }).waitFor()
  const waiting = pending.getByRole('listitem').filter({ hasText: TEXT })
  expect(await waiting.innerText()).toContain(`Recorded by ${group.people.healthVisitor.member.name}`)
  expect(await waiting.getByRole('link').getAttribute('href')).toBe(`/meetings/${group.meeting.id}`)
  expect(await axeProblemsIn(manager, '[data-testid="pending-decisions"]')).toEqual([])
  await waiting.getByLabel('Note (optional)').fill('Agreed; review at the next core group')
  await waiting.getByRole('button', { name: 'Agree', exact: true }).click()
  await expect.poll(() => manager.getByTestId('sign-off-done').innerText()).toContain('You agreed')
  await expect.poll(() => pending.innerText()).toContain('No decision in principle is waiting for your sign-off.')

  const { decisions } = (await (await server.request('GET', `/api/meetings/${group.meeting.id}/decisions`, { as: group.as.teacher })).json()) as DecisionListResponse
  expect(decisions.map((d) => [d.text, d.signOff?.outcome, d.signOff?.note])).toEqual([[TEXT, 'agreed', 'Agreed; review at the next core group']])

  // Back on the meeting page, the decision says who agreed.
  await chair.reload()
  await expect.poll(() => chair.getByTestId('decisions-list').innerText()).toContain(`Agreed by ${group.people.teamManager.member.name}`)
})
