/**
 * A shared document: its sections, who is here, and whether everything is saved.
 * @module
 */
import { useState } from 'react'
import { DEMO_SECTIONS } from '../../schemas/documents.ts'
import { loadIdentity, saveIdentity, type Identity } from '../collab/identity.ts'
import { useDocumentSync, useSyncValue } from '../collab/use-document-sync.ts'
import { usePresence } from '../collab/use-presence.ts'
import { ConnectionStatus } from '../components/ConnectionStatus.tsx'
import { PresenceList } from '../components/PresenceList.tsx'
import { SectionEditor } from '../editor/SectionEditor.tsx'

export function DocumentPage({ name }: { name: string }) {
  const sync = useDocumentSync(name)
  const [identity, setIdentity] = useState<Identity>(loadIdentity)
  const connection = useSyncValue(sync, ['connection'], (s) => s.connection, 'connecting')
  const save = useSyncValue(sync, ['save'], (s) => s.save, 'saved')
  const people = usePresence(sync)
  const titleOf = (section: string) => DEMO_SECTIONS.find((s) => s.name === section)?.title ?? section

  const rename = (value: string) => {
    const next = { ...identity, name: value.slice(0, 60) }
    setIdentity(next)
    saveIdentity(next)
  }

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
          <label className="field">
            <span className="field__label">Your name as others see it</span>
            <input className="field__input" value={identity.name} onChange={(e) => rename(e.target.value)} data-testid="display-name" />
          </label>
        </aside>
      </div>
    </main>
  )
}
