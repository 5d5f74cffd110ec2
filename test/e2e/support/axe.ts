/**
 * Serious and critical accessibility problems axe-core finds in one part of a page (a CSS selector),
 * so that a test checks the part it is about. family.test.ts keeps its own whole-page check.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export async function axeProblemsIn(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(AXE)
  const results = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (ctx: Element | null, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }> }> } }).axe
    return axe.run(document.querySelector(sel), { resultTypes: ['violations'] })
  }, selector)
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`)
}
