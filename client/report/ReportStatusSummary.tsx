/**
 * Who has submitted, who is drafting and who has not started the joint report's contributions, against
 * the draft deadline, with a link to the report's page: for the case page and the meeting page to show
 * (GET /api/reports/:id; nothing is shown to someone who may not read the report).
 * @module
 */
import { useEffect, useState } from 'react'
import { ReportResponse } from '../../schemas/api/reports.ts'
import { CONTRIBUTION_STATUS_LABELS, type ContributionStatus } from '../../schemas/report/status.ts'
import { api } from '../api/client.ts'
import { formatDate } from '../pages/format.ts'

/** The report page's path for a pre-review meeting. */
export function reportPath(meetingId: string): string {
  return `/meetings/${encodeURIComponent(meetingId)}/report`
}

export function ReportStatusSummary({ meetingId }: { meetingId: string }) {
  const [report, setReport] = useState<ReportResponse | null>(null)
  useEffect(() => {
    let live = true
    api('GET', `/api/reports/${encodeURIComponent(meetingId)}`, ReportResponse).then(
      (r) => live && setReport(r),
      () => live && setReport(null),
    )
    return () => {
      live = false
    }
  }, [meetingId])
  if (!report || !report.viewer.professional) return null
  const by = (status: ContributionStatus) => report.contributions.filter((c) => c.status === status)
  return (
    <section className="report-summary" data-testid={`report-summary-${meetingId}`} aria-label="Joint report contributions">
      <p>
        <a href={reportPath(meetingId)}>Joint report</a>: draft due {formatDate(report.report.draftDue)}.
      </p>
      <ul>
        {(['submitted', 'drafting', 'not-started'] as const).map((s) => (
          <li key={s}>
            {CONTRIBUTION_STATUS_LABELS[s]}: {by(s).map((c) => `${c.name}${c.agency ? ` (${c.agency})` : ''}`).join(', ') || 'nobody'}
          </li>
        ))}
      </ul>
    </section>
  )
}
