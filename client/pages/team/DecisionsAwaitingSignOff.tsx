/**
 * "Decisions waiting for your sign-off" on the team manager's page (seed 003): each decision in
 * principle made at a core group without the social worker, with its case, meeting, who recorded it
 * and when, and the team manager's answer — Agree or Do not agree, with an optional note. A decision
 * they recorded themselves (as chair or note taker) is theirs to sign off too, marked as such.
 * @module
 */
import { useState } from 'react'
import { DecisionResponse, PendingDecisionsResponse, SignOffDecisionInput, type PendingDecision } from '../../../schemas/api/decisions.ts'
import { fieldErrors } from '../../../schemas/api/errors.ts'
import type { DecisionOutcome } from '../../../schemas/entities/decision.ts'
import { MEETING_TYPE_LABELS } from '../../../schemas/entities/meeting.ts'
import { api, ApiFailure } from '../../api/client.ts'
import { useApi } from '../../api/use-api.ts'
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary.tsx'
import { TextAreaField } from '../../components/Field/Field.tsx'
import { dayAndDate, ukDateTime } from '../../dates.ts'

export function DecisionsAwaitingSignOff() {
  const [state, reload] = useApi('/api/team/decisions', PendingDecisionsResponse)
  const [done, setDone] = useState<string>()
  if (state.status === 'loading') return null
  return (
    <section className="decisions" aria-labelledby="pending-decisions-title" data-testid="pending-decisions">
      <h2 className="section-title" id="pending-decisions-title">
        Decisions waiting for your sign-off
      </h2>
      {done && (
        <p role="status" data-testid="sign-off-done">
          {done}
        </p>
      )}
      {state.status === 'failed' && <p>{state.error.status === 0 ? 'The decisions will show when you are back online.' : state.error.message}</p>}
      {state.status === 'ok' && state.data.decisions.length === 0 && <p>No decision in principle is waiting for your sign-off.</p>}
      {state.status === 'ok' && state.data.decisions.length > 0 && (
        <ul className="decisions__list">
          {state.data.decisions.map((d) => (
            <PendingItem
              key={d.id}
              decision={d}
              onSigned={(outcome) => {
                setDone(`${outcome === 'agreed' ? 'You agreed' : 'You did not agree'} with the decision for the ${d.case.familyName} family.`)
                reload()
              }}
            />
          ))}
        </ul>
      )}
    </section>
  )
}

function PendingItem({ decision: d, onSigned }: { decision: PendingDecision; onSigned: (outcome: DecisionOutcome) => void }) {
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string>()
  const [busy, setBusy] = useState(false)
  const idPrefix = `sign-off-${d.id}-`

  const answer = async (outcome: DecisionOutcome) => {
    const parsed = SignOffDecisionInput.safeParse({ outcome, note })
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error))
      return
    }
    setErrors({})
    setMessage(undefined)
    setBusy(true)
    try {
      await api('POST', `/api/decisions/${encodeURIComponent(d.id)}/sign-off`, DecisionResponse, parsed.data)
      onSigned(outcome)
    } catch (err) {
      if (err instanceof ApiFailure) {
        setErrors(err.fields)
        setMessage(err.message)
      } else setMessage('Could not sign off the decision. Try again.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <li className="decisions__item" data-decision-id={d.id}>
      <p className="decisions__note">
        <a href={`/meetings/${encodeURIComponent(d.meeting.id)}`}>
          {d.case.familyName} family: {MEETING_TYPE_LABELS[d.meeting.type]}, {dayAndDate(d.meeting.date)}
        </a>
      </p>
      <p className="decisions__text">{d.text}</p>
      <p className="field__hint">
        Recorded by {d.recordedBy.name} on {ukDateTime(d.recordedAt)}.
      </p>
      {d.recordedByYou && <p>You recorded this at the meeting. Signing it off confirms it as the case’s team manager.</p>}
      <form aria-label={`Sign off the decision for the ${d.case.familyName} family`} noValidate onSubmit={(e) => e.preventDefault()}>
          <ErrorSummary message={message} fields={errors} idPrefix={idPrefix} />
          <TextAreaField name="note" idPrefix={idPrefix} label="Note (optional)" hint="Why you agree or do not agree, for the core group." value={note} onChange={setNote} error={errors.note} />
          <div className="decisions__answer">
            <button type="button" className="button" disabled={busy} onClick={() => void answer('agreed')}>
              Agree
            </button>
            <button type="button" className="button button--warning" disabled={busy} onClick={() => void answer('not-agreed')}>
              Do not agree
            </button>
          </div>
        </form>
    </li>
  )
}
