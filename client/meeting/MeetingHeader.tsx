/**
 * The top of the meeting page: what meeting this is, when and where, for which children, and who is
 * chairing and taking notes (with the deputy lead). Those the rules allow (the case's managers and the
 * chair) choose or change the chair and note taker here, from the members present; the server refuses
 * the same person for both, and the form says why before it is sent.
 * @module
 */
import { useId, useState, type FormEvent } from 'react'
import { MeetingDetailResponse } from '../../schemas/api/meetings.ts'
import { CHAIR_IS_NOTE_TAKER_MESSAGE, MEETING_TYPE_LABELS } from '../../schemas/entities/index.ts'
import { chairCandidates, memberLabel } from '../../schemas/meeting/attendance.ts'
import { formatDayDateTime } from '../../schemas/meeting/uk-time.ts'
import type { AttendanceRow } from '../../schemas/content/rows.ts'
import type { MeetingRoles } from '../../schemas/permissions.ts'
import { api, ApiFailure } from '../api/client.ts'
import { reportPath } from '../report/ReportStatusSummary.tsx'
import type { MeetingView } from './meeting-view.ts'

type Member = MeetingView['members'][number]

interface Props {
  view: MeetingView
  /** The roles as they are now (the minutes' control follows changes live). */
  roles: MeetingRoles
  /** Whether this viewer may choose the chair and note taker. */
  mayChooseRoles: boolean
  attendance: readonly AttendanceRow[]
  onChanged: (view: MeetingView) => void
  offline: boolean
  /** Whether the minutes are finalised (their control says so). */
  finalised: boolean
  /** Whether the viewer runs the case (finalises, shares, reopens). */
  manages: boolean
}

export function MeetingHeader({ view, roles, mayChooseRoles, attendance, onChanged, offline, finalised, manages }: Props) {
  const { meeting } = view
  const member = (id: string | null) => (id ? view.members.find((m) => m.id === id) : undefined)
  const deputy = view.members.find((m) => m.role === 'deputy-lead')
  const [choosing, setChoosing] = useState(false)
  const children = view.case.children.map((c) => c.name)
  return (
    <header className="meeting-header" data-testid="meeting-header">
      <p className="page__caption">
        <a href={`/cases/${view.case.id}`}>{view.case.familyName} family</a>
      </p>
      <h1 className="page__title">
        {MEETING_TYPE_LABELS[meeting.type]}
        {finalised && (
          <span className="tag tag--met meeting-header__tag" data-testid="meeting-finalised">
            Finalised
          </span>
        )}
      </h1>
      <p className="meeting-header__when" data-testid="meeting-when">
        {formatDayDateTime(meeting.date, meeting.time)}
      </p>
      <dl className="meeting-header__facts">
        <div>
          <dt>Where</dt>
          <dd data-testid="meeting-where">
            {meeting.venue ?? (meeting.onlineLink ? null : 'Not set yet')}
            {meeting.venue && meeting.onlineLink ? ' · ' : null}
            {meeting.onlineLink && (
              <a href={meeting.onlineLink} rel="noreferrer noopener" target="_blank">
                Join online
              </a>
            )}
          </dd>
        </div>
        {children.length > 0 && (
          <div>
            <dt>{children.length === 1 ? 'Child' : 'Children'}</dt>
            <dd>{children.join(', ')}</dd>
          </div>
        )}
        <div>
          <dt>Chair</dt>
          <dd data-testid="meeting-chair">{describe(member(roles.chairMemberId))}</dd>
        </div>
        <div>
          <dt>Note taker</dt>
          <dd data-testid="meeting-note-taker">{describe(member(roles.noteTakerMemberId))}</dd>
        </div>
        {deputy && (
          <div>
            <dt>Deputy lead</dt>
            <dd>{memberLabel(deputy)}</dd>
          </div>
        )}
      </dl>
      <ul className="meeting-header__links">
        {meeting.type === 'pre-review' && (
          <li>
            <a href={reportPath(meeting.id)} data-testid="link-report">
              Joint report for the review conference
            </a>
          </li>
        )}
        <li>
          <a href={`/meetings/${encodeURIComponent(meeting.id)}/record`} data-testid="link-record">
            {manages ? 'Finalise and share the minutes' : 'Finalised minutes and your copies'}
          </a>
        </li>
      </ul>
      {mayChooseRoles && !choosing && !finalised && (
        <button type="button" className="button button--secondary" onClick={() => setChoosing(true)} disabled={offline} data-testid="change-roles">
          {roles.chairMemberId || roles.noteTakerMemberId ? 'Change the chair or note taker' : 'Choose the chair and note taker'}
        </button>
      )}
      {mayChooseRoles && offline && <p className="field__hint">You can change the chair and note taker when you are back online.</p>}
      {choosing && (
        <RolesForm
          meetingId={meeting.id}
          roles={roles}
          candidates={chairCandidates(view.members, attendance)}
          onDone={(next) => {
            setChoosing(false)
            if (next) onChanged(next)
          }}
        />
      )}
    </header>
  )
}

function describe(member: Member | undefined): string {
  return member ? memberLabel(member) : 'Not chosen yet'
}

function RolesForm({ meetingId, roles, candidates, onDone }: { meetingId: string; roles: MeetingRoles; candidates: readonly Member[]; onDone: (view: MeetingView | null) => void }) {
  const chairId = useId()
  const noteId = useId()
  const [chair, setChair] = useState(roles.chairMemberId ?? '')
  const [noteTaker, setNoteTaker] = useState(roles.noteTakerMemberId ?? '')
  const [problem, setProblem] = useState<string>()
  const same = chair !== '' && chair === noteTaker
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (same) return
    try {
      const saved = await api('POST', `/api/meetings/${encodeURIComponent(meetingId)}/roles`, MeetingDetailResponse, {
        chairMemberId: chair || null,
        noteTakerMemberId: noteTaker || null,
      })
      onDone(saved as MeetingView)
    } catch (err) {
      setProblem(err instanceof ApiFailure ? err.message : 'Could not change the chair and note taker. Try again.')
    }
  }
  const options = (
    <>
      <option value="">Not chosen yet</option>
      {candidates.map((m) => (
        <option key={m.id} value={m.id}>
          {memberLabel(m)}
        </option>
      ))}
    </>
  )
  return (
    <form className="roles-form" onSubmit={(e) => void submit(e)} data-testid="roles-form">
      <p className="field__hint">Choose from the members here today. The chair and the note taker must be different people, so that one can lead the discussion while the other records it.</p>
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
      <div className="roles-form__fields">
        <div className="field">
          <label className="field__label" htmlFor={chairId}>
            Chair
          </label>
          <select id={chairId} className="field__input" value={chair} onChange={(e) => setChair(e.target.value)} data-testid="roles-chair">
            {options}
          </select>
        </div>
        <div className={`field${same ? ' field--error' : ''}`}>
          <label className="field__label" htmlFor={noteId}>
            Note taker
          </label>
          {same && <p className="field__error">{CHAIR_IS_NOTE_TAKER_MESSAGE}</p>}
          <select id={noteId} className="field__input" value={noteTaker} onChange={(e) => setNoteTaker(e.target.value)} aria-invalid={same || undefined} data-testid="roles-note-taker">
            {options}
          </select>
        </div>
      </div>
      <div className="roles-form__actions">
        <button type="submit" className="button" disabled={same} data-testid="roles-save">
          Save
        </button>
        <button type="button" className="link-button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  )
}
