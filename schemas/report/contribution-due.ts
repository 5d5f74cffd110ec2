/**
 * A professional's own contribution to each joint report as a due item (issue 12 §8), beside the
 * draft, amendments and final items the timescale rules already give for a pre-review core group:
 * due by the draft deadline (`jointReportDraft` after the meeting), met once submitted, no longer
 * owed once the final report is ready.
 * @module
 */
import type { DueItem } from '../timescales/due-items.ts'
import { calendarFor, dueAfter, shiftByDuration } from '../timescales/due-date.ts'
import { formatLongDate } from '../timescales/iso-date.ts'
import { meetingDay, type MeetingFacts } from '../timescales/meeting-facts.ts'
import type { TimescaleSettings } from '../timescales/settings.ts'

/** The member's contribution items, one per pre-review meeting, for a member who contributes. */
export function contributionDueItems(
  meetings: readonly Pick<MeetingFacts, 'id' | 'type' | 'date' | 'status' | 'heldDate' | 'jointReportFinalDate'>[],
  submittedAt: ReadonlyMap<string, string>,
  settings: TimescaleSettings,
  today: string,
): DueItem[] {
  const soonEnd = shiftByDuration(today, settings.dueSoonWindow, 1, calendarFor(settings))
  return meetings
    .filter((m) => m.type === 'pre-review' && !m.jointReportFinalDate)
    .map((m): DueItem => {
      const day = meetingDay(m)
      const dueDate = dueAfter(day, settings.jointReportDraft, settings)
      const base = { key: `joint-report-contribution:${m.id}`, rule: 'jointReportDraft' as const, label: `Your contribution to the joint report (core group on ${formatLongDate(day)})`, dueDate, meetingId: m.id }
      const met = submittedAt.get(m.id)
      if (met !== undefined) return { ...base, status: 'met', metDate: met.slice(0, 10), late: met.slice(0, 10) > dueDate }
      return { ...base, status: today > dueDate ? 'overdue' : dueDate <= soonEnd ? 'due-soon' : 'upcoming' }
    })
}
