/**
 * Everything a case owes by a date, and whether it is met, due soon, overdue or still to come: the
 * dashboard's and the case page's view of drift.
 *
 * Chains: the first core group after the initial conference, then each core group one interval after
 * the previous one; the first review conference after the initial one, then each after the previous.
 * Per meeting held: minutes to the social worker, notes and updated plan to members, the update to an
 * absent social worker, and for the pre-review core group the joint report's draft, amendments and
 * final report. Once the plan has ended the chains stop; items of meetings already held remain.
 * @module
 */
import * as z from 'zod'
import { calendarFor, dueAfter, dueBefore, shiftByDuration } from './due-date.ts'
import { formatLongDate, type IsoDate } from './iso-date.ts'
import {
  heldMeetings,
  meetingDay,
  nextReviewConference,
  plannedMeetings,
  type CaseFacts,
  type MeetingFacts,
} from './meeting-facts.ts'
import { DEFAULT_RULES, isRuleOn, type TimescaleRuleName, type TimescaleSettings } from './settings.ts'

/** Where a due item stands on a given day. */
export const DueStatus = z.enum(['met', 'due-soon', 'overdue', 'upcoming'])
export type DueStatus = z.infer<typeof DueStatus>

/** Words for each status (the dashboard shows these with an icon, never colour alone). */
export const DUE_STATUS_LABELS: Record<DueStatus, string> = {
  met: 'Done',
  'due-soon': 'Due soon',
  overdue: 'Overdue',
  upcoming: 'Coming up',
}

const ruleNames = Object.keys(DEFAULT_RULES) as [TimescaleRuleName, ...TimescaleRuleName[]]

/**
 * The `rule` of a due item that is an action of the child protection plan past its due date
 * (`planActionDueItems`, schemas/plan/due.ts): the plan row sets the date, not a timescale setting.
 */
export const PLAN_ACTION_RULE = 'planAction'
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/** One thing due on a case (an API response row for the dashboard and the case page). */
export const DueItem = z.strictObject({
  /** Stable for the same obligation across days, e.g. `notes-distributed:<meetingId>`. */
  key: z.string(),
  /** The settings rule that sets the due date, or `planAction` for an action of the plan. */
  rule: z.enum([...ruleNames, PLAN_ACTION_RULE]),
  /** What is due, in plain English. */
  label: z.string(),
  dueDate: date,
  status: DueStatus,
  /** When it was done. */
  metDate: date.optional(),
  /** Done, but after the due date. */
  late: z.boolean().optional(),
  /** The meeting the item is about, or that is booked to meet it. */
  meetingId: z.string().optional(),
  /** The date booked to meet an open item (a planned meeting, a booked review conference). */
  plannedDate: date.optional(),
  /** For an action of the plan: the plan row's `id`. */
  rowId: z.string().optional(),
  /** For an action of the plan: the member who owns it (null: nobody yet). */
  ownerMemberId: z.string().nullable().optional(),
})
export type DueItem = z.infer<typeof DueItem>

type Draft = {
  key: string
  rule: TimescaleRuleName
  label: string
  dueDate: IsoDate
  metDate?: IsoDate | null
  meetingId?: string
  plannedDate?: IsoDate
}

/**
 * Every due item of a case on `today` (a UK date; see `ukDateOf`), sorted by due date. An open item
 * is `overdue` from the day after its due date and `due-soon` when due within `settings.dueSoonWindow`.
 */
export function computeDueItems(
  c: CaseFacts,
  meetings: readonly MeetingFacts[],
  settings: TimescaleSettings,
  today: IsoDate,
): DueItem[] {
  const soonEnd = shiftByDuration(today, settings.dueSoonWindow, 1, calendarFor(settings))
  const items: DueItem[] = []
  const add = ({ metDate, meetingId, plannedDate, ...rest }: Draft) => {
    // A switched-off rule owes nothing: no due date, no warning.
    if (!isRuleOn(settings, rest.rule)) return
    const item: DueItem = { ...rest, status: 'upcoming' }
    if (metDate) {
      item.status = 'met'
      item.metDate = metDate
      item.late = metDate > rest.dueDate
    } else {
      item.status = today > rest.dueDate ? 'overdue' : rest.dueDate <= soonEnd ? 'due-soon' : 'upcoming'
    }
    if (meetingId !== undefined) item.meetingId = meetingId
    if (plannedDate !== undefined && !metDate) item.plannedDate = plannedDate
    items.push(item)
  }
  const planEnded = c.status === 'plan-ended'

  // Core groups: the first after the initial conference, then one interval after each held one.
  const held = heldMeetings(meetings)
  const planned = plannedMeetings(meetings)
  for (let i = 0; i <= held.length; i++) {
    const previous = i === 0 ? undefined : held[i - 1]
    const since = previous ? meetingDay(previous) : c.initialConferenceDate
    const met = held[i]
    if (!met && planEnded) break
    const booked = met ? undefined : planned.find((m) => m.date >= since)
    add({
      key: previous ? `next-core-group:${previous.id}` : 'first-core-group',
      rule: previous ? 'coreGroupInterval' : 'firstCoreGroup',
      label: !previous
        ? 'First core group'
        : met
          ? `Core group after the one on ${formatLongDate(since)}`
          : `Next core group (the last was on ${formatLongDate(since)})`,
      dueDate: dueAfter(since, previous ? settings.coreGroupInterval : settings.firstCoreGroup, settings),
      metDate: met ? meetingDay(met) : null,
      ...(met ? { meetingId: met.id } : booked ? { meetingId: booked.id, plannedDate: booked.date } : {}),
    })
  }

  for (const m of held) addMeetingItems(c, m, settings, add)

  // Review conferences: the first after the initial conference, then one interval after each.
  const reviews = [...c.reviewConferenceDates].sort()
  let anchor = c.initialConferenceDate
  for (let i = 0; ; i++) {
    const heldOn = reviews[i] !== undefined && reviews[i]! <= today ? reviews[i] : undefined
    if (!heldOn && planEnded) break
    const rule: TimescaleRuleName = i === 0 ? 'firstReviewConference' : 'reviewConferenceInterval'
    add({
      key: `review-conference:${i + 1}`,
      rule,
      label: i === 0 ? 'First review conference' : `Review conference after the one on ${formatLongDate(anchor)}`,
      dueDate: dueAfter(anchor, settings[rule], settings),
      metDate: heldOn ?? null,
      ...(!heldOn && reviews[i] ? { plannedDate: reviews[i] } : {}),
    })
    if (!heldOn) break
    anchor = heldOn
  }

  return items.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.key < b.key ? -1 : 1))
}

/** The items one held meeting owes: minutes, notes, the absent social worker's update, the joint report. */
function addMeetingItems(c: CaseFacts, m: MeetingFacts, settings: TimescaleSettings, add: (d: Draft) => void): void {
  const day = meetingDay(m)
  const of = `(core group on ${formatLongDate(day)})`
  add({
    key: `minutes-to-social-worker:${m.id}`,
    rule: 'minutesToSocialWorker',
    label: `Minutes to the social worker ${of}`,
    dueDate: dueAfter(day, settings.minutesToSocialWorker, settings),
    // Notes sent out to everyone imply the social worker had the minutes by then.
    metDate: m.minutesToSocialWorkerDate ?? m.notesDistributedDate,
    meetingId: m.id,
  })
  if (m.socialWorkerAbsent) {
    add({
      key: `social-worker-update:${m.id}`,
      rule: 'socialWorkerAbsentUpdate',
      label: `Update to the social worker, who could not attend ${of}`,
      dueDate: dueAfter(day, settings.socialWorkerAbsentUpdate, settings),
      metDate: m.socialWorkerUpdateDate,
      meetingId: m.id,
    })
  }
  add({
    key: `notes-distributed:${m.id}`,
    rule: 'notesDistribution',
    label: `Notes and updated plan sent to members ${of}`,
    dueDate: dueAfter(day, settings.notesDistribution, settings),
    metDate: m.notesDistributedDate,
    meetingId: m.id,
  })
  if (m.type !== 'pre-review') return
  const draftDue = dueAfter(day, settings.jointReportDraft, settings)
  const conference = nextReviewConference(c, day, settings)
  add({
    key: `joint-report-draft:${m.id}`,
    rule: 'jointReportDraft',
    label: `Draft joint report sent to members ${of}`,
    dueDate: draftDue,
    metDate: m.jointReportDraftDate,
    meetingId: m.id,
  })
  add({
    key: `joint-report-amendments:${m.id}`,
    rule: 'jointReportAmendments',
    label: `Amendments to the joint report back to the social worker ${of}`,
    dueDate: dueAfter(m.jointReportDraftDate ?? draftDue, settings.jointReportAmendments, settings),
    metDate: m.jointReportAmendmentsDate,
    meetingId: m.id,
  })
  add({
    key: `joint-report-final:${m.id}`,
    rule: 'jointReportFinalBeforeConference',
    label: `Final joint report ready for the review conference on ${formatLongDate(conference)}`,
    dueDate: dueBefore(conference, settings.jointReportFinalBeforeConference, settings),
    metDate: m.jointReportFinalDate,
    meetingId: m.id,
  })
}
