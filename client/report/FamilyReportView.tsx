/**
 * The family's view of the joint report (issue 12 §7): the draft as the social worker shared it (never
 * a contribution for professionals only), their own views in their own section, and comments on the
 * shared draft, like every member's amendments.
 * @module
 */
import { useCallback, useState } from 'react'
import type { ReportResponse } from '../../schemas/api/reports.ts'
import { parseDocumentName } from '../../schemas/documents.ts'
import { JOINT_FIELDS, type LayoutMember } from '../../schemas/layout.ts'
import type { Viewer } from '../../schemas/permissions.ts'
import type { Identity } from '../collab/identity.ts'
import { useControlState } from '../collab/use-control-state.ts'
import { useDocumentSync, useSyncValue } from '../collab/use-document-sync.ts'
import { useSyncNotices } from '../collab/use-sync-notices.ts'
import { ConnectionStatus } from '../components/ConnectionStatus.tsx'
import { readOnlyReason } from '../editor/read-only-reason.ts'
import { SectionEditor } from '../editor/SectionEditor.tsx'
import { CommentsPanel } from './CommentsPanel.tsx'
import { useDocVersion } from './use-report.ts'

export function FamilyReportView({ report, viewer, members, identity }: { report: ReportResponse; viewer: Viewer; members: readonly LayoutMember[]; identity: Identity }) {
  const sync = useDocumentSync(report.report.familyDocument, identity.id)
  const connection = useSyncValue(sync, ['connection'], (s) => s.connection, 'connecting')
  const save = useSyncValue(sync, ['save'], (s) => s.save, 'saved')
  const control = useControlState(sync)
  useDocVersion(sync)
  const [notice, setNotice] = useState<string>()
  useSyncNotices(sync, setNotice, useCallback(() => 'That change was not saved: you may not change that part of the report.', []))
  const doc = parseDocumentName(report.report.familyDocument)!
  const viewsSection = viewer.memberId ? `views:${viewer.memberId}` : null
  const viewsReason = viewsSection ? readOnlyReason(viewer, doc, viewsSection, null, control, members) : 'you are not a member of this core group.'
  return (
    <>
      <ConnectionStatus connection={connection} save={save} />
      {notice && (
        <div className="notice notice--warning" role="alert">
          {notice}
        </div>
      )}
      <p>This is the draft joint report the social worker has shared with you. You can add your views and comment on any part of it.</p>
      {sync && viewsSection && (
        <SectionEditor key={`${viewsSection}-${sync.doc.guid}`} sync={sync} section={viewsSection} title="Your views" identity={identity} {...(viewsReason === undefined ? {} : { readOnlyReason: viewsReason })} />
      )}
      {sync &&
        JOINT_FIELDS.map((f) => (
          <SectionEditor key={`draft:${f.key}-${sync.doc.guid}`} sync={sync} section={`draft:${f.key}`} title={f.title} identity={identity} readOnlyReason="this is the draft the social worker shared." level={3} />
        ))}
      {sync && (
        <CommentsPanel
          sync={sync}
          sections={JOINT_FIELDS.map((f) => ({ name: `draft:${f.key}`, title: f.title }))}
          members={members}
          viewerMemberId={viewer.memberId}
          canComment={viewer.memberId !== null}
          canResolve={report.viewer.isLead}
        />
      )}
    </>
  )
}
