/**
 * Decisions in principle through the real server (seed 003, issue 15 §2): refused while the social
 * worker is present, recorded by the chair when absent, refused for a member who does not run the
 * meeting, hidden from the family while waiting, signed off once by the team manager (never by the
 * person who recorded it), on the team manager's list until then, field errors in words, and an audit
 * trail with ids and no text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DecisionListResponse, DecisionResponse, PendingDecisionsResponse } from '../../schemas/api/decisions.ts'
import type { ApiErrorBody } from '../../schemas/api/errors.ts'
import { SOCIAL_WORKER_PRESENT_MESSAGE } from '../../schemas/decisions/decision-rules.ts'
import { addMember, expectStatus } from '../support/case-factories.ts'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { insertDecision, signOffDecision } from '../../server/db/repos/decisions.ts'

let server: TestServer
let group: CoreGroupFixture
let meetingId: string
const TEXT = 'Child to stay with grandmother this weekend while mum is in hospital (secret-phrase-42)'

beforeAll(async () => {
  server = await startTestServer()
  group = await seedTestCoreGroup(server)
  meetingId = group.meeting.id
  // The health visitor chairs and the team manager takes notes; the teacher does neither.
  await expectStatus(
    await server.request('POST', `/api/meetings/${meetingId}/roles`, {
      as: group.as.socialWorker,
      body: { chairMemberId: group.people.healthVisitor.member.id, noteTakerMemberId: group.people.teamManager.member.id },
      headers: { origin: server.httpUrl },
    }),
    200,
  )
})
afterAll(() => server.stop())

const post = (as: keyof CoreGroupFixture['as'], path: string, body: unknown) => server.request('POST', path, { as: group.as[as], body, headers: { origin: server.httpUrl } })
const get = (as: keyof CoreGroupFixture['as'], path: string) => server.request('GET', path, { as: group.as[as], headers: { origin: server.httpUrl } })
const setAbsent = async (absent: boolean) =>
  expectStatus(await server.request('PATCH', `/api/meetings/${meetingId}`, { as: group.as.socialWorker, body: { socialWorkerAbsent: absent }, headers: { origin: server.httpUrl } }), 200)

describe('decisions in principle', () => {
  let decisionId: string

  it('is refused in words while the social worker is present', async () => {
    await setAbsent(false)
    const refused = await expectStatus<ApiErrorBody>(await post('healthVisitor', `/api/meetings/${meetingId}/decisions`, { text: TEXT }), 409)
    expect(refused.error.message).toBe(SOCIAL_WORKER_PRESENT_MESSAGE)
  })

  it('names each bad field in plain English', async () => {
    await setAbsent(true)
    const empty = await expectStatus<ApiErrorBody>(await post('healthVisitor', `/api/meetings/${meetingId}/decisions`, { text: '   ', extra: 1 }), 400)
    expect(empty.error.fields).toEqual({ text: 'Enter what was decided', extra: 'This field is not recognised' })
    const long = await expectStatus<ApiErrorBody>(await post('healthVisitor', `/api/meetings/${meetingId}/decisions`, { text: 'x'.repeat(2001) }), 400)
    expect(long.error.fields).toEqual({ text: 'What was decided must be 2000 characters or fewer' })
  })

  it('is recorded by the chair when the social worker is absent', async () => {
    const { decision } = await expectStatus<DecisionResponse>(await post('healthVisitor', `/api/meetings/${meetingId}/decisions`, { text: `  ${TEXT}  ` }), 201)
    expect(decision).toMatchObject({ meetingId, text: TEXT, recordedBy: { userId: group.as.healthVisitor.id, name: group.people.healthVisitor.member.name }, signOff: null })
    decisionId = decision.id
  })

  it('is refused for a teacher who is neither chair, note taker nor deputy lead, and for the absent lead social worker', async () => {
    const teacher = await expectStatus<ApiErrorBody>(await post('teacher', `/api/meetings/${meetingId}/decisions`, { text: TEXT }), 403)
    expect(teacher.error.message).toBe('Only the chair, the note taker or the deputy lead of this core group can record a decision in principle')
    await expectStatus(await post('socialWorker', `/api/meetings/${meetingId}/decisions`, { text: TEXT }), 403)
    await expectStatus(await post('parent', `/api/meetings/${meetingId}/decisions`, { text: TEXT }), 403)
  })

  it('professionals see it waiting; the parent does not, and cannot find it to sign off', async () => {
    const forTeacher = await expectStatus<DecisionListResponse>(await get('teacher', `/api/meetings/${meetingId}/decisions`), 200)
    expect(forTeacher.decisions.map((d) => d.id)).toEqual([decisionId])
    const forParent = await expectStatus<DecisionListResponse>(await get('parent', `/api/meetings/${meetingId}/decisions`), 200)
    expect(forParent.decisions).toEqual([])
    await expectStatus(await post('parent', `/api/decisions/${decisionId}/sign-off`, { outcome: 'agreed' }), 404)
  })

  it('waits on the team manager’s list, with the case, the meeting and who recorded it', async () => {
    const { decisions } = await expectStatus<PendingDecisionsResponse>(await get('teamManager', '/api/team/decisions'), 200)
    expect(decisions).toEqual([
      {
        id: decisionId,
        case: { id: group.caseRow.id, familyName: group.caseRow.familyName },
        meeting: { id: meetingId, date: group.meeting.date, type: group.meeting.type },
        text: TEXT,
        recordedBy: { userId: group.as.healthVisitor.id, name: group.people.healthVisitor.member.name },
        recordedAt: expect.any(String),
        recordedByYou: false,
      },
    ])
    // Nobody else's list shows it.
    expect((await expectStatus<PendingDecisionsResponse>(await get('socialWorker', '/api/team/decisions'), 200)).decisions).toEqual([])
  })

  it('only a team manager signs it off, with field errors in words', async () => {
    const lead = await expectStatus<ApiErrorBody>(await post('socialWorker', `/api/decisions/${decisionId}/sign-off`, { outcome: 'agreed' }), 403)
    expect(lead.error.message).toBe('Only a team manager of this case can sign off a decision in principle')
    await expectStatus(await post('healthVisitor', `/api/decisions/${decisionId}/sign-off`, { outcome: 'agreed' }), 403)
    const bad = await expectStatus<ApiErrorBody>(await post('teamManager', `/api/decisions/${decisionId}/sign-off`, { outcome: 'maybe', note: 5 }), 400)
    expect(bad.error.fields).toEqual({ outcome: 'Select whether you agree with the decision', note: 'Note must be text' })
  })

  it('the team manager agrees; a second sign-off is refused (409) and nothing changes', async () => {
    const { decision } = await expectStatus<DecisionResponse>(await post('teamManager', `/api/decisions/${decisionId}/sign-off`, { outcome: 'agreed', note: 'Agreed for this weekend only' }), 200)
    expect(decision.signOff).toMatchObject({ by: { userId: group.as.teamManager.id, name: group.people.teamManager.member.name }, outcome: 'agreed', note: 'Agreed for this weekend only' })
    const again = await expectStatus<ApiErrorBody>(await post('teamManager', `/api/decisions/${decisionId}/sign-off`, { outcome: 'not-agreed' }), 409)
    expect(again.error.message).toBe('This decision in principle has already been signed off and cannot change')
    const list = await expectStatus<DecisionListResponse>(await get('teacher', `/api/meetings/${meetingId}/decisions`), 200)
    expect(list.decisions[0]!.signOff?.outcome).toBe('agreed')
    expect((await expectStatus<PendingDecisionsResponse>(await get('teamManager', '/api/team/decisions'), 200)).decisions).toEqual([])
    // Once signed off the family sees it, without the manager's note.
    const forParent = await expectStatus<DecisionListResponse>(await get('parent', `/api/meetings/${meetingId}/decisions`), 200)
    expect(forParent.decisions.map((d) => [d.id, d.signOff?.outcome, d.signOff?.note])).toEqual([[decisionId, 'agreed', null]])
  })

  it('a team manager who recorded a decision (as chair) still signs it off, as a separate act', async () => {
    const { decision } = await expectStatus<DecisionResponse>(await post('teamManager', `/api/meetings/${meetingId}/decisions`, { text: 'Contact with dad supervised until the next core group' }), 201)
    const { decisions } = await expectStatus<PendingDecisionsResponse>(await get('teamManager', '/api/team/decisions'), 200)
    expect(decisions.map((d) => [d.id, d.recordedByYou])).toEqual([[decision.id, true]])
    await expectStatus(await post('teamManager', `/api/decisions/${decision.id}/sign-off`, { outcome: 'agreed' }), 200)
    expect((await expectStatus<PendingDecisionsResponse>(await get('teamManager', '/api/team/decisions'), 200)).decisions).toEqual([])
  })

  it('the deputy lead records one without chairing or taking notes; another origin is refused', async () => {
    const deputy = await server.signUp({ name: 'Dee Deputy' })
    await addMember(server, group.as.socialWorker, group.caseRow.id, { name: 'Dee Deputy', role: 'deputy-lead', userId: deputy.id, optedInDate: group.people.socialWorker.member.optedInDate })
    const path = `/api/meetings/${meetingId}/decisions`
    await expectStatus(await server.request('POST', path, { as: deputy, body: { text: 'Nursery place every morning' }, headers: { origin: 'http://evil.example' } }), 403)
    const { decision } = await expectStatus<DecisionResponse>(await server.request('POST', path, { as: deputy, body: { text: 'Nursery place every morning' }, headers: { origin: server.httpUrl } }), 201)
    expect(decision.recordedBy).toEqual({ userId: deputy.id, name: 'Dee Deputy' })
  })

  it('two sign-offs at once: one wins, the other is refused (409)', async () => {
    const { decision } = await expectStatus<DecisionResponse>(await post('healthVisitor', `/api/meetings/${meetingId}/decisions`, { text: 'Weekly joint visit by the health visitor and the school' }), 201)
    const answers = await Promise.all([
      post('teamManager', `/api/decisions/${decision.id}/sign-off`, { outcome: 'agreed' }),
      post('teamManager', `/api/decisions/${decision.id}/sign-off`, { outcome: 'not-agreed' }),
    ])
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409])
    const winner = (await answers.find((r) => r.status === 200)!.json()) as DecisionResponse
    const list = await expectStatus<DecisionListResponse>(await get('teacher', `/api/meetings/${meetingId}/decisions`), 200)
    expect(list.decisions.find((d) => d.id === decision.id)?.signOff?.outcome).toBe(winner.decision.signOff?.outcome)
  })

  it('the store signs a decision off once: a second sign-off that got past the route’s check changes nothing', async () => {
    const stored = await insertDecision(server.db, { caseId: group.caseRow.id, meetingId, text: 'Stored directly', recordedBy: group.as.healthVisitor.id })
    const first = await signOffDecision(server.db, stored.id, { by: group.as.teamManager.id, outcome: 'not-agreed', note: null })
    expect(first?.signOff?.outcome).toBe('not-agreed')
    expect(await signOffDecision(server.db, stored.id, { by: group.as.teamManager.id, outcome: 'agreed', note: 'late' })).toBeNull()
    const list = await expectStatus<DecisionListResponse>(await get('teacher', `/api/meetings/${meetingId}/decisions`), 200)
    expect(list.decisions.find((d) => d.id === stored.id)?.signOff).toMatchObject({ outcome: 'not-agreed', note: null })
  })

  it('the audit trail records both events with ids only, never the text', async () => {
    const rows = await server.db.selectFrom('audit_events').selectAll().where('event', 'in', ['decision-recorded', 'decision-signed-off']).orderBy('seq').execute()
    expect(rows.map((r) => r.event)).toEqual(['decision-recorded', 'decision-signed-off', 'decision-recorded', 'decision-signed-off', 'decision-recorded', 'decision-recorded', 'decision-signed-off'])
    expect(JSON.parse(rows[1]!.detail!)).toEqual({ meetingId, decisionId, outcome: 'agreed' })
    expect(rows[0]).toMatchObject({ case_id: group.caseRow.id, user_id: group.as.healthVisitor.id, doc: `meeting:${meetingId}` })
    for (const r of rows) {
      const all = JSON.stringify(r)
      expect(all).not.toContain('secret-phrase-42')
      expect(all).not.toContain('Agreed for this weekend')
      expect(all).not.toContain('supervised')
      expect(all).not.toContain('Nursery')
      expect(all).not.toContain('joint visit')
    }
  })
})
