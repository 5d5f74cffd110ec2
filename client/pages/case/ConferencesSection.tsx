/**
 * The case's child protection conferences: the initial conference and each review, with time, venue and
 * the independent chair (a named recipient of the plan, seed 003), and, for a review conference, the
 * joint report's dates counted back from it. The case's managers book a review conference here (which
 * starts those deadlines at once) and record what a held review decided: the plan continues, or it ends,
 * which closes the core group (its documents are kept, read-only).
 * @module
 */
import { useState, type FormEvent } from 'react'
import { ConferenceListResponse, type ConferenceView } from '../../../schemas/api/conferences.ts'
import { fieldErrors } from '../../../schemas/api/errors.ts'
import { BookConferenceInput, CONFERENCE_OUTCOME_LABELS, ConferenceOutcome } from '../../../schemas/entities/index.ts'
import { formatDayDateTime } from '../../../schemas/meeting/uk-time.ts'
import { api, ApiFailure } from '../../api/client.ts'
import { useApi } from '../../api/use-api.ts'
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary.tsx'
import { DateField, SelectField, TextField } from '../../components/Field/Field.tsx'
import { dayAndDate, longDate } from '../../dates.ts'

function JointReportDates({ dates }: { dates: NonNullable<ConferenceView['jointReport']> }) {
  return (
    <dl className="summary summary--compact" aria-label="Joint report dates">
      <dt>Core group before the review, by</dt>
      <dd>{dayAndDate(dates.preReviewBy)}</dd>
      <dt>Draft joint report to members, by</dt>
      <dd>{dayAndDate(dates.draftBy)}</dd>
      <dt>Final joint report ready, by</dt>
      <dd>{dayAndDate(dates.finalBy)}</dd>
    </dl>
  )
}

function OutcomeForm({ caseId, conference, onSaved }: { caseId: string; conference: ConferenceView; onSaved: () => void }) {
  const [outcome, setOutcome] = useState<string>(conference.outcome ?? 'plan-continues')
  const [error, setError] = useState<string>()
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    try {
      await api('PATCH', `/api/cases/${caseId}/conferences/${conference.date}`, ConferenceListResponse, { outcome })
      onSaved()
    } catch (err) {
      setError(err instanceof ApiFailure ? (err.fields.outcome ?? err.message) : 'Something went wrong')
    }
  }
  return (
    <form onSubmit={submit} noValidate className="inline-form">
      <SelectField
        name={`outcome-${conference.date}`}
        idPrefix=""
        label="What the conference decided"
        hint={outcome === 'plan-ends' ? 'The core group closes: its notes, plan and reports are kept, and no one can change them.' : undefined}
        value={outcome}
        onChange={setOutcome}
        error={error}
        options={ConferenceOutcome.options.map((o) => ({ value: o, label: CONFERENCE_OUTCOME_LABELS[o] }))}
      />
      <button className="button button--secondary" type="submit">
        Record the outcome
      </button>
    </form>
  )
}

function BookReviewForm({ caseId, onBooked }: { caseId: string; onBooked: () => void }) {
  const prefix = 'book-review-'
  const [draft, setDraft] = useState({ date: '', time: '', venue: '', chairName: '', chairEmail: '' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string>()
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }))
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const body = { kind: 'review', ...Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v.trim() === '' && k !== 'date' ? null : v])) }
    const parsed = BookConferenceInput.safeParse(body)
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error))
      setMessage(undefined)
      return
    }
    try {
      await api('POST', `/api/cases/${caseId}/conferences`, ConferenceListResponse, parsed.data)
      setDraft({ date: '', time: '', venue: '', chairName: '', chairEmail: '' })
      setErrors({})
      setMessage(undefined)
      onBooked()
    } catch (err) {
      const fields = err instanceof ApiFailure ? err.fields : {}
      // The case's list of review dates is what the server checks; its message belongs to this date.
      const dateError = Object.entries(fields).find(([k]) => k.startsWith('reviewConferenceDates'))?.[1]
      setErrors(dateError ? { ...fields, date: dateError } : fields)
      setMessage(err instanceof Error ? err.message : 'Something went wrong')
    }
  }
  return (
    <details className="record">
      <summary>Book a review conference</summary>
      <form onSubmit={submit} noValidate aria-label="Book a review conference">
        <ErrorSummary message={message} fields={errors} idPrefix={prefix} />
        <DateField name="date" idPrefix={prefix} label="Date of the review conference" value={draft.date} onChange={set('date')} error={errors.date} />
        <TextField type="time" name="time" idPrefix={prefix} label="Start time" value={draft.time} onChange={set('time')} error={errors.time} />
        <TextField name="venue" idPrefix={prefix} label="Venue" value={draft.venue} onChange={set('venue')} error={errors.venue} />
        <TextField name="chairName" idPrefix={prefix} label="Independent chair" hint="They receive the plan." value={draft.chairName} onChange={set('chairName')} error={errors.chairName} />
        <TextField type="email" name="chairEmail" idPrefix={prefix} label="Independent chair’s email" value={draft.chairEmail} onChange={set('chairEmail')} error={errors.chairEmail} />
        <button className="button" type="submit">
          Book the review conference
        </button>
      </form>
    </details>
  )
}

/** The case's conferences; give it the case's `updatedAt` as its key so a change of the case reloads them. */
export function ConferencesSection({ caseId, canManage, planOpen, onChanged }: { caseId: string; canManage: boolean; planOpen: boolean; onChanged: () => void }) {
  const [state, reload] = useApi(`/api/cases/${encodeURIComponent(caseId)}/conferences`, ConferenceListResponse)
  if (state.status !== 'ok') return <p aria-busy={state.status === 'loading'}>{state.status === 'failed' ? 'The conferences could not be loaded.' : ''}</p>
  const changed = () => {
    reload()
    onChanged()
  }
  return (
    <>
      <ul className="conference-list" data-testid="conferences">
        {state.data.conferences.map((k) => (
          <li key={`${k.kind}-${k.date}`} className="conference-list__item">
            <strong>{k.kind === 'initial' ? 'Initial child protection conference' : 'Review child protection conference'}</strong> —{' '}
            {k.time ? formatDayDateTime(k.date, k.time) : longDate(k.date)}
            {k.venue && `, ${k.venue}`}
            <br />
            <span className="hint">{k.chairName ? `Independent chair: ${k.chairName}` : 'Independent chair not named yet'}</span>
            {k.outcome && (
              <>
                <br />
                <strong>{CONFERENCE_OUTCOME_LABELS[k.outcome]}</strong>
              </>
            )}
            {k.jointReport && !k.held && <JointReportDates dates={k.jointReport} />}
            {canManage && k.kind === 'review' && k.held && (planOpen || k.outcome === 'plan-ends') && <OutcomeForm caseId={caseId} conference={k} onSaved={changed} />}
          </li>
        ))}
      </ul>
      {canManage && planOpen && <BookReviewForm caseId={caseId} onBooked={changed} />}
    </>
  )
}
