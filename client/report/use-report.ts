/**
 * The report page's data: the meeting and its core group (GET /api/meetings/:id) and the report's own
 * state (GET /api/reports/:id), with a way to replace the state after a POST answers with the new one;
 * and a re-render on every change of an open document (row sections have no editor to do it).
 * @module
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import * as z from 'zod'
import { ReportResponse } from '../../schemas/api/reports.ts'
import { CoreGroupRole } from '../../schemas/roles.ts'
import { api, ApiFailure } from '../api/client.ts'
import type { DocumentSync } from '../collab/document-sync.ts'

/** What the page reads from GET /api/meetings/:id (extra fields are ignored). */
export const ReportMeetingView = z.object({
  meeting: z.object({ id: z.string(), date: z.string() }),
  case: z.object({ id: z.string(), familyName: z.string() }),
  members: z.array(z.object({ id: z.string(), name: z.string(), agency: z.string().nullable().optional(), role: CoreGroupRole })),
  viewer: z.object({ memberId: z.string().nullable(), role: CoreGroupRole.nullable() }).nullable(),
})
export type ReportMeetingView = z.infer<typeof ReportMeetingView>

export type ReportLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiFailure }
  | { status: 'ok'; meeting: ReportMeetingView; report: ReportResponse }

export function useReport(meetingId: string): [ReportLoad, (report: ReportResponse) => void, () => void] {
  const [load, setLoad] = useState<ReportLoad>({ status: 'loading' })
  const [version, setVersion] = useState(0)
  useEffect(() => {
    let live = true
    const id = encodeURIComponent(meetingId)
    Promise.all([api('GET', `/api/meetings/${id}`, ReportMeetingView), api('GET', `/api/reports/${id}`, ReportResponse)]).then(
      ([meeting, report]) => live && setLoad({ status: 'ok', meeting, report }),
      (err: unknown) => live && setLoad({ status: 'failed', error: err instanceof ApiFailure ? err : new ApiFailure(0, 'internal', 'Something went wrong. Try again later.') }),
    )
    return () => {
      live = false
    }
  }, [meetingId, version])
  const replace = useCallback((report: ReportResponse) => setLoad((l) => (l.status === 'ok' ? { ...l, report } : l)), [])
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return [load, replace, reload]
}

/** A number that changes on every update of the document, to re-render what reads its rows. */
export function useDocVersion(sync: DocumentSync | null): number {
  const [counter] = useState(() => ({ n: 0 }))
  return useSyncExternalStore(
    (onChange) => {
      if (!sync) return () => {}
      const on = () => {
        counter.n++
        onChange()
      }
      sync.doc.on('update', on)
      return () => sync.doc.off('update', on)
    },
    () => counter.n,
  )
}

/** Calls a report endpoint that answers with the report's new state. */
export function postReport(path: string, body: unknown = {}): Promise<ReportResponse> {
  return api('POST', path, ReportResponse, body)
}
