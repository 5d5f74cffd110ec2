/**
 * What of the membership and contact sheet a family member may see (issue 14, item 1).
 *
 * Seed 004's sheet is shared with the whole core group so that everyone can reach the professionals:
 * a parent sees each professional's name, agency, role, work contact details and how they share
 * information. Another family member's contact details and how they are sent information are never
 * shown to a family member: where parents live apart (domestic abuse among them) an address, a phone
 * number or "post to the refuge" could put someone in danger. A family member always sees their own row
 * whole. Professionals see every row, as before. Pure: the server applies it to every answer that
 * carries members (`GET /api/cases/:id`, `GET /api/cases/:id/members`).
 * @module
 */
import type { Member } from '../entities/member.ts'
import { PROFESSIONAL_ROLES, type CoreGroupRole } from '../roles.ts'

/** Put in place of another family member's "How will information be shared securely?". */
export const WITHHELD_SHARING = 'Not shared with other family members'

/** True for the roles of the family's side of the group: parents and carers, the child, advocates. */
export function isFamilyRole(role: CoreGroupRole | null): boolean {
  return role !== null && !PROFESSIONAL_ROLES.has(role)
}

/**
 * The member row as a viewer of role `viewerRole` (null: an administrator who is not a member) and
 * membership `viewerMemberId` may see it.
 */
export function memberForViewer(member: Member, viewerRole: CoreGroupRole | null, viewerMemberId: string | null): Member {
  if (!isFamilyRole(viewerRole) || member.id === viewerMemberId || PROFESSIONAL_ROLES.has(member.role)) return member
  return { ...member, contact: { address: null, phone: null, email: null }, sharingSecurely: WITHHELD_SHARING }
}

/** Every row of the sheet as the viewer may see it (see {@link memberForViewer}). */
export function membersForViewer(members: readonly Member[], viewerRole: CoreGroupRole | null, viewerMemberId: string | null): Member[] {
  return members.map((m) => memberForViewer(m, viewerRole, viewerMemberId))
}
