/**
 * Page object for the joint report's page (`/meetings/:id/report`).
 */
import type { Page } from 'playwright-core'
import { DocumentPageObject } from './document-page.ts'

export class ReportPageObject extends DocumentPageObject {
  constructor(page: Page, baseUrl: string) {
    super(page, baseUrl)
  }

  async openReport(meetingId: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/meetings/${meetingId}/report`)
    await this.page.getByTestId('report-contents').waitFor()
  }

  contribution(memberId: string) {
    return this.page.getByTestId(`contribution-${memberId}`)
  }

  contentsStatus(memberId: string) {
    return this.page.getByTestId(`contents-${memberId}`).getByTestId('contents-status')
  }

  async openContents(label: string | RegExp): Promise<void> {
    await this.page.getByTestId('report-contents').getByRole('button', { name: label }).click()
  }

  mode(section: string) {
    return this.page.getByTestId(`section-${section}`).getAttribute('data-mode')
  }
}
