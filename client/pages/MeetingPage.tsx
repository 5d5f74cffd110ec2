/**
 * The live minutes of one core group meeting: the agenda's sections and each member's update, edited
 * together; professionals also reach the restricted notes and, before a review conference, the joint
 * report.
 * @module
 */
import { useEffect, useState } from 'react'
import { z } from 'zod'
import { parseDocumentName } from '../../schemas/documents.ts'
import { MEETING_TYPE_LABELS, MeetingType } from '../../schemas/entities/meeting.ts'
import { documentLayout, type LayoutMember } from '../../schemas/layout.ts'
import { CoreGroupRole } from '../../schemas/roles.ts'
import { AgendaItem } from '../../schemas/templates/agenda-item.ts'
import { api } from '../api/client.ts'
import type { Identity } from '../collab/identity.ts'
import { LiveDocument } from '../components/LiveDocument.tsx'
import { formatDate } from './format.ts'

/** What the page reads from GET /api/meetings/:id (extra fields are ignored). */
const MeetingView = z.object({
  meeting: z.object({ id: z.string(), type: MeetingType, date: z.string(), time: z.string(), venue: z.string().nullable().optional() }),
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

  const members: LayoutMember[] = view.members.map((m) => ({ id: m.id, name: m.name, role: m.role, agency: m.agency ?? null }))
  const viewer = { userId: identity.id, memberId: view.viewer?.memberId ?? null, role: view.viewer?.role ?? null, optedOut: !view.viewer }
  const name = view.documents[tab] ?? view.documents.minutes
  const sections = documentLayout(parseDocumentName(name)!, view.agenda, members)
  const tabs: Array<[Tab, string]> = [['minutes', 'Minutes']]
  if (view.documents.restricted) tabs.push(['restricted', 'Professionals-only notes'])
  if (view.documents.report) tabs.push(['report', 'Joint report'])

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
      <LiveDocument key={name} name={name} identity={identity} sections={sections} viewer={viewer} meetingRoles={view.meetingRoles} members={members} />
    </main>
  )
}
