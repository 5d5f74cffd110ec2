/**
 * One export: which document (notes, plan, membership sheet), which copy, from a version or from the
 * live draft, with its file name (`Brook-core-group-notes-2026-12-16-v2.docx`). The restricted notes
 * are asked for only by the professional copy of the notes: the family copy never reads them.
 * @module
 */
import * as Y from 'yjs'
import type { ExportCopy, ExportDocument } from '../../schemas/api/versions.ts'
import { isActiveMember, termsOfReference } from '../../schemas/entities/index.ts'
import { membersForViewer } from '../../schemas/family/contact-sharing.ts'
import type { VersionContext } from '../versions/version-repo.ts'
import { membershipDocx } from './membership-docx.ts'
import { notesDocx } from './notes-docx.ts'
import { actionLines, buildNotesView } from './notes-view.ts'
import { planDocx } from './plan-docx.ts'
import { buildReportView } from './report-view.ts'
import { statusLine } from './status-line.ts'
import { ukLongDate } from './uk-dates.ts'

export { statusLine }

/** The roles of a version's documents (`versionedDocuments`): what an export may ask `load` for. */
export type DocumentRole = 'minutes' | 'restricted' | 'plan' | 'report' | 'report-family'

export interface ExportSources {
  context: VersionContext
  /**
   * One document of the version (or of the store, for a draft), on a fresh `Y.Doc`; null when absent.
   * Each export asks only for what its copy holds: the family copy never asks for `restricted` or `report`.
   */
  load: (role: DocumentRole) => Promise<Y.Doc | null>
  /** The version exported; null for the live draft. */
  version: { number: number; createdAt: string } | null
  /** The package's time stamp: the version's (byte-stable), or now for a draft. */
  at: Date
}

const DOCUMENT_SLUGS: Record<ExportDocument, string> = { notes: 'core-group-notes', plan: 'child-protection-plan', membership: 'core-group-membership', report: 'joint-report' }

/** The roles whose documents an export of `document` in `copy` reads. */
export function rolesRead(document: ExportDocument, copy: ExportCopy): DocumentRole[] {
  switch (document) {
    case 'notes':
      return copy === 'professional' ? ['minutes', 'plan', 'restricted'] : ['minutes', 'plan']
    case 'plan':
      return ['plan']
    case 'membership':
      return []
    case 'report':
      // The minutes too, for the child's own views under the voice of the child (never the restricted notes).
      return [copy === 'professional' ? 'report' : 'report-family', 'minutes']
  }
}

/** `Brook-core-group-notes-2026-12-16-v2.docx`, `…-DRAFT.docx`, `…-v2-family.docx`. */
export function exportFileName(familyName: string, document: ExportDocument, meetingDate: string, version: number | null, copy: ExportCopy): string {
  const family = familyName.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'case'
  return `${family}-${DOCUMENT_SLUGS[document]}-${meetingDate}-${version === null ? 'DRAFT' : `v${version}`}${copy === 'family' ? '-family' : ''}.docx`
}


export async function exportDocument(document: ExportDocument, copy: ExportCopy, src: ExportSources): Promise<{ fileName: string; bytes: Buffer }> {
  const { context: ctx } = src
  const frame = {
    familyName: ctx.case.familyName,
    versionLabel: src.version ? `Version ${src.version.number}` : 'DRAFT',
    draft: src.version === null,
    copyLabel: copy === 'family' ? 'Family copy' : 'Professional copy',
    at: src.at,
  }
  const status = statusLine(src)
  const children = ctx.case.children.map((c) => c.name)
  const asAt = `As at the core group held on ${ukLongDate(ctx.meeting.heldDate ?? ctx.meeting.date)}`
  let bytes: Buffer
  const docs = new Map<DocumentRole, Y.Doc>()
  for (const role of rolesRead(document, copy)) docs.set(role, (await src.load(role)) ?? new Y.Doc())
  const doc = (role: DocumentRole) => docs.get(role)!
  switch (document) {
    case 'notes':
      bytes = await notesDocx(buildNotesView({ context: ctx, minutes: doc('minutes'), plan: doc('plan'), restricted: copy === 'professional' ? doc('restricted') : null, copy, status }), frame)
      break
    case 'report':
      bytes = await notesDocx(buildReportView({ context: ctx, report: doc(copy === 'professional' ? 'report' : 'report-family'), minutes: doc('minutes'), copy, status }), frame)
      break
    case 'plan':
      bytes = await planDocx({ familyName: ctx.case.familyName, children, asAt, status, rows: actionLines(doc('plan'), ctx.members) }, frame)
      break
    case 'membership': {
      const active = ctx.members.filter((m) => isActiveMember(m, ctx.meeting.date))
      // The family's copy goes to every family member: none of them gets another's contact details.
      const members = copy === 'family' ? membersForViewer(active, 'parent-carer', null) : active
      bytes = await membershipDocx({ familyName: ctx.case.familyName, children, asAt, status, members, terms: termsOfReference({ familyName: ctx.case.familyName, termsOfReferenceAgreedDate: ctx.case.termsOfReferenceAgreedDate ?? null, transitionsWorkerMemberId: ctx.case.transitionsWorkerMemberId ?? null }, active, ctx.meeting.date), formatDate: ukLongDate }, frame)
      break
    }
  }
  return { fileName: exportFileName(ctx.case.familyName, document, ctx.meeting.date, src.version?.number ?? null, copy), bytes }
}
