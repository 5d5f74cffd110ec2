/**
 * The `control` section of every document, which only the server writes: whole-document lock,
 * section locks and the finalised version. Both sides read it through this one function.
 * @module
 */
import * as z from 'zod'
import { ControlState, UNLOCKED, type MeetingRoles } from './permissions.ts'

/** The plain control state from the control map's JSON (`doc.getMap('control').toJSON()`). */
export function parseControlState(json: Record<string, unknown>): ControlState {
  if (Object.keys(json).length === 0) return UNLOCKED
  const parsed = ControlState.safeParse({
    locked: json.locked === true,
    sections: json.sections ?? {},
    ...(typeof json.finalisedVersion === 'string' ? { finalisedVersion: json.finalisedVersion } : {}),
  })
  // A control map that cannot be read locks everything rather than nothing.
  return parsed.success ? parsed.data : { locked: true, sections: {} }
}

/** The key under which `control` holds who locked what: section name, or `*` for the whole document. */
export const WHOLE_DOCUMENT_LOCK = '*'

/**
 * What the server also writes into `control` for the pages to show, beyond what the check reads: the
 * meeting's chair and note taker as they are now (so every open page follows a change live), and who
 * locked each section or the whole document (a member id; null for an administrator who is not one).
 */
export interface ControlMeta {
  meetingRoles: MeetingRoles | null
  lockedBy: Readonly<Record<string, string | null>>
}

const MeetingRolesJson = z.strictObject({ chairMemberId: z.string().nullable(), noteTakerMemberId: z.string().nullable() })
const LockedByJson = z.record(z.string(), z.string().nullable())

export function parseControlMeta(json: Record<string, unknown>): ControlMeta {
  const roles = MeetingRolesJson.safeParse(json.meetingRoles)
  const lockedBy = LockedByJson.safeParse(json.lockedBy ?? {})
  return { meetingRoles: roles.success ? roles.data : null, lockedBy: lockedBy.success ? lockedBy.data : {} }
}
