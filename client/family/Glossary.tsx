/**
 * The glossary on family pages (issue 14, item 2): the first use of each term on a page is a button that
 * pops up what it means (a toggletip), later uses are plain text. A page wraps its content in
 * `GlossaryScope`; each `Glossed` claims the terms it uses first, in the order the page renders them
 * (`markFirstUses`, schemas/family/glossary.ts). A claim belongs to its component (`useId`), so a
 * re-render never moves the explanation.
 * @module
 */
import { createContext, useContext, useId, useRef, useState, type ReactNode } from 'react'
import { GLOSSARY, glossaryTerm, markFirstUses } from '../../schemas/family/glossary.ts'

const Claims = createContext<Map<string, string> | null>(null)

/** The page's glossary: terms are explained once within it. */
export function GlossaryScope({ children }: { children: ReactNode }) {
  const claims = useRef(new Map<string, string>())
  return <Claims.Provider value={claims.current}>{children}</Claims.Provider>
}

function Term({ termId, children }: { termId: string; children: string }) {
  const [open, setOpen] = useState(false)
  const id = useId()
  const term = glossaryTerm(termId)
  if (!term) return <>{children}</>
  return (
    <span className="glossary-term" data-testid={`glossary-${termId}`}>
      <button
        type="button"
        className="glossary-term__button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        {children}
        <span className="visually-hidden"> (what this means)</span>
      </button>
      <span id={id} className="glossary-term__meaning" role="note" hidden={!open}>
        <strong>{term.term}:</strong> {term.meaning}
      </span>
    </span>
  )
}

/** `text` with the first use on the page of each glossary term explained. */
export function Glossed({ text }: { text: string }) {
  const claims = useContext(Claims)
  const owner = useId()
  if (!claims) return <>{text}</>
  // Marked in this text already, or claimed by another part of the page: plain from here on.
  const here = new Set<string>()
  const seen = {
    has: (termId: string) => here.has(termId) || (claims.has(termId) && claims.get(termId) !== owner),
    add: (termId: string) => {
      here.add(termId)
      if (!claims.has(termId)) claims.set(termId, owner)
      return here
    },
  }
  const pieces = markFirstUses(text, seen)
  return (
    <>
      {pieces.map((p, i) =>
        p.termId ? (
          <Term key={i} termId={p.termId}>
            {p.text}
          </Term>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  )
}

/** Every term with its meaning: "Words we use", at the foot of a family page. */
export function GlossaryList() {
  return (
    <details className="glossary-list" data-testid="glossary-list">
      <summary>Words we use, and what they mean</summary>
      <dl>
        {GLOSSARY.map((t) => (
          <div key={t.id} className="glossary-list__item">
            <dt>{t.term}</dt>
            <dd>{t.meaning}</dd>
          </div>
        ))}
      </dl>
    </details>
  )
}
