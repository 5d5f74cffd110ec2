/**
 * One rich-text section of an open document: its editor (writable or read-only by the rules, which the
 * server enforces), inside an error boundary, with the lock control for those who may lock.
 * @module
 */
import type { ReactNode } from 'react'
import type { DocumentRef } from '../../schemas/documents.ts'
import type { LayoutMember, LayoutSection } from '../../schemas/layout.ts'
import { canManageLocks, isLocked, type MeetingRoles, type Viewer } from '../../schemas/permissions.ts'
import { WHOLE_DOCUMENT_LOCK } from '../../schemas/control.ts'
import type { Identity } from '../collab/identity.ts'
import type { LiveDocumentState } from '../collab/use-live-document.ts'
import { readOnlyReason } from '../editor/read-only-reason.ts'
import { SectionBoundary } from '../editor/SectionBoundary.tsx'
import { SectionEditor } from '../editor/SectionEditor.tsx'

interface Props {
  live: LiveDocumentState
  doc: DocumentRef
  section: LayoutSection
  identity: Identity
  viewer: Viewer
  meetingRoles: MeetingRoles | null
  members: readonly LayoutMember[]
  aboveEditor?: ReactNode
  questions?: readonly string[]
  level?: 2 | 3
}

export function SectionBlock({ live, doc, section, identity, viewer, meetingRoles, members, aboveEditor, questions, level }: Props) {
  const { sync, control, meta } = live
  if (!sync) return null
  const locked = isLocked(control, section.name)
  const lockerId = control.locked ? meta.lockedBy[WHOLE_DOCUMENT_LOCK] : meta.lockedBy[section.name]
  const lockedBy = locked ? (lockerId ? (members.find((m) => m.id === lockerId)?.name ?? null) : null) : undefined
  const mayLock = canManageLocks(viewer)
  return (
    <div className="section-block">
      <SectionBoundary title={section.title}>
        <SectionEditor
          sync={sync}
          section={section.name}
          title={section.title}
          prompt={section.prompt}
          identity={identity}
          readOnlyReason={readOnlyReason(viewer, doc, section.name, meetingRoles, control, members)}
          aboveEditor={aboveEditor}
          lockedBy={control.finalisedVersion ? undefined : lockedBy}
          questions={questions}
          level={level}
        />
      </SectionBoundary>
      {mayLock && !control.locked && (
        <button className="link-button section-lock" type="button" onClick={() => void live.lock(!locked, section.name)} data-testid={`lock-${section.name}`}>
          {locked ? 'Unlock this section' : 'Lock this section'}
        </button>
      )}
    </div>
  )
}
