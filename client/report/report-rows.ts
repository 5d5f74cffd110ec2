/**
 * The joint report's row sections as the page reads and writes them: a contribution's chronology,
 * each member's position on the recommendation, comments anchored to the draft by Yjs relative
 * positions, and the comments the social worker resolved. Plain functions of a `Y.Doc`, so the page's
 * components only render.
 * @module
 */
import * as Y from 'yjs'
import { ChronologyRow, CommentRow, ResolutionRow } from '../../schemas/content/rows.ts'

/** The valid rows of a row section (rows that do not parse are left out). */
export function readRows<T>(doc: Y.Doc, section: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): T[] {
  return doc
    .getArray(section)
    .toJSON()
    .flatMap((r) => {
      const parsed = schema.safeParse(r)
      return parsed.success ? [parsed.data] : []
    })
}

/** Appends a whole row in one transaction (the server refuses a row inserted field by field). */
export function pushRow(doc: Y.Doc, section: string, fields: Record<string, unknown>): void {
  doc.transact(() => {
    const row = new Y.Map<unknown>()
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) row.set(key, value)
    doc.getArray(section).push([row])
  })
}

/** Removes the row whose `id` is `id`. */
export function removeRow(doc: Y.Doc, section: string, id: string): void {
  const rows = doc.getArray<Y.Map<unknown>>(section)
  const index = rows.toArray().findIndex((r) => r instanceof Y.Map && r.get('id') === id)
  if (index >= 0) rows.delete(index, 1)
}

export function chronologyOf(doc: Y.Doc, memberId: string): ChronologyRow[] {
  return readRows(doc, `contrib:${memberId}:chronology`, ChronologyRow).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

/** A fresh row id. */
export function newRowId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`
}

function toBase64(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s)
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
}

/** The anchors of a comment on the block at `index` of a section: relative positions, so they follow edits. */
export function blockAnchor(fragment: Y.XmlFragment, index: number): { anchor: string; head: string } {
  return {
    anchor: toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(fragment, index))),
    head: toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(fragment, index + 1))),
  }
}

/** Where a comment's anchor is now: the index of the block it points at, or null when the passage has gone. */
export function anchorIndex(doc: Y.Doc, anchor: string): number | null {
  try {
    const abs = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromBase64(anchor)), doc)
    return abs ? abs.index : null
  } catch {
    return null
  }
}

/** A comment with its author and whether the social worker resolved it. */
export interface ReportComment extends CommentRow {
  memberId: string
  resolved: boolean
}

/** Every member's comments on the document, oldest first. */
export function commentsOf(doc: Y.Doc, memberIds: readonly string[]): ReportComment[] {
  const resolved = new Set(readRows(doc, 'resolutions', ResolutionRow).map((r) => `${r.memberId}/${r.commentId}`))
  return memberIds
    .flatMap((memberId) => readRows(doc, `comments:${memberId}`, CommentRow).map((c) => ({ ...c, memberId, resolved: resolved.has(`${memberId}/${c.id}`) })))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
}

/** Re-renders whenever the document changes (row sections have no editor to do it). */
export function subscribeDoc(doc: Y.Doc, onChange: () => void): () => void {
  doc.on('update', onChange)
  return () => doc.off('update', onChange)
}
