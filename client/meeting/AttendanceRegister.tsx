/**
 * The attendance register (the minutes' `attendance` rows, issue 10 §3): for each member, present, sent
 * apologies or absent, and for those not attending whether their written report came (their own update
 * written in the minutes counts). A professional who did not attend and sent nothing is flagged in
 * words. The chair, the note taker and the lead social worker record it (the server checks each row);
 * everyone else reads it. The register's word on the lead social worker becomes the meeting's record
 * of their absence on the server.
 * @module
 */
import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { AttendanceRow } from '../../schemas/content/rows.ts'
import { ATTENDANCE_LABELS, attendanceRegister, type AttendanceStatus, type RegisterEntry } from '../../schemas/meeting/attendance.ts'
import { CORE_GROUP_ROLE_LABELS } from '../../schemas/roles.ts'
import type { DocumentSync } from '../collab/document-sync.ts'
import type { MeetingView } from './meeting-view.ts'

export const ATTENDANCE = 'attendance'
const STATUSES: AttendanceStatus[] = ['present', 'apologies', 'absent']

/** The register's rows, live. */
export function useAttendanceRows(sync: DocumentSync | null): AttendanceRow[] {
  const [rows, setRows] = useState<AttendanceRow[]>([])
  useEffect(() => {
    if (!sync) return
    const array = sync.doc.getArray<Y.Map<unknown>>(ATTENDANCE)
    const read = () => {
      const next: AttendanceRow[] = []
      for (const value of array.toJSON()) {
        const parsed = AttendanceRow.safeParse(value)
        if (parsed.success) next.push(parsed.data)
      }
      setRows(next)
    }
    read()
    array.observeDeep(read)
    return () => array.unobserveDeep(read)
  }, [sync])
  return rows
}

/** Sets a member's row: the fields of an existing row, or a new row with every field in one update. */
function setAttendance(sync: DocumentSync, memberId: string, change: Partial<Omit<AttendanceRow, 'memberId'>>): void {
  const array = sync.doc.getArray<Y.Map<unknown>>(ATTENDANCE)
  sync.doc.transact(() => {
    const existing = array.toArray().find((row) => row.get('memberId') === memberId)
    if (existing) {
      for (const [key, value] of Object.entries(change)) existing.set(key, value)
      if (change.status === 'present') existing.delete('reportReceived')
      return
    }
    const row = new Y.Map<unknown>()
    row.set('memberId', memberId)
    row.set('status', change.status ?? 'present')
    if (change.reportReceived !== undefined) row.set('reportReceived', change.reportReceived)
    array.push([row])
  })
}

interface Props {
  sync: DocumentSync
  members: MeetingView['members']
  rows: readonly AttendanceRow[]
  hasUpdate: (memberId: string) => boolean
  /** Why the viewer may not record attendance; undefined when they may. */
  readOnlyReason?: string
  onFocus: () => void
}

export function AttendanceRegister({ sync, members, rows, hasUpdate, readOnlyReason, onFocus }: Props) {
  const register = attendanceRegister(members, rows, hasUpdate)
  const writable = readOnlyReason === undefined
  const flagged = register.filter((e) => e.flag !== null)
  const lead = register.find((e) => e.member.role === 'lead-social-worker')
  const leadAway = lead && (lead.status === 'apologies' || lead.status === 'absent')
  const recorded = register.filter((e) => e.status !== null).length
  return (
    <section className="register" aria-labelledby="register-heading" data-testid="attendance-register" onFocus={onFocus}>
      <h3 id="register-heading" className="register__title">
        Attendance register
      </h3>
      <p className="register__summary">
        {recorded === 0 ? 'Nobody recorded yet.' : `${recorded} of ${register.length} members recorded: ${countWords(register)}.`}
        {!writable && <span className="visually-hidden"> Read only: {readOnlyReason}</span>}
      </p>
      {flagged.length > 0 && (
        <div className="notice notice--warning register__flags" data-testid="attendance-flags">
          <ul>
            {flagged.map((e) => (
              <li key={e.member.id} data-testid={`attendance-flag-${e.member.id}`}>
                {e.flag}
              </li>
            ))}
          </ul>
        </div>
      )}
      {leadAway && (
        <p className="notice" data-testid="social-worker-absent">
          The lead social worker is not here. The core group meets anyway and sends them an update of the meeting within 2 working days; it now shows in the case’s What is due.
        </p>
      )}
      <ul className="register__list">
        {register.map((entry) => (
          <RegisterRow key={entry.member.id} entry={entry} writable={writable} sync={sync} />
        ))}
      </ul>
    </section>
  )
}

function countWords(register: readonly RegisterEntry[]): string {
  const count = (s: AttendanceStatus) => register.filter((e) => e.status === s).length
  return [`${count('present')} present`, `${count('apologies')} sent apologies`, `${count('absent')} absent`].join(', ')
}

function RegisterRow({ entry, writable, sync }: { entry: RegisterEntry; writable: boolean; sync: DocumentSync }) {
  const { member, status, report } = entry
  const name = `attendance-${member.id}`
  const notAttending = status === 'apologies' || status === 'absent'
  return (
    <li className={`register__row${entry.flag ? ' register__row--flagged' : ''}`} data-testid={`attendance-${member.id}`} data-status={status ?? 'not-recorded'}>
      <div className="register__who">
        <strong>{member.name}</strong>
        <span className="register__agency">{member.agency ?? CORE_GROUP_ROLE_LABELS[member.role]}</span>
      </div>
      {writable ? (
        <fieldset className="register__choices">
          <legend className="visually-hidden">Attendance of {member.name}</legend>
          {STATUSES.map((s) => (
            <label key={s} className="register__choice">
              <input type="radio" name={name} value={s} checked={status === s} onChange={() => setAttendance(sync, member.id, { status: s })} />
              {ATTENDANCE_LABELS[s]}
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="register__status">{status ? ATTENDANCE_LABELS[status] : 'Not recorded yet'}</p>
      )}
      {notAttending && (
        <div className="register__report">
          {writable ? (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={report === 'received'}
                onChange={(e) => setAttendance(sync, member.id, { reportReceived: e.target.checked })}
                data-testid={`report-received-${member.id}`}
              />
              Written report received
            </label>
          ) : (
            <span className="register__report-words">{report === 'received' ? 'Written report received' : report === 'own-update' ? '' : 'No written report'}</span>
          )}
          {report === 'own-update' && <span className="register__report-words">Their update in these minutes counts as their written report</span>}
        </div>
      )}
    </li>
  )
}
