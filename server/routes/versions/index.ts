/**
 * `/api/versions/:versionId` (issue 13): a version read-only (its notes, in the caller's copy), its
 * DOCX export, the distribution record (the case manager records sending it to a member, how: from the
 * member's "how will information be shared securely") and the member's acknowledgement. The family
 * copy is built without ever reading the version's restricted document. Every export, download,
 * distribution and acknowledgement is audited with ids only.
 * @module
 */
import { Hono } from 'hono'
import * as Y from 'yjs'
import type { VersionViewResponse } from '../../../schemas/api/version-view.ts'
import { copyForRole, DistributionResponse, RecordDistributionInput, type Distribution, type ExportCopy, type ExportDocument } from '../../../schemas/api/versions.ts'
import { isActiveMember, Meeting } from '../../../schemas/entities/index.ts'
import { requireAuth, type AppEnv } from '../../auth/middleware.ts'
import { newId } from '../../auth/tokens.ts'
import type { CaseAccess } from '../../cases/case-access.ts'
import { recordAudit } from '../../db/repos/audit.ts'
import { getMeeting, saveMeeting } from '../../db/repos/meetings.ts'
import { listMembers } from '../../db/repos/members.ts'
import type { Db } from '../../db/schema.ts'
import { badRequest, conflict, forbidden, notFound } from '../../errors.ts'
import type { DocumentRole } from '../../export/export-document.ts'
import { exportDocumentLazily as exportDocument, versionViewsLazily } from '../../export/export-lazily.ts'
import { statusLine } from '../../export/status-line.ts'
import { errorSummary, log } from '../../log.ts'
import { docFromState, getDistribution, insertDistribution, isUniqueViolation, listDistributions, markDistribution, versionDocuments, type VersionRecord } from '../../versions/version-repo.ts'
import type { ApiServices } from '../index.ts'
import { readJson } from '../validate.ts'
import { docxResponse, requestedCopy, requestedDocument, versionFor } from './version-access.ts'

/** The documents a version's exports read: each role only when an export asks for it (the family copy never asks for the restricted ones). */
function versionSources(db: Db, version: VersionRecord) {
  return {
    context: version.context,
    load: async (role: DocumentRole) => {
      const d = (await versionDocuments(db, version.id, [role])).get(role)
      return d ? docFromState(d.state) : null
    },
    version: { number: version.number, createdAt: version.createdAt },
    at: new Date(version.createdAt),
  }
}

/** The documents a version of `subject` can be exported as. */
function checkDocument(version: VersionRecord, document: ExportDocument): void {
  const allowed: ExportDocument[] = version.subject === 'report' ? ['report', 'plan', 'membership'] : ['notes', 'plan', 'membership']
  if (!allowed.includes(document)) throw badRequest('There is a problem with the document', { document: `Choose ${allowed.join(', ')}` })
}

/** Once every current member has been sent the version, the meeting's notes count as distributed. */
async function markNotesDistributed(db: Db, access: CaseAccess, version: VersionRecord): Promise<void> {
  const members = (await listMembers(db, version.caseId)).filter((m) => isActiveMember(m, access.today))
  const sent = new Set((await listDistributions(db, [version.id])).map((d) => d.memberId))
  if (!members.every((m) => sent.has(m.id))) return
  const meeting = await getMeeting(db, version.meetingId)
  if (!meeting || meeting.notesDistributedDate !== null) return
  const held = meeting.heldDate ?? meeting.date
  if (access.today < held) return
  const next = Meeting.safeParse({ ...meeting, status: 'notes-distributed', heldDate: held, notesDistributedDate: access.today })
  if (!next.success) return
  await saveMeeting(db, next.data).catch((err) => log.error('distribution.meeting_update_failed', { meeting: meeting.id, error: errorSummary(err) }))
}

export function versionRoutes(services: ApiServices) {
  const { db } = services
  return new Hono<AppEnv>()
    .get('/:versionId', async (c) => {
      const { user } = requireAuth(c)
      const { version, access } = await versionFor(db, user, c)
      const copy = requestedCopy(c, access)
      const src = versionSources(db, version)
      const status = statusLine(src)
      const doc = async (role: DocumentRole) => (await src.load(role)) ?? new Y.Doc()
      const { buildReportView, buildNotesView } = await versionViewsLazily()
      const notes =
        version.subject === 'report'
          ? buildReportView({ context: src.context, report: await doc(copy === 'professional' ? 'report' : 'report-family'), minutes: await src.load('minutes'), copy, status })
          : buildNotesView({ context: src.context, minutes: await doc('minutes'), plan: await doc('plan'), restricted: copy === 'professional' ? await doc('restricted') : null, copy, status })
      const body: VersionViewResponse = { version: { id: version.id, number: version.number, createdAt: version.createdAt, meetingId: version.meetingId, caseId: version.caseId }, notes }
      return c.json(body)
    })
    .get('/:versionId/export.docx', async (c) => {
      const { user } = requireAuth(c)
      const { version, access } = await versionFor(db, user, c)
      const document = version.subject === 'report' && c.req.query('document') === undefined ? 'report' : requestedDocument(c)
      checkDocument(version, document)
      let copy: ExportCopy
      let sent: Distribution | null = null
      if (access.viewer.canManage) copy = requestedCopy(c, access)
      else {
        // A member downloads what they were sent, in the copy they were sent.
        sent = access.member ? await getDistribution(db, version.id, access.member.id) : null
        if (!sent) throw notFound('Version')
        copy = sent.copy
        if (c.req.query('copy') !== undefined && c.req.query('copy') !== copy) throw notFound('Copy')
      }
      const file = await exportDocument(document, copy, versionSources(db, version))
      if (sent) await markDistribution(db, sent.id, 'first_downloaded_at', new Date().toISOString())
      await recordAudit(db, {
        event: sent ? 'download' : 'export',
        userId: user.id,
        authorityId: access.authority.id,
        caseId: version.caseId,
        doc: `meeting:${version.meetingId}`,
        detail: { meetingId: version.meetingId, versionId: version.id, document, copy },
      })
      return docxResponse(c, file)
    })
    .post('/:versionId/distributions', async (c) => {
      const { user } = requireAuth(c)
      const { version, access } = await versionFor(db, user, c)
      if (!access.viewer.canManage) throw forbidden('Only the lead social worker or the team manager can record sending the notes')
      const input = await readJson(c, RecordDistributionInput)
      const member = (await listMembers(db, version.caseId)).find((m) => m.id === input.memberId)
      if (!member || !isActiveMember(member, access.today)) throw badRequest('There is a problem with the member', { memberId: 'Choose a current member of this core group' })
      const distribution: Distribution = {
        id: newId('dist'),
        versionId: version.id,
        memberId: member.id,
        copy: copyForRole(member.role),
        method: input.method ?? member.sharingSecurely,
        sentAt: new Date().toISOString(),
        sentBy: user.id,
        firstDownloadedAt: null,
        acknowledgedAt: null,
      }
      try {
        await insertDistribution(db, distribution)
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('Sending this version to this member is already recorded')
        throw err
      }
      await recordAudit(db, {
        event: 'distribution-recorded',
        userId: user.id,
        authorityId: access.authority.id,
        caseId: version.caseId,
        doc: `meeting:${version.meetingId}`,
        detail: { versionId: version.id, memberId: member.id, copy: distribution.copy },
      })
      if (version.subject === 'minutes') await markNotesDistributed(db, access, version)
      return c.json(DistributionResponse.parse({ distribution }), 201)
    })
    .post('/:versionId/acknowledge', async (c) => {
      const { user } = requireAuth(c)
      const { version, access } = await versionFor(db, user, c)
      const sent = access.member ? await getDistribution(db, version.id, access.member.id) : null
      if (!sent) throw notFound('Version')
      await markDistribution(db, sent.id, 'acknowledged_at', new Date().toISOString())
      await recordAudit(db, {
        event: 'acknowledged',
        userId: user.id,
        authorityId: access.authority.id,
        caseId: version.caseId,
        doc: `meeting:${version.meetingId}`,
        detail: { versionId: version.id, memberId: sent.memberId },
      })
      return c.json(DistributionResponse.parse({ distribution: (await getDistribution(db, version.id, sent.memberId))! }))
    })
}
