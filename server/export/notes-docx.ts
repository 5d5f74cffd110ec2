/**
 * The notes of a meeting (`NotesView`) as a DOCX: headings numbered as in seed 004's notes format,
 * the agenda items' rich text, the people lists, members' updates under their questions, the action
 * plan as a table and the next meetings.
 * @module
 */
import { HeadingLevel, Paragraph, TextRun, type FileChild } from 'docx'
import type { NotesBlock, NotesView } from '../../schemas/api/version-view.ts'
import { line, packDocx, table, title, type DocxFrame } from './docx-frame.ts'
import { DocxMapper } from './pm-to-docx.ts'

/** The action table's columns (the plan's SMART fields), with their widths in per cent. */
export const ACTION_COLUMNS = ['Need', 'Desired outcome', 'Action', 'How', 'Who', 'By when', 'Status', 'Progress'] as const
const ACTION_WIDTHS = [13, 14, 14, 12, 12, 11, 9, 15]

export function actionTable(rows: NotesBlock & { kind: 'actions' }, size: number): FileChild {
  if (rows.rows.length === 0) return line('No actions recorded in the plan.', { italics: true })
  return table(
    ACTION_COLUMNS,
    rows.rows.map((r) => [r.need, r.outcome, r.action, r.how, r.owner, r.due, r.status, r.progress]),
    ACTION_WIDTHS,
    size,
  )
}

function blockChildren(block: NotesBlock, mapper: DocxMapper, number: () => number): FileChild[] {
  switch (block.kind) {
    case 'heading':
      // A heading (and its hint) stays on the page of what it heads.
      return [
        new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, keepLines: true, children: [new TextRun(`${number()}. ${block.text}`)] }),
        ...(block.hint ? [new Paragraph({ keepNext: true, children: [new TextRun({ text: block.hint, italics: true })] })] : []),
      ]
    case 'subheading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: [new TextRun(block.text)] })]
    case 'rich':
      return mapper.blocks(block.doc)
    case 'people':
      return [
        new Paragraph({ keepNext: true, children: [new TextRun({ text: `${block.label}:`, bold: true })] }),
        ...(block.people.length === 0
          ? [line('None recorded.', { italics: true })]
          : block.people.map((p) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(`${p.name}${p.agency ? ` (${p.agency})` : ''}${p.note ? ` — ${p.note}` : ''}`)] }))),
      ]
    case 'questions':
      return [line('Each member’s update answers:', { italics: true }), ...block.questions.map((q) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: q, italics: true })] }))]
    case 'actions':
      return [actionTable(block, 16)]
    case 'meetings':
      return block.rows.length === 0
        ? [line('No further core group meetings are planned yet.', { italics: true })]
        : [table(['When', 'Where', 'Meeting'], block.rows.map((r) => [r.when, r.where, r.type]), [35, 40, 25])]
    case 'note':
      return [line(block.text, { italics: true })]
    case 'table':
      return [table(block.headers, block.rows, block.headers.map(() => Math.floor(100 / block.headers.length)), 18)]
  }
}

/** The notes as DOCX bytes. */
export function notesDocx(view: NotesView, frame: Omit<DocxFrame, 'title'>): Promise<Buffer> {
  const mapper = new DocxMapper()
  let n = 0
  const number = () => ++n
  const children: FileChild[] = [
    title(view.title),
    line(view.held),
    line(`Family: ${view.familyName}. ${view.children.length === 1 ? 'Child' : 'Children'}: ${view.children.join(', ')}.`),
    line(view.status, { bold: true }),
    line(view.copyNote, { italics: true }),
    ...view.blocks.flatMap((b) => blockChildren(b, mapper, number)),
  ]
  return packDocx({ ...frame, title: view.title }, children)
}
