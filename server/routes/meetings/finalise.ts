/**
 * `/api/meetings/:id/finalise`, `/reopen`, `/versions` and `/export.docx` (issue 13): the case manager
 * finalises the minutes (the barrier and the immutable version, `server/versions/finalise.ts`) or
 * reopens them with a reason; every case reader lists the versions; the case manager exports the live
 * draft, marked DRAFT on every page. Each finalise, reopen and export is audited (ids only).
 * @module
 */
import { Hono } from 'hono'
import { FinaliseResponse, ReopenInput, VersionListResponse, copyForRole, type VersionSubject } from '../../../schemas/api/versions.ts'
import { isActiveMember } from '../../../schemas/entities/index.ts'
import { requireAuth, type AppEnv } from '../../auth/middleware.ts'
import { recordAudit } from '../../db/repos/audit.ts'
import { listMembers } from '../../db/repos/members.ts'
import { forbidden, notFound } from '../../errors.ts'
import { exportDocumentLazily as exportDocument } from '../../export/export-lazily.ts'
import { finalise, reopen, versionState, versionedDocuments } from '../../versions/finalise.ts'
import { loadStoredDocument } from '../../versions/stored-document.ts'
import { listDistributions } from '../../versions/version-repo.ts'
import { versionSummary } from '../../versions/version-summary.ts'
import type { ApiServices } from '../index.ts'
import { readJson } from '../validate.ts'
import { currentContext, docxResponse, meetingFor, requestedCopy, requestedDocument, requestedSubject } from '../versions/version-access.ts'

/** Role → document name of a version's documents. */
function documentNames(docs: ReturnType<typeof versionedDocuments>): Record<string, string> {
  return Object.fromEntries([...docs.locked, ...docs.recorded].map((d) => [d.role, d.doc]))
}

const MANAGERS_ONLY = 'Only the lead social worker or the team manager can finalise, reopen or export'

export function finaliseRoutes(services: ApiServices) {
  const { db } = services
  return new Hono<AppEnv>()
    .post('/:id/finalise', async (c) => {
      const { user } = requireAuth(c)
      const { meeting, access } = await meetingFor(db, user, c)
      if (!access.viewer.canManage) throw forbidden(MANAGERS_ONLY)
      const subject: VersionSubject = requestedSubject(c)
      // Only the core group before the review conference has a joint report.
      if (subject === 'report' && meeting.type !== 'pre-review') throw notFound('Report')
      const context = await currentContext(db, access, meeting, user)
      const version = await finalise(services, { meeting, subject, context, members: context.members, userId: user.id, authorityId: access.authority.id })
      await recordAudit(db, {
        event: 'finalise',
        userId: user.id,
        authorityId: access.authority.id,
        caseId: meeting.caseId,
        doc: versionedDocuments(meeting, subject).locked[0]!.doc,
        detail: { meetingId: meeting.id, versionId: version.id, number: version.number, subject },
      })
      return c.json(FinaliseResponse.parse({ version: await versionSummary(db, version, undefined) }), 201)
    })
    .post('/:id/reopen', async (c) => {
      const { user } = requireAuth(c)
      const { meeting, access } = await meetingFor(db, user, c)
      if (!access.viewer.canManage) throw forbidden(MANAGERS_ONLY)
      const subject = requestedSubject(c)
      const input = await readJson(c, ReopenInput)
      const record = await reopen(services, { meeting, subject, userId: user.id, reason: input.reason })
      await recordAudit(db, {
        event: 'reopen',
        userId: user.id,
        authorityId: access.authority.id,
        caseId: meeting.caseId,
        doc: versionedDocuments(meeting, subject).locked[0]!.doc,
        detail: { meetingId: meeting.id, reopenedNumber: record.afterNumber, subject },
      })
      return c.json({ reopened: { afterNumber: record.afterNumber, at: record.at } }, 201)
    })
    .get('/:id/versions', async (c) => {
      const { user } = requireAuth(c)
      const { meeting, access } = await meetingFor(db, user, c)
      const subject = requestedSubject(c)
      const state = await versionState(db, meeting.id, subject)
      const manage = access.viewer.canManage
      const distributions = (await listDistributions(db, state.versions.map((v) => v.id))).filter((d) => manage || d.memberId === access.member?.id)
      const members = manage ? (await listMembers(db, meeting.caseId)).filter((m) => isActiveMember(m, access.today)) : []
      const body: VersionListResponse = {
        subject,
        state: state.finalised ? 'finalised' : 'draft',
        versions: await Promise.all(state.versions.map((v) => versionSummary(db, v, state.reopenings.get(v.number)))),
        distributions,
        recipients: members.map((m) => ({ memberId: m.id, name: m.name, agency: m.agency ?? null, role: m.role, copy: copyForRole(m.role), sharingSecurely: m.sharingSecurely })),
        viewer: { memberId: access.member?.id ?? null, canManage: manage },
      }
      return c.json(VersionListResponse.parse(body))
    })
    .get('/:id/export.docx', async (c) => {
      const { user } = requireAuth(c)
      const { meeting, access } = await meetingFor(db, user, c)
      if (!access.viewer.canManage) throw forbidden(MANAGERS_ONLY)
      const copy = requestedCopy(c, access)
      const document = requestedDocument(c)
      const context = { ...(await currentContext(db, access, meeting, user)), meeting }
      if (document === 'report' && meeting.type !== 'pre-review') throw notFound('Report')
      const names = { ...documentNames(versionedDocuments(meeting, 'minutes')), ...documentNames(versionedDocuments(meeting, 'report')) }
      const file = await exportDocument(document, copy, {
        context,
        // The live draft as stored, on fresh documents: never a live room.
        load: async (role) => (names[role] ? (await loadStoredDocument(services.store, names[role])).doc : null),
        version: null,
        at: new Date(),
      })
      await recordAudit(db, {
        event: 'export',
        userId: user.id,
        authorityId: access.authority.id,
        caseId: meeting.caseId,
        doc: `meeting:${meeting.id}`,
        detail: { meetingId: meeting.id, versionId: null, document, copy },
      })
      return docxResponse(c, file)
    })
}
