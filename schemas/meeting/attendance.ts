/**
 * The attendance register's rules (the minutes' `attendance` rows, issue 10 §3): who was present, sent
 * apologies or was absent; who sent a written report instead (recorded as received, or their own
 * update written in the minutes); and who is flagged. Seed 004: "It is not acceptable for an agency to
 * not attend a core group meeting and not provide any written information to the social worker" —
 * so a professional who did not attend and sent nothing is flagged, in words. The register fills the
 * notes' "who attended, apologies" (the export) and says whether the lead social worker was absent,
 * which starts seed 001's 2-working-day update rule.
 * @module
 */
import type { AttendanceRow } from '../content/rows.ts'
import { PROFESSIONAL_ROLES, type CoreGroupRole } from '../roles.ts'

export type AttendanceStatus = AttendanceRow['status']

export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: 'Present',
  apologies: 'Sent apologies',
  absent: 'Absent',
}

export interface RegisterMember {
  id: string
  name: string
  agency?: string | null
  role: CoreGroupRole
}

/** How a member not attending informed the meeting. */
export type ReportSource = 'received' | 'own-update' | null

export interface RegisterEntry {
  member: RegisterMember
  /** Null until the register records them. */
  status: AttendanceStatus | null
  /** For a member not attending: their written report, if any. Null for those present. */
  report: ReportSource
  /** Why this entry needs attention, in words; null when it does not. */
  flag: string | null
}

/**
 * One entry per current member, in the members' order. The last row for a member wins (a register
 * edited twice for the same person keeps the newer status). `hasUpdate(memberId)` says whether the
 * member's own update in the minutes has any text: written before the meeting, it is their report.
 */
export function attendanceRegister(
  members: readonly RegisterMember[],
  rows: readonly AttendanceRow[],
  hasUpdate: (memberId: string) => boolean,
): RegisterEntry[] {
  const byMember = new Map<string, AttendanceRow>()
  for (const row of rows) byMember.set(row.memberId, row)
  return members.map((member) => {
    const row = byMember.get(member.id)
    const status = row?.status ?? null
    if (status === null || status === 'present') return { member, status, report: null, flag: null }
    const report: ReportSource = row?.reportReceived ? 'received' : hasUpdate(member.id) ? 'own-update' : null
    const flag =
      report === null && PROFESSIONAL_ROLES.has(member.role)
        ? `${member.name} did not attend and no written report has been received. The guidance says this is not acceptable: ask for their report.`
        : null
    return { member, status, report, flag }
  })
}

/** A member as the notes name them: "Sam Hill (Riverside Primary School)". */
export function memberLabel(member: RegisterMember): string {
  return member.agency ? `${member.name} (${member.agency})` : member.name
}

/** The notes' lists: who attended, who sent apologies, who was absent, and whose written report came. */
export function attendanceLists(register: readonly RegisterEntry[]) {
  const of = (status: AttendanceStatus) => register.filter((e) => e.status === status).map((e) => memberLabel(e.member))
  return {
    attended: of('present'),
    apologies: of('apologies'),
    absent: of('absent'),
    reportsFrom: register.filter((e) => e.report !== null).map((e) => memberLabel(e.member)),
    notRecorded: register.filter((e) => e.status === null).map((e) => memberLabel(e.member)),
    flagged: register.filter((e) => e.flag !== null).map((e) => e.member.id),
  }
}

/**
 * Whether the register shows the lead social worker not attending (apologies or absent): true, false
 * when they are recorded present, null while the register does not say.
 */
export function leadSocialWorkerAbsent(members: readonly RegisterMember[], rows: readonly AttendanceRow[]): boolean | null {
  const lead = members.find((m) => m.role === 'lead-social-worker')
  if (!lead) return null
  const row = [...rows].reverse().find((r) => r.memberId === lead.id)
  return row ? row.status !== 'present' : null
}

/** Those the chair and note taker may be chosen from: the members recorded present, or everyone before the register is taken. */
export function chairCandidates<M extends RegisterMember>(members: readonly M[], rows: readonly AttendanceRow[]): M[] {
  const present = new Set(rows.filter((r) => r.status === 'present').map((r) => r.memberId))
  return present.size === 0 ? [...members] : members.filter((m) => present.has(m.id))
}
