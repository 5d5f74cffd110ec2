/**
 * The distribution record of one version, for the case manager: each current member, the copy they
 * get, how it is sent (their "how will information be shared securely"), when it was sent, downloaded
 * and acknowledged, and a button to record sending it.
 * @module
 */
import type { Distribution, Recipient } from '../../schemas/api/versions.ts'

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' }) : null)

export function DistributionTable(props: { versionNumber: number; recipients: Recipient[]; distributions: Distribution[]; busy: boolean; onRecord: (memberId: string) => void }) {
  const byMember = new Map(props.distributions.map((d) => [d.memberId, d]))
  const outstanding = props.recipients.filter((r) => !byMember.has(r.memberId)).length
  return (
    <section aria-labelledby="distribution-title" className="record__panel">
      <h2 id="distribution-title">Send version {props.versionNumber} to the core group</h2>
      <p data-testid="distribution-summary">
        {outstanding === 0 ? 'Sent to every member of the core group.' : `${outstanding} of ${props.recipients.length} members still to be sent the notes.`}
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Who the version was sent to">
        <table className="table" data-testid="distribution-table">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Copy</th>
              <th scope="col">How it is shared securely</th>
              <th scope="col">Sent</th>
              <th scope="col">Acknowledged</th>
            </tr>
          </thead>
          <tbody>
            {props.recipients.map((r) => {
              const d = byMember.get(r.memberId)
              return (
                <tr key={r.memberId} data-testid={`distribution-${r.memberId}`}>
                  <td>
                    {r.name}
                    {r.agency ? ` (${r.agency})` : ''}
                  </td>
                  <td>{r.copy === 'family' ? 'Family copy' : 'Professional copy'}</td>
                  <td>{d?.method ?? r.sharingSecurely}</td>
                  <td>
                    {d ? (
                      <>
                        {when(d.sentAt)}
                        {d.firstDownloadedAt && <br />}
                        {d.firstDownloadedAt && `Downloaded ${when(d.firstDownloadedAt)}`}
                      </>
                    ) : (
                      <button type="button" className="button button--secondary" disabled={props.busy} onClick={() => props.onRecord(r.memberId)} data-testid={`record-sent-${r.memberId}`}>
                        Record sent<span className="visually-hidden"> to {r.name}</span>
                      </button>
                    )}
                  </td>
                  <td>{d?.acknowledgedAt ? when(d.acknowledgedAt) : d ? 'Not yet' : '–'}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
