/**
 * The family's page for their case (issue 14, item 2), in plain words with the glossary: first what
 * they need to do, then what the professionals will do, what happens next (the next core group and the
 * next review conference), their views, the papers they have been sent, who is in the core group and
 * how to reach them, and what to do if they are unhappy (seed 002). Nothing here is for professionals
 * only: the server sends a family member no restricted text and no other family member's contact
 * details, whatever the page asks for.
 * @module
 */
import { CaseDetailResponse } from '../../schemas/api/cases.ts'
import { isActiveMember, MEETING_TYPE_LABELS, type Member } from '../../schemas/entities/index.ts'
import { nextSteps } from '../../schemas/family/next-steps.ts'
import { formatDayDateTime } from '../../schemas/meeting/uk-time.ts'
import type { Viewer } from '../../schemas/permissions.ts'
import { CORE_GROUP_ROLE_LABELS, PROFESSIONAL_ROLES } from '../../schemas/roles.ts'
import { ukDateOf } from '../../schemas/timescales/iso-date.ts'
import { useApi } from '../api/use-api.ts'
import type { Identity } from '../collab/identity.ts'
import { LoadFailed } from '../components/LoadFailed.tsx'
import { longDate } from '../dates.ts'
import { usePlanDocument } from '../plan/use-plan-document.ts'
import { FamilyActions } from './FamilyActions.tsx'
import { FamilyPapers } from './FamilyPapers.tsx'
import { Glossed, GlossaryList, GlossaryScope } from './Glossary.tsx'

function firstNames(children: readonly { name: string }[]): string {
  const names = children.map((c) => c.name.split(' ')[0]!)
  return names.length <= 1 ? (names[0] ?? 'your child') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

function Contact({ m }: { m: Member }) {
  const parts = [m.contact.phone, m.contact.email].filter((v): v is string => !!v)
  return (
    <li className="family-person" data-testid="family-member">
      <strong>{m.name}</strong>, {m.role === 'professional' ? (m.agency ?? 'Professional') : `${CORE_GROUP_ROLE_LABELS[m.role].toLowerCase()}${m.agency ? `, ${m.agency}` : ''}`}
      {PROFESSIONAL_ROLES.has(m.role) && parts.length > 0 && (
        <>
          <br />
          {m.contact.phone && <a href={`tel:${m.contact.phone.replace(/\s/g, '')}`}>{m.contact.phone}</a>}
          {m.contact.phone && m.contact.email && ' · '}
          {m.contact.email && <a href={`mailto:${m.contact.email}`}>{m.contact.email}</a>}
        </>
      )}
    </li>
  )
}

export function FamilyCasePage({ caseId, identity }: { caseId: string; identity: Identity }) {
  const [state] = useApi(`/api/cases/${encodeURIComponent(caseId)}`, CaseDetailResponse)
  if (state.status === 'failed') return <LoadFailed error={state.error} what="Page" />
  if (state.status === 'loading') return <main className="page" id="main-content" aria-busy="true" />
  return <FamilyCaseBody detail={state.data} identity={identity} />
}

function FamilyCaseBody({ detail, identity }: { detail: CaseDetailResponse; identity: Identity }) {
  const today = ukDateOf()
  const me = detail.members.find((m) => m.id === detail.viewer.memberId)
  const viewer: Viewer = { userId: identity.id, memberId: detail.viewer.memberId, role: detail.viewer.role, optedOut: me ? !isActiveMember(me, today) : true }
  const plan = usePlanDocument(detail.case.id, identity, !viewer.optedOut)
  const current = detail.members.filter((m) => isActiveMember(m, today))
  const lead = current.find((m) => m.role === 'lead-social-worker')
  const next = nextSteps({ meetings: detail.meetings, reviewConferenceDates: detail.case.reviewConferenceDates, dueItems: detail.dueItems, today })
  const children = firstNames(detail.case.children)
  const ended = detail.case.status === 'plan-ended'

  return (
    <GlossaryScope>
      <main className="page family-page" id="main-content">
        <p className="page__caption">Your family’s page</p>
        <h1 className="page__title">
          <Glossed text={`${children}’s child protection plan`} />
        </h1>
        <p className="family-lead">
          <Glossed text={`This page shows what you need to do, what the professionals will do, and what happens next. You are part of the core group${lead ? `, with ${lead.name}, ${children}’s lead social worker` : ''}.`} />
        </p>
        {ended && <p className="notice">The child protection plan has ended. You can still read everything here.</p>}

        <FamilyActions plan={plan} viewer={viewer} members={detail.members} today={today} />
        <p>
          <a href={`/cases/${detail.case.id}/plan`}>See the whole plan as a table</a>
        </p>

        <section className="family-section" aria-labelledby="family-next" data-testid="family-next">
          <h2 id="family-next">What happens next</h2>
          <ul className="family-list family-list--plain">
            <li data-testid="family-next-meeting">
              {next.nextMeeting ? (
                <>
                  <strong>
                    <Glossed text={`Next core group meeting: ${formatDayDateTime(next.nextMeeting.date, next.nextMeeting.time)}`} />
                  </strong>
                  {next.nextMeeting.venue ? `, at ${next.nextMeeting.venue}` : next.nextMeeting.onlineLink ? ', online' : ''}.{' '}
                  <a href={`/meetings/${next.nextMeeting.id}/views`}>Get ready for it and add your views</a>
                </>
              ) : (
                <Glossed text="No core group meeting is booked yet. Your social worker will tell you the date." />
              )}
            </li>
            <li data-testid="family-next-review">
              {next.nextReview === null ? (
                <Glossed text="There is no review conference planned." />
              ) : next.nextReview.booked ? (
                <strong>
                  <Glossed text={`Next review conference: ${longDate(next.nextReview.date)}`} />
                </strong>
              ) : (
                <Glossed text={`The next review conference should be held by ${longDate(next.nextReview.date)}. Your social worker will tell you the date.`} />
              )}
            </li>
          </ul>
        </section>

        <section className="family-section" aria-labelledby="family-meetings">
          <h2 id="family-meetings">Meetings</h2>
          {detail.meetings.length === 0 ? (
            <p>No meetings yet.</p>
          ) : (
            <ul className="family-list family-list--plain">
              {detail.meetings.map((m) => (
                <li key={m.id} data-testid="family-meeting">
                  <strong>
                    {MEETING_TYPE_LABELS[m.type]}, {formatDayDateTime(m.date, m.time)}
                  </strong>
                  {m.status === 'cancelled' ? (
                    ' (cancelled)'
                  ) : (
                    <>
                      : <a href={`/meetings/${m.id}/views`}>your views</a> · <a href={`/meetings/${m.id}`}>everything written at it</a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>

        <FamilyPapers meetings={detail.meetings} />

        <section className="family-section" aria-labelledby="family-people">
          <h2 id="family-people">Who is in your core group</h2>
          <ul className="family-list family-list--plain">
            {current.map((m) => (
              <Contact key={m.id} m={m} />
            ))}
          </ul>
        </section>

        <section className="family-section" aria-labelledby="family-unhappy">
          <h2 id="family-unhappy">If you are not happy</h2>
          <p>
            <Glossed text="Talk to your social worker first. You can also ask to speak to the chair of the review conference, or make a complaint to children’s services." />
          </p>
        </section>

        <GlossaryList />
      </main>
    </GlossaryScope>
  )
}
