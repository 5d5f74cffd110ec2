/**
 * Page object for the shared document page.
 */
import type { Page } from 'playwright-core'

export class DocumentPageObject {
  constructor(readonly page: Page, readonly baseUrl: string) {}

  async open(name: string, displayName?: string): Promise<void> {
    if (displayName) {
      await this.page.addInitScript((n) => {
        localStorage.setItem('coregroup:identity', JSON.stringify({ name: n, color: '#1d70b8' }))
      }, displayName)
    }
    await this.page.goto(`${this.baseUrl}/documents/${name}`)
    await this.editor('item:purpose').waitFor()
  }

  editor(section: string) {
    return this.page.locator(`[data-section="${section}"]`)
  }

  async typeAtEnd(section: string, text: string): Promise<void> {
    const editor = this.editor(section)
    await editor.click()
    await this.page.keyboard.press('End')
    await this.page.keyboard.type(text)
  }

  /** The section's text as a reader sees it, without other people's caret labels. */
  async text(section: string): Promise<string> {
    return this.editor(section).evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement
      copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove())
      return Array.from(copy.querySelectorAll('p'), (p) => p.textContent ?? '').join('\n').trim()
    })
  }

  connection() {
    return this.page.getByTestId('connection-status')
  }

  save() {
    return this.page.getByTestId('save-status')
  }
}

