/**
 * The child protection plan on its own: the SMART table (need, desired outcome, action, how, who, by
 * when, status, progress), landscape, as it stood at the version.
 * @module
 */
import type { ActionLine } from '../../schemas/api/version-view.ts'
import { line, packDocx, title, type DocxFrame } from './docx-frame.ts'
import { actionTable } from './notes-docx.ts'

export interface PlanDocxInput {
  familyName: string
  children: string[]
  /** "As agreed at the core group on …". */
  asAt: string
  status: string
  rows: ActionLine[]
}

export function planDocx(input: PlanDocxInput, frame: Omit<DocxFrame, 'title' | 'landscape'>): Promise<Buffer> {
  const heading = 'Child protection plan'
  return packDocx({ ...frame, title: heading, landscape: true }, [
    title(heading),
    line(`Family: ${input.familyName}. ${input.children.length === 1 ? 'Child' : 'Children'}: ${input.children.join(', ')}.`),
    line(input.asAt),
    line(input.status, { bold: true }),
    line('The plan should be SMART: specific, measurable, achievable, realistic and timely.', { italics: true }),
    actionTable({ kind: 'actions', rows: input.rows }, 18),
  ])
}
