/**
 * Page object for "Finalise and share" (`/meetings/:id/record`).
 */
import type { Page } from 'playwright-core'

export class RecordPageObject {
  constructor(readonly page: Page, readonly baseUrl: string) {}

  async open(meetingId: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/meetings/${meetingId}/record`)
    await this.state().waitFor()
  }

  state() {
    return this.page.getByTestId('record-state')
  }

  async finalise(): Promise<void> {
    await this.page.getByTestId('finalise-start').click()
    await this.page.getByTestId('finalise-confirm-button').click()
  }

  async reopen(reason: string): Promise<void> {
    await this.page.getByTestId('reopen-start').click()
    await this.page.getByTestId('reopen-reason').fill(reason)
    await this.page.getByTestId('reopen-confirm').click()
  }

  recordSent(memberId: string) {
    return this.page.getByTestId(`record-sent-${memberId}`)
  }

  distributionRow(memberId: string) {
    return this.page.getByTestId(`distribution-${memberId}`)
  }

  /** Clicks a download link and returns the file's name and bytes. */
  async download(testId: string): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(testId).click()])
    const stream = await download.createReadStream()
    const chunks: Buffer[] = []
    for await (const c of stream) chunks.push(c as Buffer)
    return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) }
  }
}
