/**
 * The joint report itself: the social worker's joint sections (which the merge fills, a passage per
 * agency with its attribution shown beside it), the merge and sharing controls for the lead social
 * worker, every disagreement, and the amendments as comments.
 * @module
 */
import { useState } from 'react'
import type { ReportResponse } from '../../schemas/api/reports.ts'
import type { ControlMeta } from '../../schemas/control.ts'
import { parseDocumentName } from '../../schemas/documents.ts'
import { JOINT_FIELDS, type LayoutMember } from '../../schemas/layout.ts'
import { isLocked, type ControlState, type Viewer } from '../../schemas/permissions.ts'
import { ApiFailure } from '../api/client.ts'
import type { DocumentSync } from '../collab/document-sync.ts'
import type { Identity } from '../collab/identity.ts'
import { readOnlyReason } from '../editor/read-only-reason.ts'
import { SectionEditor } from '../editor/SectionEditor.tsx'
import { formatDate } from '../pages/format.ts'
import { CommentsPanel } from './CommentsPanel.tsx'
import { MergePanel } from './MergePanel.tsx'
import { postReport } from './use-report.ts'

interface Props {
  sync: DocumentSync
  report: ReportResponse
  viewer: Viewer
  members: readonly LayoutMember[]
  control: ControlState
  meta: ControlMeta
  identity: Identity
  onChanged: (report: ReportResponse) => void
}

export function JointView({ sync, report, viewer, members, control, meta, identity, onChanged }: Props) {
  const doc = parseDocumentName(report.report.document)!
  const isLead = report.viewer.isLead
  const nameOf = (id: string | null | undefined) => members.find((m) => m.id === id)?.name ?? null
  const contributors = members.filter((m) => report.contributions.some((c) => c.memberId === m.id))
  return (
    <article className="report-joint" aria-labelledby="joint-title" data-testid="joint-report">
      <h2 id="joint-title">Joint report</h2>
      {isLead && <MergePanel report={report} onChanged={onChanged} />}
      {isLead && <ShareControls report={report} onChanged={onChanged} />}
      {JOINT_FIELDS.map((f) => {
        const section = `joint:${f.key}`
        const reason = readOnlyReason(viewer, doc, section, null, control, members)
        return (
          <SectionEditor
            key={`${section}-${sync.doc.guid}`}
            sync={sync}
            section={section}
            title={f.title}
            identity={identity}
            {...(reason === undefined ? {} : { readOnlyReason: reason })}
            {...(isLocked(control, section) ? { lockedBy: nameOf(meta.lockedBy[section]) } : {})}
            level={3}
          />
        )
      })}
      <CommentsPanel
        sync={sync}
        sections={JOINT_FIELDS.map((f) => ({ name: `joint:${f.key}`, title: f.title }))}
        members={contributors}
        viewerMemberId={viewer.memberId}
        canComment={contributors.some((m) => m.id === viewer.memberId)}
        canResolve={isLead}
      />
    </article>
  )
}

function ShareControls({ report, onChanged }: { report: ReportResponse; onChanged: (r: ReportResponse) => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const share = (shared: boolean) => {
    setBusy(true)
    setError(undefined)
    postReport(`/api/reports/${encodeURIComponent(report.report.id)}/share`, { shared })
      .then(onChanged, (err: unknown) => setError(err instanceof ApiFailure ? err.message : 'Something went wrong. Try again.'))
      .finally(() => setBusy(false))
  }
  return (
    <section className="report-share" aria-labelledby="share-title">
      <h2 id="share-title">Sharing with the family</h2>
      {report.report.sharedAt ? (
        <p data-testid="shared-state">
          Shared with the family on {formatDate(report.report.sharedAt.slice(0, 10))}. Sharing again updates their copy. Contributions for professionals only are never in it.
        </p>
      ) : (
        <p data-testid="shared-state">Not shared with the family yet. They see the draft only once you share it, without any contribution for professionals only.</p>
      )}
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => share(true)} data-testid="share-button">
        {report.report.sharedAt ? 'Update the family’s copy' : 'Share the draft with the family'}
      </button>{' '}
      {report.report.sharedAt && (
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => share(false)}>
          Stop sharing
        </button>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  )
}
