/**
 * A contribution's chronology since the last conference (seed 004): dated entries of event and outcome,
 * as rows of `contrib:<memberId>:chronology`; the author adds and removes entries while it is theirs to write.
 * @module
 */
import { useState, type FormEvent } from 'react'
import { isIsoDate } from '../../schemas/timescales/iso-date.ts'
import type { DocumentSync } from '../collab/document-sync.ts'
import { formatDate } from '../pages/format.ts'
import { chronologyOf, newRowId, pushRow, removeRow } from './report-rows.ts'
import { DateField } from '../components/Field/Field.tsx'

export function ChronologyTable({ sync, memberId, writable }: { sync: DocumentSync; memberId: string; writable: boolean }) {
  const rows = chronologyOf(sync.doc, memberId)
  const [date, setDate] = useState('')
  const [event, setEvent] = useState('')
  const [outcome, setOutcome] = useState('')
  const [error, setError] = useState<string>()
  const section = `contrib:${memberId}:chronology`
  const add = (e: FormEvent) => {
    e.preventDefault()
    if (!isIsoDate(date)) return setError('Enter the date of the event')
    if (event.trim() === '') return setError('Describe the event')
    setError(undefined)
    pushRow(sync.doc, section, { id: newRowId('chr'), date, event: event.trim(), outcome: outcome.trim() || undefined })
    setDate('')
    setEvent('')
    setOutcome('')
  }
  return (
    <section className="report-chronology" data-testid={`section-${section}`}>
      <h3>Chronology of agency involvement since the last conference</h3>
      <p className="section-editor__prompt">Significant events, with dates and details of outcomes.</p>
      {rows.length === 0 ? (
        <p>No entries yet.</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Event</th>
              <th scope="col">Outcome</th>
              {writable && <th scope="col"><span className="visually-hidden">Remove</span></th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="chronology-row">
                <td>{formatDate(r.date)}</td>
                <td>{r.event}</td>
                <td>{r.outcome ?? ''}</td>
                {writable && (
                  <td>
                    <button type="button" className="link-button" onClick={() => removeRow(sync.doc, section, r.id)}>
                      Remove
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {writable && (
        <form className="report-chronology__add" onSubmit={add} noValidate>
          {error && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
          <DateField name="chronology-date" idPrefix="" label="Date" value={date} onChange={setDate} />
          <label>
            Event <input type="text" value={event} maxLength={4000} onChange={(e) => setEvent(e.target.value)} data-testid="chronology-event" />
          </label>
          <label>
            Outcome <input type="text" value={outcome} maxLength={4000} onChange={(e) => setOutcome(e.target.value)} data-testid="chronology-outcome" />
          </label>
          <button type="submit" className="button button--secondary">
            Add entry
          </button>
        </form>
      )}
    </section>
  )
}
