/**
 * Reading a member's contribution out of the joint report's document, as plain blocks for the merge:
 * rich-text fields as they are, the chronology's rows as dated paragraphs.
 * @module
 */
import type * as Y from 'yjs'
import { ChronologyRow } from '../../schemas/content/rows.ts'
import { CHRONOLOGY_FIELD } from '../../schemas/documents.ts'
import { blocksPlainText, type BlockElement } from '../../schemas/report/blocks.ts'
import { chronologyBlocks } from '../../schemas/report/merge.ts'
import { CONTRIBUTION_FORMAT } from '../../schemas/templates/contribution-format.ts'
import { fragmentBlocks } from './xml-blocks.ts'

/** The fields of the contribution format, which the merge carries into the joint sections of the same key. */
export const MERGED_FIELDS: readonly string[] = CONTRIBUTION_FORMAT.map((f) => f.key)

/** The chronology's valid rows (anything else is left out). */
export function chronologyRows(doc: Y.Doc, memberId: string): ChronologyRow[] {
  const rows = doc.share.has(`contrib:${memberId}:${CHRONOLOGY_FIELD}`) ? doc.getArray(`contrib:${memberId}:${CHRONOLOGY_FIELD}`).toJSON() : []
  return rows.flatMap((r) => {
    const parsed = ChronologyRow.safeParse(r)
    return parsed.success ? [parsed.data] : []
  })
}

/** Each field of the member's contribution, as blocks. */
export function contributionBlocks(doc: Y.Doc, memberId: string): Record<string, BlockElement[]> {
  const fields: Record<string, BlockElement[]> = {}
  for (const field of MERGED_FIELDS) {
    const name = `contrib:${memberId}:${field}`
    if (field === CHRONOLOGY_FIELD) fields[field] = chronologyBlocks(chronologyRows(doc, memberId))
    else fields[field] = doc.share.has(name) ? fragmentBlocks(doc.getXmlFragment(name)) : []
  }
  return fields
}

/** Whether the member has written anything in their contribution. */
export function hasContribution(doc: Y.Doc, memberId: string): boolean {
  return Object.values(contributionBlocks(doc, memberId)).some((blocks) => blocksPlainText(blocks).trim().length > 0)
}
