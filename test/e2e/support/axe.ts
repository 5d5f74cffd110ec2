/**
 * axe-core in the page under test: the serious and critical accessibility problems it finds in the
 * whole page, or in one part of it (a CSS selector), so that a test checks the part it is about.
 * (test/e2e/family.test.ts has its own copy of the whole-page check, from before this file.)
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

type AxeRun = { run: (ctx: Document | Element | null, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }> }> }

/** Serious and critical problems in the whole page. */
export async function axeProblems(page: Page): Promise<string[]> {
  return run(page, null)
}

/** Serious and critical problems in the part of the page `selector` matches. */
export async function axeProblemsIn(page: Page, selector: string): Promise<string[]> {
  return run(page, selector)
}

async function run(page: Page, selector: string | null): Promise<string[]> {
  await page.evaluate(AXE)
  const results = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: AxeRun }).axe
    return axe.run(sel === null ? document : document.querySelector(sel), { resultTypes: ['violations'] })
  }, selector)
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`)
}
