import { describe, expect, it } from 'vitest'
import type { AttendanceRow } from '../content/rows.ts'
import { attendanceLists, attendanceRegister, chairCandidates, leadSocialWorkerAbsent, type RegisterMember } from './attendance.ts'

const members: RegisterMember[] = [
  { id: 'sw', name: 'Alex Morgan', agency: 'Children’s Social Care', role: 'lead-social-worker' },
  { id: 'teacher', name: 'Sam Hill', agency: 'Riverside Primary School', role: 'professional' },
  { id: 'hv', name: 'Priya Shah', agency: 'Health visiting', role: 'professional' },
  { id: 'mum', name: 'Jo Brook', role: 'parent-carer' },
]
const row = (memberId: string, status: AttendanceRow['status'], reportReceived?: boolean): AttendanceRow =>
  reportReceived === undefined ? { memberId, status } : { memberId, status, reportReceived }
const noUpdates = () => false

describe('the attendance register', () => {
  it('flags a professional who neither attended nor sent a report, in words', () => {
    const register = attendanceRegister(members, [row('teacher', 'absent')], noUpdates)
    const teacher = register.find((e) => e.member.id === 'teacher')!
    expect(teacher.flag).toMatch(/Sam Hill did not attend and no written report has been received/)
    expect(teacher.flag).toMatch(/not acceptable/)
    expect(register.filter((e) => e.flag !== null)).toHaveLength(1)
  })

  it('flags apologies without a report too, but not once a report is received', () => {
    expect(attendanceRegister(members, [row('hv', 'apologies')], noUpdates)[2]!.flag).not.toBeNull()
    const received = attendanceRegister(members, [row('hv', 'apologies', true)], noUpdates)[2]!
    expect(received.report).toBe('received')
    expect(received.flag).toBeNull()
  })

  it('counts the member’s own update, written before the meeting, as their report', () => {
    const entry = attendanceRegister(members, [row('teacher', 'absent')], (id) => id === 'teacher')[1]!
    expect(entry.report).toBe('own-update')
    expect(entry.flag).toBeNull()
  })

  it('does not flag family members who could not come, nor anyone present or not yet recorded', () => {
    const register = attendanceRegister(members, [row('mum', 'absent'), row('sw', 'present')], noUpdates)
    expect(register.map((e) => e.flag)).toEqual([null, null, null, null])
    expect(register.map((e) => e.status)).toEqual(['present', null, null, 'absent'])
  })

  it('keeps the last row for a member', () => {
    const register = attendanceRegister(members, [row('teacher', 'absent'), row('teacher', 'present')], noUpdates)
    expect(register[1]!.status).toBe('present')
  })

  it('fills the notes’ lists with names and agencies', () => {
    const register = attendanceRegister(members, [row('sw', 'present'), row('teacher', 'apologies', true), row('hv', 'absent'), row('mum', 'present')], noUpdates)
    expect(attendanceLists(register)).toEqual({
      attended: ['Alex Morgan (Children’s Social Care)', 'Jo Brook'],
      apologies: ['Sam Hill (Riverside Primary School)'],
      absent: ['Priya Shah (Health visiting)'],
      reportsFrom: ['Sam Hill (Riverside Primary School)'],
      notRecorded: [],
      flagged: ['hv'],
    })
  })

  it('says whether the lead social worker was absent (seed 001’s update rule starts from it)', () => {
    expect(leadSocialWorkerAbsent(members, [])).toBeNull()
    expect(leadSocialWorkerAbsent(members, [row('sw', 'apologies')])).toBe(true)
    expect(leadSocialWorkerAbsent(members, [row('sw', 'absent'), row('sw', 'present')])).toBe(false)
  })

  it('offers the members present as chair and note taker, or everyone before the register is taken', () => {
    expect(chairCandidates(members, []).map((m) => m.id)).toEqual(['sw', 'teacher', 'hv', 'mum'])
    expect(chairCandidates(members, [row('sw', 'present'), row('hv', 'present'), row('teacher', 'absent')]).map((m) => m.id)).toEqual(['sw', 'hv'])
  })
})
