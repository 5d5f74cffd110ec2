/**
 * A case's conferences as the API shows them: one per date the case holds (the initial conference and
 * each review), with the booked details where there are some, and a review conference's joint report
 * dates counted back from it (`jointReportDates`).
 * @module
 */
import type { ConferenceView } from '../../schemas/api/conferences.ts'
import type { Case, Conference } from '../../schemas/entities/index.ts'
import { jointReportDates, type TimescaleSettings } from '../../schemas/timescales/index.ts'

const NO_DETAILS = { time: null, venue: null, chairName: null, chairEmail: null, outcome: null } as const

/** The case's conferences in date order. */
export function conferenceViews(k: Case, settings: TimescaleSettings, today: string): ConferenceView[] {
  const detailsOf = (kind: Conference['kind'], date: string): Conference => k.conferences.find((c) => c.kind === kind && c.date === date) ?? { kind, date, ...NO_DETAILS }
  const all = [detailsOf('initial', k.initialConferenceDate), ...[...k.reviewConferenceDates].sort().map((d) => detailsOf('review', d))]
  return all.map((c) => ({ ...c, held: c.date <= today, jointReport: c.kind === 'review' ? jointReportDates(c.date, settings) : null }))
}
