/**
 * A case's audit trail: who did what and when (ids, sections and reasons only — never content).
 * For the lead social worker and the team manager; the server refuses everyone else.
 * @module
 */
import { useEffect, useState } from 'react'
import { z } from 'zod'
import { api } from '../api/client.ts'

const AuditEvents = z.object({
  events: z.array(
    z.object({
      seq: z.number(),
      at: z.string(),
      event: z.string(),
      userId: z.string().nullable(),
      doc: z.string().nullable(),
      section: z.string().nullable(),
      detail: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
})

const EVENT_WORDS: Record<string, string> = {
  'sign-in': 'Signed in',
  'sign-in-failed': 'Failed sign-in',
  'sign-out': 'Signed out',
  'session-expired': 'Session ended',
  'document-opened': 'Opened a document',
  'document-refused': 'Refused access to a document',
  'update-rejected': 'Change refused by the server',
  'log-entry-quarantined': 'A stored change that could not be loaded was set aside',
  'limit-breached': 'Limit breached',
  lock: 'Locked',
  unlock: 'Unlocked',
  'member-added': 'Member added',
  'member-changed': 'Member changed',
  'meeting-roles-changed': 'Chair or note taker changed',
}

export function AuditPage({ caseId }: { caseId: string }) {
  const [events, setEvents] = useState<z.infer<typeof AuditEvents>['events'] | null>(null)
  const [problem, setProblem] = useState<string>()
  useEffect(() => {
    api('GET', `/api/cases/${encodeURIComponent(caseId)}/audit`, AuditEvents).then((r) => setEvents(r.events), (err: Error) => setProblem(err.message))
  }, [caseId])
  return (
    <main className="page" id="main-content">
      <p className="page__caption">
        <a href={`/cases/${caseId}`}>Back to the case</a>
      </p>
      <h1 className="page__title">Audit trail</h1>
      {problem && <p className="notice notice--warning">{problem}</p>}
      {events && (
        <table className="table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Who (account id)</th>
              <th scope="col">Where</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.seq}>
                <td>{new Date(e.at).toLocaleString('en-GB')}</td>
                <td>
                  {EVENT_WORDS[e.event] ?? e.event}
                  {typeof e.detail?.reason === 'string' ? ` (${e.detail.reason.replace(/-/g, ' ')})` : ''}
                </td>
                <td>{e.userId ?? '–'}</td>
                <td>{[e.doc, e.section].filter(Boolean).join(' › ') || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  )
}
