/**
 * `/api/meetings` and `/api/cases/:id/meetings` payloads: the meeting page's view of one meeting (its
 * agenda, the core group, the viewer's place and the names of its documents).
 * @module
 */
import { z } from 'zod'
import { Meeting } from '../entities/meeting.ts'
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
  case: z.strictObject({ id: z.string(), familyName: z.string() }),
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
