/**
 * The second built-in agenda, from seed 001's Core Group procedure (section 5, "Agenda"). The seed has
 * one agenda for every core group; the core group before the review conference adds the group's
 * recommendation to the conference, which seeds 000 and 001 both require of it.
 * @module
 */
import { item, MEMBER_UPDATE_QUESTIONS, type AgendaItem, type AgendaTemplate } from './agenda-item.ts'

const opening: readonly AgendaItem[] = [
  item(
    'introductions',
    'Introductions',
    'Record who is chairing and who is taking notes (they must be different people), and who is here.',
    'attendance',
  ),
  item('apologies', 'Apologies', 'Record who sent apologies and whether they sent a written update.'),
  item(
    'progress-of-plan',
    'Progress of the plan: feedback from every member',
    'Hear from the child, the family, the social worker and each agency; each answers the three questions.',
    'member-updates',
    MEMBER_UPDATE_QUESTIONS,
  ),
  item(
    'plan-changes',
    'Changes to the plan',
    'Record each change to the plan with its tasks, outcomes and completion dates.',
  ),
]

const closing: readonly AgendaItem[] = [
  item(
    'next-meeting',
    'Date, time and venue of the next core group',
    'Record the date, time and venue (or link) of the next core group.',
    'next-dates',
  ),
  item(
    'plan-distribution',
    'Sending out the updated plan',
    'Record who sends the updated plan to everyone invited, and by when (within the authority’s timescale).',
  ),
]

const recommendation = item(
  'recommendation',
  'Recommendation to the review conference',
  'Record whether the group recommends the plan continues and why; if members disagree, record who and why.',
)

const everyMeeting: readonly AgendaItem[] = [...opening, ...closing]

/** Seed 001's agenda, one per meeting type. */
export const SEED_001_AGENDAS: Readonly<Record<AgendaTemplate['meetingType'], AgendaTemplate>> = {
  first: { meetingType: 'first', title: 'Agenda for the first core group', items: everyMeeting },
  subsequent: { meetingType: 'subsequent', title: 'Agenda for a core group', items: everyMeeting },
  'pre-review': {
    meetingType: 'pre-review',
    title: 'Agenda for the core group before the review conference',
    items: [...opening, recommendation, ...closing],
  },
}
