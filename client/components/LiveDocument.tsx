/**
 * A shared document as its sections: one editor per rich-text section, read-only where the rules say
 * so (mirroring the server, which enforces them), lock controls for those who may lock, presence, and
 * the connection and save state.
 * @module
 */
import { useState, type ReactNode } from 'react'
import { parseDocumentName } from '../../schemas/documents.ts'
import type { LayoutMember, LayoutSection } from '../../schemas/layout.ts'
import { LockResponse } from '../../schemas/api/locks.ts'
import { canManageLocks, isLocked, type MeetingRoles, type Viewer } from '../../schemas/permissions.ts'
import { api } from '../api/client.ts'
import type { Identity } from '../collab/identity.ts'
import { useControlState } from '../collab/use-control-state.ts'
import { useDocumentSync, useSyncValue } from '../collab/use-document-sync.ts'
import { usePresence } from '../collab/use-presence.ts'
import { readOnlyReason } from '../editor/read-only-reason.ts'
import { useSyncNotices } from '../collab/use-sync-notices.ts'
import { SectionBoundary } from '../editor/SectionBoundary.tsx'
import { SectionEditor } from '../editor/SectionEditor.tsx'
import { ConnectionStatus } from './ConnectionStatus.tsx'
import { PresenceList } from './PresenceList.tsx'

interface Props {
  name: string
  identity: Identity
  sections: readonly LayoutSection[]
  viewer: Viewer
  meetingRoles: MeetingRoles | null
  members: readonly LayoutMember[]
  /** What the page shows under a section's title, above its editor (the meeting page: a member's actions). */
  aboveEditor?: (section: LayoutSection) => ReactNode
  /** What the page shows just after a section's editor (the meeting page: the plan). */
  afterSection?: (section: LayoutSection) => ReactNode
}

export function LiveDocument({ name, identity, sections, viewer, meetingRoles, members, aboveEditor, afterSection }: Props) {
  const sync = useDocumentSync(name, identity.id)
  const connection = useSyncValue(sync, ['connection'], (s) => s.connection, 'connecting')
  const save = useSyncValue(sync, ['save'], (s) => s.save, 'saved')
  const people = usePresence(sync)
  const control = useControlState(sync)
  const [notice, setNotice] = useState<string>()
  const doc = parseDocumentName(name)!
  const titleOf = (section: string) => sections.find((s) => s.name === section)?.title ?? 'another section'
  const mayLock = canManageLocks(viewer)

  useSyncNotices(sync, setNotice, (section, reason) =>
    `Your last change to “${titleOf(section)}” was not saved (${reason.replace(/-/g, ' ')}). Your copy has been reloaded from the server.`,
  )

  const lock = async (locked: boolean, section?: string) => {
    try {
      await api('POST', `/api/documents/${encodeURIComponent(name)}/locks`, LockResponse, section ? { section, locked } : { locked })
    } catch (err) {
      setNotice(err instanceof Error ? err.message : 'Could not change the lock')
    }
  }

  return (
    <>
      <ConnectionStatus connection={connection} save={save} />
      {notice && (
        <div className="notice notice--warning" role="alert" data-testid="document-notice">
          {notice}
        </div>
      )}
      {mayLock && (
        <p>
          <button className="button button--secondary" type="button" onClick={() => void lock(!control.locked)} data-testid="lock-document">
            {control.locked ? 'Unlock the whole document' : 'Lock the whole document'}
          </button>
        </p>
      )}
      <div className="page__body">
        <div className="page__sections">
          {sync &&
            sections
              .filter((s) => s.kind === 'text')
              .map((s) => (
                <div key={`${s.name}-${sync.doc.guid}`}>
                  <SectionBoundary title={s.title}>
                    <SectionEditor
                      sync={sync}
                      section={s.name}
                      title={s.title}
                      prompt={s.prompt}
                      identity={identity}
                      readOnlyReason={readOnlyReason(viewer, doc, s.name, meetingRoles, control, members)}
                      aboveEditor={aboveEditor?.(s)}
                    />
                  </SectionBoundary>
                  {mayLock && !control.locked && (
                    <button className="link-button section-lock" type="button" onClick={() => void lock(!isLocked(control, s.name), s.name)} data-testid={`lock-${s.name}`}>
                      {isLocked(control, s.name) ? 'Unlock this section' : 'Lock this section'}
                    </button>
                  )}
                  {afterSection?.(s)}
                </div>
              ))}
        </div>
        <aside className="page__aside">
          <PresenceList people={people} sectionTitle={titleOf} />
        </aside>
      </div>
    </>
  )
}
