/**
 * What the meeting page reads from GET /api/meetings/:id, kept on the device for offline reloads
 * (offline-cache.ts), and reloaded after the page changes the meeting.
 * @module
 */
import { useCallback, useEffect, useState } from 'react'
import * as z from 'zod'
import { MeetingType } from '../../schemas/entities/meeting.ts'
import { CoreGroupRole } from '../../schemas/roles.ts'
import { AgendaItem } from '../../schemas/templates/agenda-item.ts'
import { ApiFailure } from '../api/client.ts'
import { cachedGet } from '../api/offline-cache.ts'

/** Extra fields are ignored, so the page keeps working with a newer server. */
export const MeetingView = z.object({
  meeting: z.object({
    id: z.string(),
    caseId: z.string(),
    type: MeetingType,
    date: z.string(),
    time: z.string(),
    venue: z.string().nullable().optional(),
    onlineLink: z.string().nullable().optional(),
    status: z.string().optional(),
    cancellation: z.object({ reason: z.string(), date: z.string() }).nullable().optional(),
    chairMemberId: z.string().nullable(),
    noteTakerMemberId: z.string().nullable(),
    /** Missing in copies kept before it was shown: taken as present. */
    socialWorkerAbsent: z.boolean().optional(),
  }),
  case: z.object({ id: z.string(), familyName: z.string(), children: z.array(z.object({ name: z.string() })).default([]) }),
  agenda: z.array(AgendaItem),
  members: z.array(z.object({ id: z.string(), name: z.string(), agency: z.string().nullable().optional(), role: CoreGroupRole })),
  viewer: z.object({ memberId: z.string().nullable(), role: CoreGroupRole.nullable() }).nullable(),
  meetingRoles: z.object({ chairMemberId: z.string().nullable(), noteTakerMemberId: z.string().nullable() }),
  documents: z.object({ minutes: z.string(), restricted: z.string().nullable(), report: z.string().nullable() }),
})
export type MeetingView = z.infer<typeof MeetingView>

export type MeetingViewState =
  | { status: 'loading' }
  | { status: 'ok'; view: MeetingView; offline: boolean }
  | { status: 'failed'; message: string; offline: boolean }

/** The meeting, from the server or (offline) from this tab's copy; `replace` after a change the page made. */
export function useMeetingView(meetingId: string): [MeetingViewState, (view: MeetingView) => void, () => void] {
  const [state, setState] = useState<MeetingViewState>({ status: 'loading' })
  const [version, setVersion] = useState(0)
  useEffect(() => {
    let live = true
    cachedGet(`/api/meetings/${encodeURIComponent(meetingId)}`, MeetingView).then(
      ({ data, offline }) => live && setState({ status: 'ok', view: data, offline }),
      (err: unknown) => {
        if (!live) return
        const offline = err instanceof ApiFailure && err.status === 0
        setState({ status: 'failed', message: err instanceof Error ? err.message : 'Something went wrong. Try again later.', offline })
      },
    )
    return () => {
      live = false
    }
  }, [meetingId, version])
  // Back online after an offline open: the server's answer replaces the copy.
  useEffect(() => {
    if (state.status === 'loading' || !state.offline) return
    const again = () => setVersion((v) => v + 1)
    window.addEventListener('online', again)
    const timer = setInterval(again, 15_000)
    return () => {
      window.removeEventListener('online', again)
      clearInterval(timer)
    }
  }, [state])
  const replace = useCallback((view: MeetingView) => setState({ status: 'ok', view, offline: false }), [])
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return [state, replace, reload]
}
