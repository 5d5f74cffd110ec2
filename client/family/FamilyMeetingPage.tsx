/**
 * One meeting as a family member sees it (issue 14, items 2 and 3): when and where, who chairs it and
 * takes the notes, and their own views — "Our views" for parents and carers, "My views" (the child's
 * form: what is going well, what worries me, what I want to happen) for the child — written before or
 * during the meeting in their own update (`update:<memberId>` of the minutes, theirs and the lead
 * social worker's to write). Everything else written at the meeting is one link away.
 * @module
 */
import { parseDocumentName } from '../../schemas/documents.ts'
import { viewsQuestions, viewsTitle } from '../../schemas/family/views-form.ts'
import { documentLayout, type LayoutMember } from '../../schemas/layout.ts'
import { formatDayDateTime } from '../../schemas/meeting/uk-time.ts'
import type { Viewer } from '../../schemas/permissions.ts'
import { MEETING_TYPE_LABELS } from '../../schemas/entities/index.ts'
import type { Identity } from '../collab/identity.ts'
import { useLiveDocument } from '../collab/use-live-document.ts'
import { ConnectionStatus } from '../components/ConnectionStatus.tsx'
import { SectionBlock } from '../components/SectionBlock.tsx'
import { useMeetingView, type MeetingView } from '../meeting/meeting-view.ts'
import { Glossed, GlossaryList, GlossaryScope } from './Glossary.tsx'

export function FamilyMeetingPage({ meetingId, identity }: { meetingId: string; identity: Identity }) {
  const [state] = useMeetingView(meetingId)
  if (state.status === 'failed') {
    return (
      <main className="page" id="main-content">
        <h1 className="page__title">This meeting cannot be shown</h1>
        <p>{state.message}</p>
        <p>
          <a href="/">Go back to your page</a>
        </p>
      </main>
    )
  }
  if (state.status === 'loading') return <main className="page" id="main-content" aria-busy="true" />
  return <FamilyMeetingBody key={state.view.meeting.id} view={state.view} identity={identity} />
}

function FamilyMeetingBody({ view, identity }: { view: MeetingView; identity: Identity }) {
  const members: LayoutMember[] = view.members.map((m) => ({ id: m.id, name: m.name, role: m.role, agency: m.agency ?? null }))
  const viewer: Viewer = { userId: identity.id, memberId: view.viewer?.memberId ?? null, role: view.viewer?.role ?? null, optedOut: !view.viewer }
  const minutesDoc = parseDocumentName(view.documents.minutes)!
  const sections = documentLayout(minutesDoc, view.agenda, members)
  const titleOf = (section: string) => (section === `update:${viewer.memberId}` ? 'your views' : (sections.find((s) => s.name === section)?.title ?? 'another section'))
  const live = useLiveDocument(view.documents.minutes, identity, titleOf)
  const roles = live.meta.meetingRoles ?? view.meetingRoles
  const nameOf = (id: string | null) => view.members.find((m) => m.id === id)?.name ?? 'not chosen yet'
  const own = sections.find((s) => s.name === `update:${viewer.memberId}`)
  const role = view.viewer?.role ?? 'parent-carer'
  const child = role === 'child'
  const when = formatDayDateTime(view.meeting.date, view.meeting.time)

  return (
    <GlossaryScope>
      <main className="page family-page" id="main-content">
        <p className="page__caption">
          <a href={`/cases/${view.case.id}`}>Back to your family’s page</a>
        </p>
        <h1 className="page__title">
          <Glossed text={`${MEETING_TYPE_LABELS[view.meeting.type].replace(/ \(joint report\)$/, '')} meeting`} />
        </h1>
        <ul className="family-list family-list--plain" data-testid="family-meeting-facts">
          <li>
            <strong>When:</strong> {when}
          </li>
          <li>
            <strong>Where:</strong> {view.meeting.venue ?? (view.meeting.onlineLink ? 'Online' : 'Not decided yet')}
            {view.meeting.onlineLink && (
              <>
                {' '}
                (<a href={view.meeting.onlineLink}>join online</a>)
              </>
            )}
          </li>
          <li>
            <Glossed text={`The chair (who runs the meeting) is ${nameOf(roles.chairMemberId)}. ${nameOf(roles.noteTakerMemberId)} writes the minutes.`} />
          </li>
        </ul>

        <ConnectionStatus connection={live.connection} save={live.save} />
        {live.notice && (
          <div className="notice notice--warning" role="alert">
            {live.notice}
          </div>
        )}
        <section className="family-section family-views" aria-labelledby="family-views-intro" data-testid="family-views">
          <h2 id="family-views-intro">{viewsTitle(role)}</h2>
          <p>
            {child ? (
              <Glossed text="This is your space to say what you think. Write as much or as little as you like, under each question. Your social worker can help you fill it in. The core group will read it at the meeting, and it goes in the minutes under the child's views." />
            ) : (
              <Glossed text="Write what you want the core group to hear, before or during the meeting. Everyone in the core group can read it, and it goes in the minutes." />
            )}
          </p>
          {own && live.sync ? (
            <SectionBlock
              live={live}
              doc={minutesDoc}
              section={{ ...own, title: child ? 'Your answers' : 'What you want to say' }}
              identity={identity}
              viewer={viewer}
              meetingRoles={roles}
              members={members}
              questions={viewsQuestions(role)}
              level={3}
            />
          ) : (
            !own && <p>You cannot add views to this meeting.</p>
          )}
        </section>

        <section className="family-section" aria-labelledby="family-meeting-more">
          <h2 id="family-meeting-more">Everything written at this meeting</h2>
          <p>
            <a href={`/meetings/${view.meeting.id}`} data-testid="family-full-minutes">
              Read everything the core group has written for this meeting
            </a>
          </p>
        </section>
        <GlossaryList />
      </main>
    </GlossaryScope>
  )
}
