/**
 * The joint report is finalised and exported the same way as the minutes (issue 13): finalising the
 * pre-review meeting's report locks it (an open socket's edit afterwards is refused) and records a
 * version; its DOCX holds each agency's contribution in the contribution format, the joint sections
 * and every recorded disagreement; the family copy holds none of the professionals' contributions.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { FinaliseResponse, VersionListResponse } from '../../schemas/api/versions.ts'
import { openClient } from '../support/clients.ts'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { docxHtml, docxText } from '../support/docx-read.ts'
import { writeRichText } from '../support/minutes-content.ts'
import { MisbehavingClient } from '../support/misbehaving-client.ts'
import { startTestServer, type TestServer, type TestUser } from '../support/server.ts'

const ANALYSIS = 'Fictional school analysis: attendance has risen to 97%.'
const REASON = 'Fictional reason: the plan should continue for three more months.'

let server: TestServer
let group: CoreGroupFixture
let report: string

beforeAll(async () => {
  server = await startTestServer()
  group = await seedTestCoreGroup(server)
  report = `report:${group.preReview.id}`
  const teacher = openClient(server.syncUrl, report, group.as.teacher)
  await teacher.whenSynced()
  const id = group.people.teacher.member.id
  writeRichText(teacher.doc, `contrib:${id}:analysis`, [{ type: 'paragraph', content: [{ type: 'text', text: ANALYSIS }] }])
  const position = new Y.Map<unknown>()
  position.set('position', 'disagree')
  position.set('reason', REASON)
  teacher.doc.getArray<Y.Map<unknown>>(`position:${id}`).push([position])
  await teacher.whenSaved()
  teacher.destroy()
})
afterAll(() => server.stop())

const api = (method: string, path: string, as: TestUser) => server.request(method, path, { as, headers: { origin: server.httpUrl } })

it('finalises the joint report as a barrier and exports it in both copies', async () => {
  expect((await api('POST', `/api/meetings/${group.meeting.id}/finalise?subject=report`, group.as.socialWorker)).status).toBe(404) // not a pre-review meeting
  const teacher = await MisbehavingClient.connect(`${server.syncUrl}/${encodeURIComponent(report)}`, group.as.teacher)
  const res = await api('POST', `/api/meetings/${group.preReview.id}/finalise?subject=report`, group.as.socialWorker)
  expect(res.status).toBe(201)
  const { version } = (await res.json()) as FinaliseResponse
  expect(version.subject).toBe('report')
  expect(version.documents.map((d) => d.role)).toEqual(['minutes', 'plan', 'report', 'report-family'])
  const refused = await teacher.send(teacher.insertText(`contrib:${group.people.teacher.member.id}:recommendation`, 'Too late. '))
  expect(refused).toMatchObject({ kind: 'rejected', reason: 'locked' })
  const list = (await (await api('GET', `/api/meetings/${group.preReview.id}/versions?subject=report`, group.as.teamManager)).json()) as VersionListResponse
  expect(list.state).toBe('finalised')
  // The minutes of the same meeting are still a draft of their own.
  expect(((await (await api('GET', `/api/meetings/${group.preReview.id}/versions`, group.as.teamManager)).json()) as VersionListResponse).state).toBe('draft')

  const pro = await api('GET', `/api/versions/${version.id}/export.docx`, group.as.socialWorker)
  expect(pro.status).toBe(200)
  expect(pro.headers.get('content-disposition')).toContain(`Brook-joint-report-${group.preReview.date}-v1.docx`)
  const bytes = Buffer.from(await pro.arrayBuffer())
  const text = await docxText(bytes)
  expect(text).toContain('Joint report to the review child protection conference')
  expect(text).toContain('Agency contribution: Tom Ellis (Meadow Lane Primary School)')
  expect(text).toContain('Chronology of agency involvement since the last conference')
  expect(text).toContain(ANALYSIS)
  expect(text).toContain('Multi-agency analysis')
  expect(text).toContain('Recommendation to the review conference')
  const html = await docxHtml(bytes)
  expect(html).toContain(`<td><p>Tom Ellis (Meadow Lane Primary School)</p></td><td><p>Disagrees</p></td><td><p>${REASON}</p></td>`)
  expect(text).not.toContain('Too late.')

  const family = await api('GET', `/api/versions/${version.id}/export.docx?copy=family`, group.as.socialWorker)
  expect(family.status).toBe(200)
  const familyText = await docxText(Buffer.from(await family.arrayBuffer()))
  expect(familyText).toContain('Family copy')
  expect(familyText).not.toContain(ANALYSIS)
  expect(familyText).not.toContain(REASON)
  expect((await api('GET', `/api/versions/${version.id}/export.docx?document=notes`, group.as.socialWorker)).status).toBe(400)
})
