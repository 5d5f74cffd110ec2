/**
 * The demo sandbox document (`demo:<id>`): three sections anyone signed in may write.
 * @module
 */
import { parseDocumentName } from '../../schemas/documents.ts'
import { documentLayout } from '../../schemas/layout.ts'
import type { Identity } from '../collab/identity.ts'
import { LiveDocument } from '../components/LiveDocument.tsx'

export function DocumentPage({ name, identity }: { name: string; identity: Identity }) {
  const sections = documentLayout(parseDocumentName(name)!, [], [])
  // Mirrors the server's demo access: every signed-in user edits the sandbox as its lead.
  const viewer = { userId: identity.id, memberId: identity.id, role: 'lead-social-worker' as const, optedOut: false }
  return (
    <main className="page" id="main-content">
      <p className="page__caption">Practice document – no case data</p>
      <h1 className="page__title">Sandbox</h1>
      <LiveDocument name={name} identity={identity} sections={sections} viewer={viewer} meetingRoles={null} members={[]} />
    </main>
  )
}
