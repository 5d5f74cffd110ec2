// Temporary screenshot script (not committed): SHOT_PATHS="socialWorker:/cases/CASE,admin:/admin/settings" SHOT_NAME=x
import { startTestServer } from './support/server.ts'
import { seedTestCoreGroup } from './support/core-group.ts'
import { launchChromium } from './e2e/support/browser.ts'

const server = await startTestServer({ clientDir: '/tmp/dist-lead' })
const group = await seedTestCoreGroup(server)
const admin = await server.signUp({ name: 'Ada Admin', accountRole: 'administrator', email: 'ada@example.test' })
const browser = await launchChromium()
const people: Record<string, { email: string; password: string }> = { admin: { email: admin.email, password: admin.password } }
for (const [k, v] of Object.entries(group.people)) people[k] = { email: v.user.email, password: v.password }
for (const spec of (process.env.SHOT_PATHS ?? '').split(',')) {
  const [who, rawPath] = spec.split(':') as [string, string]
  const path = rawPath.replace('CASE', group.caseRow.id).replace('MEETING', group.meeting.id)
  for (const width of [1280, 768]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${server.httpUrl}/`)
    await page.getByLabel('Email address').fill(people[who]!.email)
    await page.getByLabel('Password').fill(people[who]!.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByTestId('signed-in-as').waitFor()
    await page.goto(`${server.httpUrl}${path}`)
    await page.waitForTimeout(1500)
    if (process.env.SHOT_OPEN) for (const t of process.env.SHOT_OPEN.split('|')) await page.getByText(t, { exact: true }).first().click().catch(() => {})
    await page.waitForTimeout(300)
    const file = `/tmp/shots-lead/${process.env.SHOT_NAME ?? 'shot'}-${who}-${path.replace(/[^a-z]+/gi, '_')}-${width}.png`
    await page.screenshot({ path: file, fullPage: true })
    console.log(file)
    await context.close()
  }
}
await browser.close()
await server.stop()
