/**
 * The case's meetings as the plan on the meeting page needs them: which meeting is in progress today
 * (the plan's rules, `meetingInProgress`) and when the last one before this was (the review's "since").
 * @module
 */
import * as z from 'zod'
import { useEffect } from 'react'
import { useApi } from '../api/use-api.ts'

const CaseMeetings = z.object({
  meetings: z.array(
    z.object({ id: z.string(), date: z.string(), time: z.string().optional(), type: z.string().optional(), status: z.string(), chairMemberId: z.string().nullable(), noteTakerMemberId: z.string().nullable() }),
  ),
})
export type CaseMeeting = z.infer<typeof CaseMeetings>['meetings'][number]

/** The case's meetings, or null until they are loaded (or when they cannot be); a new `generation` loads them again. */
export function useCaseMeetings(caseId: string, generation = 0): CaseMeeting[] | null {
  const [state, reload] = useApi(`/api/cases/${encodeURIComponent(caseId)}`, CaseMeetings)
  useEffect(() => {
    if (generation > 0) reload()
  }, [generation, reload])
  return state.status === 'ok' ? state.data.meetings : null
}

/** The date of the latest other meeting before `date`, or null when there is none. */
export function previousMeetingDate(meetings: readonly { id: string; date: string }[], meetingId: string, date: string): string | null {
  const earlier = meetings.filter((m) => m.id !== meetingId && m.date < date).map((m) => m.date)
  return earlier.length ? earlier.sort().at(-1)! : null
}
