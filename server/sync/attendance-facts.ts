/**
 * The attendance register feeds the meeting's record (issue 10 §3): when an accepted update changes
 * the minutes' `attendance` rows, the lead social worker's status there is copied to the meeting's
 * `socialWorkerAbsent` after the commit, which starts (or stops) seed 001's rule that an absent social
 * worker is sent the core group's update within 2 working days. Changes to one meeting are written one
 * after another, in commit order, so the last register wins.
 * @module
 */
import type * as Y from 'yjs'
import { AttendanceRow } from '../../schemas/content/rows.ts'
import { isActiveMember } from '../../schemas/entities/index.ts'
import { leadSocialWorkerAbsent } from '../../schemas/meeting/attendance.ts'
import { recordAudit } from '../db/repos/audit.ts'
import { getMeeting, saveMeeting } from '../db/repos/meetings.ts'
import { listMembers } from '../db/repos/members.ts'
import { getCase } from '../db/repos/cases.ts'
import type { Db } from '../db/schema.ts'
import { errorSummary, log } from '../log.ts'

export const ATTENDANCE_SECTION = 'attendance'

/** The register's rows as the document holds them now (rows that do not parse are left out). */
export function attendanceRowsOf(doc: Y.Doc): AttendanceRow[] {
  const rows: AttendanceRow[] = []
  for (const value of doc.getArray(ATTENDANCE_SECTION).toJSON()) {
    const parsed = AttendanceRow.safeParse(value)
    if (parsed.success) rows.push(parsed.data)
  }
  return rows
}

const pending = new Map<string, Promise<void>>()

/** Copies what the register says of the lead social worker to the meeting, after the update's commit. */
export function recordSocialWorkerAttendance(db: Db, meetingId: string, rows: readonly AttendanceRow[], byUserId: string): Promise<void> {
  const previous = pending.get(meetingId) ?? Promise.resolve()
  const next = previous
    .then(() => copyAbsence(db, meetingId, rows, byUserId))
    .catch((err) => log.error('attendance.record_failed', { meetingId, error: errorSummary(err) }))
    .finally(() => {
      if (pending.get(meetingId) === next) pending.delete(meetingId)
    })
  pending.set(meetingId, next)
  return next
}

async function copyAbsence(db: Db, meetingId: string, rows: readonly AttendanceRow[], byUserId: string): Promise<void> {
  const meeting = await getMeeting(db, meetingId)
  if (!meeting) return
  const members = (await listMembers(db, meeting.caseId)).filter((m) => isActiveMember(m, meeting.date))
  const absent = leadSocialWorkerAbsent(members, rows)
  if (absent === null || absent === meeting.socialWorkerAbsent) return
  // The update already sent stays on record: the register cannot take the absence back then.
  if (!absent && meeting.socialWorkerUpdateDate) return
  await saveMeeting(db, { ...meeting, socialWorkerAbsent: absent })
  const found = await getCase(db, meeting.caseId)
  await recordAudit(db, {
    event: 'social-worker-absence-recorded',
    authorityId: found?.authorityId,
    caseId: meeting.caseId,
    userId: byUserId,
    doc: `meeting:${meetingId}`,
    section: ATTENDANCE_SECTION,
    detail: { meetingId, socialWorkerAbsent: absent },
  })
}
