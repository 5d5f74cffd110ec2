/**
 * Who may read and change a case through the API. Current members of the core group read it; the lead
 * social worker and the team manager change it, its members and its meetings; administrators of the
 * authority do both. Anyone else is told the case does not exist (404), so ids do not leak; a member
 * who may read but not change gets 403. Which membership row counts, on which date, is membership.ts's
 * rule, shared with the sync socket.
 * @module
 */
import type { CaseViewer } from '../../schemas/api/cases.ts'
import type { Authority, Case, Member, User } from '../../schemas/entities/index.ts'
import type { CoreGroupRole } from '../../schemas/roles.ts'
import { getCase } from '../db/repos/cases.ts'
import { membershipsOf } from '../db/repos/members.ts'
import { getAuthority } from '../db/repos/users.ts'
import type { Db } from '../db/schema.ts'
import { forbidden, notFound } from '../errors.ts'
import { accessDate, resolveMembership, type Membership } from './membership.ts'

/** Core group roles that run the case (DESIGN §1). */
const MANAGER_ROLES: ReadonlySet<CoreGroupRole> = new Set(['lead-social-worker', 'team-manager'])

/** A case as one signed-in user may see it. */
export interface CaseAccess {
  case: Case
  authority: Authority
  /** The user's current membership, if any. */
  member: Member | null
  viewer: CaseViewer
  /** UK date the access was decided on. */
  today: string
}

/** True when the viewer may change the case, its members and meetings. */
export function mayManage(user: Pick<User, 'accountRole'>, member: Pick<Member, 'role'> | null): boolean {
  return user.accountRole === 'administrator' || (member !== null && MANAGER_ROLES.has(member.role))
}

/** A former (or future) member knows the case exists and is told why not; anyone else is not told. */
function refuseNonMember({ member, date }: Membership): never {
  if (!member) throw notFound('Case')
  if (member.optedInDate > date) throw forbidden('You are not a member of this core group yet')
  throw forbidden('You are no longer a member of this core group')
}

/** The case for reading: 404 unless the user is a current member or an administrator of its authority. */
export async function readableCase(db: Db, user: User, caseId: string): Promise<CaseAccess> {
  const found = await getCase(db, caseId)
  if (!found || found.authorityId !== user.authorityId) throw notFound('Case')
  const today = accessDate()
  const membership = resolveMembership(await membershipsOf(db, caseId, user.id), today)
  const member = membership.active ? membership.member : null
  if (!member && user.accountRole !== 'administrator') refuseNonMember(membership)
  const authority = await getAuthority(db, found.authorityId)
  if (!authority) throw notFound('Case')
  return {
    case: found,
    authority,
    member,
    viewer: { memberId: member?.id ?? null, role: member?.role ?? null, canManage: mayManage(user, member) },
    today,
  }
}

/** The case for changing: as `readableCase`, then 403 unless the user runs the case. */
export async function manageableCase(db: Db, user: User, caseId: string): Promise<CaseAccess> {
  const access = await readableCase(db, user, caseId)
  if (!access.viewer.canManage) throw forbidden('Only the lead social worker or the team manager can change this case')
  return access
}
