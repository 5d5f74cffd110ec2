/**
 * The lead social worker's merge (issue 12 §4): new passages from submitted contributions are added,
 * each changed passage is shown before and after, to take or leave; taking replaces only that
 * passage, and says so when the social worker has edited it since the last merge. The merge runs on
 * the server (POST /api/reports/:id/merge).
 * @module
 */
import { useState } from 'react'
import type { ReportResponse } from '../../schemas/api/reports.ts'
import { ApiFailure } from '../api/client.ts'
import { postReport } from './use-report.ts'

export function MergePanel({ report, onChanged }: { report: ReportResponse; onChanged: (r: ReportResponse) => void }) {
  const [take, setTake] = useState<Record<string, boolean>>({})
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const key = (p: { field: string; memberId: string }) => `${p.field}/${p.memberId}`
  const fresh = report.pending.filter((p) => p.kind === 'new')
  const changed = report.pending.filter((p) => p.kind === 'changed')
  const merge = () => {
    setBusy(true)
    setError(undefined)
    const decisions = changed.filter((p) => take[key(p)] !== undefined).map((p) => ({ field: p.field, memberId: p.memberId, take: take[key(p)]! }))
    postReport(`/api/reports/${encodeURIComponent(report.report.id)}/merge`, { decisions })
      .then((r) => {
        setTake({})
        onChanged(r)
      }, (err: unknown) => setError(err instanceof ApiFailure ? err.message : 'Something went wrong. Try again.'))
      .finally(() => setBusy(false))
  }
  return (
    <section className="report-merge" aria-labelledby="merge-title" data-testid="merge-panel">
      <h2 id="merge-title">Merge the contributions</h2>
      {report.pending.length === 0 ? (
        <p data-testid="merge-up-to-date">{report.report.lastMergedAt ? 'Every submitted contribution is merged. Nothing has changed since the last merge.' : 'No submitted contribution to merge yet.'}</p>
      ) : (
        <>
          {fresh.length > 0 && (
            <>
              <p>These passages will be added, each under a heading with its author and agency:</p>
              <ul>
                {fresh.map((p) => (
                  <li key={key(p)} data-testid="merge-new">
                    {p.fieldTitle}: {p.label}
                  </li>
                ))}
              </ul>
            </>
          )}
          {changed.length > 0 && <p>These passages changed since the last merge. Take or leave each change:</p>}
          {changed.map((p) => (
            <fieldset key={key(p)} className="report-merge__change" data-testid="merge-change">
              <legend>
                {p.fieldTitle}: {p.label}
              </legend>
              <div className="report-merge__diff">
                <div>
                  <h3>Merged before</h3>
                  <p className="report-merge__text">{p.before ?? ''}</p>
                </div>
                <div>
                  <h3>Now</h3>
                  <p className="report-merge__text">{p.after || '(removed)'}</p>
                </div>
              </div>
              {p.editedInJoint && <p className="notice notice--warning">You have edited this passage in the joint report. Taking the change replaces your edit of it.</p>}
              <label>
                <input type="radio" name={key(p)} checked={take[key(p)] === true} onChange={() => setTake({ ...take, [key(p)]: true })} data-testid="merge-take" /> Take the change
              </label>
              <label>
                <input type="radio" name={key(p)} checked={take[key(p)] === false} onChange={() => setTake({ ...take, [key(p)]: false })} /> Leave the joint text as it is
              </label>
            </fieldset>
          ))}
          <button type="button" className="button" disabled={busy} onClick={merge} data-testid="merge-button">
            Merge
          </button>
        </>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  )
}
