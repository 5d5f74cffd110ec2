import { CLIENT_DIR } from './support/client-dir.ts'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { longDate } from '../../client/dates.ts'
import { addDays, today } from '../support/dates.ts'
import { caseWithMembers, createMeeting, expectStatus } from '../support/case-factories.ts'
import { startTestServer, type TestServer, type TestUser } from '../support/server.ts'
import { CasePagesObject, fillDateInput } from './pages/case-pages.ts'
import { DocumentPageObject } from './pages/document-page.ts'
import { launchChromium } from './support/browser.ts'

let server: TestServer
let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  server = await startTestServer({ clientDir: CLIENT_DIR })
  browser = await launchChromium()
})
afterAll(async () => {
  for (const c of contexts) await c.close()
  await browser?.close()
  await server?.stop()
})

async function signedIn(user: TestUser): Promise<CasePagesObject> {
  const context = await browser.newContext()
  contexts.push(context)
  const page = await context.newPage()
  // Fail with the step that did not happen, well inside the test's own timeout.
  page.setDefaultTimeout(8000)
  await new DocumentPageObject(page, server.httpUrl).signIn(user)
  return new CasePagesObject(page, server.httpUrl)
}

it('a social worker starts a case, adds the core group and schedules the first core group on the right working day', async () => {
  const lead = await server.signUp({ name: 'Lee Lead' })
  const teacher = await server.signUp({ name: 'Tia Teacher' })
  const ui = await signedIn(lead)
  await ui.openMyCases()
  await ui.page.getByRole('link', { name: 'Start a case' }).click()
  await ui.page.getByRole('heading', { name: 'Start a case' }).waitFor()

  // Errors come from the shared schema, in a summary linking to each field and inline.
  await ui.page.getByRole('button', { name: 'Start the case' }).click()
  await expect.poll(() => ui.errorSummary().innerText()).toContain('Enter the family name')
  expect(await ui.errorSummary().getByRole('link', { name: 'Enter the family name' }).getAttribute('href')).toBe('#field-familyName')
  expect(await ui.page.locator('.field--error').first().innerText()).toContain('Enter the family name')

  // The initial conference on Monday 13 December 2032 (far enough ahead that the proposal is never in
  // the past): 10 working days later skips Christmas Day and Boxing Day, both on a weekend, and their
  // substitute days (Monday 27 and Tuesday 28 December), landing on Wednesday 29 December.
  await ui.startCase({ familyName: 'Okafor', initialConferenceDate: '2032-12-13', child: { name: 'Jo Okafor', dateOfBirth: '2020-02-29' } })
  await ui.page.getByRole('heading', { name: 'Okafor family' }).waitFor()
  expect(ui.page.url()).toMatch(/\/cases\/case_/)
  await expect.poll(() => ui.sheet().innerText()).toContain('Secure email through the authority’s system')
  expect(await ui.sheet().innerText()).toContain('How will information be shared securely?')

  // Adding a member asks how information will be shared securely.
  await ui.addMember({ name: 'Tia Teacher', role: 'Professional', agency: 'Hillside Primary School', sharingSecurely: '' })
  await expect.poll(() => ui.errorSummary().innerText()).toContain('Enter how information will be shared securely')
  await ui.addMember({
    name: 'Tia Teacher',
    role: 'Professional',
    agency: 'Hillside Primary School',
    email: 'tia@hillside.sch.uk',
    sharingSecurely: 'Egress secure email to the safeguarding inbox',
    account: `Tia Teacher (${teacher.email})`,
  })
  await expect.poll(() => ui.sheet().innerText()).toContain('Egress secure email to the safeguarding inbox')
  await ui.addMember({ name: 'Alex Okafor', role: 'Parent or carer', sharingSecurely: 'Paper copy at home visits' })
  await expect.poll(() => ui.sheet().innerText()).toContain('Paper copy at home visits')
  expect(await ui.sheet().innerText()).toContain('Parent or carer')

  // The proposed first core group.
  await expect.poll(() => ui.proposal().innerText()).toContain('First core group on Wednesday 29 December 2032')
  expect(await ui.dateValue('date')).toBe('2032-12-29')
  expect(await ui.field('type').inputValue()).toBe('first')

  // Chair and note taker must differ: the form says so before anything is sent.
  await ui.field('venue').fill('Anytown Family Centre')
  await ui.field('chairMemberId').selectOption({ label: 'Lee Lead (Children’s Social Care)' })
  await ui.field('noteTakerMemberId').selectOption({ label: 'Lee Lead (Children’s Social Care)' })
  await ui.page.getByRole('button', { name: 'Schedule core group' }).click()
  await expect.poll(() => ui.errorSummary().innerText()).toContain('The chair and the note taker must be different people')
  await ui.field('noteTakerMemberId').selectOption({ label: 'Tia Teacher (Hillside Primary School)' })
  await ui.page.getByRole('button', { name: 'Schedule core group' }).click()
  await expect.poll(() => ui.meetings().innerText().catch(() => '')).toContain('First core group — Wednesday 29 December 2032, 10am, Anytown Family Centre')
  expect(await ui.meetings().innerText()).toContain('Chair: Lee Lead; note taker: Tia Teacher')
  // The next one is proposed 4 weeks later.
  await expect.poll(() => ui.proposal().innerText()).toContain('Wednesday 26 January 2033')

  // The meeting link leads to its page, and "My cases" lists the case with its next meeting.
  expect(await ui.meetings().getByRole('link', { name: 'First core group' }).getAttribute('href')).toMatch(/^\/meetings\/meet_/)

  // A member is opted out, never deleted: the sheet keeps their row with the date they left.
  await ui.page.getByRole('button', { name: 'Opt out Alex Okafor' }).click()
  await ui.page.getByRole('button', { name: 'Confirm opt out of Alex Okafor' }).click()
  const alexRow = ui.sheet().getByRole('row').filter({ hasText: 'Alex Okafor' })
  await expect.poll(() => alexRow.innerText()).toContain(`Left ${longDate(today())}`)

  await ui.openMyCases()
  await expect.poll(() => ui.caseCard('Okafor').innerText()).toContain('Next: First core group on Wednesday 29 December 2032')
})

it('the dashboard shows an overdue item for a case whose notes were not sent out in time', async () => {
  const lead = await server.signUp({ name: 'Dee Drift' })
  // Seeded through the API: a core group held two months ago whose notes never went out.
  const { caseId } = await caseWithMembers(server, lead, [], { familyName: 'Late', initialConferenceDate: addDays(today(), -90) })
  const meeting = await createMeeting(server, lead, caseId, { date: addDays(today(), -60) })
  await expectStatus(await server.request('PATCH', `/api/meetings/${meeting.id}`, { as: lead, body: { status: 'held' } }), 200)
  await caseWithMembers(server, lead, [], { familyName: 'Calm', initialConferenceDate: today() })

  const ui = await signedIn(lead)
  await ui.openMyCases()
  const late = ui.caseCard('Late')
  await expect.poll(() => late.innerText()).toMatch(/\d+ overdue/)
  const notes = late.locator(`[data-key="notes-distributed:${meeting.id}"]`)
  expect(await notes.getAttribute('data-status')).toBe('overdue')
  // In words, with an icon, not colour alone.
  expect(await notes.innerText()).toMatch(/^⚠ Overdue Notes and updated plan sent to members \(core group on .+\): was due \d{1,2} \w+ \d{4}$/)
  // The case with drift comes first; the calm one says nothing is overdue.
  expect(await ui.page.getByTestId('case-card').first().getAttribute('data-case-id')).toBe(caseId)
  expect(await ui.caseCard('Calm').getByTestId('case-summary').innerText()).toBe('Nothing overdue or due soon')

  // Recording the late notes on the case page clears the item (done, late).
  await late.getByRole('link', { name: 'Late family' }).click()
  await ui.page.getByRole('heading', { name: 'Late family' }).waitFor()
  await ui.page.locator(`#meeting-${meeting.id}`).getByText('Record what happened', { exact: true }).click()
  const field = (name: string) => ui.page.locator(`#record-${meeting.id}-${name}`)
  await fillDateInput(ui.page, `record-${meeting.id}-notesDistributedDate`, addDays(today(), -61))
  await ui.page.locator(`#meeting-${meeting.id}`).getByRole('button', { name: 'Save' }).click()
  await expect.poll(() => ui.page.locator(`#meeting-${meeting.id}`).innerText()).toContain('Date the notes were sent out must be on or after the day of the meeting')
  await field('status').selectOption({ label: 'Notes sent out' })
  await fillDateInput(ui.page, `record-${meeting.id}-notesDistributedDate`, addDays(today(), -30))
  await ui.page.locator(`#meeting-${meeting.id}`).getByRole('button', { name: 'Save' }).click()
  await expect.poll(() => ui.meetings().innerText()).toContain('Notes sent out')
  await ui.openMyCases()
  await expect.poll(() => ui.caseCard('Late').innerText()).not.toContain('Notes and updated plan sent to members')
})
