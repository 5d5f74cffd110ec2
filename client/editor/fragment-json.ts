/**
 * A live rich-text section read as ProseMirror JSON without an editor, for showing it a second time on
 * a page (the child's views under their agenda item, issue 14). It only reads the Y types: unlike
 * y-prosemirror's own conversion it never repairs, so it is safe on a live room's document. Marks that
 * y-prosemirror stores as `<name>--<hash>` are read as `<name>`; anything unknown is rendered by
 * {@link PmView} as plain text.
 * @module
 */
import * as Y from 'yjs'
import type { PmJson } from '../../schemas/api/version-view.ts'

const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/

/** `fragment` as a ProseMirror `doc` node. */
export function fragmentJson(fragment: Y.XmlFragment): PmJson {
  return { type: 'doc', content: fragment.toArray().flatMap(nodeJson) }
}

function nodeJson(item: unknown): PmJson[] {
  if (item instanceof Y.XmlText) return textJson(item)
  if (!(item instanceof Y.XmlElement)) return []
  const attrs = item.getAttributes() as Record<string, unknown>
  const content = item.toArray().flatMap(nodeJson)
  return [{ type: item.nodeName, ...(Object.keys(attrs).length > 0 ? { attrs } : {}), ...(content.length > 0 ? { content } : {}) }]
}

function textJson(text: Y.XmlText): PmJson[] {
  const delta = text.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>
  return delta.flatMap((op) => {
    if (typeof op.insert !== 'string' || op.insert === '') return []
    const marks = Object.entries(op.attributes ?? {}).map(([name, value]) => {
      const type = HASHED_MARK.exec(name)?.[1] ?? name
      return value && typeof value === 'object' && Object.keys(value).length > 0 ? { type, attrs: value as Record<string, unknown> } : { type }
    })
    return [{ type: 'text', text: op.insert, ...(marks.length > 0 ? { marks } : {}) }]
  })
}

/** True when the section shows nothing: no text anywhere in it. */
export function isBlank(json: PmJson): boolean {
  const hasText = (n: PmJson): boolean => (n.type === 'text' && (n.text ?? '').trim() !== '') || (n.content ?? []).some(hasText)
  return !hasText(json)
}
