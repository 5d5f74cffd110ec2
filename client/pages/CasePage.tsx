/**
 * One case, in two tabs. "Summary": its children, its conferences (booked and decided here), what is due, the membership and
 * contact sheet, its meetings, and (for the lead social worker, the team manager and administrators) the
 * forms to add members and schedule the next core group. "Plan" (`/cases/:id/plan`): the child
 * protection plan, live.
 * @module
 */
import { CaseDetailResponse } from '../../schemas/api/cases.ts'
import { isActiveMember, MEETING_STATUS_LABELS, MEETING_TYPE_LABELS, type Meeting, type Member } from '../../schemas/entities/index.ts'
import { CORE_GROUP_ROLE_LABELS } from '../../schemas/roles.ts'
import { ukDateOf } from '../../schemas/timescales/iso-date.ts'
import { useApi } from '../api/use-api.ts'
import { DueList } from '../components/DueList/DueList.tsx'
import { LoadFailed } from '../components/LoadFailed.tsx'
import type { Identity } from '../collab/identity.ts'
import { dayAndDate, longDate } from '../dates.ts'
import { formatDayDateTime } from '../../schemas/meeting/uk-time.ts'
import { ReportStatusSummary } from '../report/ReportStatusSummary.tsx'
import { CasePlanTab } from './case/CasePlanTab.tsx'
import { AddMemberForm } from './case/AddMemberForm.tsx'
import { ConferencesSection } from './case/ConferencesSection.tsx'
import { MeetingChanges } from './case/MeetingChanges.tsx'
import { MeetingIntervalSection } from './case/MeetingInterval.tsx'
import { TermsOfReferenceSection } from './case/TermsOfReference.tsx'
import { MembershipSheet } from './case/MembershipSheet.tsx'
import { RecordMeetingForm } from './case/RecordMeetingForm.tsx'
import { ScheduleMeetingForm } from './case/ScheduleMeetingForm.tsx'

function MeetingsList({ meetings, members, canManage, deputy, onChanged }: { meetings: readonly Meeting[]; members: readonly Member[]; canManage: boolean; deputy: boolean; onChanged: () => void }) {
  if (meetings.length === 0) return <p>No core group has been scheduled yet.</p>
  const today = ukDateOf()
  const current = members.filter((m) => isActiveMember(m, today))
  const nameOf = (id: string | null) => (id ? (members.find((m) => m.id === id)?.name ?? 'Unknown') : 'not chosen yet')
  return (
    <ul className="meeting-list" data-testid="meetings">
      {meetings.map((m) => (
        <li key={m.id} id={`meeting-${m.id}`} className="meeting-list__item">
          <a href={`/meetings/${m.id}`}>{MEETING_TYPE_LABELS[m.type]}</a> — {formatDayDateTime(m.date, m.time)}, {m.venue ?? 'online'} ·{' '}
          <strong>{MEETING_STATUS_LABELS[m.status]}</strong>
          <br />
          <span className="meeting-list__roles">
            Chair: {nameOf(m.chairMemberId)}; note taker: {nameOf(m.noteTakerMemberId)}
          </span>
          {m.viceChairMemberId && <span className="meeting-list__roles">; vice chair: {nameOf(m.viceChairMemberId)}</span>}
          {m.cancellation && (
            <p className="meeting-list__note">
              Cancelled on {longDate(m.cancellation.date)}: {m.cancellation.reason}
            </p>
          )}
          {m.rearrangements.map((r) => (
            <p key={r.at} className="meeting-list__note">
              Moved from {formatDayDateTime(r.fromDate, r.fromTime)}: {r.reason}
            </p>
          ))}
          {m.type === 'pre-review' && m.status !== 'cancelled' && <ReportStatusSummary meetingId={m.id} />}
          {canManage && m.status !== 'cancelled' && <MeetingChanges key={`changes-${m.updatedAt}`} meeting={m} members={current} onSaved={onChanged} />}
          {(canManage || deputy) && m.status !== 'cancelled' && m.date <= today && <RecordMeetingForm key={m.updatedAt} meeting={m} onSaved={onChanged} deputy={!canManage} />}
        </li>
      ))}
    </ul>
  )
}

export type CaseTab = 'summary' | 'plan'

function CaseTabs({ caseId, tab }: { caseId: string; tab: CaseTab }) {
  const tabs: Array<[CaseTab, string, string]> = [
    ['summary', 'Summary', `/cases/${caseId}`],
    ['plan', 'Plan', `/cases/${caseId}/plan`],
  ]
  return (
    <nav className="tabs" aria-label="This case">
      {tabs.map(([key, label, href]) => (
        <a key={key} href={href} className={`tabs__tab${tab === key ? ' tabs__tab--current' : ''}`} aria-current={tab === key ? 'page' : undefined}>
          {label}
        </a>
      ))}
    </nav>
  )
}

export function CasePage({ caseId, identity, tab = 'summary' }: { caseId: string; identity: Identity; tab?: CaseTab }) {
  const [state, reload] = useApi(`/api/cases/${encodeURIComponent(caseId)}`, CaseDetailResponse)
  if (state.status === 'failed') return <LoadFailed error={state.error} what="Case" />
  if (state.status === 'loading') return <main className="page" id="main-content" aria-busy="true" />
  const { case: k, members, meetings, dueItems, proposal, viewer } = state.data
  const today = ukDateOf()
  const current = members.filter((m) => isActiveMember(m, today) || m.optedInDate > today)
  const open = dueItems.filter((i) => i.status !== 'met')
  return (
    <main className="page" id="main-content">
      {state.offline && (
        <p className="notice notice--offline" role="status" data-testid="case-offline">
          You are offline. This is the case as this device last saw it; it is brought up to date when the network is back.
        </p>
      )}
      <p className="page__caption">
        <a href="/">My cases</a>
      </p>
      <h1 className="page__title">{k.familyName} family</h1>
      <p>
        {viewer.role ? `You are the ${CORE_GROUP_ROLE_LABELS[viewer.role].toLowerCase()}.` : 'You can see this case as an administrator.'}{' '}
        {k.status === 'plan-ended' ? `The plan ended on ${longDate(k.planEndedDate!)}.` : 'The child protection plan is in force.'}
        {(viewer.role === 'lead-social-worker' || viewer.role === 'team-manager') && (
          <>
            {' '}
            <a href={`/cases/${k.id}/audit`}>See the audit trail</a>
          </>
        )}
      </p>
      <CaseTabs caseId={k.id} tab={tab} />
      {tab === 'plan' ? (
        <CasePlanTab caseId={k.id} identity={identity} viewer={viewer} members={members} meetings={meetings} today={today} />
      ) : (
        <>
          <dl className="summary">
            <dt>Children</dt>
            <dd>
              {k.children.map((c) => (
                <div key={c.id}>
                  {c.name}, born {longDate(c.dateOfBirth)}
                </div>
              ))}
            </dd>
          </dl>

          <section aria-labelledby="conferences-title">
            <h2 className="section-title" id="conferences-title">
              Child protection conferences
            </h2>
            <ConferencesSection key={k.updatedAt} caseId={k.id} canManage={viewer.canManage} planOpen={k.status === 'open'} onChanged={reload} />
          </section>

          <section aria-labelledby="due-title">
            <h2 className="section-title" id="due-title">
              What is due
            </h2>
            <DueList items={open} empty="Nothing is due." />
          </section>

          <section aria-labelledby="sheet-title">
            <h2 className="section-title" id="sheet-title">
              Core group membership and contact details
            </h2>
            <MembershipSheet caseId={k.id} members={members} canManage={viewer.canManage} onChanged={reload} />
          </section>

          <section aria-labelledby="terms-title">
            <h2 className="section-title" id="terms-title">
              Terms of Reference
            </h2>
            <TermsOfReferenceSection key={k.updatedAt} k={k} members={members} canManage={viewer.canManage} onChanged={reload} />
          </section>

          <section aria-labelledby="meetings-title">
            <h2 className="section-title" id="meetings-title">
              Meetings
            </h2>
            <MeetingIntervalSection key={k.updatedAt} k={k} canManage={viewer.canManage} onChanged={reload} />
            <MeetingsList meetings={meetings} members={members} canManage={viewer.canManage} deputy={viewer.role === 'deputy-lead'} onChanged={reload} />
          </section>

          {viewer.canManage && (
            <div className="forms">
              {proposal && <ScheduleMeetingForm key={`${proposal.date}-${meetings.length}`} caseId={k.id} proposal={proposal} members={current} onScheduled={reload} />}
              <AddMemberForm caseId={k.id} onAdded={reload} />
            </div>
          )}
        </>
      )}
    </main>
  )
}
