/**
 * Page objects for "My cases", the new case form and the case page. Fields are found by the ids the
 * error summary links to (`#field-<name>`).
 */
import type { Page } from 'playwright-core'

export class CasePagesObject {
  constructor(readonly page: Page, readonly baseUrl: string) {}

  field(name: string) {
    return this.page.locator(`#field-${name.replace(/\./g, '-')}`)
  }

  /** Fills a GOV.UK date input (day, month and year boxes) with `YYYY-MM-DD`. */
  async fillDate(name: string, iso: string, prefix = 'field-'): Promise<void> {
    await fillDateInput(this.page, `${prefix}${name.replace(/\./g, '-')}`, iso)
  }

  /** The date a GOV.UK date input holds, as `YYYY-MM-DD`. */
  async dateValue(name: string): Promise<string> {
    const id = `field-${name.replace(/\./g, '-')}`
    const [day, month, year] = await Promise.all([id, `${id}-month`, `${id}-year`].map((box) => this.page.locator(`#${box}`).inputValue()))
    return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`
  }

  errorSummary() {
    return this.page.getByTestId('error-summary')
  }

  async openMyCases(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/`)
    await this.page.getByRole('heading', { name: 'My cases' }).waitFor()
  }

  caseCard(familyName: string) {
    return this.page.getByTestId('case-card').filter({ has: this.page.getByRole('link', { name: `${familyName} family` }) })
  }

  async startCase(input: { familyName: string; initialConferenceDate: string; child: { name: string; dateOfBirth: string } }): Promise<void> {
    await this.field('familyName').fill(input.familyName)
    await this.fillDate('initialConferenceDate', input.initialConferenceDate)
    await this.field('children.0.name').fill(input.child.name)
    await this.fillDate('children.0.dateOfBirth', input.child.dateOfBirth)
    await this.page.getByRole('button', { name: 'Start the case' }).click()
  }

  async addMember(input: { name: string; role: string; agency?: string; email?: string; sharingSecurely: string; account?: string }): Promise<void> {
    const form = this.page.getByTestId('add-member-form')
    await this.field('name').fill(input.name)
    await this.field('role').selectOption({ label: input.role })
    await this.field('agency').fill(input.agency ?? '')
    await this.field('contact.email').fill(input.email ?? '')
    await this.field('sharingSecurely').fill(input.sharingSecurely)
    if (input.account) await this.field('userId').selectOption({ label: input.account })
    await form.getByRole('button', { name: 'Add member' }).click()
  }

  sheet() {
    return this.page.getByTestId('membership-sheet')
  }

  proposal() {
    return this.page.getByTestId('proposal')
  }

  meetings() {
    return this.page.getByTestId('meetings')
  }
}

/** Types `YYYY-MM-DD` into the day, month and year boxes of the date input whose day box is `#<id>`. */
export async function fillDateInput(page: Page, id: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-')
  await page.locator(`#${id}`).fill(String(Number(day)))
  await page.locator(`#${id}-month`).fill(String(Number(month)))
  await page.locator(`#${id}-year`).fill(year!)
}
