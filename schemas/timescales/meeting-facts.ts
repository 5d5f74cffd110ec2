/**
 * The facts about a case and its meetings that the timescales read, and small look-ups over them
 * shared by `computeDueItems` and `proposeNextMeeting`.
 * @module
 */
import type { Case } from '../entities/case.ts'
import type { Meeting } from '../entities/meeting.ts'
import { dueAfter } from './due-date.ts'
import type { IsoDate } from './iso-date.ts'
import type { TimescaleSettings } from './settings.ts'

/** The case fields the timescales read. */
export type CaseFacts = Pick<Case, 'initialConferenceDate' | 'reviewConferenceDates' | 'status'>

/** The meeting fields the timescales read. */
export type MeetingFacts = Pick<
  Meeting,
  | 'id'
  | 'type'
  | 'date'
  | 'status'
  | 'heldDate'
  | 'socialWorkerAbsent'
  | 'minutesToSocialWorkerDate'
  | 'socialWorkerUpdateDate'
  | 'notesDistributedDate'
  | 'jointReportDraftDate'
  | 'jointReportAmendmentsDate'
  | 'jointReportFinalDate'
>

/** The day a meeting took place (or is planned): its recorded held date, else its planned date. */
export function meetingDay(m: Pick<MeetingFacts, 'date' | 'heldDate'>): IsoDate {
  return m.heldDate ?? m.date
}

const byDay = (a: MeetingFacts, b: MeetingFacts) => {
  const da = meetingDay(a)
  const db = meetingDay(b)
  return da < db ? -1 : da > db ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Meetings that have taken place (held or notes sent out), in the order they happened. */
export function heldMeetings(meetings: readonly MeetingFacts[]): MeetingFacts[] {
  return meetings.filter((m) => m.status === 'held' || m.status === 'notes-distributed').sort(byDay)
}

/** Meetings still planned, soonest first. */
export function plannedMeetings(meetings: readonly MeetingFacts[]): MeetingFacts[] {
  return meetings.filter((m) => m.status === 'planned').sort(byDay)
}

/** All meetings, held or planned, in date order; a cancelled meeting is none of them. */
export function meetingsInOrder(meetings: readonly MeetingFacts[]): MeetingFacts[] {
  return meetings.filter((m) => m.status !== 'cancelled').sort(byDay)
}

/**
 * The review conference that follows `after`: the first booked or held date later than it, or when
 * none is recorded, the date one is due (3 months after the initial conference, then 6 months after
 * the last review, by default).
 */
export function nextReviewConference(c: CaseFacts, after: IsoDate, settings: TimescaleSettings): IsoDate {
  const reviews = [...c.reviewConferenceDates].sort()
  const booked = reviews.find((d) => d > after)
  if (booked) return booked
  const last = reviews.at(-1)
  return last === undefined
    ? dueAfter(c.initialConferenceDate, settings.firstReviewConference, settings)
    : dueAfter(last, settings.reviewConferenceInterval, settings)
}
