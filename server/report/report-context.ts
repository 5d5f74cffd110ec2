/**
 * What every report endpoint needs: the caller's access to the joint report (`report:<meetingId>`) or,
 * for a family member, to its shared copy (`report:<meetingId>:family`), with the meeting, the case and
 * the current core group. The answers follow the documents' own (`resolveAccess`): another authority's
 * or a never-known report is 404, a member without access (a family member before sharing) 403.
 * @module
 */
import { Case, Meeting, type Member } from '../../schemas/entities/index.ts'
import { PROFESSIONAL_ROLES } from '../../schemas/roles.ts'
import { accessDate, activeMembers } from '../cases/membership.ts'
import { getCase } from '../db/repos/cases.ts'
import { getMeeting } from '../db/repos/meetings.ts'
import { listMembers } from '../db/repos/members.ts'
import type { Db } from '../db/schema.ts'
import { forbidden, notFound } from '../errors.ts'
import { resolveAccess, type DocumentAccess } from '../sync/access.ts'

export interface ReportContext {
  meetingId: string
  /** `report:<meetingId>`. */
  docName: string
  /** `report:<meetingId>:family`. */
  familyDocName: string
  /** The caller's access: to the report for professionals, to the family's copy for the family. */
  access: DocumentAccess
  professional: boolean
  meeting: Meeting
  case: Case
  /** Current members, oldest first (the order of the contents list and of the merge). */
  members: Member[]
  /** Current professionals: the members who contribute. */
  contributors: Member[]
}

export async function reportContext(db: Db, user: { id: string; authorityId: string; accountRole?: string }, meetingId: string): Promise<ReportContext> {
  const docName = `report:${meetingId}`
  const familyDocName = `${docName}:family`
  let result = await resolveAccess(db, user, docName)
  let professional = true
  if (!result.ok && result.reason === 'forbidden') {
    result = await resolveAccess(db, user, familyDocName)
    professional = false
  }
  if (!result.ok) {
    if (result.reason === 'forbidden') throw forbidden('The social worker has not shared the draft joint report yet')
    throw notFound('Report')
  }
  const [meeting, caseRow, rows] = await Promise.all([getMeeting(db, meetingId), getCase(db, result.access.caseId!), listMembers(db, result.access.caseId!)])
  if (!meeting || !caseRow) throw notFound('Report')
  const members = activeMembers(rows, accessDate()).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))
  const contributors = members.filter((m) => PROFESSIONAL_ROLES.has(m.role))
  return { meetingId, docName, familyDocName, access: result.access, professional, meeting, case: caseRow, members, contributors }
}

/** "Name (Agency)". */
export function memberLabelOf(m: Pick<Member, 'name' | 'agency'>): string {
  return m.agency ? `${m.name} (${m.agency})` : m.name
}
