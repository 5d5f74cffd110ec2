/**
 * Issue 9, "smaller holes": one access resolver for the API and the socket. The socket used the UTC
 * date, ignored `optedInDate` and took a user's first membership row; the API used the UK date, both
 * dates and the most recent row. Each case below is one of those disagreements, checked through real
 * HTTP and a real socket, with the clock at 00:30 on 2 July UK time (23:30 on 1 July UTC).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { MeetingDetailResponse } from '../../schemas/api/meetings.ts'
import { Member } from '../../schemas/entities/index.ts'
import { CloseCode } from '../../schemas/protocol.ts'
import { buildMember, insertMember } from '../../server/db/repos/members.ts'
import { addMember, expectStatus } from '../support/case-factories.ts'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { MisbehavingClient } from '../support/misbehaving-client.ts'
import { startTestServer, type TestServer, type TestUser } from '../support/server.ts'

/** UK today is 2 July; UTC is still on 1 July. */
const UK_TODAY = '2026-07-02'
const NOW = new Date('2026-07-01T23:30:00Z')

let server: TestServer
let group: CoreGroupFixture
const sockets: MisbehavingClient[] = []

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW, shouldAdvanceTime: true })
  server = await startTestServer()
  group = await seedTestCoreGroup(server)
})
afterAll(async () => {
  for (const s of sockets) s.close()
  await server.stop()
  vi.useRealTimers()
})

const minutes = () => `meeting:${group.meeting.id}`

/** Opens `doc` as `user`: the close code when the server refuses, else the open client. */
async function open(doc: string, user: TestUser): Promise<MisbehavingClient & { refused?: number }> {
  const client = await MisbehavingClient.connect(`${server.syncUrl}/${doc}`, user)
  sockets.push(client)
  return client
}

const meetingAs = async (user: TestUser) => expectStatus<MeetingDetailResponse>(await server.request('GET', `/api/meetings/${group.meeting.id}`, { as: user }), 200)

describe('the API and the socket agree on who is in the core group', () => {
  it('a member opted out today (UK date) is refused by both, in the hour UTC is still on yesterday', async () => {
    const teacher = group.people.teacher.member
    const res = await server.request('PATCH', `/api/cases/${group.caseRow.id}/members/${teacher.id}`, { as: group.as.socialWorker, body: { optedOutDate: UK_TODAY } })
    await expectStatus(res, 200)
    await expectStatus(await server.request('GET', `/api/cases/${group.caseRow.id}`, { as: group.as.teacher }), 403)
    expect((await open(minutes(), group.as.teacher)).refused).toBe(CloseCode.Forbidden)
  })

  it('a member whose optedInDate is still to come is refused by both, and has no section of their own yet', async () => {
    const fay = await server.signUp({ name: 'Fay Future' })
    const member = await addMember(server, group.as.socialWorker, group.caseRow.id, { name: 'Fay Future', userId: fay.id, optedInDate: '2026-07-03' })
    await expectStatus(await server.request('GET', `/api/cases/${group.caseRow.id}`, { as: fay }), 403)
    expect((await open(minutes(), fay)).refused).toBe(CloseCode.Forbidden)
    // The page's layout (from the API) has no update section for her, and the socket takes none either.
    expect((await meetingAs(group.as.socialWorker)).members.map((m) => m.id)).not.toContain(member.id)
    const lead = await open(minutes(), group.as.socialWorker)
    expect(await lead.send(lead.insertText(`update:${member.id}`, 'written before she joined'))).toMatchObject({ kind: 'rejected', reason: 'unknown-section' })
    // And she is told why.
    const told = await expectStatus<{ error: { message: string } }>(await server.request('GET', `/api/cases/${group.caseRow.id}`, { as: fay }), 403)
    expect(told.error.message).toBe('You are not a member of this core group yet')
  })

  it('a user with two membership rows is judged by the most recent one on both', async () => {
    // Two adds racing past the duplicate check leave two active rows: the health visitor, then a
    // parent-carer row made a minute later for the same account.
    const hv = group.people.healthVisitor
    const later = new Date(Date.parse(hv.member.createdAt) + 60_000).toISOString()
    const second = buildMember({ ...hv.member, role: 'parent-carer', agency: null, optedInDate: '2026-07-01', optedOutDate: null })
    await insertMember(server.db, Member.parse({ ...second, createdAt: later, updatedAt: later }))
    const view = await meetingAs(group.as.healthVisitor)
    expect(view.viewer).toEqual({ memberId: second.id, role: 'parent-carer' })
    expect(view.documents.restricted).toBeNull()
    // The socket agrees: a parent-carer does not open the professionals-only notes.
    expect((await open(`${minutes()}:restricted`, group.as.healthVisitor)).refused).toBe(CloseCode.Forbidden)
    const client = await open(minutes(), group.as.healthVisitor)
    expect(client.refused).toBeUndefined()
    expect(await client.send(client.insertText(`update:${second.id}`, 'as a parent'))).toMatchObject({ kind: 'acked' })
  })
})
