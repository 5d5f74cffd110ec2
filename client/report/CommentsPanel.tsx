/**
 * Amendments as comments (issue 12 §5): any reader comments on a passage of the draft (a block of a
 * joint or shared section), anchored with Yjs relative positions so the comment follows edits around
 * it; each commenter writes only their own `comments:<memberId>`; the lead social worker resolves
 * comments (`resolutions`). A comment whose passage has gone shows the words it was written on.
 * @module
 */
import { useState, type FormEvent } from 'react'
import * as Y from 'yjs'
import type { LayoutMember } from '../../schemas/layout.ts'
import type { DocumentSync } from '../collab/document-sync.ts'
import { anchorIndex, blockAnchor, commentsOf, newRowId, pushRow } from './report-rows.ts'

interface Props {
  sync: DocumentSync
  /** The sections that may be commented on, with their titles. */
  sections: readonly { name: string; title: string }[]
  members: readonly LayoutMember[]
  viewerMemberId: string | null
  canComment: boolean
  canResolve: boolean
}

function blockText(node: unknown): string {
  if (node instanceof Y.XmlText) return node.toString()
  if (node instanceof Y.XmlElement) return node.toArray().map(blockText).join(' ')
  return ''
}

export function CommentsPanel({ sync, sections, members, viewerMemberId, canComment, canResolve }: Props) {
  const comments = commentsOf(sync.doc, members.map((m) => m.id))
  const open = comments.filter((c) => !c.resolved)
  const [section, setSection] = useState(sections[0]?.name ?? '')
  const [block, setBlock] = useState(0)
  const [text, setText] = useState('')
  const [error, setError] = useState<string>()
  const blocks = section ? sync.doc.getXmlFragment(section).toArray().map(blockText) : []
  const nameOf = (id: string) => {
    const m = members.find((x) => x.id === id)
    return m ? `${m.name}${m.agency ? ` (${m.agency})` : ''}` : 'a former member'
  }
  const add = (e: FormEvent) => {
    e.preventDefault()
    if (blocks.length === 0) return setError('That section has no text to comment on yet')
    if (text.trim() === '') return setError('Write your comment')
    setError(undefined)
    const fragment = sync.doc.getXmlFragment(section)
    const at = Math.min(block, fragment.length - 1)
    pushRow(sync.doc, `comments:${viewerMemberId}`, { id: newRowId('cmt'), section, ...blockAnchor(fragment, at), quote: (blocks[at] ?? '').slice(0, 500), text: text.trim(), at: new Date().toISOString() })
    setText('')
  }
  return (
    <section className="report-comments" aria-labelledby="comments-title" data-testid="comments">
      <h2 id="comments-title">Amendments and comments</h2>
      {open.length === 0 ? (
        <p>No open comments.</p>
      ) : (
        <ul className="report-comments__list">
          {open.map((c) => {
            const index = anchorIndex(sync.doc, c.anchor)
            const passage = index === null ? null : blockText(sync.doc.getXmlFragment(c.section).get(index))
            return (
              <li key={`${c.memberId}/${c.id}`} data-testid="comment">
                <p className="report-comments__on">
                  On “{(passage ?? c.quote ?? '').slice(0, 120)}”{passage === null ? ' (passage removed)' : ''} in {sections.find((s) => s.name === c.section)?.title ?? 'the report'}
                </p>
                <p>
                  <strong>{nameOf(c.memberId)}:</strong> {c.text}
                </p>
                {canResolve && (
                  <button type="button" className="button button--secondary" onClick={() => pushRow(sync.doc, 'resolutions', { commentId: c.id, memberId: c.memberId, at: new Date().toISOString() })}>
                    Mark resolved
                  </button>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {comments.length > open.length && <p>{comments.length - open.length} resolved.</p>}
      {canComment && viewerMemberId && (
        <form onSubmit={add} noValidate className="report-comments__form">
          {error && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
          <label>
            Section
            <select value={section} onChange={(e) => (setSection(e.target.value), setBlock(0))}>
              {sections.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            Passage
            <select value={block} onChange={(e) => setBlock(Number(e.target.value))} data-testid="comment-passage">
              {blocks.map((b, i) => (
                <option key={i} value={i}>
                  {b.slice(0, 80) || '(empty line)'}
                </option>
              ))}
            </select>
          </label>
          <label>
            Your comment
            <textarea value={text} maxLength={4000} onChange={(e) => setText(e.target.value)} data-testid="comment-text" />
          </label>
          <button type="submit" className="button button--secondary">
            Add comment
          </button>
        </form>
      )}
    </section>
  )
}
