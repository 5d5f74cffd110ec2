/**
 * Decisions in principle on the meeting page (seed 003): shown when the social worker is absent. The
 * chair, the note taker or the deputy lead records what was decided; each waits for the team
 * manager's sign-off, and the list says where each one stands. Family members see only those signed
 * off (the server sends no others). The rules are the server's own (schemas/decisions/).
 * @module
 */
import { useState } from 'react'
import { DecisionListResponse, DecisionResponse, RecordDecisionInput, type DecisionView } from '../../schemas/api/decisions.ts'
import { fieldErrors } from '../../schemas/api/errors.ts'
import { recordDecisionRefusal } from '../../schemas/decisions/decision-rules.ts'
import { PROFESSIONAL_ROLES, type CoreGroupRole } from '../../schemas/roles.ts'
import { api, ApiFailure } from '../api/client.ts'
import { useApi } from '../api/use-api.ts'
import { ErrorSummary } from '../components/ErrorSummary/ErrorSummary.tsx'
import { TextAreaField } from '../components/Field/Field.tsx'
import { ukDateTime } from '../dates.ts'

interface Props {
  meetingId: string
  meeting: { socialWorkerAbsent?: boolean; status?: string }
  roles: { chairMemberId: string | null; noteTakerMemberId: string | null }
  viewer: { memberId: string | null; role: CoreGroupRole | null } | null
  offline: boolean
}

const ID_PREFIX = 'decision-'

/** Where a decision stands, in words. */
export function decisionState(d: DecisionView): string {
  if (!d.signOff) return 'Waiting for the team manager'
  return `${d.signOff.outcome === 'agreed' ? 'Agreed' : 'Not agreed'} by ${d.signOff.by.name} on ${ukDateTime(d.signOff.at)}`
}

export function DecisionsInPrinciple({ meetingId, meeting, roles, viewer, offline }: Props) {
  const [state, reload] = useApi(`/api/meetings/${encodeURIComponent(meetingId)}/decisions`, DecisionListResponse)
  const [text, setText] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState(false)
  const member = viewer?.memberId && viewer.role ? { memberId: viewer.memberId, userId: null, role: viewer.role } : null
  const mayRecord = recordDecisionRefusal(member, { socialWorkerAbsent: meeting.socialWorkerAbsent === true, status: meeting.status ?? 'planned', ...roles }) === null
  const professional = member !== null && PROFESSIONAL_ROLES.has(member.role)

  const record = async () => {
    setSaved(false)
    const parsed = RecordDecisionInput.safeParse({ text })
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error))
      setMessage(undefined)
      return
    }
    setErrors({})
    setMessage(undefined)
    setBusy(true)
    try {
      await api('POST', `/api/meetings/${encodeURIComponent(meetingId)}/decisions`, DecisionResponse, parsed.data)
      setText('')
      setSaved(true)
      reload()
    } catch (err) {
      if (err instanceof ApiFailure) {
        setErrors(err.fields)
        setMessage(err.message)
      } else setMessage('Could not record the decision. Try again.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="decisions" aria-labelledby="decisions-heading" data-testid="decisions-in-principle">
      <h2 id="decisions-heading" className="section-title">
        Decisions in principle
      </h2>
      <p className="notice notice--warning">
        The social worker is absent from this core group, so any change to the plan decided here is a decision in principle: it waits for the team manager’s sign-off before it stands.
      </p>
      {state.status === 'loading' && <p>Loading the decisions…</p>}
      {state.status === 'failed' && <p>{state.error.status === 0 ? 'The decisions will show when you are back online.' : state.error.message}</p>}
      {state.status === 'ok' &&
        (state.data.decisions.length === 0 ? (
          <p data-testid="decisions-none">{professional ? 'No decision in principle has been recorded for this core group.' : 'No decision in principle from this core group has been signed off yet.'}</p>
        ) : (
          <ul className="decisions__list" data-testid="decisions-list">
            {state.data.decisions.map((d) => (
              <li key={d.id} className="decisions__item" data-decision-id={d.id}>
                <p className="decisions__text">{d.text}</p>
                <p className="field__hint">
                  Recorded by {d.recordedBy.name} on {ukDateTime(d.recordedAt)}. <strong className={`tag ${d.signOff ? (d.signOff.outcome === 'agreed' ? 'tag--met' : 'tag--overdue') : 'tag--due-soon'}`}>{decisionState(d)}</strong>
                </p>
                {d.signOff?.note && <p className="decisions__note">Team manager’s note: {d.signOff.note}</p>}
              </li>
            ))}
          </ul>
        ))}
      {mayRecord && (
        <form
          className="decisions__form"
          aria-label="Record a decision in principle"
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            void record()
          }}
        >
          <ErrorSummary message={message} fields={errors} idPrefix={ID_PREFIX} />
          <TextAreaField
            name="text"
            idPrefix={ID_PREFIX}
            label="What was decided"
            hint="Say what changes, for whom and until when. The team manager agrees or does not agree."
            value={text}
            onChange={setText}
            error={errors.text}
          />
          <button type="submit" className="button" disabled={busy || offline}>
            Record the decision in principle
          </button>
          {offline && <p className="field__hint">You can record a decision when you are back online.</p>}
          {saved && (
            <p role="status" data-testid="decision-saved">
              Decision recorded. It waits for the team manager’s sign-off.
            </p>
          )}
        </form>
      )}
    </section>
  )
}
