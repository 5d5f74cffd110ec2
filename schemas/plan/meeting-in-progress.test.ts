import { describe, expect, it } from 'vitest'
import { meetingInProgress } from './meeting-in-progress.ts'

const meeting = (date: string, chair: string | null, notes: string | null, status = 'planned') => ({ date, status, chairMemberId: chair, noteTakerMemberId: notes })

describe('meetingInProgress', () => {
  it('is the meeting dated today, with its chair and note taker', () => {
    expect(meetingInProgress([meeting('2026-03-01', 'm-a', 'm-b'), meeting('2026-03-10', 'm-c', 'm-d')], '2026-03-10', null)).toEqual({
      chairMemberId: 'm-c',
      noteTakerMemberId: 'm-d',
    })
  })

  it('is none between meetings: the day before, the day after', () => {
    const meetings = [meeting('2026-03-10', 'm-c', 'm-d')]
    expect(meetingInProgress(meetings, '2026-03-09', 'm-c')).toBeNull()
    expect(meetingInProgress(meetings, '2026-03-11', 'm-c')).toBeNull()
    expect(meetingInProgress([], '2026-03-10', 'm-c')).toBeNull()
  })

  it('counts a meeting already recorded as held that day, never a cancelled one', () => {
    expect(meetingInProgress([meeting('2026-03-10', 'm-c', 'm-d', 'held')], '2026-03-10', null)).not.toBeNull()
    expect(meetingInProgress([meeting('2026-03-10', 'm-c', 'm-d', 'cancelled')], '2026-03-10', 'm-c')).toBeNull()
  })

  it('of two meetings today, takes the one the viewer runs, else the first', () => {
    const meetings = [meeting('2026-03-10', 'm-a', 'm-b'), meeting('2026-03-10', 'm-c', 'm-d')]
    expect(meetingInProgress(meetings, '2026-03-10', 'm-d')).toEqual({ chairMemberId: 'm-c', noteTakerMemberId: 'm-d' })
    expect(meetingInProgress(meetings, '2026-03-10', 'm-z')).toEqual({ chairMemberId: 'm-a', noteTakerMemberId: 'm-b' })
    expect(meetingInProgress(meetings, '2026-03-10', null)).toEqual({ chairMemberId: 'm-a', noteTakerMemberId: 'm-b' })
  })
})
