/**
 * Rich-text sections to and from plain blocks (`schemas/report/blocks.ts`), in y-prosemirror's encoding:
 * elements keep their node name and attributes, text keeps its formatting attributes (marks).
 * @module
 */
import * as Y from 'yjs'
import { isElement, type BlockAttr, type BlockChild, type BlockElement, type TextRun } from '../../schemas/report/blocks.ts'

/** The top-level blocks of a rich-text section. */
export function fragmentBlocks(fragment: Y.XmlFragment): BlockElement[] {
  return fragment.toArray().flatMap((child) => (child instanceof Y.XmlElement ? [elementBlock(child)] : []))
}

function elementBlock(el: Y.XmlElement): BlockElement {
  const attrs: Record<string, BlockAttr> = {}
  for (const [key, value] of Object.entries(el.getAttributes() as Record<string, unknown>)) {
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') attrs[key] = value
  }
  const children: BlockChild[] = el.toArray().flatMap((child): BlockChild[] => {
    if (child instanceof Y.XmlElement) return [elementBlock(child)]
    if (child instanceof Y.XmlText) return [{ text: (child.toDelta() as TextRun[]).filter((op) => typeof op.insert === 'string') }]
    return []
  })
  return { name: el.nodeName, attrs, children }
}

/** A new element for a block (to insert into a section inside a transaction). */
export function blockElement(block: BlockElement): Y.XmlElement {
  const el = new Y.XmlElement(block.name)
  for (const [key, value] of Object.entries(block.attrs)) {
    if (value !== null) el.setAttribute(key, value as string)
  }
  el.insert(
    0,
    block.children.map((child) => {
      if (isElement(child)) return blockElement(child)
      const text = new Y.XmlText()
      let at = 0
      for (const run of child.text) {
        text.insert(at, run.insert, run.attributes ?? {})
        at += run.insert.length
      }
      return text
    }),
  )
  return el
}
