/**
 * The core group's Terms of Reference (seed 003) on the case page: family name, the date they were
 * agreed, lead, deputy lead, team manager and the named worker for school transitions. The case's
 * managers record the date and name the transitions worker; the rest follows the membership. The same
 * lines go into the membership sheet's DOCX.
 * @module
 */
import { useState, type FormEvent } from 'react'
import { CaseDetailResponse } from '../../../schemas/api/cases.ts'
import { isActiveMember, termsOfReference, termsOfReferenceLines, type Case, type Member } from '../../../schemas/entities/index.ts'
import { ukDateOf } from '../../../schemas/timescales/iso-date.ts'
import { api, ApiFailure } from '../../api/client.ts'
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary.tsx'
import { DateField, SelectField } from '../../components/Field/Field.tsx'
import { longDate } from '../../dates.ts'

export function TermsOfReferenceSection({ k, members, canManage, onChanged }: { k: Case; members: readonly Member[]; canManage: boolean; onChanged: () => void }) {
  const today = ukDateOf()
  const lines = termsOfReferenceLines(termsOfReference(k, members, today), longDate)
  const [agreed, setAgreed] = useState(k.termsOfReferenceAgreedDate ?? '')
  const [worker, setWorker] = useState(k.transitionsWorkerMemberId ?? '')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string>()
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    try {
      await api('PATCH', `/api/cases/${k.id}`, CaseDetailResponse, { termsOfReferenceAgreedDate: agreed || null, transitionsWorkerMemberId: worker || null })
      onChanged()
    } catch (err) {
      setErrors(err instanceof ApiFailure ? err.fields : {})
      setMessage(err instanceof Error ? err.message : 'Something went wrong')
    }
  }
  const prefix = 'terms-'
  return (
    <>
      <dl className="summary" data-testid="terms-of-reference">
        {lines.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {canManage && (
        <details className="record">
          <summary>Record the Terms of Reference</summary>
          <form onSubmit={submit} noValidate aria-label="Terms of Reference">
            <ErrorSummary message={message} fields={errors} idPrefix={prefix} />
            <DateField name="termsOfReferenceAgreedDate" idPrefix={prefix} label="Date the Terms of Reference were agreed" value={agreed} onChange={setAgreed} error={errors.termsOfReferenceAgreedDate} />
            <SelectField
              name="transitionsWorkerMemberId"
              idPrefix={prefix}
              label="Named worker for school transitions"
              hint="Supports school applications and the move from primary to secondary school, where there is one."
              value={worker}
              onChange={setWorker}
              error={errors.transitionsWorkerMemberId}
              options={[{ value: '', label: 'None named' }, ...members.filter((m) => isActiveMember(m, today)).map((m) => ({ value: m.id, label: m.agency ? `${m.name} (${m.agency})` : m.name }))]}
            />
            <button className="button button--secondary" type="submit">
              Save
            </button>
          </form>
        </details>
      )}
    </>
  )
}
