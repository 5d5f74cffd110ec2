/**
 * The three agendas of seed 004 ("Guidance notes on the Core Group and Joint Report process"): the first
 * core group (11 items), subsequent core groups (11) and the core group before the review conference,
 * which produces the joint report (15). Titles are the seed's items in plain English; order is the seed's.
 * @module
 */
import { item, MEMBER_UPDATE_QUESTIONS, type AgendaItem, type AgendaTemplate } from './agenda-item.ts'

const noteTaker = item(
  'note-taker',
  'Chair and note taker',
  'Record who is chairing and who is taking notes (name and agency); they must be different people.',
)
const introductions = item(
  'introductions-and-apologies',
  'Introductions and apologies',
  'Record who is here (name and agency), who sent apologies, and who sent a written report.',
  'attendance',
)
const purpose = item(
  'purpose',
  'Purpose of the meeting',
  'Record the purpose of today’s meeting as agreed at the start.',
)
const writtenReports = item(
  'written-reports',
  'Reports from members who cannot attend',
  'Record each written report received and what it says against the three questions.',
  'notes',
  MEMBER_UPDATE_QUESTIONS,
)
const previousNotes = item(
  'previous-notes',
  'Notes of the last meeting and matters arising',
  'Record whether the last notes are agreed as accurate, any corrections, and actions carried forward.',
)
const copyOfPlan = item(
  'copy-of-plan',
  'Copies of the protection plan',
  'Record that every member has a copy of the current protection plan, and who still needs one.',
)
const childsViews = item(
  'childs-views',
  'The child’s views',
  'Record what life is like for the child and their wishes and feelings, in their words where possible.',
)
const parentsViews = item(
  'parents-views',
  'Parents’ and carers’ views',
  'Record what the parents and carers say about the plan and how things are going for them.',
)
const furtherInformation = item(
  'further-information',
  'Anything else about the child’s safety and welfare',
  'Record any other information that matters for the child’s safety and welfare.',
)
const futureMeetings = item(
  'next-meetings',
  'Dates, times and venues of future core groups',
  'Record the date, time and venue (or link) of each core group agreed.',
  'next-dates',
)

const firstItems: readonly AgendaItem[] = [
  noteTaker,
  introductions,
  item(
    'purpose-and-role',
    'Purpose of the meeting and the role of the core group',
    'Record how the core group’s role was explained to family members and any questions they asked.',
  ),
  item(
    'membership-and-contacts',
    'Core group membership and contact details',
    'Confirm who is in the core group and record contact details and how information will be shared securely.',
  ),
  item(
    'copy-of-outline-plan',
    'Copies of the outline protection plan',
    'Record that every member has a copy of the outline protection plan, and who still needs one.',
  ),
  item(
    'assessment',
    'Assessment: contributions and arrangements for completion',
    'Record what each member will contribute to the assessment, and when and how it will be completed.',
  ),
  childsViews,
  parentsViews,
  item(
    'progress-and-detailed-plan',
    'Progress against the outline plan, and the detailed plan',
    'Each member answers the three questions; then agree the SMART actions: who does what, by when.',
    'member-updates',
    MEMBER_UPDATE_QUESTIONS,
  ),
  furtherInformation,
  item(
    'next-meetings',
    'Dates, times and venues of core groups until the second review conference',
    'Record the date, time and venue (or link) of every core group until the second review conference.',
    'next-dates',
  ),
]

const progressAndUpdates = item(
  'progress-and-updates',
  'Progress of the protection plan and updates needed',
  'Each member answers the three questions; then agree key actions with timescales.',
  'member-updates',
  MEMBER_UPDATE_QUESTIONS,
)

const subsequentItems: readonly AgendaItem[] = [
  noteTaker,
  introductions,
  purpose,
  writtenReports,
  previousNotes,
  copyOfPlan,
  childsViews,
  parentsViews,
  progressAndUpdates,
  furtherInformation,
  futureMeetings,
]

const preReviewItems: readonly AgendaItem[] = [
  noteTaker,
  introductions,
  purpose,
  writtenReports,
  previousNotes,
  copyOfPlan,
  childsViews,
  parentsViews,
  item(
    'assessment-progress',
    'Progress of the assessment (before the first review only)',
    'Record the assessment’s completion date and how copies reach the family, members and the independent chair.',
  ),
  item(
    'joint-report-contributions',
    'Written contributions to the joint report',
    'Record which agencies have given their written contribution and when the others will.',
    'contributions',
  ),
  progressAndUpdates,
  item(
    'risk-and-protective-factors',
    'Risk factors and protective factors',
    'Record any new or different risk factors and any change in protective factors since the conference.',
  ),
  item(
    'analysis-and-recommendation',
    'Multi-agency analysis and recommendation to the review conference',
    'Record the group’s analysis and whether the plan should continue; if members disagree, record who and why.',
  ),
  item(
    'completing-joint-report',
    'Arrangements for completing the joint report',
    'Record when the draft goes to members, when amendments are due and when the final report is ready.',
  ),
  futureMeetings,
]

/** Seed 004's agendas, one per meeting type. */
export const SEED_004_AGENDAS: Readonly<Record<AgendaTemplate['meetingType'], AgendaTemplate>> = {
  first: { meetingType: 'first', title: 'Agenda for the first core group', items: firstItems },
  subsequent: { meetingType: 'subsequent', title: 'Agenda for a core group', items: subsequentItems },
  'pre-review': {
    meetingType: 'pre-review',
    title: 'Agenda for the core group before the review conference: the joint report',
    items: preReviewItems,
  },
}
