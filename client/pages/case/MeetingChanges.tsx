/**
 * "Change this meeting" for a planned core group: its chair, note taker and vice chair (write access
 * moves with them: the server closes the affected people's sockets and the open pages follow), moving
 * it to another day or time, and cancelling it. Moving and cancelling need a reason (seed 000: only in
 * exceptional circumstances); the timescale stays measured from the rule, never from the move.
 * @module
 */
import { useState, type FormEvent } from 'react'
import { fieldErrors } from '../../../schemas/api/errors.ts'
import { MeetingDetailResponse } from '../../../schemas/api/meetings.ts'
import { CancelMeetingInput, UpdateMeetingInput, type Meeting, type Member } from '../../../schemas/entities/index.ts'
import { CORE_GROUP_ROLE_LABELS } from '../../../schemas/roles.ts'
import { api, ApiFailure } from '../../api/client.ts'
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary.tsx'
import { DateField, SelectField, TextAreaField, TextField } from '../../components/Field/Field.tsx'

type Send = (method: 'PATCH' | 'POST', path: string, body: unknown) => Promise<void>

function useSubmit(onSaved: () => void): [Send, Record<string, string>, string | undefined, (fields: Record<string, string>) => void] {
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string>()
  const send: Send = async (method, path, body) => {
    try {
      await api(method, path, MeetingDetailResponse, body)
      setErrors({})
      setMessage(undefined)
      onSaved()
    } catch (err) {
      setErrors(err instanceof ApiFailure ? err.fields : {})
      setMessage(err instanceof Error ? err.message : 'Something went wrong')
    }
  }
  return [send, errors, message, (fields) => { setErrors(fields); setMessage(undefined) }]
}

function RolesForm({ meeting, members, onSaved }: { meeting: Meeting; members: readonly Member[]; onSaved: () => void }) {
  const prefix = `roles-${meeting.id}-`
  const [draft, setDraft] = useState({ chairMemberId: meeting.chairMemberId ?? '', noteTakerMemberId: meeting.noteTakerMemberId ?? '', viceChairMemberId: meeting.viceChairMemberId ?? '' })
  const [send, errors, message] = useSubmit(onSaved)
  const options = [{ value: '', label: 'Not chosen yet' }, ...members.map((m) => ({ value: m.id, label: `${m.name} (${m.agency ?? CORE_GROUP_ROLE_LABELS[m.role]})` }))]
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const body = Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v === '' ? null : v]))
    void send('PATCH', `/api/meetings/${meeting.id}`, body)
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Chair, note taker and vice chair">
      <h4 className="form-title">Chair, note taker and vice chair</h4>
      <ErrorSummary message={message} fields={errors} idPrefix={prefix} />
      <SelectField name="chairMemberId" idPrefix={prefix} label="Chair" value={draft.chairMemberId} onChange={set('chairMemberId')} error={errors.chairMemberId} options={options} />
      <SelectField name="noteTakerMemberId" idPrefix={prefix} label="Note taker" value={draft.noteTakerMemberId} onChange={set('noteTakerMemberId')} error={errors.noteTakerMemberId} options={options} />
      <SelectField name="viceChairMemberId" idPrefix={prefix} label="Vice chair" hint="Chairs when the chair cannot." value={draft.viceChairMemberId} onChange={set('viceChairMemberId')} error={errors.viceChairMemberId} options={options} />
      <button className="button button--secondary" type="submit">
        Save the roles
      </button>
    </form>
  )
}

function RearrangeForm({ meeting, onSaved }: { meeting: Meeting; onSaved: () => void }) {
  const prefix = `rearrange-${meeting.id}-`
  const [draft, setDraft] = useState({ date: meeting.date, time: meeting.time, rearrangeReason: '' })
  const [send, errors, message, setErrors] = useSubmit(onSaved)
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const parsed = UpdateMeetingInput.safeParse(draft)
    if (!parsed.success) return setErrors(fieldErrors(parsed.error))
    void send('PATCH', `/api/meetings/${meeting.id}`, parsed.data)
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Re-arrange this core group">
      <h4 className="form-title">Re-arrange</h4>
      <ErrorSummary message={message} fields={errors} idPrefix={prefix} />
      <DateField name="date" idPrefix={prefix} label="New date" value={draft.date} onChange={set('date')} error={errors.date} />
      <TextField type="time" name="time" idPrefix={prefix} label="New start time" value={draft.time} onChange={set('time')} error={errors.time} />
      <TextAreaField name="rearrangeReason" idPrefix={prefix} label="Why it has to move" hint="Core groups are re-arranged only in exceptional circumstances; the reason is kept with the meeting." value={draft.rearrangeReason} onChange={set('rearrangeReason')} error={errors.rearrangeReason} />
      <button className="button button--secondary" type="submit">
        Re-arrange
      </button>
    </form>
  )
}

function CancelForm({ meeting, onSaved }: { meeting: Meeting; onSaved: () => void }) {
  const prefix = `cancel-${meeting.id}-`
  const [reason, setReason] = useState('')
  const [send, errors, message, setErrors] = useSubmit(onSaved)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const parsed = CancelMeetingInput.safeParse({ reason })
    if (!parsed.success) return setErrors(fieldErrors(parsed.error))
    void send('POST', `/api/meetings/${meeting.id}/cancel`, parsed.data)
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Cancel this core group">
      <h4 className="form-title">Cancel</h4>
      <ErrorSummary message={message} fields={errors} idPrefix={prefix} />
      <TextAreaField name="reason" idPrefix={prefix} label="Why it is cancelled" hint="Only in exceptional circumstances. The next core group is still due by the same date." value={reason} onChange={setReason} error={errors.reason} />
      <button className="button button--warning" type="submit">
        Cancel this core group
      </button>
    </form>
  )
}

export function MeetingChanges({ meeting, members, onSaved }: { meeting: Meeting; members: readonly Member[]; onSaved: () => void }) {
  return (
    <details className="record">
      <summary>Change this meeting</summary>
      <div className="record__forms">
        <RolesForm meeting={meeting} members={members} onSaved={onSaved} />
        {meeting.status === 'planned' && <RearrangeForm meeting={meeting} onSaved={onSaved} />}
        {meeting.status === 'planned' && <CancelForm meeting={meeting} onSaved={onSaved} />}
      </div>
    </details>
  )
}
