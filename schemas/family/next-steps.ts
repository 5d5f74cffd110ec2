/**
 * "What happens next" for the family (issue 14, item 2): the next core group meeting and the next
 * review conference, and which of the plan's actions are the family member's own ("things you need to
 * do") and which the professionals'. Pure, for the family's case page.
 * @module
 */
import type { Meeting } from '../entities/meeting.ts'
import { sortByDue } from '../plan/due.ts'
import type { DueItem } from '../timescales/due-items.ts'

/** The next review conference: booked on a date, or only due by one (the social worker books it). */
export type NextReview = { date: string; booked: true } | { date: string; booked: false }

export interface NextSteps {
  /** The first core group on or after today that is not cancelled (or held already). */
  nextMeeting: Pick<Meeting, 'id' | 'type' | 'date' | 'time' | 'venue' | 'onlineLink'> | null
  nextReview: NextReview | null
}

const REVIEW_RULES = new Set(['firstReviewConference', 'reviewConferenceInterval'])

/** The next meeting and review conference as of `today` (`YYYY-MM-DD`, UK). */
export function nextSteps(input: { meetings: readonly Meeting[]; reviewConferenceDates: readonly string[]; dueItems: readonly DueItem[]; today: string }): NextSteps {
  const { today } = input
  const upcoming = input.meetings
    .filter((m) => m.date >= today && m.status === 'planned')
    .sort((a, b) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time))
  const booked = [...input.reviewConferenceDates].filter((d) => d >= today).sort()
  let nextReview: NextReview | null = booked[0] ? { date: booked[0], booked: true } : null
  if (!nextReview) {
    const due = input.dueItems.filter((d) => REVIEW_RULES.has(d.rule) && d.status !== 'met').sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0]
    if (due) nextReview = { date: due.dueDate, booked: false }
  }
  const m = upcoming[0]
  return { nextMeeting: m ? { id: m.id, type: m.type, date: m.date, time: m.time, venue: m.venue, onlineLink: m.onlineLink } : null, nextReview }
}

/** The plan's actions split into the viewer's own and everyone else's, each earliest due first. */
export function splitActions<T extends { owner?: string | null; due?: string | null }>(rows: readonly T[], memberId: string | null): { mine: T[]; others: T[] } {
  const sorted = sortByDue(rows)
  return { mine: sorted.filter((r) => memberId !== null && r.owner === memberId), others: sorted.filter((r) => memberId === null || r.owner !== memberId) }
}
