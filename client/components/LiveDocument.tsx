/**
 * A shared document as its sections: one editor per rich-text section, read-only where the rules say
 * so (mirroring the server, which enforces them), lock controls for those who may lock, presence, and
 * the connection and save state. The minutes have their own page layout (client/meeting/); this one
 * serves the professionals-only notes, the joint report and the demo.
 * @module
 */
import { parseDocumentName } from '../../schemas/documents.ts'
import type { LayoutMember, LayoutSection } from '../../schemas/layout.ts'
import { canManageLocks, type MeetingRoles, type Viewer } from '../../schemas/permissions.ts'
import type { Identity } from '../collab/identity.ts'
import { useLiveDocument, type LiveDocumentState } from '../collab/use-live-document.ts'
import { ConnectionStatus } from './ConnectionStatus.tsx'
import { LockIcon } from './Icon.tsx'
import { PresenceList } from './PresenceList.tsx'
import { SectionBlock } from './SectionBlock.tsx'

interface Props {
  name: string
  identity: Identity
  sections: readonly LayoutSection[]
  viewer: Viewer
  meetingRoles: MeetingRoles | null
  members: readonly LayoutMember[]
}

export function LiveDocument({ name, identity, sections, viewer, meetingRoles, members }: Props) {
  const titleOf = (section: string) => sections.find((s) => s.name === section)?.title ?? 'another section'
  const live = useLiveDocument(name, identity, titleOf)
  const doc = parseDocumentName(name)!
  const roles = live.meta.meetingRoles ?? meetingRoles
  return (
    <>
      <DocumentStatus live={live} viewer={viewer} />
      <div className="page__body">
        <div className="page__sections">
          {live.sync &&
            sections
              .filter((s) => s.kind === 'text')
              .map((s) => (
                <SectionBlock key={`${s.name}-${live.sync!.doc.guid}`} live={live} doc={doc} section={s} identity={identity} viewer={viewer} meetingRoles={roles} members={members} />
              ))}
        </div>
        <aside className="page__aside">
          <PresenceList people={live.people} sectionTitle={titleOf} />
        </aside>
      </div>
    </>
  )
}

/** The connection and save state, the last notice, and the whole-document lock for those who may lock. */
export function DocumentStatus({ live, viewer }: { live: LiveDocumentState; viewer: Viewer }) {
  const { control } = live
  return (
    <>
      <ConnectionStatus connection={live.connection} save={live.save} />
      {live.notice && (
        <div className="notice notice--warning" role="alert" data-testid="document-notice">
          {live.notice}
        </div>
      )}
      {control.locked && (
        <p className="notice notice--locked" data-testid="document-locked">
          <LockIcon />{' '}
          {control.finalisedVersion ? 'This document is finalised: it can be read but no longer changed.' : 'The whole document is locked: no one can change it until it is unlocked.'}
        </p>
      )}
      {canManageLocks(viewer) && !control.finalisedVersion && (
        <p>
          <button className="button button--secondary" type="button" onClick={() => void live.lock(!control.locked)} data-testid="lock-document">
            {control.locked ? 'Unlock the whole document' : 'Lock the whole document'}
          </button>
        </p>
      )}
    </>
  )
}
