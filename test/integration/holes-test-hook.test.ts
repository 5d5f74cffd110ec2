/**
 * Issue 9, "smaller holes": no test hook in production. The client is built here exactly as
 * `npx vite build` builds it (same config, into a temp folder so the served dist/ is left alone), and
 * nothing it would ship (scripts, source maps, HTML, service worker) names `window.__coregroup`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { afterAll, expect, it } from 'vitest'

const outDir = mkdtempSync(join(tmpdir(), 'coregroup-build-'))
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

it('the production build contains no "__coregroup"', async () => {
  await build({
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    root: fileURLToPath(new URL('../../client', import.meta.url)),
    mode: 'production',
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  })
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile())
  expect(files.some((f) => f.name.endsWith('.js'))).toBe(true)
  const naming = files.filter((f) => readFileSync(join(f.parentPath, f.name), 'utf8').includes('__coregroup')).map((f) => f.name)
  expect(naming).toEqual([])
}, 120_000)
