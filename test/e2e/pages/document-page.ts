/**
 * Page object for the shared document page.
 */
import type { Page } from 'playwright-core'

export class DocumentPageObject {
  constructor(readonly page: Page, readonly baseUrl: string) {}

  /** Signs in through the sign-in page (the app shows it to anyone signed out). */
  async signIn(user: { email: string; password: string }): Promise<void> {
    await this.page.goto(`${this.baseUrl}/`)
    await this.page.getByLabel('Email address').fill(user.email)
    await this.page.getByLabel('Password').fill(user.password)
    await this.page.getByRole('button', { name: 'Sign in' }).click()
    await this.page.getByTestId('signed-in-as').waitFor()
  }

  async open(name: string, firstSection = 'item:purpose'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/documents/${name}`)
    await this.editor(firstSection).waitFor()
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

