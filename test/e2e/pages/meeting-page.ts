/**
 * Page object for the live minutes of a meeting.
 */
import type { Page } from 'playwright-core'
import { DocumentPageObject } from './document-page.ts'

export class MeetingPageObject extends DocumentPageObject {
  constructor(page: Page, baseUrl: string) {
    super(page, baseUrl)
  }

  async openMeeting(meetingId: string, firstSection: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/meetings/${meetingId}`)
    await this.editor(firstSection).waitFor()
  }

  isEditable(section: string): Promise<boolean> {
    return this.editor(section).evaluate((el) => (el as HTMLElement).isContentEditable)
  }

  readOnlyNotice(section: string) {
    return this.page.getByTestId(`readonly-${section}`)
  }

  tab(name: string) {
    return this.page.getByRole('button', { name })
  }
}
