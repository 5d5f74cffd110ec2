/**
 * A shared document: its sections, who is here, and whether everything is saved.
 * @module
 */
import { DEMO_SECTIONS } from '../../schemas/documents.ts'
import type { Identity } from '../collab/identity.ts'
import { useDocumentSync, useSyncValue } from '../collab/use-document-sync.ts'
import { usePresence } from '../collab/use-presence.ts'
import { ConnectionStatus } from '../components/ConnectionStatus.tsx'
import { PresenceList } from '../components/PresenceList.tsx'
import { SectionEditor } from '../editor/SectionEditor.tsx'

export function DocumentPage({ name, identity }: { name: string; identity: Identity }) {
  const sync = useDocumentSync(name)
  const connection = useSyncValue(sync, ['connection'], (s) => s.connection, 'connecting')
  const save = useSyncValue(sync, ['save'], (s) => s.save, 'saved')
  const people = usePresence(sync)
  const titleOf = (section: string) => DEMO_SECTIONS.find((s) => s.name === section)?.title ?? section

  return (
    <main className="page" id="main-content">
      <header className="page__header">
        <p className="page__caption">Core group notes (demo layout)</p>
        <h1 className="page__title">{name}</h1>
        <ConnectionStatus connection={connection} save={save} />
      </header>
      <div className="page__body">
        <div className="page__sections">
          {sync &&
            DEMO_SECTIONS.map((s) => (
              <SectionEditor key={`${s.name}-${sync.doc.guid}`} sync={sync} section={s.name} title={s.title} identity={identity} />
            ))}
        </div>
        <aside className="page__aside">
          <PresenceList people={people} sectionTitle={titleOf} />
        </aside>
      </div>
    </main>
  )
}
