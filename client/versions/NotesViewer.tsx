/**
 * A finalised version of the notes, read-only, heading by heading as the DOCX has them.
 * @module
 */
import type { NotesBlock, NotesView } from '../../schemas/api/version-view.ts'
import { PmView } from './PmView.tsx'

function Block({ block, number }: { block: NotesBlock; number: number }) {
  switch (block.kind) {
    case 'heading':
      return (
        <h2 className="version-view__heading">
          {number}. {block.text}
        </h2>
      )
    case 'subheading':
      return <h3 className="version-view__subheading">{block.text}</h3>
    case 'rich':
      return <PmView doc={block.doc} />
    case 'people':
      return (
        <div className="version-view__people">
          <p>
            <strong>{block.label}:</strong> {block.people.length === 0 ? 'none recorded.' : ''}
          </p>
          {block.people.length > 0 && (
            <ul>
              {block.people.map((p) => (
                <li key={`${p.name}-${p.agency ?? ''}`}>
                  {p.name}
                  {p.agency ? ` (${p.agency})` : ''}
                  {p.note ? ` — ${p.note}` : ''}
                </li>
              ))}
            </ul>
          )}
        </div>
      )
    case 'questions':
      return (
        <ul className="version-view__questions">
          {block.questions.map((q) => (
            <li key={q}>
              <em>{q}</em>
            </li>
          ))}
        </ul>
      )
    case 'actions':
      return block.rows.length === 0 ? (
        <p>
          <em>No actions recorded in the plan.</em>
        </p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="The action plan">
          <table className="table" data-testid="version-actions">
            <thead>
              <tr>
                {['Need', 'Desired outcome', 'Action', 'How', 'Who', 'By when', 'Status', 'Progress'].map((h) => (
                  <th scope="col" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((r, i) => (
                <tr key={i}>
                  {[r.need, r.outcome, r.action, r.how, r.owner, r.due, r.status, r.progress].map((v, j) => (
                    <td key={j}>{v}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )
    case 'meetings':
      return block.rows.length === 0 ? (
        <p>
          <em>No further core group meetings are planned yet.</em>
        </p>
      ) : (
        <ul>
          {block.rows.map((r) => (
            <li key={r.when}>
              {r.when}, {r.where} ({r.type})
            </li>
          ))}
        </ul>
      )
    case 'note':
      return (
        <p>
          <em>{block.text}</em>
        </p>
      )
    case 'table':
      return (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Table">
          <table className="table">
            <thead>
              <tr>
                {block.headers.map((h) => (
                  <th scope="col" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((v, j) => (
                    <td key={j}>{v}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )
  }
}

export function NotesViewer({ notes }: { notes: NotesView }) {
  let n = 0
  return (
    <article className="version-view" data-testid="version-view" aria-label={`${notes.title}, read-only`}>
      <p className="version-view__marking">OFFICIAL-SENSITIVE · {notes.copy === 'family' ? 'Family copy' : 'Professional copy'}</p>
      <h2>{notes.title}</h2>
      <p>{notes.held}</p>
      <p>
        <strong>{notes.status}</strong>
      </p>
      <p>
        <em>{notes.copyNote}</em>
      </p>
      {notes.blocks.map((b, i) => (
        <Block key={i} block={b} number={b.kind === 'heading' ? ++n : n} />
      ))}
    </article>
  )
}
