/**
 * Read-only rendering of a rich-text section's ProseMirror JSON (shared editor schema) as React
 * elements: no HTML strings, no editor. Links only with the schemes the schema allows.
 * @module
 */
import type { ReactNode } from 'react'
import type { PmJson } from '../../schemas/api/version-view.ts'

const SAFE_LINK = /^(https?:|mailto:|tel:)/i

function marked(node: PmJson, key: number): ReactNode {
  let out: ReactNode = node.text ?? ''
  for (const mark of node.marks ?? []) {
    switch (mark.type) {
      case 'bold':
        out = <strong>{out}</strong>
        break
      case 'italic':
        out = <em>{out}</em>
        break
      case 'underline':
        out = <u>{out}</u>
        break
      case 'strike':
        out = <s>{out}</s>
        break
      case 'code':
        out = <code>{out}</code>
        break
      case 'link': {
        const href = typeof mark.attrs?.href === 'string' && SAFE_LINK.test(mark.attrs.href) ? mark.attrs.href : null
        if (href) out = <a href={href} rel="noopener noreferrer nofollow">{out}</a>
        break
      }
    }
  }
  return <span key={key}>{out}</span>
}

function node(n: PmJson, key: number): ReactNode {
  const kids = (n.content ?? []).map((c, i) => node(c, i))
  switch (n.type) {
    case 'text':
      return marked(n, key)
    case 'paragraph':
      return <p key={key}>{kids}</p>
    case 'heading': {
      // A section's own headings sit under the page's section headings.
      const level = Math.min(Math.max(Number(n.attrs?.level ?? 1), 1) + 2, 6)
      const H = `h${level}` as 'h3'
      return <H key={key}>{kids}</H>
    }
    case 'blockquote':
      return <blockquote key={key}>{kids}</blockquote>
    case 'bulletList':
      return <ul key={key}>{kids}</ul>
    case 'orderedList':
      return <ol key={key}>{kids}</ol>
    case 'listItem':
      return <li key={key}>{kids}</li>
    case 'codeBlock':
      return (
        <pre key={key}>
          <code>{kids}</code>
        </pre>
      )
    case 'horizontalRule':
      return <hr key={key} />
    case 'hardBreak':
      return <br key={key} />
    default:
      return <span key={key}>{kids}</span>
  }
}

export function PmView({ doc }: { doc: PmJson }) {
  return <div className="version-view__rich">{(doc.content ?? []).map((c, i) => node(c, i))}</div>
}
