/**
 * The two shared pages a family member also opens, framed for them (issue 14, item 2): the live
 * minutes of a meeting and the whole plan as a table are the same pages every member has (the server
 * sends a family member only what is theirs), with a way back to their own page first and a few plain
 * words on what they are looking at, with the glossary explaining each term once.
 * @module
 */
import { CaseDetailResponse } from '../../schemas/api/cases.ts'
import { ukDateOf } from '../../schemas/timescales/iso-date.ts'
import { useApi } from '../api/use-api.ts'
import type { Identity } from '../collab/identity.ts'
import { LoadFailed } from '../components/LoadFailed.tsx'
import { MeetingPage } from '../meeting/MeetingPage.tsx'
import { CasePlanTab } from '../pages/case/CasePlanTab.tsx'
import { Glossed, GlossaryList, GlossaryScope } from './Glossary.tsx'

/** A meeting's live minutes, for a family member. */
export function FamilyMinutesPage({ meetingId, identity }: { meetingId: string; identity: Identity }) {
  return (
    <GlossaryScope>
      <MeetingPage
        meetingId={meetingId}
        identity={identity}
        intro={
          <div className="family-intro" data-testid="family-minutes-intro">
            <p>
              <Glossed text="These are the minutes of the meeting: the note taker writes them as the core group talks, and you can read every word as it is written. Your own views, and your child's, are shown under their part of the agenda." />
            </p>
            <p>
              <a href={`/meetings/${meetingId}/views`}>Add or change your views for this meeting</a>
            </p>
          </div>
        }
        footer={<GlossaryList />}
      />
    </GlossaryScope>
  )
}

/** The whole plan as a table, for a family member: their own actions editable as the plan's rules allow. */
export function FamilyPlanPage({ caseId, identity }: { caseId: string; identity: Identity }) {
  const [state] = useApi(`/api/cases/${encodeURIComponent(caseId)}`, CaseDetailResponse)
  if (state.status === 'failed') return <LoadFailed error={state.error} what="Page" />
  if (state.status === 'loading') return <main className="page" id="main-content" aria-busy="true" />
  const { case: k, members, meetings, viewer } = state.data
  return (
    <GlossaryScope>
      <main className="page family-page" id="main-content">
        <p className="page__caption">
          <a href={`/cases/${k.id}`}>Back to your family’s page</a>
        </p>
        <h1 className="page__title">The whole plan</h1>
        <p className="family-intro" data-testid="family-plan-intro">
          <Glossed text="This is everything the child protection plan asks of everyone. The actions with your name on them are yours: you can say how each one is going and write a note about it. The professionals update their own, and the core group goes through all of them at each meeting." />
        </p>
        <CasePlanTab caseId={k.id} identity={identity} viewer={viewer} members={members} meetings={meetings} today={ukDateOf()} />
        <GlossaryList />
      </main>
    </GlossaryScope>
  )
}
