/**
 * Decisions in principle as the API shows them: user ids turned into the names people have in the
 * core group, and the team manager's note left out for family members.
 * @module
 */
import type { DecisionView } from '../../../schemas/api/decisions.ts'
import type { DecisionInPrinciple, Member } from '../../../schemas/entities/index.ts'
import { PROFESSIONAL_ROLES, type CoreGroupRole } from '../../../schemas/roles.ts'
import { getUser } from '../../db/repos/users.ts'
import type { Db } from '../../db/schema.ts'

/** Finds a person's name: their newest membership row in the case, else their account, else words. */
export type NameOf = (userId: string) => Promise<string>

export function namesFrom(db: Db, members: readonly Member[]): NameOf {
  const byUser = new Map<string, string>()
  for (const m of members) if (m.userId) byUser.set(m.userId, m.name)
  return async (userId) => byUser.get(userId) ?? (await getUser(db, userId))?.name ?? 'Someone no longer in the core group'
}

/** One decision for a viewer in `role`. */
export async function decisionView(d: DecisionInPrinciple, role: CoreGroupRole, nameOf: NameOf): Promise<DecisionView> {
  const professional = PROFESSIONAL_ROLES.has(role)
  return {
    id: d.id,
    meetingId: d.meetingId,
    text: d.text,
    recordedBy: { userId: d.recordedBy, name: await nameOf(d.recordedBy) },
    recordedAt: d.recordedAt,
    signOff: d.signOff
      ? { by: { userId: d.signOff.by, name: await nameOf(d.signOff.by) }, at: d.signOff.at, outcome: d.signOff.outcome, note: professional ? d.signOff.note : null }
      : null,
  }
}
