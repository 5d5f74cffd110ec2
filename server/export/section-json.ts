/**
 * A section of a Yjs document read as plain data, for the canonical hash, the read-only view and the
 * DOCX export: rich text as ProseMirror JSON in the shared editor schema, rows as plain objects.
 *
 * y-prosemirror's conversion can write to what it reads (it deletes what the schema cannot hold), so
 * these functions are only ever given a fresh `Y.Doc` built from stored state, never a live room's.
 * @module
 */
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { EDITOR_SCHEMA } from '../../schemas/content/editor-schema.ts'

/** A ProseMirror node as JSON (`Node.toJSON()`). */
export interface PmJson {
  type: string
  attrs?: Record<string, unknown>
  content?: PmJson[]
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>
  text?: string
}

const EMPTY_DOC: PmJson = { type: 'doc', content: [] }

/** True when a rich-text section shows nothing: no nodes, or only empty paragraphs. */
export function isEmptyRichText(json: PmJson): boolean {
  return (json.content ?? []).every((n) => n.type === 'paragraph' && (n.content ?? []).length === 0)
}

/** The rich-text section `name` of `doc` as ProseMirror JSON (an empty doc when absent or unreadable). */
export function richTextJson(doc: Y.Doc, name: string): PmJson {
  if (!doc.share.has(name)) return EMPTY_DOC
  const fragment = doc.getXmlFragment(name)
  if (fragment.length === 0) return EMPTY_DOC
  try {
    return yXmlFragmentToProseMirrorRootNode(fragment, EDITOR_SCHEMA).toJSON() as PmJson
  } catch {
    // Content the schema cannot hold (stored before the guard): kept as its plain text.
    return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: fragment.toString().replace(/<[^>]*>/g, '') }] }] }
  }
}

/** The row section `name` of `doc` as plain objects (`Y.Text` fields as strings). */
export function rowsJson(doc: Y.Doc, name: string): Array<Record<string, unknown>> {
  if (!doc.share.has(name)) return []
  const rows = doc.getArray<unknown>(name).toJSON() as unknown[]
  return rows.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null && !Array.isArray(r))
}

