/**
 * What every exported DOCX shares: A4, Arial, the "OFFICIAL-SENSITIVE" marking with the case, the
 * document and its version in the header of every page (and "DRAFT" on every page of a live-draft
 * export), page numbers in the footer, simple bordered tables; packed byte-stable (`stabiliseDocx`).
 * @module
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx'
import { ORDERED_LIST_NUMBERING } from './pm-to-docx.ts'
import { stabiliseDocx } from './stable-zip.ts'

/** The UK Government Security Classification marking for case records. */
export const MARKING = 'OFFICIAL-SENSITIVE'

export interface DocxFrame {
  /** E.g. "Notes of core group meeting". */
  title: string
  familyName: string
  /** "Version 2" or "DRAFT". */
  versionLabel: string
  draft: boolean
  /** "Professional copy" or "Family copy". */
  copyLabel: string
  landscape?: boolean
  /** The time the package is stamped with: the version's, so every download is the same bytes. */
  at: Date
}

const FONT = 'Arial'

function headerOf(frame: DocxFrame): Header {
  const lines = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: MARKING, bold: true })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: `${frame.familyName} family · ${frame.title} · ${frame.versionLabel} · ${frame.copyLabel}`, size: 18 })],
    }),
  ]
  if (frame.draft) {
    lines.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'DRAFT — not finalised, not for the record', bold: true, color: 'C00000', size: 28 })] }))
  }
  return new Header({ children: lines })
}

function footerOf(frame: DocxFrame): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: `${MARKING}${frame.draft ? ' · DRAFT' : ''} · Page `, size: 18 }),
          new TextRun({ children: [PageNumber.CURRENT], size: 18 }),
          new TextRun({ text: ' of ', size: 18 }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 18 }),
        ],
      }),
    ],
  })
}

/** A title paragraph (Heading 1). */
export const title = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] })
/** A plain paragraph, optionally bold or italic. */
export const line = (text: string, style: { bold?: boolean; italics?: boolean } = {}) => new Paragraph({ children: [new TextRun({ text, ...style })] })

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' }
const BORDERS = { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER, insideHorizontal: CELL_BORDER, insideVertical: CELL_BORDER }

/** A table with a header row repeated on every page; `widths` in per cent; text in `size` half-points. */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, widths: readonly number[], size = 20): Table {
  const cell = (text: string, header: boolean, width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } } : {}),
      children: (text === '' ? [''] : text.split('\n')).map((t) => new Paragraph({ children: [new TextRun({ text: t, bold: header, size })] })),
    })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, true, widths[i] ?? 10)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, false, widths[i] ?? 10)) })),
    ],
  })
}

/** Packs the document: A4 (landscape when asked), header and footer on every page, byte-stable. */
export async function packDocx(frame: DocxFrame, children: FileChild[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'coregroup',
    title: `${frame.familyName} family: ${frame.title} (${frame.versionLabel})`,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    numbering: { config: [ORDERED_LIST_NUMBERING] },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: frame.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: 1200, bottom: 1000, left: 1000, right: 1000, header: 500, footer: 500 },
          },
        },
        headers: { default: headerOf(frame) },
        footers: { default: footerOf(frame) },
        children,
      },
    ],
  })
  return stabiliseDocx(await Packer.toBuffer(doc), frame.at)
}
