/**
 * Finding your way in an hour-long meeting: the agenda as a contents list (who is in each item now,
 * whether it has anything written), sticky beside the minutes on wide screens and a disclosure above
 * them on tablets; and "Your part": the sections this member may write, so nobody scrolls past a dozen
 * boxes to find their own.
 * @module
 */
import type { MouseEvent } from 'react'
import type { Presence } from '../collab/use-presence.ts'
import { sectionAnchor } from '../editor/SectionEditor.tsx'

export interface ContentsItem {
  /** The section the link jumps to. */
  section: string
  title: string
  /** The sections that count as "in this item" for presence and "written". */
  covers: readonly string[]
}

interface ContentsProps {
  items: readonly ContentsItem[]
  people: readonly Presence[]
  written: ReadonlySet<string>
  /** Beside the document (wide screens) or folded above it (tablets). */
  layout: 'aside' | 'disclosure'
}

export function MeetingContents({ items, people, written, layout }: ContentsProps) {
  const list = (
    <ol className="contents__list" data-testid="meeting-contents">
      {items.map((item, i) => {
        const here = people.filter((p) => !p.isSelf && p.section !== null && item.covers.includes(p.section))
        const hasText = item.covers.some((s) => written.has(s))
        return (
          <li key={item.section} className="contents__item" data-testid={`contents-${item.section}`} data-written={hasText ? 'true' : 'false'}>
            <a href={`#${sectionAnchor(item.section)}`} onClick={(e) => jumpTo(e, item.section)}>
              <span className="contents__number">{i + 1}.</span> {item.title}
            </a>
            <span className="contents__meta">
              {hasText ? <span className="contents__written">Written</span> : <span className="contents__empty">Nothing yet</span>}
              {here.map((p) => (
                <span key={p.clientId} className="contents__person" title={`${p.name} is here`}>
                  <span className="presence__swatch contents__swatch" style={{ backgroundColor: p.color }} aria-hidden="true" />
                  {p.name}
                </span>
              ))}
            </span>
          </li>
        )
      })}
    </ol>
  )
  if (layout === 'disclosure') {
    return (
      <details className="contents contents--disclosure">
        <summary className="contents__summary">Agenda ({items.length} items)</summary>
        <nav aria-label="Agenda">{list}</nav>
      </details>
    )
  }
  return (
    <nav className="contents contents--aside" aria-labelledby="contents-heading">
      <h2 id="contents-heading" className="contents__heading">
        Agenda
      </h2>
      {list}
    </nav>
  )
}

/** Jumps to a section and moves the keyboard focus there, so the next Tab is inside it. */
function jumpTo(e: MouseEvent, section: string): void {
  const target = document.getElementById(sectionAnchor(section))
  if (!target) return
  e.preventDefault()
  target.scrollIntoView({ block: 'start' })
  target.focus({ preventScroll: true })
  history.replaceState(history.state, '', `#${sectionAnchor(section)}`)
}

export interface PartLink {
  section: string
  title: string
  written: boolean
}

/** The sections this viewer may write, at the top of the minutes. */
export function YourPart({ links, summary }: { links: readonly PartLink[]; summary: string | null }) {
  return (
    <section className="your-part" aria-labelledby="your-part-heading" data-testid="your-part">
      <h2 id="your-part-heading" className="your-part__title">
        Your part
      </h2>
      {summary && <p className="your-part__summary">{summary}</p>}
      {links.length === 0 ? (
        <p className="your-part__none">There is nothing for you to write in these minutes. You can read everything as it is written.</p>
      ) : (
        <ul className="your-part__list">
          {links.map((link) => (
            <li key={link.section}>
              <a href={`#${sectionAnchor(link.section)}`} onClick={(e) => jumpTo(e, link.section)} data-testid={`your-part-${link.section}`}>
                {link.title}
              </a>{' '}
              {link.written ? <span className="your-part__state your-part__state--written">written</span> : <span className="your-part__state">not written yet</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
