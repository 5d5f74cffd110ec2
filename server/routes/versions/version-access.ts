/**
 * Who may see which version and which copy (issue 13): a meeting's versions are its case readers';
 * case managers (lead social worker, team manager, administrator) finalise, reopen, export any copy
 * and record distribution; a family member only ever gets the family copy; a member who is not a case
 * manager downloads only the copy they were sent. Anything a caller may not see is not found.
 * @module
 */
import type { Context } from 'hono'
import { copyForRole, ExportCopy, ExportDocument, type VersionSubject } from '../../../schemas/api/versions.ts'
import type { Meeting, User } from '../../../schemas/entities/index.ts'
import { readableCase, type CaseAccess } from '../../cases/case-access.ts'
import { listMeetings, getMeeting } from '../../db/repos/meetings.ts'
import { listMembers } from '../../db/repos/members.ts'
import type { Db } from '../../db/schema.ts'
import { badRequest, notFound } from '../../errors.ts'
import { getVersion, type VersionContext, type VersionRecord } from '../../versions/version-repo.ts'
import { idParam } from '../validate.ts'

/** 404 for a case the caller may not see, as for a missing meeting. */
export function hide(what: string) {
  return (err: unknown): never => {
    if (err instanceof Error && 'status' in err && err.status === 404) throw notFound(what)
    throw err
  }
}

/** The meeting of `:id` and the caller's access to its case. */
export async function meetingFor(db: Db, user: User, c: Context): Promise<{ meeting: Meeting; access: CaseAccess }> {
  const meeting = await getMeeting(db, idParam(c, 'id', 'Meeting'))
  if (!meeting) throw notFound('Meeting')
  const access = await readableCase(db, user, meeting.caseId).catch(hide('Meeting'))
  return { meeting, access }
}

/** The version of `:versionId` and the caller's access to its case. */
export async function versionFor(db: Db, user: User, c: Context): Promise<{ version: VersionRecord; access: CaseAccess }> {
  const version = await getVersion(db, idParam(c, 'versionId', 'Version'))
  if (!version) throw notFound('Version')
  const access = await readableCase(db, user, version.caseId).catch(hide('Version'))
  return { version, access }
}

/** The copy the caller gets by default: a family member's is the family copy. */
export function ownCopy(access: CaseAccess): ExportCopy {
  return access.member ? copyForRole(access.member.role) : 'professional'
}

/** The `copy` asked for (default: the caller's own); a family member asking for another is not found. */
export function requestedCopy(c: Context, access: CaseAccess): ExportCopy {
  const raw = c.req.query('copy')
  if (raw === undefined) return ownCopy(access)
  const parsed = ExportCopy.safeParse(raw)
  if (!parsed.success) throw badRequest('There is a problem with the copy', { copy: 'Choose the professional or the family copy' })
  if (parsed.data === 'professional' && ownCopy(access) === 'family') throw notFound('Copy')
  return parsed.data
}

/** The `document` asked for (default: the notes). */
export function requestedDocument(c: Context): ExportDocument {
  const parsed = ExportDocument.safeParse(c.req.query('document') ?? 'notes')
  if (!parsed.success) throw badRequest('There is a problem with the document', { document: 'Choose notes, plan or membership' })
  return parsed.data
}

/** The `subject` asked for (default: the minutes). */
export function requestedSubject(c: Context): VersionSubject {
  const raw = c.req.query('subject') ?? 'minutes'
  if (raw !== 'minutes' && raw !== 'report') throw badRequest('There is a problem with the subject', { subject: 'Choose minutes or report' })
  return raw
}

/** The meeting, case and members as they stand now, for a version or a draft export. */
export async function currentContext(db: Db, access: CaseAccess, meeting: Meeting, user: User): Promise<Omit<VersionContext, 'meeting'>> {
  const meetings = await listMeetings(db, meeting.caseId)
  return {
    case: {
      id: access.case.id,
      familyName: access.case.familyName,
      children: access.case.children,
      termsOfReferenceAgreedDate: access.case.termsOfReferenceAgreedDate,
      transitionsWorkerMemberId: access.case.transitionsWorkerMemberId,
    },
    members: await listMembers(db, meeting.caseId),
    meetings: meetings.map(({ id, date, time, venue, onlineLink, type }) => ({ id, date, time, venue, onlineLink, type })),
    authorityName: access.authority.name,
    finalisedBy: { userId: user.id, name: user.name },
  }
}

/** A DOCX download response (never cached: it is case data). */
export function docxResponse(c: Context, file: { fileName: string; bytes: Buffer }): Response {
  return c.body(new Uint8Array(file.bytes), 200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'content-disposition': `attachment; filename="${file.fileName}"`,
    'cache-control': 'no-store',
  })
}
