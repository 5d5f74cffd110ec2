/**
 * The live minutes as the meeting runs them (issue 10): "Your part" first, then the agenda's items in
 * order, each as what its kind hosts — the attendance register under introductions, the members' updates
 * (with the three questions, and each member's actions) and the plan under the review of progress, the
 * written reports of those not attending under their own item, the next dates under future meetings —
 * with the agenda as a contents list beside them (above them on tablets). Who may write what is the
 * server's rule, mirrored here; the chair and note taker come from the minutes' control, so a change
 * made in the meeting moves write access on every open page at once.
 * @module
 */
import type { ReactNode } from 'react'
import type { DocumentRef } from '../../schemas/documents.ts'
import type { LayoutMember, LayoutSection } from '../../schemas/layout.ts'
import type { AttendanceRow } from '../../schemas/content/rows.ts'
import { writeDecision, type MeetingRoles, type Viewer } from '../../schemas/permissions.ts'
import { MEMBER_UPDATE_QUESTIONS, type AgendaItem } from '../../schemas/templates/agenda-item.ts'
import type { PlanContext } from '../../schemas/plan/plan-rules.ts'
import type { Identity } from '../collab/identity.ts'
import type { LiveDocumentState } from '../collab/use-live-document.ts'
import { DocumentStatus } from '../components/LiveDocument.tsx'
import { SectionBlock } from '../components/SectionBlock.tsx'
import { readOnlyReason } from '../editor/read-only-reason.ts'
import { MemberActions } from '../plan/MemberActions.tsx'
import { PlanReview } from '../plan/PlanReview.tsx'
import { PlanTable } from '../plan/PlanTable.tsx'
import type { PlanDocument } from '../plan/use-plan-document.ts'
import { actionsOwnedBy } from '../../schemas/plan/due.ts'
import { ATTENDANCE, AttendanceRegister } from './AttendanceRegister.tsx'
import { MeetingContents, YourPart, type ContentsItem, type PartLink } from './MeetingContents.tsx'
import type { MeetingView } from './meeting-view.ts'
import { NextMeetings } from './NextMeetings.tsx'
import { VOICES, VoicesOnPage } from './VoicesOnPage.tsx'
import { useMediaQuery, useSectionsWithText } from './use-section-texts.ts'

export interface PlanOnPage {
  plan: PlanDocument
  context: PlanContext
  inProgress: MeetingRoles | null
  /** The review of open actions (subsequent and pre-review meetings). */
  reviews: boolean
  since: string | null
  today: string
}

interface Props {
  view: MeetingView
  live: LiveDocumentState
  doc: DocumentRef
  sections: readonly LayoutSection[]
  identity: Identity
  viewer: Viewer
  roles: MeetingRoles
  members: readonly LayoutMember[]
  attendance: readonly AttendanceRow[]
  /** The plan, for those who read it (every current member). */
  plan: PlanOnPage | null
  /** The case's meetings after this one (the next dates). */
  laterMeetings: ReadonlyArray<{ id: string; date: string; time?: string; type?: string; status: string }>
  mayPlanMeetings: boolean
  onMeetingsPlanned: () => void
}

export function MinutesWorkspace(props: Props) {
  const { view, live, doc, sections, identity, viewer, roles, members, attendance, plan } = props
  const wide = useMediaQuery('(min-width: 1000px)')
  const textSections = sections.filter((s) => s.kind === 'text').map((s) => s.name)
  const written = useSectionsWithText(live.sync, textSections)
  const byName = new Map(sections.map((s) => [s.name, s]))
  const updateOf = (memberId: string) => `update:${memberId}`
  const away = new Set(attendance.filter((r) => r.status !== 'present').map((r) => r.memberId))
  const hasWrittenReports = view.agenda.some((i) => i.key === 'written-reports')
  // Those not attending have their update read as a written report, where the agenda has that item.
  // The viewer's own update comes first: nobody scrolls past the others' to find theirs.
  const ownFirst = [...view.members].sort((a, b) => Number(b.id === viewer.memberId) - Number(a.id === viewer.memberId))
  const updatesHere = (reports: boolean) => ownFirst.filter((m) => (hasWrittenReports ? away.has(m.id) === reports : !reports))
  const updatesItem = view.agenda.find((i) => i.kind === 'member-updates')
  const mayWrite = (section: string) => writeDecision(viewer, doc, section, roles, live.control).ok
  const focusSection = (section: string) => live.sync?.awareness.setLocalStateField('section', section)

  const block = (name: string, extra: { level?: 2 | 3; aboveEditor?: ReactNode; questions?: readonly string[]; number?: number } = {}) => {
    const laidOut = byName.get(name)
    if (!laidOut || !live.sync) return null
    const section = extra.number === undefined ? laidOut : { ...laidOut, title: `${extra.number}. ${laidOut.title}` }
    return <SectionBlock key={`${name}-${live.sync.doc.guid}`} live={live} doc={doc} section={section} identity={identity} viewer={viewer} meetingRoles={roles} members={members} level={extra.level} aboveEditor={extra.aboveEditor} questions={extra.questions} />
  }

  const update = (m: MeetingView['members'][number]) =>
    block(updateOf(m.id), {
      level: 3,
      questions: MEMBER_UPDATE_QUESTIONS,
      aboveEditor: plan ? <MemberActions plan={plan.plan} viewer={viewer} context={plan.context} memberId={m.id} memberName={m.name} today={plan.today} /> : undefined,
    })

  const hosted = (item: AgendaItem): ReactNode => {
    if (!live.sync) return null
    switch (item.kind) {
      case 'attendance':
        return (
          <AttendanceRegister
            sync={live.sync}
            members={view.members}
            rows={attendance}
            hasUpdate={(id) => written.has(updateOf(id))}
            readOnlyReason={mayWrite(ATTENDANCE) ? undefined : readOnlyReason(viewer, doc, ATTENDANCE, roles, live.control, members)}
            onFocus={() => focusSection(ATTENDANCE)}
          />
        )
      case 'member-updates':
        return (
          <>
            {plan && (
              <div className="meeting-plan" data-testid="meeting-plan">
                {plan.reviews && <PlanReview plan={plan.plan} caseId={view.case.id} meetingDate={view.meeting.date} since={plan.since} members={view.members.map((m) => ({ id: m.id, name: m.name, agency: m.agency ?? null }))} today={plan.today} />}
                <PlanTable
                  plan={plan.plan}
                  viewer={viewer}
                  meetingInProgress={plan.inProgress}
                  members={view.members.map((m) => ({ id: m.id, name: m.name, agency: m.agency ?? null }))}
                  today={plan.today}
                  meetingDate={view.meeting.date}
                  title="The child protection plan"
                  level={3}
                />
              </div>
            )}
            <div className="updates" data-testid="member-updates">
              <h3 className="updates__title">Updates from the members</h3>
              {updatesHere(false).map(update)}
            </div>
          </>
        )
      case 'next-dates':
        return <NextMeetings meetingId={view.meeting.id} caseId={view.case.id} time={view.meeting.time} venue={view.meeting.venue ?? null} planned={props.laterMeetings} mayConfirm={props.mayPlanMeetings} onConfirmed={props.onMeetingsPlanned} />
      default:
        if (VOICES[item.key]) return <VoicesOnPage sync={live.sync} itemKey={item.key} members={view.members} />
        if (item.key === 'written-reports') {
          const reports = updatesHere(true)
          return (
            <div className="updates updates--reports" data-testid="written-reports">
              {reports.length === 0 ? <p className="updates__none">Everyone recorded so far is here: no written reports to read.</p> : reports.map(update)}
            </div>
          )
        }
        return null
    }
  }

  const contents: ContentsItem[] = view.agenda.map((item) => {
    const name = `item:${item.key}`
    const covers = [name]
    if (item.kind === 'attendance') covers.push(ATTENDANCE)
    if (item.kind === 'member-updates') covers.push(...updatesHere(false).map((m) => updateOf(m.id)))
    if (item.key === 'written-reports') covers.push(...updatesHere(true).map((m) => updateOf(m.id)))
    return { section: name, title: item.title, covers }
  })
  if (!updatesItem) contents.push({ section: 'updates', title: 'Updates from the members', covers: view.members.map((m) => updateOf(m.id)) })

  const yourPart = partLinks(view, viewer, roles, mayWrite, written, plan)

  return (
    <div className={`workspace${wide ? ' workspace--wide' : ''}`}>
      {wide && (
        <aside className="workspace__contents">
          <MeetingContents items={contents} people={live.people} written={written} layout="aside" />
        </aside>
      )}
      <div className="workspace__document">
        <DocumentStatus live={live} viewer={viewer} />
        {!wide && <MeetingContents items={contents} people={live.people} written={written} layout="disclosure" />}
        <YourPart links={yourPart.links} summary={yourPart.summary} />
        {live.sync &&
          view.agenda.map((item, i) => (
            <div key={item.key} className={`agenda-item agenda-item--${item.kind}`} data-testid={`agenda-item-${item.key}`}>
              {block(`item:${item.key}`, { number: i + 1 })}
              {hosted(item)}
            </div>
          ))}
        {live.sync && !updatesItem && (
          <div className="updates" data-testid="member-updates" id="section-updates" tabIndex={-1}>
            <h2 className="updates__title">Updates from the members</h2>
            {ownFirst.map(update)}
          </div>
        )}
      </div>
    </div>
  )
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** What "Your part" lists: the viewer's own update, their actions, and for those who write the minutes, that they do. */
function partLinks(
  view: MeetingView,
  viewer: Viewer,
  roles: MeetingRoles,
  mayWrite: (section: string) => boolean,
  written: ReadonlySet<string>,
  plan: PlanOnPage | null,
): { links: PartLink[]; summary: string | null } {
  const links: PartLink[] = []
  const own = viewer.memberId ? `update:${viewer.memberId}` : null
  if (own && mayWrite(own)) links.push({ section: own, title: 'Your update', written: written.has(own) })
  const writesItems = view.agenda.filter((i) => mayWrite(`item:${i.key}`))
  const isChair = viewer.memberId !== null && viewer.memberId === roles.chairMemberId
  const isNoteTaker = viewer.memberId !== null && viewer.memberId === roles.noteTakerMemberId
  for (const item of writesItems) links.push({ section: `item:${item.key}`, title: item.title, written: written.has(`item:${item.key}`) })
  const mine = plan && viewer.memberId ? actionsOwnedBy(plan.plan.rows, viewer.memberId).length : 0
  const parts: string[] = []
  if (isNoteTaker) parts.push('You are taking the notes: you can write every agenda item, the attendance register and the plan.')
  else if (isChair) parts.push('You are chairing: you can write every agenda item, the attendance register and the plan.')
  else if (writesItems.length > 0) parts.push('As lead social worker you can write every part of these minutes.')
  else {
    const name = (id: string | null) => view.members.find((m) => m.id === id)?.name
    const writers = [name(roles.chairMemberId) && `the chair (${name(roles.chairMemberId)})`, name(roles.noteTakerMemberId) && `the note taker (${name(roles.noteTakerMemberId)})`].filter(Boolean)
    parts.push(`${writers.length > 0 ? capitalised(writers.join(' and ')) : 'The chair and the note taker'} write the agenda items and the attendance register; you can read everything as it is written${own && mayWrite(own) ? ', and write your own update' : ''}.`)
  }
  if (mine > 0) parts.push(`You own ${mine === 1 ? 'one action' : `${mine} actions`} in the plan: update them with your update.`)
  return { links, summary: parts.length > 0 ? parts.join(' ') : null }
}
