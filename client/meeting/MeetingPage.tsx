/**
 * The meeting page (issue 10): the header (what, when, where, who chairs and takes notes), the
 * documents of the meeting as tabs — the live minutes as a workspace, and the professionals-only notes
 * in a panel marked as such (family members never get the tab, and the server never opens the document
 * to them) — with links to the joint report (before a review conference, its own page) and to the
 * finalised versions and copies (`/meetings/:id/record`). It opens offline from what this tab kept
 * (the meeting as last seen, the documents' local copies) and catches up when the network returns.
 * @module
 */
import { useState, type ReactNode } from 'react'
import { parseDocumentName } from '../../schemas/documents.ts'
import { documentLayout, type LayoutMember } from '../../schemas/layout.ts'
import { leadSocialWorkerAbsent } from '../../schemas/meeting/attendance.ts'
import { meetingInProgress } from '../../schemas/plan/meeting-in-progress.ts'
import { canReadPlan } from '../../schemas/plan/plan-rules.ts'
import type { Viewer } from '../../schemas/permissions.ts'
import { ukDateOf } from '../../schemas/timescales/iso-date.ts'
import type { Identity } from '../collab/identity.ts'
import { useLiveDocument } from '../collab/use-live-document.ts'
import { LockIcon } from '../components/Icon.tsx'
import { LiveDocument } from '../components/LiveDocument.tsx'
import { longDate } from '../dates.ts'
import { previousMeetingDate, useCaseMeetings } from '../plan/use-case-meetings.ts'
import { usePlanDocument } from '../plan/use-plan-document.ts'
import { ATTENDANCE, useAttendanceRows } from './AttendanceRegister.tsx'
import { DecisionsInPrinciple } from './DecisionsInPrinciple.tsx'
import { MeetingHeader } from './MeetingHeader.tsx'
import { useMeetingView, type MeetingView } from './meeting-view.ts'
import { MinutesWorkspace } from './MinutesWorkspace.tsx'

type Tab = 'minutes' | 'restricted'

interface PageProps {
  meetingId: string
  identity: Identity
  /** Words shown under the header (the family's framing of the page). */
  intro?: ReactNode
  /** Shown at the end of the page (the family's glossary). */
  footer?: ReactNode
}

export function MeetingPage({ meetingId, identity, intro, footer }: PageProps) {
  const [state, replace] = useMeetingView(meetingId)
  if (state.status === 'failed') {
    return (
      <main className="page" id="main-content">
        <h1 className="page__title">{state.offline ? 'You are offline' : 'This meeting cannot be shown'}</h1>
        <p>{state.offline ? 'This meeting has not been opened on this device in this tab before, so there is nothing to show until the network is back.' : state.message}</p>
        <p>
          <a href="/">Go to your cases</a>
        </p>
      </main>
    )
  }
  if (state.status === 'loading') return <main className="page" id="main-content" aria-busy="true" />
  return <MeetingBody key={state.view.meeting.id} view={state.view} offline={state.offline} identity={identity} onChanged={replace} intro={intro} footer={footer} />
}

function MeetingBody({ view, offline, identity, onChanged, intro, footer }: { view: MeetingView; offline: boolean; identity: Identity; onChanged: (view: MeetingView) => void; intro?: ReactNode; footer?: ReactNode }) {
  const [tab, setTab] = useState<Tab>('minutes')
  const members: LayoutMember[] = view.members.map((m) => ({ id: m.id, name: m.name, role: m.role, agency: m.agency ?? null }))
  const viewer: Viewer = { userId: identity.id, memberId: view.viewer?.memberId ?? null, role: view.viewer?.role ?? null, optedOut: !view.viewer }
  const minutesName = view.documents.minutes
  const minutesDoc = parseDocumentName(minutesName)!
  const minutesSections = documentLayout(minutesDoc, view.agenda, members)
  const titleOf = (section: string) => minutesSections.find((s) => s.name === section)?.title ?? (section === ATTENDANCE ? 'the attendance register' : 'another section')
  // The minutes stay open whichever tab is shown: their control carries the meeting's roles live.
  const live = useLiveDocument(minutesName, identity, titleOf)
  const roles = live.meta.meetingRoles ?? view.meetingRoles
  const attendance = useAttendanceRows(live.sync)
  // The register says so live; the stored meeting after a reload or a manager's change (the server decides).
  const socialWorkerAbsent = view.meeting.socialWorkerAbsent === true || leadSocialWorkerAbsent(members, attendance) === true

  const readsPlan = canReadPlan(viewer)
  const plan = usePlanDocument(view.case.id, identity, readsPlan)
  const today = ukDateOf()
  const [caseMeetings, reloadMeetings] = useCaseMeetingsWithReload(view.case.id)
  const thisMeeting = { id: view.meeting.id, date: view.meeting.date, status: view.meeting.status ?? 'planned', ...roles }
  const meetings = (caseMeetings ?? [thisMeeting]).map((m) => (m.id === view.meeting.id ? { ...m, ...roles } : m))
  const inProgress = meetingInProgress(meetings, today, viewer.memberId)
  const reviews = view.meeting.type === 'subsequent' || view.meeting.type === 'pre-review'
  const isManager = viewer.role === 'lead-social-worker' || viewer.role === 'team-manager'
  const mayChooseRoles = isManager || (viewer.memberId !== null && viewer.memberId === roles.chairMemberId)
  const later = (caseMeetings ?? []).filter((m) => m.id !== view.meeting.id && m.date > view.meeting.date).sort((a, b) => (a.date < b.date ? -1 : 1))

  const tabs: Array<[Tab, string]> = [['minutes', 'Minutes']]
  if (view.documents.restricted) tabs.push(['restricted', 'Professionals-only notes'])

  return (
    <main className="page page--meeting" id="main-content">
      {offline && (
        <p className="notice notice--offline" role="status" data-testid="meeting-offline">
          You are offline. This page shows the meeting as this device last saw it; what you write is kept here and sent when the network is back.
        </p>
      )}
      <MeetingHeader view={view} roles={roles} mayChooseRoles={mayChooseRoles} attendance={attendance} offline={offline} onChanged={onChanged} finalised={Boolean(live.control.finalisedVersion)} manages={isManager} />
      {view.meeting.cancellation && (
        <div className="notice notice--warning" data-testid="meeting-cancelled">
          <p>
            <strong>This core group was cancelled</strong> on {longDate(view.meeting.cancellation.date)}. The reason given: {view.meeting.cancellation.reason}
          </p>
          <p>Its minutes are kept as they were and can no longer be changed.</p>
        </div>
      )}
      {intro}
      {socialWorkerAbsent && <DecisionsInPrinciple meetingId={view.meeting.id} meeting={{ status: view.meeting.status, socialWorkerAbsent }} roles={roles} viewer={view.viewer} offline={offline} />}
      {tabs.length > 1 && (
        <nav className="tabs" aria-label="Documents of this meeting">
          {tabs.map(([key, label]) => (
            <button
              key={key}
              type="button"
              className={`tabs__tab${tab === key ? ' tabs__tab--current' : ''}${key === 'restricted' ? ' tabs__tab--restricted' : ''}`}
              aria-current={tab === key ? 'page' : undefined}
              onClick={() => setTab(key)}
              data-testid={`tab-${key}`}
            >
              {key === 'restricted' && <LockIcon className="icon tabs__icon" />}
              {label}
            </button>
          ))}
        </nav>
      )}
      {tab === 'minutes' && (
        <MinutesWorkspace
          view={view}
          live={live}
          doc={minutesDoc}
          sections={minutesSections}
          identity={identity}
          viewer={viewer}
          roles={roles}
          members={members}
          attendance={attendance}
          plan={readsPlan ? { plan, context: { meetingInProgress: inProgress, control: plan.control }, inProgress, reviews, since: caseMeetings ? previousMeetingDate(caseMeetings, view.meeting.id, view.meeting.date) : null, today } : null}
          laterMeetings={later}
          mayPlanMeetings={isManager && !live.control.locked}
          onMeetingsPlanned={reloadMeetings}
        />
      )}
      {tab === 'restricted' && view.documents.restricted && (
        <section className="restricted" aria-labelledby="restricted-heading" data-testid="restricted-panel">
          <h2 id="restricted-heading" className="restricted__title">
            <LockIcon className="icon restricted__icon" /> Professionals-only notes
          </h2>
          <p className="restricted__warning">Only the professionals in the core group can open these notes. Family members never see them, and they are left out of the family’s copy of the minutes.</p>
          <LiveDocument
            name={view.documents.restricted}
            identity={identity}
            sections={documentLayout(parseDocumentName(view.documents.restricted)!, view.agenda, members)}
            viewer={viewer}
            meetingRoles={roles}
            members={members}
          />
        </section>
      )}
      {footer}
    </main>
  )
}

/** The case's meetings, and a way to load them again after the page planned more. */
function useCaseMeetingsWithReload(caseId: string) {
  const [generation, setGeneration] = useState(0)
  const meetings = useCaseMeetings(caseId, generation)
  return [meetings, () => setGeneration((g) => g + 1)] as const
}
