/**
 * A seeded fictional core group on a test server, with a pre-review meeting too (for the joint report).
 */
import { Meeting } from '../../schemas/entities/index.ts'
import { newId } from '../../server/auth/tokens.ts'
import { insertMeeting } from '../../server/db/repos/meetings.ts'
import { seedCoreGroup, type DemoPerson, type SeededCoreGroup } from '../../server/demo/seed.ts'
import type { TestServer, TestUser } from './server.ts'

export const PEOPLE: DemoPerson[] = ['socialWorker', 'teamManager', 'teacher', 'healthVisitor', 'parent']

export interface CoreGroupFixture extends SeededCoreGroup {
  preReview: Meeting
  /** Each person signed in. */
  as: Record<DemoPerson, TestUser>
}

let n = 0

export async function seedTestCoreGroup(server: TestServer): Promise<CoreGroupFixture> {
  const suffix = `t${++n}${Date.now() % 100000}`
  const seeded = await seedCoreGroup(server.db, server.authorityId, { password: (p) => `fictional password for ${p}`, emailSuffix: suffix, store: server.store })
  const preReview = await insertMeeting(server.db, Meeting.parse({ ...seeded.meeting, id: newId('meet'), type: 'pre-review', date: '2027-01-12' }))
  const as = {} as Record<DemoPerson, TestUser>
  for (const p of PEOPLE) {
    const person = seeded.people[p]
    const signed = await server.auth.signIn(person.user.email, person.password, `test-${p}`)
    as[p] = { id: person.user.id, email: person.user.email, password: person.password, name: person.user.name, cookie: `cg_session=${signed.token}`, csrfToken: signed.csrfToken }
  }
  return { ...seeded, preReview, as }
}
