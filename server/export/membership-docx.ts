/**
 * Seed 004's "Core group membership and contact details" sheet: name, agency, contact details
 * (address, telephone number, e-mail address) and how information will be shared securely, one row
 * per member of the core group at the meeting.
 * @module
 */
import type { Member, TermsOfReference } from '../../schemas/entities/index.ts'
import { termsOfReferenceLines } from '../../schemas/entities/index.ts'
import { CORE_GROUP_ROLE_LABELS } from '../../schemas/roles.ts'
import { line, packDocx, table, title, type DocxFrame } from './docx-frame.ts'
import { HeadingLevel, Paragraph, TextRun } from 'docx'

const subtitle = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] })

export const MEMBERSHIP_COLUMNS = ['Name', 'Agency', 'Contact details (address, telephone number, e-mail address)', 'How will information be shared securely?'] as const

/** One member's row of the sheet. */
export function membershipRow(m: Member): string[] {
  const contact = [m.contact.address, m.contact.phone, m.contact.email].filter((v): v is string => !!v)
  return [`${m.name}\n${CORE_GROUP_ROLE_LABELS[m.role]}`, m.agency ?? '', contact.join('\n'), m.sharingSecurely]
}

/** The sheet, and the core group's Terms of Reference (seed 003) after it when given. */
export function membershipDocx(
  input: { familyName: string; children: string[]; asAt: string; status: string; members: readonly Member[]; terms?: TermsOfReference; formatDate?: (iso: string) => string },
  frame: Omit<DocxFrame, 'title'>,
): Promise<Buffer> {
  const heading = 'Core group membership and contact details'
  return packDocx({ ...frame, title: heading }, [
    title(heading),
    line(`Family: ${input.familyName}. ${input.children.length === 1 ? 'Child' : 'Children'}: ${input.children.join(', ')}.`),
    line(input.asAt),
    line(input.status, { bold: true }),
    table(MEMBERSHIP_COLUMNS, input.members.map(membershipRow), [20, 20, 32, 28]),
    ...(input.terms ? [subtitle('Terms of Reference'), table(['', ''], termsOfReferenceLines(input.terms, input.formatDate ?? ((d) => d)), [40, 60])] : []),
  ])
}
