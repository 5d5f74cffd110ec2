/**
 * The next core groups, agreed in the meeting (seed 004: "dates, times and venues for core group
 * meetings until the review conference"): the series the timescales propose, one interval apart and
 * ending with the core group before the review conference, editable here; the case's managers confirm
 * them, which plans each as a meeting of the case. Meetings already planned are listed above them.
 * @module
 */
import { useEffect, useState } from 'react'
import { MeetingResponse, NextMeetingsResponse } from '../../schemas/api/meetings.ts'
import { CreateMeetingInput, MEETING_TYPE_LABELS } from '../../schemas/entities/meeting.ts'
import { fieldErrors } from '../../schemas/api/errors.ts'
import { formatDayAndDate, formatDayDateTime } from '../../schemas/meeting/uk-time.ts'
import { api, ApiFailure } from '../api/client.ts'
import { useApi } from '../api/use-api.ts'
import { DateField, TextField } from '../components/Field/Field.tsx'

interface Planned {
  id: string
  date: string
  time?: string
  type?: string
  status: string
}

interface Draft {
  type: NextMeetingsResponse['proposals'][number]['type']
  date: string
  time: string
  venue: string
  reason: string
}

interface Props {
  meetingId: string
  caseId: string
  /** This meeting's date, time and venue: the starting point for the next ones. */
  time: string
  venue: string | null
  /** The case's meetings after this one, already planned. */
  planned: readonly Planned[]
  mayConfirm: boolean
  onConfirmed: () => void
}

export function NextMeetings({ meetingId, caseId, time, venue, planned, mayConfirm, onConfirmed }: Props) {
  const [state, reload] = useApi(`/api/meetings/${encodeURIComponent(meetingId)}/next-meetings`, NextMeetingsResponse)
  const [drafts, setDrafts] = useState<Draft[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string>()
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (state.status === 'ok') setDrafts(state.data.proposals.map((p) => ({ type: p.type, date: p.date, time, venue: venue ?? '', reason: p.reason })))
  }, [state, time, venue])

  const change = (i: number, patch: Partial<Draft>) => setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...patch } : d)))
  const confirm = async () => {
    const inputs = drafts.map((d) => CreateMeetingInput.safeParse({ type: d.type, date: d.date, time: d.time, venue: d.venue || undefined }))
    const problems: Record<string, string> = {}
    inputs.forEach((parsed, i) => {
      if (!parsed.success) for (const [field, text] of Object.entries(fieldErrors(parsed.error))) problems[`${i}.${field}`] = text
    })
    setErrors(problems)
    if (Object.keys(problems).length > 0) {
      setMessage('Check the dates, times and venues below')
      return
    }
    setBusy(true)
    setMessage(undefined)
    try {
      for (const parsed of inputs) await api('POST', `/api/cases/${encodeURIComponent(caseId)}/meetings`, MeetingResponse, parsed.data)
      onConfirmed()
      reload()
    } catch (err) {
      setMessage(err instanceof ApiFailure ? err.message : 'Could not plan the meetings. Try again.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="next-meetings" aria-labelledby="next-meetings-heading" data-testid="next-meetings">
      <h3 id="next-meetings-heading" className="next-meetings__title">
        Core groups until the review conference
      </h3>
      {planned.length > 0 && (
        <>
          <p className="next-meetings__intro">Already planned:</p>
          <ul className="next-meetings__planned" data-testid="next-meetings-planned">
            {planned.map((m) => (
              <li key={m.id}>
                <a href={`/meetings/${m.id}`}>{m.type && m.type in MEETING_TYPE_LABELS ? MEETING_TYPE_LABELS[m.type as keyof typeof MEETING_TYPE_LABELS] : 'Core group'}</a>: {formatDayDateTime(m.date, m.time)}
              </li>
            ))}
          </ul>
        </>
      )}
      {state.status === 'loading' && <p>Working out the dates…</p>}
      {state.status === 'failed' && <p>{state.error.status === 0 ? 'The proposed dates will show when you are back online.' : state.error.message}</p>}
      {state.status === 'ok' && (
        <>
          <p className="next-meetings__intro">
            The review conference is on or by <strong>{formatDayAndDate(state.data.conference)}</strong>.{' '}
            {drafts.length === 0 ? 'Every core group before it is planned.' : `The timescales propose ${drafts.length === 1 ? 'one more core group' : `${drafts.length} more core groups`}; agree them here.`}
          </p>
          {message && (
            <p className="field__error" role="alert">
              {message}
            </p>
          )}
          <ol className="next-meetings__list">
            {drafts.map((d, i) => (
              <li key={i} className="next-meetings__item" data-testid={`next-meeting-${i}`}>
                <p className="next-meetings__what">
                  <strong>{MEETING_TYPE_LABELS[d.type]}</strong> — {formatDayDateTime(d.date, d.time)}
                  <span className="next-meetings__why"> ({d.reason})</span>
                </p>
                {mayConfirm && (
                  <div className="next-meetings__fields">
                    <DateField name={`next-${i}-date`} label="Date" value={d.date} onChange={(date) => change(i, { date })}  error={errors[`${i}.date`]} />
                    <TextField name={`next-${i}-time`} label="Start time" type="time" value={d.time} onChange={(t) => change(i, { time: t })} error={errors[`${i}.time`]} />
                    <TextField name={`next-${i}-venue`} label="Venue" value={d.venue} onChange={(v) => change(i, { venue: v })} error={errors[`${i}.venue`]} />
                  </div>
                )}
              </li>
            ))}
          </ol>
          {mayConfirm && drafts.length > 0 && (
            <button type="button" className="button" onClick={() => void confirm()} disabled={busy} data-testid="confirm-next-meetings">
              Plan {drafts.length === 1 ? 'this core group' : `these ${drafts.length} core groups`}
            </button>
          )}
          {!mayConfirm && drafts.length > 0 && <p className="field__hint">The lead social worker plans these dates once they are agreed.</p>}
        </>
      )}
    </section>
  )
}
