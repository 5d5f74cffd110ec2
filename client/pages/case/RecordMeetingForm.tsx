/**
 * "Record what happened" for one meeting: held or not, and the dates the timescales measure (minutes
 * to the social worker, notes sent out, the absent social worker's update, the joint report stages).
 * Errors come from `UpdateMeetingInput`, the schema the API uses.
 * @module
 */
import { useState, type FormEvent } from 'react'
import { fieldErrors } from '../../../schemas/api/errors.ts'
import { MeetingDetailResponse } from '../../../schemas/api/meetings.ts'
import { MEETING_STATUS_LABELS, RecordedMeetingStatus, UpdateMeetingInput, type Meeting } from '../../../schemas/entities/meeting.ts'
import { api, ApiFailure } from '../../api/client.ts'
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary.tsx'
import { DateField, SelectField, TextField } from '../../components/Field/Field.tsx'

const DATES = [
  ['heldDate', 'Date it was held'],
  ['minutesToSocialWorkerDate', 'Date the minutes reached the social worker'],
  ['notesDistributedDate', 'Date the notes and updated plan were sent to members'],
] as const
const JOINT_REPORT_DATES = [
  ['jointReportDraftDate', 'Date the draft joint report was sent out'],
  ['jointReportAmendmentsDate', 'Date the amendments were returned'],
  ['jointReportFinalDate', 'Date the final joint report was ready'],
] as const

/**
 * `deputy`: the form as the deputy lead sees it, standing in for an absent social worker (seed 001,
 * 003): held, the day it was held, the minutes and the update to the social worker, nothing else.
 */
export function RecordMeetingForm({ meeting, onSaved, deputy = false }: { meeting: Meeting; onSaved: () => void; deputy?: boolean }) {
  const prefix = `record-${meeting.id}-`
  const dates = deputy ? DATES.slice(0, 2) : meeting.type === 'pre-review' ? [...DATES, ...JOINT_REPORT_DATES] : DATES
  const [draft, setDraft] = useState<Record<string, string>>(() => ({
    status: meeting.status === 'planned' ? 'held' : meeting.status,
    heldDate: meeting.heldDate ?? meeting.date,
    ...Object.fromEntries(dates.slice(1).map(([key]) => [key, meeting[key] ?? ''])),
    socialWorkerUpdateDate: meeting.socialWorkerUpdateDate ?? '',
  }))
  const [absent, setAbsent] = useState(meeting.socialWorkerAbsent || deputy)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string>()
  const set = (key: string) => (value: string) => setDraft((d) => ({ ...d, [key]: value }))
  const planned = draft.status === 'planned'

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const body = planned && deputy
      ? { status: 'planned', heldDate: null, minutesToSocialWorkerDate: null, socialWorkerUpdateDate: null }
      : planned
      ? { status: 'planned', ...Object.fromEntries(dates.map(([key]) => [key, null])), socialWorkerUpdateDate: null, socialWorkerAbsent: false }
      : { ...draft, socialWorkerAbsent: absent, socialWorkerUpdateDate: absent ? draft.socialWorkerUpdateDate : null }
    const parsed = UpdateMeetingInput.safeParse({ ...body, date: meeting.date, type: meeting.type })
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error))
      setMessage(undefined)
      return
    }
    try {
      await api('PATCH', `/api/meetings/${meeting.id}`, MeetingDetailResponse, body)
      onSaved()
    } catch (err) {
      setErrors(err instanceof ApiFailure ? err.fields : {})
      setMessage(err instanceof Error ? err.message : 'Something went wrong')
    }
  }

  return (
    <details className="record">
      <summary>{deputy ? 'Record what happened (the social worker was absent)' : 'Record what happened'}</summary>
      <form onSubmit={submit} noValidate>
        <ErrorSummary message={message} fields={errors} idPrefix={prefix} />
        <SelectField
          name="status"
          idPrefix={prefix}
          label="Status"
          value={draft.status!}
          onChange={set('status')}
          error={errors.status}
          options={RecordedMeetingStatus.options.map((s) => ({ value: s, label: MEETING_STATUS_LABELS[s] }))}
        />
        {!planned &&
          dates.map(([key, label]) => (
            <DateField key={key} name={key} idPrefix={prefix} label={label} value={draft[key] ?? ''} onChange={set(key)} error={errors[key]} />
          ))}
        {!planned && !deputy && (
          <div className="field">
            <label className="checkbox">
              <input type="checkbox" checked={absent} onChange={(e) => setAbsent(e.target.checked)} /> The social worker could not attend
            </label>
          </div>
        )}
        {!planned && absent && (
          <DateField
            name="socialWorkerUpdateDate"
            idPrefix={prefix}
            label="Date the update reached the social worker"
            value={draft.socialWorkerUpdateDate ?? ''}
            onChange={set('socialWorkerUpdateDate')}
            error={errors.socialWorkerUpdateDate}
          />
        )}
        <button className="button button--secondary" type="submit">
          Save
        </button>
      </form>
    </details>
  )
}
