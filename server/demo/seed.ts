/**
 * A fictional core group: a case with a social worker, team manager, teacher, health visitor and
 * parent, each with an account, and a first core group meeting. Used by `npm run demo` (on a fresh
 * temporary store only) and by the tests. Every name here is invented.
 * @module
 */
import { Case, Meeting, Member, type User } from '../../schemas/entities/index.ts'
import type { CoreGroupRole } from '../../schemas/roles.ts'
import { addWorkingDays } from '../../schemas/timescales/index.ts'
import { hashPassword } from '../auth/passwords.ts'
import { newId } from '../auth/tokens.ts'
import { nowIso } from '../db/entity-row.ts'
import { insertUser } from '../db/repos/users.ts'
import type { Db } from '../db/schema.ts'

export type DemoPerson = 'socialWorker' | 'teamManager' | 'teacher' | 'healthVisitor' | 'parent'

interface PersonSpec {
  name: string
  email: string
  role: CoreGroupRole
  agency: string | null
  sharing: string
}

export const DEMO_PEOPLE: Record<DemoPerson, PersonSpec> = {
  socialWorker: { name: 'Sam Okafor', email: 'sam.okafor@demo.coregroup.test', role: 'lead-social-worker', agency: 'Children’s Social Care', sharing: 'Secure email through the authority’s system' },
  teamManager: { name: 'Priya Raman', email: 'priya.raman@demo.coregroup.test', role: 'team-manager', agency: 'Children’s Social Care', sharing: 'Secure email through the authority’s system' },
  teacher: { name: 'Tom Ellis', email: 'tom.ellis@demo.coregroup.test', role: 'professional', agency: 'Meadow Lane Primary School', sharing: 'Egress secure email to the designated safeguarding lead' },
  healthVisitor: { name: 'Hana Novak', email: 'hana.novak@demo.coregroup.test', role: 'professional', agency: 'Health Visiting Service', sharing: 'NHS mail' },
  parent: { name: 'Alex Brook', email: 'alex.brook@demo.coregroup.test', role: 'parent-carer', agency: null, sharing: 'Paper copy handed over at home visits' },
}

export interface SeededPerson {
  user: User
  member: Member
  password: string
}

export interface SeededCoreGroup {
  caseRow: Case
  meeting: Meeting
  people: Record<DemoPerson, SeededPerson>
}

/** Seeds the fictional core group into `db` for `authorityId`. `password(person)` picks each password. */
export async function seedCoreGroup(
  db: Db,
  authorityId: string,
  options: { password: (person: DemoPerson) => string; emailSuffix?: string; initialConferenceDate?: string },
): Promise<SeededCoreGroup> {
  const at = nowIso()
  const initial = options.initialConferenceDate ?? new Date().toISOString().slice(0, 10)
  const caseRow = Case.parse({
    id: newId('case'),
    authorityId,
    familyName: 'Brook',
    children: [{ id: newId('child'), name: 'Robin Brook', dateOfBirth: '2019-04-12' }],
    initialConferenceDate: initial,
    reviewConferenceDates: [],
    status: 'open',
    planEndedDate: null,
    createdAt: at,
    updatedAt: at,
  })
  await db.insertInto('cases').values({ id: caseRow.id, authority_id: authorityId, status: caseRow.status, data: JSON.stringify(caseRow), created_at: at, updated_at: at }).execute()

  const people = {} as Record<DemoPerson, SeededPerson>
  for (const key of Object.keys(DEMO_PEOPLE) as DemoPerson[]) {
    const spec = DEMO_PEOPLE[key]
    const password = options.password(key)
    const email = options.emailSuffix ? spec.email.replace('@', `+${options.emailSuffix}@`) : spec.email
    const user = await insertUser(db, { authorityId, name: spec.name, email, accountRole: 'staff' }, await hashPassword(password))
    const member = Member.parse({
      id: newId('mem'),
      caseId: caseRow.id,
      name: spec.name,
      agency: spec.agency,
      role: spec.role,
      contact: { address: null, phone: null, email },
      sharingSecurely: spec.sharing,
      optedInDate: initial,
      optedOutDate: null,
      userId: user.id,
      createdAt: at,
      updatedAt: at,
    })
    await db.insertInto('members').values({ id: member.id, case_id: caseRow.id, user_id: user.id, data: JSON.stringify(member), created_at: at, updated_at: at }).execute()
    people[key] = { user, member, password }
  }

  const meeting = Meeting.parse({
    id: newId('meet'),
    caseId: caseRow.id,
    type: 'first',
    date: addWorkingDays(initial, 10),
    time: '10:00',
    venue: 'Meadow Lane Primary School, meeting room 2',
    onlineLink: null,
    chairMemberId: people.teamManager.member.id,
    noteTakerMemberId: people.socialWorker.member.id,
    status: 'planned',
    heldDate: null,
    minutesToSocialWorkerDate: null,
    socialWorkerUpdateDate: null,
    notesDistributedDate: null,
    jointReportDraftDate: null,
    jointReportAmendmentsDate: null,
    jointReportFinalDate: null,
    socialWorkerAbsent: false,
    createdAt: at,
    updatedAt: at,
  })
  await db.insertInto('meetings').values({ id: meeting.id, case_id: caseRow.id, date: meeting.date, data: JSON.stringify(meeting), created_at: at, updated_at: at }).execute()
  return { caseRow, meeting, people }
}
