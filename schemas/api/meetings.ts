/**
 * `/api/meetings` and `/api/cases/:id/meetings` payloads: the meeting page's view of one meeting (its
 * agenda, the core group, the viewer's place and the names of its documents).
 * @module
 */
import * as z from 'zod'
import { Id } from '../entities/fields.ts'
import { Meeting, MeetingType } from '../entities/meeting.ts'
import { CoreGroupRole } from '../roles.ts'
import { AgendaItem } from '../templates/agenda-item.ts'

/** A current member as the meeting page shows them. */
export const MeetingMember = z.strictObject({
  id: z.string(),
  name: z.string(),
  agency: z.string().nullable(),
  role: CoreGroupRole,
})
export type MeetingMember = z.infer<typeof MeetingMember>

/** The documents of a meeting the viewer may open; null where they may not (or it does not exist). */
export const MeetingDocuments = z.strictObject({
  /** `meeting:<id>`: the minutes, read by every member. */
  minutes: z.string(),
  /** `meeting:<id>:restricted`: professionals only. */
  restricted: z.string().nullable(),
  /** `report:<id>`: the joint report of a pre-review core group, professionals only. */
  report: z.string().nullable(),
})
export type MeetingDocuments = z.infer<typeof MeetingDocuments>

/** GET /api/meetings/:id (and the body of PATCH /api/meetings/:id). */
export const MeetingDetailResponse = z.strictObject({
  meeting: Meeting,
  case: z.strictObject({ id: z.string(), familyName: z.string(), children: z.array(z.strictObject({ name: z.string() })) }),
  /** The agenda of the meeting's type in the authority's chosen variant. */
  agenda: z.array(AgendaItem),
  /** Members of the core group who have not opted out. */
  members: z.array(MeetingMember),
  /** The signed-in user's membership; null for an administrator who is not a member. */
  viewer: z.strictObject({ memberId: z.string(), role: CoreGroupRole }).nullable(),
  meetingRoles: z.strictObject({ chairMemberId: z.string().nullable(), noteTakerMemberId: z.string().nullable() }),
  documents: MeetingDocuments,
})
export type MeetingDetailResponse = z.infer<typeof MeetingDetailResponse>

/** GET /api/cases/:id/meetings. */
export const MeetingListResponse = z.strictObject({ meetings: z.array(Meeting) })
export type MeetingListResponse = z.infer<typeof MeetingListResponse>

/** POST /api/cases/:id/meetings. */
export const MeetingResponse = z.strictObject({ meeting: Meeting })
export type MeetingResponse = z.infer<typeof MeetingResponse>

/** POST /api/meetings/:id/roles: the meeting's chair and note taker, chosen at the start of the meeting (different people). */
export const MeetingRolesInput = z.strictObject({
  chairMemberId: Id.nullable(),
  noteTakerMemberId: Id.nullable(),
})
export type MeetingRolesInput = z.infer<typeof MeetingRolesInput>

/** GET /api/meetings/:id/next-meetings: the core groups still to plan until the next review conference. */
export const NextMeetingsResponse = z.strictObject({
  /** The review conference the series leads to (booked, or when the timescales say it is due). */
  conference: z.string(),
  proposals: z.array(z.strictObject({ date: z.string(), type: MeetingType, reason: z.string() })),
})
export type NextMeetingsResponse = z.infer<typeof NextMeetingsResponse>
