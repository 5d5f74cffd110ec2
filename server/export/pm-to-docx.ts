/**
 * ProseMirror JSON in the shared editor schema (`schemas/content/editor-schema.ts`: Tiptap StarterKit's
 * node and mark names, camelCase) → `docx` paragraphs. Written here rather than taken from
 * `prosemirror-docx`, whose serializer keys nodes by prosemirror-schema-basic's snake_case names and
 * builds whole documents of its own; every node and mark of our schema is mapped below, and anything
 * else is kept as its plain text rather than dropped.
 * @module
 */
import { AlignmentType, BorderStyle, ExternalHyperlink, HeadingLevel, LevelFormat, Paragraph, ShadingType, TextRun, type ILevelsOptions, type IRunOptions, type ParagraphChild } from 'docx'
import type { PmJson } from '../../schemas/api/version-view.ts'

/** The numbering reference of ordered lists; each list is an `instance` of it, so each counts from its own start. */
export const ORDERED_LIST_REFERENCE = 'coregroup-ordered'

const LEVEL_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN] as const

/** The document's numbering config for ordered lists (give it to `new Document({ numbering })`). */
export const ORDERED_LIST_NUMBERING: { reference: string; levels: ILevelsOptions[] } = {
  reference: ORDERED_LIST_REFERENCE,
  levels: Array.from({ length: 9 }, (_, level) => ({
    level,
    format: LEVEL_FORMATS[level % 3]!,
    text: `%${level + 1}.`,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  })),
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const

/** How deep the section's own headings sit below the document's: level 1 in a section is Heading 3. */
export const SECTION_HEADING_OFFSET = 2

const CODE_FONT = 'Courier New'

interface ListContext {
  kind: 'bullet' | 'ordered'
  level: number
  instance: number
}

/** State while mapping one document: the next ordered-list instance. */
export class DocxMapper {
  private nextInstance = 1

  /** The block nodes of a rich-text section (its `doc` node) as paragraphs. */
  blocks(doc: PmJson): Paragraph[] {
    return (doc.content ?? []).flatMap((n) => this.block(n, null, 0))
  }

  private block(node: PmJson, list: ListContext | null, quote: number): Paragraph[] {
    const indent = quote > 0 ? { indent: { left: 720 * quote }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: '999999', space: 8 } } } : {}
    switch (node.type) {
      case 'paragraph':
        return [new Paragraph({ children: this.inline(node.content), ...indent })]
      case 'heading': {
        const level = Math.min(Math.max(Number(node.attrs?.level ?? 1), 1) + SECTION_HEADING_OFFSET, 6)
        return [new Paragraph({ children: this.inline(node.content), heading: HEADINGS[level - 1], ...indent })]
      }
      case 'blockquote':
        return (node.content ?? []).flatMap((n) => this.block(n, list, quote + 1))
      case 'bulletList':
      case 'orderedList': {
        const level = list ? list.level + 1 : 0
        const ctx: ListContext = { kind: node.type === 'bulletList' ? 'bullet' : 'ordered', level, instance: node.type === 'orderedList' ? this.nextInstance++ : 0 }
        return (node.content ?? []).flatMap((item) => this.listItem(item, ctx, quote))
      }
      case 'listItem':
        return this.listItem(node, list ?? { kind: 'bullet', level: 0, instance: 0 }, quote)
      case 'codeBlock': {
        const lines = textOf(node).split('\n')
        return lines.map(
          (line) =>
            new Paragraph({
              children: [new TextRun({ text: line, font: CODE_FONT })],
              shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' },
              spacing: { before: 0, after: 0 },
              ...indent,
            }),
        )
      }
      case 'horizontalRule':
        return [new Paragraph({ children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '808080', space: 1 } } })]
      default:
        // Not in the schema (stored before the guard): its text, never nothing.
        return [new Paragraph({ children: [new TextRun(textOf(node))], ...indent })]
    }
  }

  private listItem(item: PmJson, list: ListContext, quote: number): Paragraph[] {
    const out: Paragraph[] = []
    let first = true
    for (const child of item.content ?? []) {
      if (child.type === 'bulletList' || child.type === 'orderedList') {
        out.push(...this.block(child, list, quote))
        continue
      }
      if (child.type === 'paragraph' && first) {
        const numbering = list.kind === 'bullet' ? { bullet: { level: list.level } } : { numbering: { reference: ORDERED_LIST_REFERENCE, level: list.level, instance: list.instance } }
        out.push(new Paragraph({ children: this.inline(child.content), ...numbering }))
      } else {
        // A second paragraph of the same item: aligned with the item's text, without a marker.
        out.push(new Paragraph({ children: this.inline(child.content), indent: { left: 720 * (list.level + 1) } }))
      }
      first = false
    }
    return out
  }

  /** Inline content: text with marks, hard breaks; links grouped into hyperlinks. */
  private inline(content: PmJson[] | undefined): ParagraphChild[] {
    const out: ParagraphChild[] = []
    for (const node of content ?? []) {
      if (node.type === 'hardBreak') {
        out.push(new TextRun({ text: '', break: 1 }))
        continue
      }
      const text = node.type === 'text' ? (node.text ?? '') : textOf(node)
      const marks = node.marks ?? []
      const run = new TextRun({ text, ...runStyle(marks) })
      const link = marks.find((m) => m.type === 'link')
      const href = typeof link?.attrs?.href === 'string' ? link.attrs.href : null
      out.push(href && SAFE_LINK.test(href) ? new ExternalHyperlink({ link: href, children: [new TextRun({ text, ...runStyle(marks), style: 'Hyperlink' })] }) : run)
    }
    return out
  }
}

/** The link schemes the editor schema allows (the server refuses others; this keeps old content safe too). */
const SAFE_LINK = /^(https?:|mailto:|tel:)/i

/** Run properties for a text node's marks. */
export function runStyle(marks: ReadonlyArray<{ type: string }>): Omit<IRunOptions, 'text'> {
  const has = (t: string) => marks.some((m) => m.type === t)
  return {
    ...(has('bold') ? { bold: true } : {}),
    ...(has('italic') ? { italics: true } : {}),
    ...(has('underline') ? { underline: {} } : {}),
    ...(has('strike') ? { strike: true } : {}),
    ...(has('code') ? { font: CODE_FONT } : {}),
  }
}

/** The plain text of a node and everything in it. */
export function textOf(node: PmJson): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'hardBreak') return '\n'
  return (node.content ?? []).map(textOf).join('')
}
