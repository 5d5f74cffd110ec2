/**
 * "Papers you have been sent" (issue 14, item 5): each finalised set of minutes and the plan the social
 * worker has sent this family member (`GET /api/meetings/:id/versions` lists the caller's own copies),
 * to download in the family copy and to say "I have received these" (`POST
 * /api/versions/:id/acknowledge`). The social worker sees who has on the record page.
 * @module
 */
import { useState } from 'react'
import { DistributionResponse, VersionListResponse, type Distribution } from '../../schemas/api/versions.ts'
import { MEETING_TYPE_LABELS, type Meeting } from '../../schemas/entities/index.ts'
import { api, ApiFailure } from '../api/client.ts'
import { useApi } from '../api/use-api.ts'
import { longDate } from '../dates.ts'

function Receipt({ distribution, onAcknowledged }: { distribution: Distribution; onAcknowledged: (d: Distribution) => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (distribution.acknowledgedAt) {
    return (
      <p className="family-receipt__done" data-testid="family-acknowledged">
        <span aria-hidden="true">✓ </span>You told the social worker you received these on {longDate(distribution.acknowledgedAt.slice(0, 10))}.
      </p>
    )
  }
  return (
    <>
      {error && (
        <p className="notice notice--warning" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="button"
        disabled={busy}
        data-testid="family-acknowledge"
        onClick={() => {
          setBusy(true)
          setError(null)
          api('POST', `/api/versions/${encodeURIComponent(distribution.versionId)}/acknowledge`, DistributionResponse).then(
            (r) => onAcknowledged(r.distribution),
            (err: unknown) => {
              setBusy(false)
              setError(err instanceof ApiFailure ? err.message : 'That did not work. Try again later.')
            },
          )
        }}
      >
        I have received these
      </button>
    </>
  )
}

function MeetingPapers({ meeting }: { meeting: Meeting }) {
  const [state] = useApi(`/api/meetings/${encodeURIComponent(meeting.id)}/versions`, VersionListResponse)
  const [acknowledged, setAcknowledged] = useState<Record<string, Distribution>>({})
  if (state.status !== 'ok') return null
  const sent = state.data.distributions.map((d) => acknowledged[d.id] ?? d)
  return (
    <>
      {sent.map((d) => {
        const version = state.data.versions.find((v) => v.id === d.versionId)
        const base = `/api/versions/${encodeURIComponent(d.versionId)}/export.docx`
        return (
          <li key={d.id} className="family-card" data-testid="family-papers-item">
            <h3 className="family-card__title">
              Notes and plan from the {MEETING_TYPE_LABELS[meeting.type].toLowerCase()} on {longDate(meeting.date)}
              {version && version.number > 1 ? ` (version ${version.number})` : ''}
            </h3>
            <p>Sent to you on {longDate(d.sentAt.slice(0, 10))}: {d.method}.</p>
            <p>
              <a href={`${base}?document=notes`} download>
                Download the notes
              </a>{' '}
              ·{' '}
              <a href={`${base}?document=plan`} download>
                Download the plan
              </a>
            </p>
            <Receipt distribution={d} onAcknowledged={(next) => setAcknowledged((a) => ({ ...a, [next.id]: next }))} />
          </li>
        )
      })}
    </>
  )
}

export function FamilyPapers({ meetings }: { meetings: readonly Meeting[] }) {
  // A meeting's notes may be finalised and sent whatever its status says; a cancelled one has none.
  const done = meetings.filter((m) => m.status !== 'cancelled')
  return (
    <section className="family-section" aria-labelledby="family-papers" data-testid="family-papers">
      <h2 id="family-papers">Papers you have been sent</h2>
      <p>When the notes of a meeting and the plan are ready, your social worker sends you a copy. Tell them here when you have it.</p>
      <ul className="family-list">
        {done.map((m) => (
          <MeetingPapers key={m.id} meeting={m} />
        ))}
      </ul>
    </section>
  )
}
