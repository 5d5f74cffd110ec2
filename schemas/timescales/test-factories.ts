/**
 * Builders for timescale tests: a case and meetings with every field the timescales read, overridable.
 * @module
 */
import type { CaseFacts, MeetingFacts } from './meeting-facts.ts'

/** A case opened at an initial conference on Monday 5 January 2026, no review conference yet. */
export function buildCase(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return { initialConferenceDate: '2026-01-05', reviewConferenceDates: [], status: 'open', ...overrides }
}

/** A held subsequent core group with nothing recorded after it. */
export function buildMeeting(overrides: Partial<MeetingFacts> & Pick<MeetingFacts, 'id' | 'date'>): MeetingFacts {
  return {
    type: 'subsequent',
    status: 'held',
    heldDate: null,
    socialWorkerAbsent: false,
    minutesToSocialWorkerDate: null,
    socialWorkerUpdateDate: null,
    notesDistributedDate: null,
    jointReportDraftDate: null,
    jointReportAmendmentsDate: null,
    jointReportFinalDate: null,
    ...overrides,
  }
}
