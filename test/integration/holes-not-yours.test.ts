/**
 * Issue 9 §8, one answer for "not yours" and "not there": the locks route answered 403 for another
 * authority's document and 404 for a missing one, and `/sync` 4403 and 4404, so anyone signed in could
 * tell which meeting ids exist elsewhere. Now another authority's document, and one of a case of the
 * user's own authority they were never a member of (the API already answers 404 for the case), get
 * exactly the answer of a missing one. 403 / 4403 stays for those who know the case: a member who may
 * not read the document (a parent on the professionals' notes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../schemas/protocol.ts'
import { DEFAULT_TIMESCALE_SETTINGS } from '../../schemas/timescales/index.ts'
import { hashPassword } from '../../server/auth/passwords.ts'
import { insertAuthority, insertUser } from '../../server/db/repos/users.ts'
import { openRawSocket, waitFor } from '../support/clients.ts'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
import { startTestServer, type TestServer, type TestUser } from '../support/server.ts'

let server: TestServer
let group: CoreGroupFixture
/** The lead social worker of a case of another authority, on the same server. */
let elsewhere: TestUser
/** Staff of the group's own authority, never a member of its case. */
let colleague: TestUser

/** A staff user of a new authority, signed in. */
async function userOfAnotherAuthority(s: TestServer): Promise<TestUser> {
  const authority = await insertAuthority(s.db, { name: 'Otherborough Council', nation: 'england', agendaVariant: 'seed-004', settings: DEFAULT_TIMESCALE_SETTINGS })
  const password = 'another authority password'
  const user = await insertUser(s.db, { authorityId: authority.id, name: 'Olu Other', email: `olu.${authority.id}@example.test`, accountRole: 'staff' }, await hashPassword(password))
  const signed = await s.auth.signIn(user.email, password, 'test-other-authority')
  return { id: user.id, email: user.email, password, name: user.name, cookie: `cg_session=${signed.token}`, csrfToken: signed.csrfToken }
}

beforeAll(async () => {
  server = await startTestServer()
  group = await seedTestCoreGroup(server)
  elsewhere = await userOfAnotherAuthority(server)
  colleague = await server.signUp({ name: 'Cal Colleague' })
})
afterAll(() => server.stop())

interface Answer {
  status: number
  body: unknown
}

const lock = async (doc: string, as: TestUser): Promise<Answer> => {
  const res = await server.request('POST', `/api/documents/${encodeURIComponent(doc)}/locks`, { as, body: { locked: true } })
  return { status: res.status, body: await res.json() }
}

/** The close code and reason `/sync/<doc>` answers `as` with. */
const openAs = async (doc: string, as: TestUser): Promise<{ code: number; reason: string }> => {
  const raw = await openRawSocket(`${server.syncUrl}/${doc}`, as)
  return raw.closed
}

const MISSING_MEETING = 'meeting:meet_doesnotexist'
const NOT_FOUND = { status: 404, body: { error: { code: 'not-found', message: 'Document not found' } } }
const UNKNOWN = { code: CloseCode.UnknownDocument, reason: 'unknown document' }

describe('another authority’s document is answered as a missing one', () => {
  const docs = () => [`meeting:${group.meeting.id}`, `meeting:${group.meeting.id}:restricted`, `report:${group.preReview.id}`]

  it('by the locks route: 404, the same body', async () => {
    expect(await lock(MISSING_MEETING, elsewhere)).toEqual(NOT_FOUND)
    for (const doc of docs()) expect(await lock(doc, elsewhere), doc).toEqual(NOT_FOUND)
  })

  it('by /sync: 4404, the same reason', async () => {
    expect(await openAs(MISSING_MEETING, elsewhere)).toEqual(UNKNOWN)
    for (const doc of docs()) expect(await openAs(doc, elsewhere), doc).toEqual(UNKNOWN)
  })
})

describe('a case of one’s own authority one was never a member of', () => {
  it('is answered as missing too, as the API answers for the case itself', async () => {
    expect((await server.request('GET', `/api/cases/${group.caseRow.id}`, { as: colleague })).status).toBe(404)
    expect(await lock(`meeting:${group.meeting.id}`, colleague)).toEqual(NOT_FOUND)
    expect(await openAs(`meeting:${group.meeting.id}`, colleague)).toEqual(UNKNOWN)
  })
})

describe('a member who may not read or lock a document of their own case', () => {
  it('is still told no (403 / 4403): they know the case exists', async () => {
    const restricted = `meeting:${group.meeting.id}:restricted`
    expect(await lock(restricted, group.as.parent)).toEqual({ status: 403, body: { error: { code: 'forbidden', message: 'You do not have access to this document' } } })
    expect((await openAs(restricted, group.as.parent)).code).toBe(CloseCode.Forbidden)
    expect((await lock(`meeting:${group.meeting.id}`, group.as.teacher)).status).toBe(403)
  })

  it('while the case’s own lead social worker locks and opens them as before', async () => {
    expect((await lock(`meeting:${group.meeting.id}`, group.as.socialWorker)).status).toBe(200)
    const raw = await openRawSocket(`${server.syncUrl}/meeting:${group.meeting.id}:restricted`, group.as.socialWorker)
    // Admitted: the server's sync step 1 arrives (frames are collected from the moment it opens).
    await waitFor(() => raw.frames.length > 0, 5000, 'sync step 1')
    raw.ws.close()
  })
})
