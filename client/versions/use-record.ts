/**
 * The state of a meeting's record page: its versions, who was sent what, and the calls that change
 * them (finalise, reopen, record sent, acknowledge), each reloading the list after it.
 * @module
 */
import { useCallback, useEffect, useState } from 'react'
import * as z from 'zod'
import { DistributionResponse, FinaliseResponse, VersionListResponse, type VersionSubject } from '../../schemas/api/versions.ts'
import { api, ApiFailure } from '../api/client.ts'

/** What the page needs of `GET /api/meetings/:id` (read loosely: the meeting page owns that schema). */
const MeetingFacts = z.object({
  meeting: z.object({ id: z.string(), date: z.string(), time: z.string(), venue: z.string().nullable().optional(), type: z.string() }),
  case: z.object({ id: z.string(), familyName: z.string() }),
})
export type MeetingFacts = z.infer<typeof MeetingFacts>

export function useRecord(meetingId: string, subject: VersionSubject) {
  const base = `/api/meetings/${encodeURIComponent(meetingId)}`
  const query = subject === 'report' ? '?subject=report' : ''
  const [facts, setFacts] = useState<MeetingFacts | null>(null)
  const [list, setList] = useState<VersionListResponse | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const reload = useCallback(async () => {
    setList(await api('GET', `${base}/versions${query}`, VersionListResponse))
  }, [base, query])

  useEffect(() => {
    Promise.all([api('GET', base, MeetingFacts).then(setFacts), reload()]).catch((err: Error) => setProblem(err.message))
  }, [base, reload])

  /** Runs a change, then reloads; the server's message is shown when it refuses. */
  const run = useCallback(
    async (change: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true)
      setProblem(null)
      try {
        await change()
        await reload()
        return true
      } catch (err) {
        setProblem(err instanceof ApiFailure ? (Object.values(err.fields)[0] ?? err.message) : String(err))
        return false
      } finally {
        setBusy(false)
      }
    },
    [reload],
  )

  return {
    facts,
    list,
    problem,
    busy,
    finalise: () => run(() => api('POST', `${base}/finalise${query}`, FinaliseResponse)),
    reopen: (reason: string) => run(() => api('POST', `${base}/reopen${query}`, null, { reason })),
    recordSent: (versionId: string, memberId: string) => run(() => api('POST', `/api/versions/${encodeURIComponent(versionId)}/distributions`, DistributionResponse, { memberId })),
    acknowledge: (versionId: string) => run(() => api('POST', `/api/versions/${encodeURIComponent(versionId)}/acknowledge`, DistributionResponse)),
  }
}
