/**
 * Seed 004's "Agency contribution to joint report for review child protection conference": the fields
 * each member writes (`contrib:<memberId>:<key>` sections of `report:<id>`) and that the social worker
 * merges into the joint report (`joint:<key>`), with the seed's guidance for each.
 * @module
 */

/** One field of the contribution format. */
export interface ContributionField {
  /** Section key: lowercase kebab, as in `contrib:<memberId>:<key>`. */
  key: string
  title: string
  /** The seed's guidance for the writer, in plain English. */
  hint?: string
}

/** The header lines of every contribution, filled from the case and the member rather than written. */
export const CONTRIBUTION_HEADER = ['Name of child or children', 'Report provided by (name, agency)'] as const

/** The contribution fields, in the seed's order. */
export const CONTRIBUTION_FORMAT: readonly ContributionField[] = [
  {
    key: 'chronology',
    title: 'Chronology of agency involvement since the last conference',
    hint: 'Significant events, with dates and details of outcomes.',
  },
  {
    key: 'progress',
    title: 'Progress against the protection plan',
    hint:
      'Use the plan’s headings for the actions you are responsible for. How far have the expected outcomes been ' +
      'achieved? Which actions or services worked best? Are there continuing or new needs?',
  },
  { key: 'updates-required', title: 'Updates required for the plan', hint: 'Key actions with timescales.' },
  { key: 'other-information', title: 'Any other relevant information' },
  {
    key: 'risk-and-protective-factors',
    title: 'Risk factors and protective factors',
    hint: 'Look at the conference minutes: are there new or different risk factors? Any change in protective factors?',
  },
  { key: 'voice-of-the-child', title: 'The voice of the child' },
  { key: 'parents-carers-views', title: 'Parents’ and carers’ views' },
  {
    key: 'analysis',
    title: 'Analysis',
    hint:
      'What do you understand of the family’s history and context? What do the children and family need? What ' +
      'is the likely impact on the children if those needs are not met? How able are the parents to meet them, ' +
      'and what help will they get?',
  },
  {
    key: 'recommendation',
    title: 'Recommendation',
    hint: 'Should the child or children stay subject to a protection plan, or not?',
  },
]

/** The columns of seed 004's core group membership and contact sheet, for the case page and export. */
export const MEMBERSHIP_SHEET_COLUMNS = [
  { key: 'name', title: 'Name' },
  { key: 'agency', title: 'Agency' },
  { key: 'contact', title: 'Contact details (address, telephone number, email address)' },
  { key: 'sharingSecurely', title: 'How will information be shared securely?' },
] as const
