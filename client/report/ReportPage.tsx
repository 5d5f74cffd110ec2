/**
 * The joint report's own page (`/meetings/:id/report`, issue 12): one page that scales to any number
 * of agencies. A contents list names every contribution with its status against the draft deadline;
 * only the open view's editors are mounted; each professional lands on their own contribution (the lead
 * social worker on the joint report). A family member sees the shared draft and writes their own views.
 * @module
 */
import { useCallback, useState } from 'react'
import type { ReportResponse } from '../../schemas/api/reports.ts'
import type { LayoutMember } from '../../schemas/layout.ts'
import type { Viewer } from '../../schemas/permissions.ts'
import { CONTRIBUTION_STATUS_LABELS } from '../../schemas/report/status.ts'
import type { Identity } from '../collab/identity.ts'
import { useControlMeta, useControlState } from '../collab/use-control-state.ts'
import { useDocumentSync, useSyncValue } from '../collab/use-document-sync.ts'
import { useSyncNotices } from '../collab/use-sync-notices.ts'
import { ConnectionStatus } from '../components/ConnectionStatus.tsx'
import { LoadFailed } from '../components/LoadFailed.tsx'
import { formatDate } from '../pages/format.ts'
import { ContributionView } from './ContributionView.tsx'
import { FamilyReportView } from './FamilyReportView.tsx'
import { JointView } from './JointView.tsx'
import { PositionsPanel } from './PositionsPanel.tsx'
import { useDocVersion, useReport, type ReportMeetingView } from './use-report.ts'
import './report.css'

const JOINT = 'joint'

export function ReportPage({ meetingId, identity }: { meetingId: string; identity: Identity }) {
  const [load, replace] = useReport(meetingId)
  if (load.status === 'loading') return <main className="page" id="main-content" aria-busy="true" />
  if (load.status === 'failed') {
    if (load.error.status === 403) {
      return (
        <main className="page" id="main-content">
          <h1 className="page__title">Joint report</h1>
          <p data-testid="report-not-shared">{load.error.message}</p>
        </main>
      )
    }
    return <LoadFailed error={load.error} what="Report" />
  }
  const { meeting, report } = load
  const viewer: Viewer = { userId: identity.id, memberId: meeting.viewer?.memberId ?? null, role: meeting.viewer?.role ?? null, optedOut: false }
  const members: LayoutMember[] = meeting.members.map((m) => ({ id: m.id, name: m.name, role: m.role, agency: m.agency ?? null }))
  return (
    <main className="page page--report" id="main-content">
      <p className="page__caption">
        <a href={`/cases/${meeting.case.id}`}>{meeting.case.familyName} family</a> · <a href={`/meetings/${meeting.meeting.id}`}>Core group on {formatDate(meeting.meeting.date)}</a>
      </p>
      <h1 className="page__title">Joint report for the review conference</h1>
      <p>
        Children: {report.report.children.join(', ')}. Contributions are due at the core group on {formatDate(report.report.meetingDate)}; the draft goes to members by{' '}
        <strong data-testid="draft-due">{formatDate(report.report.draftDue)}</strong>.
      </p>
      {report.viewer.professional ? (
        <ProfessionalReport report={report} meeting={meeting} viewer={viewer} members={members} identity={identity} onChanged={replace} />
      ) : (
        <FamilyReportView report={report} viewer={viewer} members={members} identity={identity} />
      )}
    </main>
  )
}

interface ProfessionalProps {
  report: ReportResponse
  meeting: ReportMeetingView
  viewer: Viewer
  members: LayoutMember[]
  identity: Identity
  onChanged: (report: ReportResponse) => void
}

function ProfessionalReport({ report, viewer, members, identity, onChanged }: ProfessionalProps) {
  const sync = useDocumentSync(report.report.document, identity.id)
  const connection = useSyncValue(sync, ['connection'], (s) => s.connection, 'connecting')
  const save = useSyncValue(sync, ['save'], (s) => s.save, 'saved')
  const control = useControlState(sync)
  const meta = useControlMeta(sync)
  useDocVersion(sync)
  const [notice, setNotice] = useState<string>()
  useSyncNotices(sync, setNotice, useCallback((_section: string, reason: string) => (reason === 'locked' ? 'That change was not saved: the contribution is locked.' : 'That change was not saved: you may not change that part of the report.'), []))
  const own = report.contributions.find((c) => c.memberId === viewer.memberId)
  const [open, setOpen] = useState<string>(report.viewer.isLead || !own ? JOINT : own.memberId)
  const contribution = report.contributions.find((c) => c.memberId === open)
  const contributors = members.filter((m) => report.contributions.some((c) => c.memberId === m.id))
  const submitted = report.contributions.filter((c) => c.status === 'submitted').length

  return (
    <>
      <ConnectionStatus connection={connection} save={save} />
      {notice && (
        <div className="notice notice--warning" role="alert" data-testid="document-notice">
          {notice}
        </div>
      )}
      <div className="report-layout">
        <nav className="report-contents" aria-labelledby="contents-title">
          <h2 id="contents-title">Contents</h2>
          <p>
            {submitted} of {report.contributions.length} contributions submitted
          </p>
          <ol data-testid="report-contents">
            <li>
              <button type="button" className={`report-contents__item${open === JOINT ? ' report-contents__item--open' : ''}`} aria-current={open === JOINT ? 'page' : undefined} onClick={() => setOpen(JOINT)}>
                Joint report{report.pending.length > 0 ? ` (${report.pending.length} to merge)` : ''}
              </button>
            </li>
            {report.contributions.map((c) => (
              <li key={c.memberId} data-testid={`contents-${c.memberId}`}>
                <button type="button" className={`report-contents__item${open === c.memberId ? ' report-contents__item--open' : ''}`} aria-current={open === c.memberId ? 'page' : undefined} onClick={() => setOpen(c.memberId)}>
                  {c.name}
                  {c.agency ? ` (${c.agency})` : ''}
                  {c.memberId === viewer.memberId ? ' – yours' : ''}
                </button>
                <span className={`tag tag--${c.status}`} data-testid="contents-status">
                  {CONTRIBUTION_STATUS_LABELS[c.status]}
                </span>
                {c.deadlineWords && <span className="report-contents__due"> {c.deadlineWords}</span>}
              </li>
            ))}
          </ol>
        </nav>
        <div className="report-main">
          {sync && contribution && (
            <ContributionView key={`${contribution.memberId}-${sync.doc.guid}`} sync={sync} report={report} contribution={contribution} viewer={viewer} members={members} control={control} meta={meta} identity={identity} onChanged={onChanged} />
          )}
          {sync && open === JOINT && <JointView key={sync.doc.guid} sync={sync} report={report} viewer={viewer} members={members} control={control} meta={meta} identity={identity} onChanged={onChanged} />}
          {sync && <PositionsPanel sync={sync} contributors={contributors} viewerMemberId={viewer.memberId} canRecord={own !== undefined} />}
        </div>
      </div>
    </>
  )
}
