/**
 * A real, durable document for tests that need one shared across processes or restarts: the minutes
 * (`meeting:<id>`) of a new subsequent core group, made over HTTP (so it works against a child-process
 * server too) by `session`, who opens the case and so becomes its lead social worker (may write every
 * agenda item and lock them). Demo documents are no good for this: they live in each process's sandbox.
 */
import type { CaseDetailResponse } from '../../schemas/api/cases.ts'
import type { MeetingDetailResponse, MeetingResponse } from '../../schemas/api/meetings.ts'

export interface MeetingDoc {
  /** The document name, `meeting:<id>`. */
  name: string
  meetingId: string
  caseId: string
  /** An agenda section the lead may write (`item:purpose`). */
  section: string
  /** Three distinct agenda sections the lead may write, the first being `section`. */
  sections: readonly [string, string, string]
}

/** Agenda items of seed 004's subsequent core group (the default agenda variant), all plain notes. */
const ITEMS = ['purpose', 'previous-notes', 'further-information'] as const

export async function createMeetingDoc(baseUrl: string, session: { cookie: string; csrfToken: string }): Promise<MeetingDoc> {
  const call = async <T>(method: string, path: string, status: number, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken, origin: baseUrl },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    if (res.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${res.status}: ${text.slice(0, 500)}`)
    return JSON.parse(text) as T
  }
  const created = await call<CaseDetailResponse>('POST', '/api/cases', 201, {
    familyName: 'Smith',
    initialConferenceDate: '2026-03-02',
    children: [{ name: 'Sam Smith', dateOfBirth: '2019-05-01' }],
  })
  const caseId = created.case.id
  const { meeting } = await call<MeetingResponse>('POST', `/api/cases/${caseId}/meetings`, 201, {
    type: 'subsequent',
    date: '2026-06-01',
    time: '10:00',
    venue: 'Anytown Family Centre',
  })
  const detail = await call<MeetingDetailResponse>('GET', `/api/meetings/${meeting.id}`, 200)
  const keys = new Set(detail.agenda.map((i) => i.key))
  for (const k of ITEMS) if (!keys.has(k)) throw new Error(`the meeting's agenda has no item ${k}: ${[...keys].join(', ')}`)
  const sections = ITEMS.map((k) => `item:${k}`) as unknown as readonly [string, string, string]
  return { name: `meeting:${meeting.id}`, meetingId: meeting.id, caseId, section: sections[0], sections }
}
