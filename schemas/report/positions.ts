/**
 * Members' positions on the recommendation (issue 12 §6, seed 004: "if core group members are unable to
 * agree on a recommendation then this is to be noted within the joint report"): each member's own
 * `position:<memberId>` rows, the last row counting.
 * @module
 */
import { PositionRow } from '../content/rows.ts'

export interface PositionMember {
  id: string
  name: string
  agency?: string | null
}

export interface MemberPosition {
  memberId: string
  name: string
  agency: string | null
  position: 'agree' | 'disagree' | null
  reason: string | null
}

/** A member's current position from their section's rows (the last valid row), or null for none. */
export function currentPosition(rows: readonly unknown[]): PositionRow | null {
  for (let i = rows.length - 1; i >= 0; i--) {
    const parsed = PositionRow.safeParse(rows[i])
    if (parsed.success) return parsed.data
  }
  return null
}

/** Every member's position, in the members' order. */
export function memberPositions(members: readonly PositionMember[], rowsOf: (memberId: string) => readonly unknown[]): MemberPosition[] {
  return members.map((m) => {
    const p = currentPosition(rowsOf(m.id))
    const reason = p?.reason?.trim()
    return { memberId: m.id, name: m.name, agency: m.agency ?? null, position: p?.position ?? null, reason: reason ? reason : null }
  })
}

/** The disagreements, by name and agency, for the report ("Name (Agency) disagrees: reason"). */
export function disagreementLines(positions: readonly MemberPosition[]): string[] {
  return positions
    .filter((p) => p.position === 'disagree')
    .map((p) => `${p.name}${p.agency ? ` (${p.agency})` : ''} disagrees with the recommendation: ${p.reason ?? 'no reason given'}`)
}
