/**
 * The date and type proposed for a case's next core group: the first one 10 working days after the
 * initial conference, later ones one interval after the last meeting (held or planned), on a working
 * day. The core group before the review conference is brought forward, if need be, so that the joint
 * report's draft, amendments and final report all fit before the conference.
 * @module
 */
import type { MeetingType } from '../entities/meeting.ts'
import { addWorkingDays, previousWorkingDayOnOrBefore } from './calendar.ts'
import { calendarFor, dueAfter, dueBefore, shiftByDuration } from './due-date.ts'
import { formatLongDate, type IsoDate } from './iso-date.ts'
import { meetingDay, meetingsInOrder, nextReviewConference, type CaseFacts, type MeetingFacts } from './meeting-facts.ts'
import { describeDuration, type TimescaleSettings } from './settings.ts'

/** A proposed meeting: its date, its type and why, in words for the scheduling form. */
export interface MeetingProposal {
  date: IsoDate
  type: MeetingType
  /** The latest date the timescales allow (the proposal is never later, unless that day has passed). */
  dueDate: IsoDate
  reason: string
}

/**
 * The latest day the pre-review core group can be held so that the draft (after the meeting), the
 * amendments (after the draft) and the final report (before the conference) all fit in time.
 */
export function latestPreReviewDate(conference: IsoDate, settings: TimescaleSettings): IsoDate {
  return jointReportDates(conference, settings).preReviewBy
}

/** The joint report's latest dates for a review conference, counted back from it (seed 001, 004). */
export interface JointReportDates {
  /** The last day the pre-review core group can be held. */
  preReviewBy: IsoDate
  /** The draft sent to members by then. */
  draftBy: IsoDate
  /** The amendments returned by then. */
  amendmentsBy: IsoDate
  /** The final report ready by then. */
  finalBy: IsoDate
}

/** The joint report's dates for a review conference on `conference`: each stage counted back from the one after it. */
export function jointReportDates(conference: IsoDate, settings: TimescaleSettings): JointReportDates {
  const calendar = calendarFor(settings)
  const finalBy = dueBefore(conference, settings.jointReportFinalBeforeConference, settings)
  const amendmentsBy = previousWorkingDayOnOrBefore(finalBy, calendar)
  const draftBy = previousWorkingDayOnOrBefore(shiftByDuration(finalBy, settings.jointReportAmendments, -1, calendar), calendar)
  const preReviewBy = previousWorkingDayOnOrBefore(shiftByDuration(draftBy, settings.jointReportDraft, -1, calendar), calendar)
  return { preReviewBy, draftBy, amendmentsBy, finalBy }
}

/**
 * Proposes the case’s next core group. With `today`, a proposal for today or earlier moves to
 * the next working day after today (the meeting is then late, and its due item shows it).
 */
export function proposeNextMeeting(
  c: CaseFacts,
  meetings: readonly MeetingFacts[],
  settings: TimescaleSettings,
  today?: IsoDate,
): MeetingProposal {
  const last = meetingsInOrder(meetings).at(-1)
  let proposal: MeetingProposal
  if (!last) {
    const due = dueAfter(c.initialConferenceDate, settings.firstCoreGroup, settings)
    proposal = {
      date: due,
      type: 'first',
      dueDate: due,
      reason: `${describeDuration(settings.firstCoreGroup)} after the initial conference on ${formatLongDate(c.initialConferenceDate)}`,
    }
  } else {
    const since = meetingDay(last)
    const due = dueAfter(since, settings.coreGroupInterval, settings)
    const reason = `${describeDuration(settings.coreGroupInterval)} after the core group on ${formatLongDate(since)}`
    proposal = { date: due, type: 'subsequent', dueDate: due, reason }
    const conference = nextReviewConference(c, since, settings)
    // The next meeting is the last before the conference when the one after it would fall after it.
    const lastBeforeConference =
      last.type !== 'pre-review' && conference > since && conference <= dueAfter(due, settings.coreGroupInterval, settings)
    if (lastBeforeConference) {
      const latest = latestPreReviewDate(conference, settings)
      if (latest > since) {
        proposal.type = 'pre-review'
        proposal.reason = `${reason}; the last core group before the review conference on ${formatLongDate(conference)}`
        if (latest < due) {
          proposal.date = latest
          proposal.dueDate = latest
          proposal.reason += ', brought forward so that the joint report is ready in time'
        }
      }
    }
  }
  if (today !== undefined && proposal.date <= today) {
    proposal.date = addWorkingDays(today, 1, calendarFor(settings))
    proposal.reason += ` (that day is today or already past, so the next working day is proposed)`
  }
  return proposal
}

/** The proposed date of the case's next core group (see `proposeNextMeeting`). */
export function proposeMeetingDate(
  c: CaseFacts,
  meetings: readonly MeetingFacts[],
  settings: TimescaleSettings,
  today?: IsoDate,
): IsoDate {
  return proposeNextMeeting(c, meetings, settings, today).date
}

/**
 * The core groups still to plan until the next review conference (seed 004 item 11: "dates, times and
 * venues for core group meetings until the review conference"): each proposed one interval after the
 * one before, the last being the pre-review core group, brought forward if the joint report needs it.
 * Meetings already planned count; at most `limit` proposals.
 */
export function proposeMeetingSeries(
  c: CaseFacts,
  meetings: readonly MeetingFacts[],
  settings: TimescaleSettings,
  today: IsoDate,
  limit = 8,
): { conference: IsoDate; proposals: MeetingProposal[] } {
  const last = meetingsInOrder(meetings).at(-1)
  const conference = nextReviewConference(c, last ? meetingDay(last) : today, settings)
  const facts: MeetingFacts[] = [...meetings]
  const proposals: MeetingProposal[] = []
  if (last?.type === 'pre-review' && meetingDay(last) < conference) return { conference, proposals }
  while (proposals.length < limit) {
    const next = proposeNextMeeting(c, facts, settings, today)
    if (next.date >= conference) break
    proposals.push(next)
    if (next.type === 'pre-review') break
    facts.push(proposedFacts(`proposed-${proposals.length}`, next))
  }
  return { conference, proposals }
}

function proposedFacts(id: string, p: MeetingProposal): MeetingFacts {
  return {
    id,
    type: p.type,
    date: p.date,
    status: 'planned',
    heldDate: null,
    socialWorkerAbsent: false,
    minutesToSocialWorkerDate: null,
    socialWorkerUpdateDate: null,
    notesDistributedDate: null,
    jointReportDraftDate: null,
    jointReportAmendmentsDate: null,
    jointReportFinalDate: null,
  }
}
