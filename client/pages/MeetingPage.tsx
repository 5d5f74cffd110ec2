/**
 * The live minutes of one core group meeting: the agenda's sections and each member's update, edited
 * together; professionals also reach the restricted notes and, before a review conference, the joint
 * report. The case's plan (`plan:<caseId>`, a document of its own) is open beside the minutes: its
 * table sits under the agenda's "progress" item (the item that hosts the members' updates), with the
 * review of every open action at a subsequent or pre-review meeting, and each member's update shows
 * the actions they own.
 * @module
 */
import { useEffect, useState } from 'react'
import { z } from 'zod'
import { parseDocumentName, parseSectionName } from '../../schemas/documents.ts'
import { MEETING_TYPE_LABELS, MeetingType } from '../../schemas/entities/meeting.ts'
import { documentLayout, type LayoutMember, type LayoutSection } from '../../schemas/layout.ts'
import { meetingInProgress } from '../../schemas/plan/meeting-in-progress.ts'
import { canReadPlan } from '../../schemas/plan/plan-rules.ts'
import { CoreGroupRole } from '../../schemas/roles.ts'
import { ukDateOf } from '../../schemas/timescales/iso-date.ts'
import { AgendaItem } from '../../schemas/templates/agenda-item.ts'
import { api } from '../api/client.ts'
import type { Identity } from '../collab/identity.ts'
import { LiveDocument } from '../components/LiveDocument.tsx'
import { MemberActions } from '../plan/MemberActions.tsx'
import { PlanReview } from '../plan/PlanReview.tsx'
import { PlanTable } from '../plan/PlanTable.tsx'
import { previousMeetingDate, useCaseMeetings } from '../plan/use-case-meetings.ts'
import { usePlanDocument } from '../plan/use-plan-document.ts'
import { formatDate } from './format.ts'

/** What the page reads from GET /api/meetings/:id (extra fields are ignored). */
const MeetingView = z.object({
  meeting: z.object({ id: z.string(), type: MeetingType, date: z.string(), time: z.string(), venue: z.string().nullable().optional(), status: z.string().optional() }),
  case: z.object({ id: z.string(), familyName: z.string() }),
  agenda: z.array(AgendaItem),
  members: z.array(z.object({ id: z.string(), name: z.string(), agency: z.string().nullable().optional(), role: CoreGroupRole })),
  viewer: z.object({ memberId: z.string().nullable(), role: CoreGroupRole.nullable() }).nullable(),
  meetingRoles: z.object({ chairMemberId: z.string().nullable(), noteTakerMemberId: z.string().nullable() }),
  documents: z.object({ minutes: z.string(), restricted: z.string().nullable(), report: z.string().nullable() }),
})
type MeetingView = z.infer<typeof MeetingView>

type Tab = 'minutes' | 'restricted' | 'report'

export function MeetingPage({ meetingId, identity }: { meetingId: string; identity: Identity }) {
  const [view, setView] = useState<MeetingView | null>(null)
  const [problem, setProblem] = useState<string>()
  const [tab, setTab] = useState<Tab>('minutes')
  useEffect(() => {
    api('GET', `/api/meetings/${encodeURIComponent(meetingId)}`, MeetingView).then(setView, (err: Error) => setProblem(err.message))
  }, [meetingId])

  if (problem) {
    return (
      <main className="page" id="main-content">
        <h1 className="page__title">This meeting cannot be shown</h1>
        <p>{problem}</p>
      </main>
    )
  }
  if (!view) return <main className="page" id="main-content" aria-busy="true" />
  return <MeetingBody view={view} identity={identity} tab={tab} setTab={setTab} />
}

/** The agenda item that hosts the members' updates ("progress of the plan"): the plan goes under it. */
function planItemSection(agenda: readonly AgendaItem[]): string | null {
  const item = agenda.find((i) => i.kind === 'member-updates')
  return item ? `item:${item.key}` : null
}

function MeetingBody({ view, identity, tab, setTab }: { view: MeetingView; identity: Identity; tab: Tab; setTab: (t: Tab) => void }) {
  const members: LayoutMember[] = view.members.map((m) => ({ id: m.id, name: m.name, role: m.role, agency: m.agency ?? null }))
  const viewer = { userId: identity.id, memberId: view.viewer?.memberId ?? null, role: view.viewer?.role ?? null, optedOut: !view.viewer }
  const name = view.documents[tab] ?? view.documents.minutes
  const sections = documentLayout(parseDocumentName(name)!, view.agenda, members)
  const tabs: Array<[Tab, string]> = [['minutes', 'Minutes']]
  if (view.documents.restricted) tabs.push(['restricted', 'Professionals-only notes'])
  if (view.documents.report) tabs.push(['report', 'Joint report'])
  const readsPlan = canReadPlan(viewer)
  const plan = usePlanDocument(view.case.id, identity, readsPlan)
  const today = ukDateOf()
  // The rules look at every meeting of the case dated today; until they are loaded, at this one.
  const caseMeetings = useCaseMeetings(view.case.id)
  const thisMeeting = { id: view.meeting.id, date: view.meeting.date, status: view.meeting.status ?? 'planned', ...view.meetingRoles }
  const inProgress = meetingInProgress(caseMeetings ?? [thisMeeting], today, viewer.memberId)
  const context = { meetingInProgress: inProgress, control: plan.control }
  const planMembers = view.members.map((m) => ({ id: m.id, name: m.name, agency: m.agency ?? null }))
  const planSection = planItemSection(view.agenda)
  const onMinutes = name === view.documents.minutes && readsPlan
  const reviews = view.meeting.type === 'subsequent' || view.meeting.type === 'pre-review'

  const aboveEditor = (s: LayoutSection) => {
    const ref = parseSectionName(s.name)
    if (!onMinutes || ref?.kind !== 'update') return null
    const member = view.members.find((m) => m.id === ref.memberId)
    if (!member) return null
    return <MemberActions plan={plan} viewer={viewer} context={context} memberId={member.id} memberName={member.name} today={today} />
  }
  const afterSection = (s: LayoutSection) => {
    if (!onMinutes || s.name !== planSection) return null
    return (
      <div className="meeting-plan" data-testid="meeting-plan">
        {reviews && <PlanReview plan={plan} caseId={view.case.id} meetingDate={view.meeting.date} since={caseMeetings && previousMeetingDate(caseMeetings, view.meeting.id, view.meeting.date)} members={planMembers} today={today} />}
        <PlanTable plan={plan} viewer={viewer} meetingInProgress={inProgress} members={planMembers} today={today} meetingDate={view.meeting.date} title="The child protection plan" level={3} />
      </div>
    )
  }

  return (
    <main className="page" id="main-content">
      <p className="page__caption">
        <a href={`/cases/${view.case.id}`}>{view.case.familyName} family</a>
      </p>
      <h1 className="page__title">
        {MEETING_TYPE_LABELS[view.meeting.type]}, {formatDate(view.meeting.date)} at {view.meeting.time}
      </h1>
      {tabs.length > 1 && (
        <nav className="tabs" aria-label="Documents of this meeting">
          {tabs.map(([key, label]) => (
            <button key={key} type="button" className={`tabs__tab${tab === key ? ' tabs__tab--current' : ''}`} aria-current={tab === key ? 'page' : undefined} onClick={() => setTab(key)}>
              {label}
            </button>
          ))}
        </nav>
      )}
      <LiveDocument
        key={name}
        name={name}
        identity={identity}
        sections={sections}
        viewer={viewer}
        meetingRoles={view.meetingRoles}
        members={members}
        aboveEditor={aboveEditor}
        afterSection={afterSection}
      />
    </main>
  )
}
