import type { Presence } from '../collab/use-presence.ts'

/** Who is here and which section they are in. */
export function PresenceList({ people, sectionTitle }: { people: Presence[]; sectionTitle: (name: string) => string }) {
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="presence__heading">
        In this document ({people.length})
      </h2>
      <ul className="presence__list" data-testid="presence">
        {people.map((p) => (
          <li key={p.clientId} className="presence__person">
            <span className="presence__swatch" style={{ backgroundColor: p.color }} aria-hidden="true" />
            <span className="presence__name">
              {p.name}
              {p.isSelf ? ' (you)' : ''}
            </span>
            <span className="presence__where">{p.section ? `in ${sectionTitle(p.section)}` : 'reading'}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
