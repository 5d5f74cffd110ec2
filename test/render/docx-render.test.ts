/**
 * The exports as a reader gets them (issue 13): each DOCX of a finalised meeting — the notes in both
 * copies, the plan, the membership sheet — and the live draft, converted to PDF by LibreOffice
 * (installed by scripts/ensure-libreoffice.sh when missing; skipped with one line when it cannot be),
 * then read with poppler: the text is there, the marking and page numbers are on every page, the plan
 * is landscape, DRAFT is on every page of the draft, and page counts are sane.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openClient } from '../support/clients.ts'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { writeMinutes, writeRestricted, writeRichText, WORDS } from '../support/minutes-content.ts'

const REPORT_WORDS = 'Fictional school analysis: attendance is now 97%.'
import { startTestServer, type TestServer } from '../support/server.ts'

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0
const tools = () => has('soffice') && has('pdftotext') && has('pdfinfo')

let available = false
let server: TestServer
let group: CoreGroupFixture
let dir: string
const FILES = ['notes-professional', 'notes-family', 'plan', 'membership', 'draft', 'report'] as const
type File = (typeof FILES)[number]

beforeAll(async () => {
  if (!tools()) spawnSync('bash', [join(import.meta.dirname, '../../scripts/ensure-libreoffice.sh')], { stdio: 'inherit', timeout: 240_000 })
  available = tools()
  if (!available) {
    console.warn('SKIPPED DOCX render test: LibreOffice (soffice) or poppler (pdftotext, pdfinfo) is not installed and could not be installed.')
    return
  }
  dir = mkdtempSync(join(tmpdir(), 'coregroup-render-'))
  server = await startTestServer()
  group = await seedTestCoreGroup(server)
  const lead = openClient(server.syncUrl, `meeting:${group.meeting.id}`, group.as.socialWorker)
  const notes = openClient(server.syncUrl, `meeting:${group.meeting.id}:restricted`, group.as.socialWorker)
  await Promise.all([lead.whenSynced(), notes.whenSynced()])
  writeMinutes(lead.doc, group)
  writeRestricted(notes.doc)
  await Promise.all([lead.whenSaved(), notes.whenSaved()])
  lead.destroy()
  notes.destroy()
  const as = { as: group.as.socialWorker, headers: { origin: server.httpUrl } }
  const save = async (name: File, path: string) => {
    const res = await server.request('GET', path, as)
    expect(res.status).toBe(200)
    writeFileSync(join(dir, `${name}.docx`), Buffer.from(await res.arrayBuffer()))
  }
  await save('draft', `/api/meetings/${group.meeting.id}/export.docx?copy=professional`)
  const finalised = await server.request('POST', `/api/meetings/${group.meeting.id}/finalise`, as)
  expect(finalised.status).toBe(201)
  const { version } = (await finalised.json()) as { version: { id: string } }
  await save('notes-professional', `/api/versions/${version.id}/export.docx?copy=professional`)
  await save('notes-family', `/api/versions/${version.id}/export.docx?copy=family`)
  await save('plan', `/api/versions/${version.id}/export.docx?document=plan`)
  await save('membership', `/api/versions/${version.id}/export.docx?document=membership`)
  // The joint report of the pre-review meeting, with one agency's analysis.
  const teacher = openClient(server.syncUrl, `report:${group.preReview.id}`, group.as.teacher)
  await teacher.whenSynced()
  writeRichText(teacher.doc, `contrib:${group.people.teacher.member.id}:analysis`, [{ type: 'paragraph', content: [{ type: 'text', text: REPORT_WORDS }] }])
  await teacher.whenSaved()
  teacher.destroy()
  const reportVersion = await server.request('POST', `/api/meetings/${group.preReview.id}/finalise?subject=report`, as)
  expect(reportVersion.status).toBe(201)
  await save('report', `/api/versions/${((await reportVersion.json()) as { version: { id: string } }).version.id}/export.docx`)
  // One LibreOffice run for every file, with a profile of its own (other runs may use the default).
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...FILES.map((f) => join(dir, `${f}.docx`))], { timeout: 120_000, stdio: 'ignore' })
}, 300_000)

afterAll(async () => {
  await server?.stop()
  if (dir && !process.env.RENDER_KEEP) rmSync(dir, { recursive: true, force: true })
})

const pdf = (f: File) => join(dir, `${f}.pdf`)
const pages = (f: File) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf(f)]).toString())?.[1])
const size = (f: File) => /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [pdf(f)]).toString())!.slice(1).map(Number)
const text = (f: File, page?: number) => execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), pdf(f), '-']).toString()
/** Words in reading order (pdftotext reads a table column by column): line ends become spaces. */
const flat = (t: string) => t.replace(/\s+/g, ' ')

describe('DOCX rendered by LibreOffice', () => {
  it('the notes: every heading and section, attendance, the action table; marking and page numbers on every page', (ctx) => {
    if (!available) return ctx.skip()
    const n = pages('notes-professional')
    expect(n).toBeGreaterThanOrEqual(2)
    expect(n).toBeLessThanOrEqual(12)
    const all = flat(text('notes-professional'))
    for (const words of ['Notes of core group meeting', '1. Note taker', 'Who attended', 'Hana Novak (Health Visiting Service) — written report received', WORDS.purpose, WORDS.childsViews, WORDS.teacherUpdate, WORDS.nextMeetings, 'Protection plan: actions agreed', 'Keep the bedtime routine', WORDS.restricted]) {
      expect(all).toContain(words)
    }
    for (let p = 1; p <= n; p++) {
      const page = flat(text('notes-professional', p))
      expect(page).toContain('OFFICIAL-SENSITIVE')
      expect(page).toContain(`Page ${p} of ${n}`)
      expect(page).toContain('Version 1')
      expect(page).not.toContain('DRAFT')
    }
  })

  it('the family copy renders without the restricted notes', (ctx) => {
    if (!available) return ctx.skip()
    const all = flat(text('notes-family'))
    expect(all).toContain(WORDS.purpose)
    expect(all).toContain('Family copy')
    expect(all).not.toContain(WORDS.restricted)
  })

  it('the plan is landscape A4 with the SMART table', (ctx) => {
    if (!available) return ctx.skip()
    const [w, h] = size('plan')
    expect(w).toBeGreaterThan(h!)
    expect(pages('plan')).toBeLessThanOrEqual(4)
    const all = flat(text('plan'))
    for (const words of ['Child protection plan', 'Desired outcome', 'By when', 'Refer Alex to the housing options team', 'Tom Ellis']) expect(all).toContain(words)
  })

  it('the membership sheet has seed 004\'s four columns and every member', (ctx) => {
    if (!available) return ctx.skip()
    expect(pages('membership')).toBe(1)
    const all = flat(text('membership'))
    for (const words of ['Core group membership and contact details', 'How will information be', 'NHS mail', 'Alex Brook', 'Paper copy handed over']) expect(all).toContain(words)
  })

  it('the joint report: each agency’s contribution in the contribution format, the joint sections, the positions', (ctx) => {
    if (!available) return ctx.skip()
    const n = pages('report')
    expect(n).toBeLessThanOrEqual(12)
    const all = flat(text('report'))
    for (const words of ['Joint report to the review child protection conference', 'Agency contribution: Tom Ellis (Meadow Lane Primary School)', 'Chronology of agency involvement', REPORT_WORDS, 'Multi-agency analysis', 'Positions on the recommendation']) expect(all).toContain(words)
    expect(flat(text('report', n))).toContain(`Page ${n} of ${n}`)
  })

  it('the live draft says DRAFT on every page', (ctx) => {
    if (!available) return ctx.skip()
    const n = pages('draft')
    for (let p = 1; p <= n; p++) expect(text('draft', p)).toContain('DRAFT')
  })
})
