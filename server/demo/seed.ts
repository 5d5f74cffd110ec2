/**
 * A fictional core group: a case with a social worker, team manager, teacher, health visitor and
 * parent, each with an account, a first core group meeting, and (with a `store`) the case's child
 * protection plan (`plan:<caseId>`) with four actions owned by four different members, the parent
 * among them. Used by `npm run demo` (on a fresh temporary store only) and by the tests. Every name
 * here is invented.
 * @module
 */
import type { PlanActionRow } from '../../schemas/content/rows.ts'
import { Meeting, type Case, type Member, type User } from '../../schemas/entities/index.ts'
import type { CoreGroupRole } from '../../schemas/roles.ts'
import { agendaFor, DEFAULT_AGENDA_VARIANT, minutesLayout } from '../../schemas/templates/index.ts'
import { addCalendarDays, addWorkingDays } from '../../schemas/timescales/index.ts'
import { hashPassword } from '../auth/passwords.ts'
import { newId } from '../auth/tokens.ts'
import { createMinutesDocument } from '../cases/minutes-document.ts'
import { createPlanDocument } from '../cases/plan-document.ts'
import { buildCase, insertCase } from '../db/repos/cases.ts'
import { insertMeeting, plannedMeetingFields } from '../db/repos/meetings.ts'
import { buildMember, insertMember } from '../db/repos/members.ts'
import { getAuthority, insertUser } from '../db/repos/users.ts'
import type { Db } from '../db/schema.ts'
import type { DocumentStore } from '../store/document-store.ts'

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
  /** The plan's first rows, in plan order (written to the store only when a `store` is given). */
  plan: PlanActionRow[]
}

/**
 * The demo plan, agreed at the initial conference (`initial`): one action each for the parent, the
 * teacher, the health visitor and the social worker, due two to four weeks later.
 */
export function demoPlanRows(people: Record<DemoPerson, SeededPerson>, initial: string): PlanActionRow[] {
  const row = (owner: DemoPerson, dueInDays: number, fields: Omit<PlanActionRow, 'id' | 'owner' | 'due' | 'added' | 'changed'>): PlanActionRow => ({
    id: newId('act'),
    ...fields,
    owner: people[owner].member.id,
    due: addCalendarDays(initial, dueInDays),
    added: initial,
    changed: initial,
  })
  return [
    row('parent', 28, {
      need: 'Robin needs a calm, predictable bedtime routine',
      outcome: 'Robin is in bed by 7.30 pm on at least 5 school nights a week, as the routine chart shows',
      action: 'Keep the bedtime routine chart agreed with the health visitor',
      how: 'Fill in the chart each evening and bring it to every core group',
      status: 'in-progress',
      progress: 'Chart started on the fridge.',
    }),
    row('teacher', 14, {
      need: 'Robin needs to be in school every day, on time',
      outcome: 'Robin’s attendance is at least 95% each half term',
      action: 'Send the social worker Robin’s attendance every Friday',
      how: 'Secure email from the school office to the social worker',
      status: 'not-started',
    }),
    row('healthVisitor', 28, {
      need: 'Robin’s growth and development are checked regularly',
      outcome: 'Robin is weighed every 4 weeks and stays on their growth curve',
      action: 'Visit at home every 4 weeks to weigh and measure Robin',
      how: 'Home visits booked with Alex two weeks ahead',
      status: 'not-started',
    }),
    row('socialWorker', 21, {
      need: 'The family needs a safe, settled home',
      outcome: 'A housing assessment appointment is booked within 6 weeks',
      action: 'Refer Alex to the housing options team',
      how: 'Complete the referral form with Alex at the next home visit',
      status: 'not-started',
    }),
  ]
}

/** Seeds the fictional core group into `db` for `authorityId`. `password(person)` picks each password. */
export async function seedCoreGroup(
  db: Db,
  authorityId: string,
  options: { password: (person: DemoPerson) => string; emailSuffix?: string; initialConferenceDate?: string; store?: DocumentStore },
): Promise<SeededCoreGroup> {
  const initial = options.initialConferenceDate ?? new Date().toISOString().slice(0, 10)
  const caseRow = await insertCase(
    db,
    buildCase({ authorityId, familyName: 'Brook', children: [{ name: 'Robin Brook', dateOfBirth: '2019-04-12' }], initialConferenceDate: initial, reviewConferenceDates: [], status: 'open', planEndedDate: null }),
  )

  const people = {} as Record<DemoPerson, SeededPerson>
  for (const key of Object.keys(DEMO_PEOPLE) as DemoPerson[]) {
    const spec = DEMO_PEOPLE[key]
    const password = options.password(key)
    const email = options.emailSuffix ? spec.email.replace('@', `+${options.emailSuffix}@`) : spec.email
    // The family's accounts are family accounts: they never start cases or see staff-only pages.
    const accountRole = spec.role === 'parent-carer' ? 'family' : 'staff'
    const user = await insertUser(db, { authorityId, name: spec.name, email, accountRole }, await hashPassword(password))
    const member = await insertMember(
      db,
      buildMember({
        caseId: caseRow.id,
        name: spec.name,
        agency: spec.agency,
        role: spec.role,
        contact: { address: null, phone: null, email },
        sharingSecurely: spec.sharing,
        optedInDate: initial,
        optedOutDate: null,
        userId: user.id,
      }),
    )
    people[key] = { user, member, password }
  }

  const authority = await getAuthority(db, authorityId)
  const meeting = Meeting.parse({
    ...plannedMeetingFields(),
    caseId: caseRow.id,
    agendaVariant: authority?.agendaVariant ?? DEFAULT_AGENDA_VARIANT,
    type: 'first',
    date: addWorkingDays(initial, 10),
    time: '10:00',
    venue: 'Meadow Lane Primary School, meeting room 2',
    onlineLink: null,
    chairMemberId: people.teamManager.member.id,
    noteTakerMemberId: people.socialWorker.member.id,
  })
  // As the API does: the minutes document (with its agenda layout) first, then the row.
  if (options.store) await createMinutesDocument(options.store, `meeting:${meeting.id}`, minutesLayout(agendaFor(meeting.agendaVariant ?? DEFAULT_AGENDA_VARIANT, meeting.type)))
  await insertMeeting(db, meeting)
  const plan = demoPlanRows(people, initial)
  if (options.store) await createPlanDocument(options.store, caseRow.id, plan)
  return { caseRow, meeting, people, plan }
}
