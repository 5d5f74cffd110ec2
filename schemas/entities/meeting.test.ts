import { describe, expect, it } from 'vitest'
import type * as z from 'zod'
import { fieldErrors } from '../api/errors.ts'
import { CancelMeetingInput, chairIsNoteTaker, CreateMeetingInput, Meeting, UpdateMeetingInput } from './meeting.ts'

const errors = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value)
  return result.success ? {} : fieldErrors(result.error)
}

const plan = {
  type: 'first',
  date: '2026-01-15',
  time: '09:30',
  venue: 'Family Centre, Room 2',
  chairMemberId: 'm-chair',
  noteTakerMemberId: 'm-notes',
}

describe('CreateMeetingInput', () => {
  it('accepts a venue or an online link', () => {
    expect(CreateMeetingInput.parse(plan)).toEqual({ ...plan, onlineLink: null, viceChairMemberId: null })
    expect(CreateMeetingInput.parse({ ...plan, venue: '', onlineLink: 'https://meet.example.org/abc' })).toMatchObject({
      venue: null,
      onlineLink: 'https://meet.example.org/abc',
    })
  })

  it('may leave type and date to the proposal', () => {
    expect(CreateMeetingInput.parse({ time: '14:00', venue: 'Town Hall' })).toEqual({
      time: '14:00',
      venue: 'Town Hall',
      onlineLink: null,
      chairMemberId: null,
      noteTakerMemberId: null,
      viceChairMemberId: null,
    })
  })

  it('explains each problem for the form', () => {
    expect(
      errors(CreateMeetingInput, { ...plan, type: 'annual', date: '2026-02-29', time: '24:00', venue: ' ', onlineLink: 'http://x.org' }),
    ).toEqual({
      type: 'Select the type of core group',
      date: 'Date of the meeting must be a real date',
      time: 'Start time must be a real time, like 09:30 or 14:00',
      onlineLink: 'Enter the online meeting link, starting with https://',
    })
    expect(errors(CreateMeetingInput, { ...plan, venue: '' })).toEqual({ venue: 'Enter a venue or an online meeting link' })
    expect(errors(CreateMeetingInput, { ...plan, time: '' })).toEqual({ time: 'Enter the start time' })
  })
})

describe('chairIsNoteTaker', () => {
  it('finds one member in both roles (a 409 conflict, not a schema error)', () => {
    expect(chairIsNoteTaker({ chairMemberId: 'a', noteTakerMemberId: 'a' })).toBe(true)
    expect(chairIsNoteTaker({ chairMemberId: 'a', noteTakerMemberId: 'b' })).toBe(false)
    expect(chairIsNoteTaker({ chairMemberId: null, noteTakerMemberId: null })).toBe(false)
    expect(CreateMeetingInput.safeParse({ ...plan, noteTakerMemberId: 'm-chair' }).success).toBe(true)
  })
})

describe('Meeting', () => {
  const row = Meeting.parse({
    id: 'mt1',
    caseId: 'c1',
    ...plan,
    status: 'planned',
    createdAt: '2026-01-06T10:00:00.000Z',
    updatedAt: '2026-01-06T10:00:00.000Z',
  })

  it('fills the recorded dates with null and the absence flag with false', () => {
    expect(row).toMatchObject({ heldDate: null, notesDistributedDate: null, socialWorkerAbsent: false })
  })

  it('keeps recorded dates consistent with the status and the meeting day', () => {
    expect(errors(Meeting, { ...row, notesDistributedDate: '2026-01-20' })).toEqual({
      notesDistributedDate: 'Date the notes were sent out can only be entered once the meeting is held',
    })
    expect(errors(Meeting, { ...row, status: 'notes-distributed' })).toEqual({
      notesDistributedDate: 'Enter the date the notes were sent out',
    })
    expect(errors(Meeting, { ...row, status: 'held', heldDate: '2026-01-16', minutesToSocialWorkerDate: '2026-01-15' })).toEqual({
      minutesToSocialWorkerDate: 'Date the minutes reached the social worker must be on or after the day of the meeting',
    })
    expect(errors(Meeting, { ...row, status: 'held', socialWorkerUpdateDate: '2026-01-16' })).toEqual({
      socialWorkerUpdateDate: 'Only enter this date when the social worker was absent',
    })
  })

  it('keeps joint report dates to the pre-review core group, in order', () => {
    expect(errors(Meeting, { ...row, status: 'held', jointReportDraftDate: '2026-01-20' })).toEqual({
      jointReportDraftDate: 'Only a core group before the review conference has a joint report',
    })
    const preReview = { ...row, type: 'pre-review', status: 'held' }
    expect(errors(Meeting, { ...preReview, jointReportDraftDate: '2026-01-20', jointReportAmendmentsDate: '2026-01-19' })).toEqual({
      jointReportAmendmentsDate: 'Date the amendments were returned must be on or after the draft was sent out',
    })
  })
})

describe('cancelled and re-arranged meetings', () => {
  const row = Meeting.parse({ id: 'mt2', caseId: 'c1', ...plan, status: 'planned', createdAt: '2026-01-06T10:00:00.000Z', updatedAt: '2026-01-06T10:00:00.000Z' })
  it('holds a cancellation exactly when cancelled, and no record dates', () => {
    const cancellation = { reason: 'The family were in hospital', date: '2026-01-14', by: 'u1' }
    expect(errors(Meeting, { ...row, status: 'cancelled', cancellation: null })).toEqual({ cancellation: 'Give the reason the core group is cancelled' })
    expect(errors(Meeting, { ...row, status: 'planned', cancellation })).toEqual({ cancellation: 'Only a cancelled core group has a cancellation' })
    expect(errors(Meeting, { ...row, status: 'cancelled', cancellation, heldDate: '2026-01-15' })).toEqual({ heldDate: 'Date the meeting was held can only be entered once the meeting is held' })
    expect(Meeting.parse({ ...row, status: 'cancelled', cancellation }).cancellation).toEqual(cancellation)
  })
  it('asks for the reason of a re-arrangement in words, and never takes a cancellation by PATCH', () => {
    expect(errors(UpdateMeetingInput, { date: '2026-02-01', rearrangeReason: '' })).toEqual({ rearrangeReason: 'Give the reason the core group is re-arranged' })
    expect(errors(CancelMeetingInput, {})).toEqual({ reason: 'Give the reason the core group is cancelled' })
    expect(errors(UpdateMeetingInput, { status: 'cancelled' })).toEqual({ status: 'Select the status of the meeting' })
  })
})

describe('UpdateMeetingInput', () => {
  it('records a meeting as held with the social worker absent', () => {
    expect(UpdateMeetingInput.parse({ status: 'held', heldDate: '2026-01-15', socialWorkerAbsent: true })).toEqual({
      status: 'held',
      heldDate: '2026-01-15',
      socialWorkerAbsent: true,
    })
  })
  it('clears a field with null and refuses unknown ones', () => {
    expect(UpdateMeetingInput.parse({ onlineLink: null })).toEqual({ onlineLink: null })
    expect(errors(UpdateMeetingInput, { status: 'cancelled', minutes: 'x' })).toEqual({
      status: 'Select the status of the meeting',
      minutes: 'This field is not recognised',
    })
  })
})
