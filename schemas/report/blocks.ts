/**
 * Rich text as plain data: a section's top-level blocks the way y-prosemirror stores them in a
 * `Y.XmlFragment` (elements with attributes, text runs with formatting). The merge of the joint report
 * works on this form, so that it stays pure and deterministic; the server converts to and from Yjs.
 * @module
 */

/** A plain attribute value of a node (what y-prosemirror stores as an element attribute). */
export type BlockAttr = string | number | boolean | null

/** A run of text with its formatting (a `Y.XmlText` delta op: marks as attributes). */
export interface TextRun {
  insert: string
  attributes?: Record<string, unknown>
}

/** An element (paragraph, heading, list, …) with its children. */
export interface BlockElement {
  name: string
  attrs: Record<string, BlockAttr>
  children: BlockChild[]
}

/** A child of an element: another element, or the text of a text-bearing node. */
export type BlockChild = BlockElement | { text: TextRun[] }

/** The attribute that names who wrote a passage (a member id) on each top-level block of a joint section. */
export const ATTRIBUTION_ATTR = 'attribution'
/** The attribute that names them in words ("Name (Agency)"), shown in the editor and the export. */
export const ATTRIBUTION_LABEL_ATTR = 'attributionLabel'

export function isElement(child: BlockChild): child is BlockElement {
  return 'name' in child
}

/** The element without attribution, at any depth (what a passage says, whoever it is attributed to). */
export function withoutAttribution(block: BlockElement): BlockElement {
  const attrs: Record<string, BlockAttr> = {}
  for (const key of Object.keys(block.attrs).sort()) {
    if (key === ATTRIBUTION_ATTR || key === ATTRIBUTION_LABEL_ATTR) continue
    const value = block.attrs[key]!
    if (value !== null) attrs[key] = value
  }
  return { name: block.name, attrs, children: block.children.map((c) => (isElement(c) ? withoutAttribution(c) : { text: c.text.map(normaliseRun) })) }
}

function normaliseRun(run: TextRun): TextRun {
  if (run.attributes === undefined || Object.keys(run.attributes).length === 0) return { insert: run.insert }
  const attributes: Record<string, unknown> = {}
  for (const key of Object.keys(run.attributes).sort()) attributes[key] = run.attributes[key]
  return { insert: run.insert, attributes }
}

/** A canonical fingerprint of what blocks say (attribution, attribute order and empty marks aside). */
export function blocksFingerprint(blocks: readonly BlockElement[]): string {
  return JSON.stringify(blocks.map(withoutAttribution))
}

/** The words of blocks, one line per block, for showing a change (never logged). */
export function blocksPlainText(blocks: readonly BlockElement[]): string {
  return blocks.map(elementText).filter((t) => t.length > 0).join('\n')
}

function elementText(block: BlockElement): string {
  return block.children.map((c) => (isElement(c) ? elementText(c) : c.text.map((r) => r.insert).join(''))).join(isBlockList(block) ? '\n' : '')
}

function isBlockList(block: BlockElement): boolean {
  return block.children.some(isElement)
}

/** A paragraph of plain text. */
export function paragraph(text: string, attrs: Record<string, BlockAttr> = {}): BlockElement {
  return { name: 'paragraph', attrs, children: text.length > 0 ? [{ text: [{ insert: text }] }] : [] }
}

/** A heading of plain text. */
export function heading(level: number, text: string, attrs: Record<string, BlockAttr> = {}): BlockElement {
  return { name: 'heading', attrs: { level, ...attrs }, children: [{ text: [{ insert: text }] }] }
}
