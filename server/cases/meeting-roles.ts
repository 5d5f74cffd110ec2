/**
 * Checks on a meeting's chair, note taker and vice chair: chair and note taker different people, the vice
 * chair someone other than the chair (409 otherwise, seed 004, seed 000), and all current
 * members of the case on the meeting day or today (400 naming the field otherwise).
 * @module
 */
import { CHAIR_IS_NOTE_TAKER_MESSAGE, chairIsNoteTaker, isActiveMember, type Meeting, type Member } from '../../schemas/entities/index.ts'
import { badRequest, conflict } from '../errors.ts'

const LABELS = { chairMemberId: 'chair', noteTakerMemberId: 'note taker', viceChairMemberId: 'vice chair' } as const

const VICE_CHAIR_IS_CHAIR_MESSAGE = 'The vice chair must be someone other than the chair'

export function checkMeetingRoles(
  roles: Pick<Meeting, 'chairMemberId' | 'noteTakerMemberId' | 'date'> & Partial<Pick<Meeting, 'viceChairMemberId'>>,
  members: readonly Member[],
  today: string,
): void {
  const fields: Record<string, string> = {}
  for (const key of ['chairMemberId', 'noteTakerMemberId', 'viceChairMemberId'] as const) {
    const id = roles[key]
    if (id === null || id === undefined) continue
    const member = members.find((m) => m.id === id)
    // In the group on the day of the meeting, or now (a member joining at a later conference counts).
    if (!member || !(isActiveMember(member, roles.date) || isActiveMember(member, today))) fields[key] = `Select a current member of the core group as ${LABELS[key]}`
  }
  if (Object.keys(fields).length > 0) throw badRequest('There is a problem with the information you gave', fields)
  if (chairIsNoteTaker(roles)) {
    throw conflict(CHAIR_IS_NOTE_TAKER_MESSAGE, { noteTakerMemberId: CHAIR_IS_NOTE_TAKER_MESSAGE })
  }
  if (roles.viceChairMemberId && roles.viceChairMemberId === roles.chairMemberId) {
    throw conflict(VICE_CHAIR_IS_CHAIR_MESSAGE, { viceChairMemberId: VICE_CHAIR_IS_CHAIR_MESSAGE })
  }
}
