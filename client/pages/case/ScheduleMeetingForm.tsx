/**
 * "Schedule the next core group": pre-filled with the date and type the timescales propose, and why.
 * Errors come from `CreateMeetingInput`, the schema the API uses; the API answers 409 when the chair
 * is also the note taker.
 * @module
 */
import { useState, type FormEvent } from 'react'
import type { MeetingProposalBody } from '../../../schemas/api/cases.ts'
import { fieldErrors } from '../../../schemas/api/errors.ts'
import { MeetingResponse } from '../../../schemas/api/meetings.ts'
import { CHAIR_IS_NOTE_TAKER_MESSAGE, chairIsNoteTaker, CreateMeetingInput, MEETING_TYPE_LABELS, MeetingType } from '../../../schemas/entities/meeting.ts'
import type { Member } from '../../../schemas/entities/member.ts'
import { api, ApiFailure } from '../../api/client.ts'
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary.tsx'
import { DateField, SelectField, TextField } from '../../components/Field/Field.tsx'
import { dayAndDate } from '../../dates.ts'

export function ScheduleMeetingForm({ caseId, proposal, members, onScheduled }: { caseId: string; proposal: MeetingProposalBody; members: readonly Member[]; onScheduled: () => void }) {
  const [draft, setDraft] = useState({ type: proposal.type as string, date: proposal.date, time: '10:00', venue: '', onlineLink: '', chairMemberId: '', noteTakerMemberId: '' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string>()
  const [busy, setBusy] = useState(false)
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }))
  const people = [{ value: '', label: 'Not chosen yet' }, ...members.map((m) => ({ value: m.id, label: `${m.name}${m.agency ? ` (${m.agency})` : ''}` }))]

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const parsed = CreateMeetingInput.safeParse({ ...draft, chairMemberId: draft.chairMemberId || null, noteTakerMemberId: draft.noteTakerMemberId || null })
    if (!parsed.success || chairIsNoteTaker(parsed.data)) {
      setErrors(parsed.success ? { noteTakerMemberId: CHAIR_IS_NOTE_TAKER_MESSAGE } : fieldErrors(parsed.error))
      setMessage(undefined)
      return
    }
    setBusy(true)
    try {
      await api('POST', `/api/cases/${caseId}/meetings`, MeetingResponse, parsed.data)
      onScheduled()
    } catch (err) {
      setErrors(err instanceof ApiFailure ? err.fields : {})
      setMessage(err instanceof Error ? err.message : 'Something went wrong')
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="schedule-title" data-testid="schedule-form">
      <h2 className="section-title" id="schedule-title">
        Schedule the next core group
      </h2>
      <ErrorSummary message={message} fields={errors} />
      <p className="notice" data-testid="proposal">
        Proposed: <strong>{MEETING_TYPE_LABELS[proposal.type]}</strong> on <strong>{dayAndDate(proposal.date)}</strong> — {proposal.reason}.
      </p>
      <SelectField name="type" label="Type of core group" value={draft.type} onChange={set('type')} error={errors.type} options={MeetingType.options.map((t) => ({ value: t, label: MEETING_TYPE_LABELS[t] }))} />
      <DateField name="date" label="Date" hint={draft.date ? dayAndDate(draft.date) : undefined} value={draft.date} onChange={set('date')} error={errors.date} />
      <TextField name="time" label="Start time" type="time" value={draft.time} onChange={set('time')} error={errors.time} />
      <TextField name="venue" label="Venue" hint="Or give an online meeting link below." value={draft.venue} onChange={set('venue')} error={errors.venue} />
      <TextField name="onlineLink" label="Online meeting link" type="url" value={draft.onlineLink} onChange={set('onlineLink')} error={errors.onlineLink} />
      <SelectField name="chairMemberId" label="Chair" value={draft.chairMemberId} onChange={set('chairMemberId')} error={errors.chairMemberId} options={people} />
      <SelectField
        name="noteTakerMemberId"
        label="Note taker"
        hint="The note taker must be a different person from the chair."
        value={draft.noteTakerMemberId}
        onChange={set('noteTakerMemberId')}
        error={errors.noteTakerMemberId}
        options={people}
      />
      <button className="button" type="submit" disabled={busy}>
        Schedule core group
      </button>
    </form>
  )
}
