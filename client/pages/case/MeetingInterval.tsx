/**
 * How often this case's core group meets: the authority's interval, or the case's own with its reason
 * (seed 001: "four weekly core groups may be required dependent upon the needs and age of the
 * child"). The case's managers change it; the next meeting's proposal and its due date follow.
 * @module
 */
import { useState, type FormEvent } from 'react'
import { CaseDetailResponse } from '../../../schemas/api/cases.ts'
import { SettingsResponse } from '../../../schemas/api/settings.ts'
import type { Case } from '../../../schemas/entities/index.ts'
import { describeDuration, type TimescaleUnit } from '../../../schemas/timescales/settings.ts'
import { api, ApiFailure } from '../../api/client.ts'
import { useApi } from '../../api/use-api.ts'
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary.tsx'
import { DurationField, TextAreaField } from '../../components/Field/Field.tsx'

export function MeetingIntervalSection({ k, canManage, onChanged }: { k: Case; canManage: boolean; onChanged: () => void }) {
  const [settings] = useApi('/api/settings', SettingsResponse)
  const authority = settings.status === 'ok' ? settings.data.settings.coreGroupInterval : null
  const [own, setOwn] = useState(k.coreGroupInterval !== null)
  const [value, setValue] = useState(String(k.coreGroupInterval?.value ?? authority?.value ?? 4))
  const [unit, setUnit] = useState<TimescaleUnit>(k.coreGroupInterval?.unit ?? 'weeks')
  const [reason, setReason] = useState(k.coreGroupIntervalReason ?? '')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string>()
  const prefix = 'interval-'

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const body = own
      ? { coreGroupInterval: { value: value === '' ? Number.NaN : Number(value), unit }, coreGroupIntervalReason: reason }
      : { coreGroupInterval: null }
    try {
      await api('PATCH', `/api/cases/${k.id}`, CaseDetailResponse, body)
      setErrors({})
      setMessage(undefined)
      onChanged()
    } catch (err) {
      const fields = err instanceof ApiFailure ? err.fields : {}
      // The number and its unit are one question: show the number's error on it.
      setErrors({ ...fields, coreGroupInterval: fields['coreGroupInterval.value'] ?? fields['coreGroupInterval.unit'] ?? fields.coreGroupInterval ?? '' })
      setMessage(err instanceof Error ? err.message : 'Something went wrong')
    }
  }

  return (
    <>
      <p data-testid="meeting-interval">
        {k.coreGroupInterval ? (
          <>
            This core group meets every <strong>{describeDuration(k.coreGroupInterval)}</strong>
            {authority && <> (the authority’s usual time is {describeDuration(authority)})</>}, because: {k.coreGroupIntervalReason}
          </>
        ) : authority ? (
          <>
            This core group meets every <strong>{describeDuration(authority)}</strong>, the authority’s usual time between core groups.
          </>
        ) : (
          'This core group meets at the authority’s usual time between core groups.'
        )}
      </p>
      {canManage && (
        <details className="record">
          <summary>Change how often this core group meets</summary>
          <form onSubmit={submit} noValidate aria-label="How often this core group meets">
            <ErrorSummary message={message} fields={errors} idPrefix={prefix} />
            <fieldset className="field">
              <legend className="field__label">How often does this core group meet?</legend>
              <label className="checkbox">
                <input type="radio" name="interval-kind" checked={!own} onChange={() => setOwn(false)} /> At the authority’s usual time
                {authority && ` (every ${describeDuration(authority)})`}
              </label>
              <label className="checkbox">
                <input type="radio" name="interval-kind" checked={own} onChange={() => setOwn(true)} /> At this case’s own time
              </label>
            </fieldset>
            {own && (
              <>
                <DurationField
                  name="coreGroupInterval"
                  idPrefix={prefix}
                  legend="Time between core groups for this case"
                  hint="For example every 4 weeks for a baby or a young child, where the procedures allow 6."
                  value={value}
                  unit={unit}
                  error={errors.coreGroupInterval || undefined}
                  onChange={(v, u) => {
                    setValue(v)
                    setUnit(u)
                  }}
                />
                <TextAreaField name="coreGroupIntervalReason" idPrefix={prefix} label="Why this case meets at a different interval" value={reason} onChange={setReason} error={errors.coreGroupIntervalReason} />
              </>
            )}
            <button className="button" type="submit">
              Save how often the core group meets
            </button>
          </form>
        </details>
      )}
    </>
  )
}
