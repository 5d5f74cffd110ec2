/**
 * One member's contribution in seed 004's agency format, as its own view: the header (children, who
 * provides it), the chronology as dated rows, then one editor per field; the review of progress offers
 * the member's own actions from the plan. The author (or the lead social worker) submits it, which locks
 * it for them; only the lead social worker reopens it. Only this contribution's editors are mounted.
 * @module
 */
import { useState } from 'react'
import type { ContributionSummary, ReportResponse } from '../../schemas/api/reports.ts'
import { parseDocumentName } from '../../schemas/documents.ts'
import type { LayoutMember } from '../../schemas/layout.ts'
import { isLocked, type ControlState, type Viewer } from '../../schemas/permissions.ts'
import { canReopenContribution, canSubmitContribution, CONTRIBUTION_STATUS_LABELS } from '../../schemas/report/status.ts'
import { CONTRIBUTION_FORMAT } from '../../schemas/templates/contribution-format.ts'
import type { ControlMeta } from '../../schemas/control.ts'
import { ApiFailure } from '../api/client.ts'
import type { DocumentSync } from '../collab/document-sync.ts'
import type { Identity } from '../collab/identity.ts'
import { readOnlyReason } from '../editor/read-only-reason.ts'
import { SectionEditor } from '../editor/SectionEditor.tsx'
import { formatDate } from '../pages/format.ts'
import { usePlanDocument } from '../plan/use-plan-document.ts'
import { ChronologyTable } from './ChronologyTable.tsx'
import { prefillProgress } from './plan-prefill.ts'
import { postReport } from './use-report.ts'

interface Props {
  sync: DocumentSync
  report: ReportResponse
  contribution: ContributionSummary
  viewer: Viewer
  members: readonly LayoutMember[]
  control: ControlState
  meta: ControlMeta
  identity: Identity
  onChanged: (report: ReportResponse) => void
}

export function ContributionView({ sync, report, contribution, viewer, members, control, meta, identity, onChanged }: Props) {
  const doc = parseDocumentName(report.report.document)!
  const memberId = contribution.memberId
  const nameOf = (id: string | null | undefined) => members.find((m) => m.id === id)?.name ?? null
  const chronologySection = `contrib:${memberId}:chronology`
  const chronologyWritable = readOnlyReason(viewer, doc, chronologySection, null, control, members) === undefined
  const mine = viewer.memberId === memberId
  const plan = usePlanDocument(report.report.caseId, identity, mine)
  const myActions = plan.rows.filter((r) => r.owner === memberId)
  const progressSection = `contrib:${memberId}:progress`
  const progressWritable = readOnlyReason(viewer, doc, progressSection, null, control, members) === undefined

  return (
    <article className="report-contribution" aria-labelledby="contribution-title" data-testid={`contribution-${memberId}`}>
      <h2 id="contribution-title">
        Contribution from {contribution.name}
        {contribution.agency ? ` (${contribution.agency})` : ''}
      </h2>
      <p>
        <span className={`tag tag--${contribution.status}`} data-testid="contribution-status">
          {CONTRIBUTION_STATUS_LABELS[contribution.status]}
        </span>
        {contribution.submittedAt && ` on ${formatDate(contribution.submittedAt.slice(0, 10))}`}
        {contribution.deadlineWords && ` · ${contribution.deadlineWords}`}
      </p>
      <SubmitControls report={report} contribution={contribution} viewer={viewer} onChanged={onChanged} />
      <dl className="report-header">
        <dt>Name of child or children</dt>
        <dd>{report.report.children.join(', ')}</dd>
        <dt>Report provided by (name, agency)</dt>
        <dd>
          {contribution.name}
          {contribution.agency ? `, ${contribution.agency}` : ''}
        </dd>
      </dl>
      <ChronologyTable sync={sync} memberId={memberId} writable={chronologyWritable} />
      {CONTRIBUTION_FORMAT.filter((f) => f.key !== 'chronology').map((f) => {
        const section = `contrib:${memberId}:${f.key}`
        const locked = isLocked(control, section)
        const above =
          f.key === 'progress' && mine && myActions.length > 0 ? (
            <div className="report-plan-actions" data-testid="my-plan-actions">
              <p>Your actions in the plan: {myActions.map((a) => a.action).join('; ')}.</p>
              {progressWritable && (
                <button type="button" className="button button--secondary" onClick={() => prefillProgress(sync.doc.getXmlFragment(progressSection), myActions)}>
                  Add my actions and their status
                </button>
              )}
            </div>
          ) : undefined
        return (
          <SectionEditor
            key={`${section}-${sync.doc.guid}`}
            sync={sync}
            section={section}
            title={f.title}
            {...(f.hint ? { prompt: f.hint } : {})}
            identity={identity}
            {...(() => {
              const reason = readOnlyReason(viewer, doc, section, null, control, members)
              return reason === undefined ? {} : { readOnlyReason: reason }
            })()}
            {...(locked ? { lockedBy: nameOf(meta.lockedBy[section]) } : {})}
            {...(above ? { aboveEditor: above } : {})}
            level={3}
          />
        )
      })}
    </article>
  )
}

function SubmitControls({ report, contribution, viewer, onChanged }: { report: ReportResponse; contribution: ContributionSummary; viewer: Viewer; onChanged: (r: ReportResponse) => void }) {
  const [professionalsOnly, setProfessionalsOnly] = useState(contribution.professionalsOnly)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const base = `/api/reports/${encodeURIComponent(report.report.id)}/contributions/${encodeURIComponent(contribution.memberId)}`
  const run = (path: string, body: unknown) => {
    setBusy(true)
    setError(undefined)
    postReport(path, body).then(onChanged, (err: unknown) => setError(err instanceof ApiFailure ? err.message : 'Something went wrong. Try again.')).finally(() => setBusy(false))
  }
  if (contribution.status === 'submitted') {
    return (
      <div className="notice" data-testid="contribution-submitted">
        <p>
          Submitted{contribution.professionalsOnly ? ', for professionals only' : ''}. It is locked{viewer.memberId === contribution.memberId ? ' for you' : ''} until the lead social worker reopens it.
        </p>
        {canReopenContribution(viewer) && (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => run(`${base}/reopen`, {})}>
            Reopen for changes
          </button>
        )}
        {error && <p role="alert">{error}</p>}
      </div>
    )
  }
  if (!canSubmitContribution(viewer, contribution.memberId)) return null
  return (
    <div className="report-submit">
      <label>
        <input type="checkbox" checked={professionalsOnly} onChange={(e) => setProfessionalsOnly(e.target.checked)} /> For professionals only (never in the family’s copy)
      </label>
      <button type="button" className="button" disabled={busy} onClick={() => run(`${base}/submit`, { professionalsOnly })} data-testid="submit-contribution">
        Submit contribution
      </button>
      {error && <p role="alert">{error}</p>}
    </div>
  )
}
