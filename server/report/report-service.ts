/**
 * The joint report's operations (issue 12): its state for the report page, submitting and reopening a
 * contribution, the merge (run on the server through the room, as the social worker), and sharing the
 * draft with the family. Each reads the caller's `ReportContext`; the routes only adapt HTTP.
 * @module
 */
import type { MergeInput, PendingPassage, ReportResponse, SubmitContributionInput } from '../../schemas/api/reports.ts'
import { JOINT_FIELDS } from '../../schemas/layout.ts'
import { blocksPlainText, type BlockElement } from '../../schemas/report/blocks.ts'
import { editedSinceMerge, mergePassages, passageKey, type MergeContribution } from '../../schemas/report/merge.ts'
import { familyBlocks } from '../../schemas/report/sharing.ts'
import { canReopenContribution, canSubmitContribution, contributionSections, contributionStatus, deadlineWords } from '../../schemas/report/status.ts'
import { CONTRIBUTION_FORMAT } from '../../schemas/templates/contribution-format.ts'
import { dueAfter, meetingDay } from '../../schemas/timescales/index.ts'
import { accessDate } from '../cases/membership.ts'
import { recordAudit } from '../db/repos/audit.ts'
import { getAuthority } from '../db/repos/users.ts'
import type { Db } from '../db/schema.ts'
import { conflict, forbidden, notFound } from '../errors.ts'
import type { Rooms } from '../sync/rooms.ts'
import { controlStateOf } from '../sync/update-guard.ts'
import { isLocked } from '../../schemas/permissions.ts'
import { contributionBlocks, hasContribution, MERGED_FIELDS } from './contribution-content.ts'
import { setSectionLocks } from './contribution-locks.ts'
import { passageInJoint, replaceSection, writePassage } from './merge-writer.ts'
import { memberLabelOf, type ReportContext } from './report-context.ts'
import { listContributions, mergeBase, reportSharedAt, saveContribution, saveMergeBase, setReportShared } from './report-rows.ts'
import { fragmentBlocks } from './xml-blocks.ts'

export interface ReportServices {
  db: Db
  rooms: Rooms
}

const FIELD_TITLES = new Map<string, string>(JOINT_FIELDS.map((f) => [f.key, f.title]))

/** The report's state as the caller may see it (contributions and pending passages for professionals only). */
export async function reportState({ db, rooms }: ReportServices, ctx: ReportContext): Promise<ReportResponse> {
  const authority = await getAuthority(db, ctx.case.authorityId)
  const draftDue = authority ? dueAfter(meetingDay(ctx.meeting), authority.settings.jointReportDraft, authority.settings) : meetingDay(ctx.meeting)
  const [records, sharedAt, { base, lastMergedAt }] = await Promise.all([listContributions(db, ctx.meetingId), reportSharedAt(db, ctx.meetingId), mergeBase(db, ctx.meetingId)])
  const viewer = ctx.access.viewer
  const isLead = viewer.role === 'lead-social-worker'
  let contributions: ReportResponse['contributions'] = []
  let pending: PendingPassage[] = []
  if (ctx.professional) {
    const doc = (await rooms.get(ctx.docName)).doc
    const today = accessDate()
    contributions = ctx.contributors.map((m) => {
      const record = records.get(m.id)
      const status = contributionStatus(record?.status === 'submitted', hasContribution(doc, m.id))
      return {
        memberId: m.id,
        name: m.name,
        agency: m.agency ?? null,
        status,
        professionalsOnly: record?.professionalsOnly ?? false,
        submittedAt: record?.status === 'submitted' ? record.submittedAt : null,
        deadlineWords: deadlineWords(status, draftDue, today),
      }
    })
    if (isLead) {
      pending = mergePassages(MERGED_FIELDS, submittedContributions(ctx, records, doc), base)
        .filter((p) => p.kind !== 'unchanged')
        .map((p) => ({
          field: p.field,
          fieldTitle: FIELD_TITLES.get(p.field) ?? p.field,
          memberId: p.memberId,
          label: p.label,
          kind: p.kind as 'new' | 'changed',
          before: p.before === null ? null : blocksPlainText(p.before),
          after: blocksPlainText(p.after),
          editedInJoint: editedSinceMerge(passageInJoint(doc.getXmlFragment(`joint:${p.field}`), p.memberId), p.before, p.label, p.memberId),
        }))
    }
  }
  return {
    report: {
      id: ctx.meetingId,
      document: ctx.docName,
      familyDocument: ctx.familyDocName,
      meetingDate: meetingDay(ctx.meeting),
      caseId: ctx.case.id,
      familyName: ctx.case.familyName,
      children: ctx.case.children.map((c) => c.name),
      draftDue,
      sharedAt,
      lastMergedAt,
    },
    viewer: { memberId: viewer.memberId, role: viewer.role, isLead, professional: ctx.professional },
    contributions,
    pending,
  }
}

function submittedContributions(ctx: ReportContext, records: Awaited<ReturnType<typeof listContributions>>, doc: import('yjs').Doc): MergeContribution[] {
  return ctx.contributors
    .filter((m) => records.get(m.id)?.status === 'submitted')
    .map((m) => ({ memberId: m.id, label: memberLabelOf(m), fields: contributionBlocks(doc, m.id) }))
}

function contributorOf(ctx: ReportContext, memberId: string) {
  const member = ctx.contributors.find((m) => m.id === memberId)
  if (!member) throw notFound('Contribution')
  return member
}

function requireProfessional(ctx: ReportContext): void {
  if (!ctx.professional) throw forbidden('Only professionals of the core group can do this')
}

/** Submits the member's contribution: it is locked for its author until the lead social worker reopens it. */
export async function submitContribution(services: ReportServices, ctx: ReportContext, memberId: string, input: SubmitContributionInput, userId: string): Promise<void> {
  requireProfessional(ctx)
  const member = contributorOf(ctx, memberId)
  if (!canSubmitContribution(ctx.access.viewer, member.id)) throw forbidden('Only the author or the lead social worker can submit this contribution')
  const records = await listContributions(services.db, ctx.meetingId)
  const record = records.get(member.id)
  if (record?.status === 'submitted') throw conflict('This contribution has already been submitted')
  await setSectionLocks(services.rooms, ctx.docName, contributionSections(member.id, CONTRIBUTION_FORMAT), true, ctx.access.viewer.memberId)
  await saveContribution(services.db, ctx.meetingId, {
    memberId: member.id,
    status: 'submitted',
    professionalsOnly: input.professionalsOnly ?? record?.professionalsOnly ?? false,
    submittedAt: new Date().toISOString(),
    reopenedAt: record?.reopenedAt ?? null,
  })
  await audit(services.db, ctx, userId, 'report-contribution-submitted', { memberId: member.id })
}

/** Reopens a submitted contribution for its author (the lead social worker only). */
export async function reopenContribution(services: ReportServices, ctx: ReportContext, memberId: string, userId: string): Promise<void> {
  requireProfessional(ctx)
  const member = contributorOf(ctx, memberId)
  if (!canReopenContribution(ctx.access.viewer)) throw forbidden('Only the lead social worker can reopen a contribution')
  const record = (await listContributions(services.db, ctx.meetingId)).get(member.id)
  if (record?.status !== 'submitted') throw conflict('This contribution has not been submitted')
  await setSectionLocks(services.rooms, ctx.docName, contributionSections(member.id, CONTRIBUTION_FORMAT), false, ctx.access.viewer.memberId)
  await saveContribution(services.db, ctx.meetingId, { ...record, status: 'draft', reopenedAt: new Date().toISOString() })
  await audit(services.db, ctx, userId, 'report-contribution-reopened', { memberId: member.id })
}

/**
 * Merges the submitted contributions into the joint sections, as the social worker: every new passage
 * is taken; a changed passage only as `decisions` say (take: replace it in the joint text; leave: keep
 * the joint text and stop offering the change). Passages without a decision stay pending.
 */
export async function mergeReport(services: ReportServices, ctx: ReportContext, input: MergeInput, userId: string): Promise<{ taken: number; left: number }> {
  requireProfessional(ctx)
  if (ctx.access.viewer.role !== 'lead-social-worker') throw forbidden('Only the lead social worker can merge the joint report')
  const decisions = new Map((input.decisions ?? []).map((d) => [passageKey(d.field, d.memberId), d.take]))
  const records = await listContributions(services.db, ctx.meetingId)
  const { base } = await mergeBase(services.db, ctx.meetingId)
  const room = await services.rooms.get(ctx.docName)
  // Server writes are not checked against locks by the store, so the merge honours them itself.
  const control = controlStateOf(room.doc)
  if (control.locked || control.finalisedVersion !== undefined) throw conflict('The joint report is locked or finalised; unlock or reopen it to merge')
  const decided: { field: string; memberId: string; blocks: readonly BlockElement[] }[] = []
  let taken = 0
  await room.applyServerChange((doc) => {
    decided.length = 0
    taken = 0
    for (const p of mergePassages(MERGED_FIELDS, submittedContributions(ctx, records, doc), base)) {
      if (p.kind === 'unchanged' || isLocked(controlStateOf(doc), `joint:${p.field}`)) continue
      const take = p.kind === 'new' ? true : decisions.get(passageKey(p.field, p.memberId))
      if (take === undefined) continue
      if (take) {
        writePassage(doc.getXmlFragment(`joint:${p.field}`), p.memberId, p.label, p.after)
        taken++
      }
      decided.push({ field: p.field, memberId: p.memberId, blocks: p.after })
    }
  })
  await saveMergeBase(services.db, ctx.meetingId, decided, new Date().toISOString(), ctx.access.viewer.memberId ?? userId)
  await audit(services.db, ctx, userId, 'report-merged', { taken, left: decided.length - taken })
  return { taken, left: decided.length - taken }
}

/**
 * Shares the draft with the family (or stops sharing): the family's copy gets the joint sections
 * without the passages of contributions marked professionals-only; sharing again refreshes it.
 */
export async function shareReport(services: ReportServices, ctx: ReportContext, shared: boolean, userId: string): Promise<void> {
  requireProfessional(ctx)
  if (ctx.access.viewer.role !== 'lead-social-worker') throw forbidden('Only the lead social worker can share the draft with the family')
  if (shared) {
    const records = await listContributions(services.db, ctx.meetingId)
    const professionalsOnly = new Set([...records.values()].filter((r) => r.professionalsOnly).map((r) => r.memberId))
    const report = (await services.rooms.get(ctx.docName)).doc
    const drafts = JOINT_FIELDS.map((f) => ({ field: f.key, blocks: familyBlocks(fragmentBlocks(report.getXmlFragment(`joint:${f.key}`)), professionalsOnly) }))
    const family = await services.rooms.get(ctx.familyDocName)
    await family.applyServerChange((doc) => {
      for (const d of drafts) replaceSection(doc.getXmlFragment(`draft:${d.field}`), d.blocks)
    })
  }
  await setReportShared(services.db, ctx.meetingId, shared ? new Date().toISOString() : null, ctx.access.viewer.memberId ?? userId)
  if (!shared) {
    // Family members with the copy open lose it: they reconnect and are refused.
    const family = ctx.members.filter((m) => m.userId && !ctx.contributors.includes(m)).map((m) => m.userId!)
    if (family.length > 0) services.rooms.changeAccess({ userIds: family, docs: [ctx.familyDocName], left: false, reason: 'access changed' })
  }
  await audit(services.db, ctx, userId, 'report-shared', { shared })
}

function audit(db: Db, ctx: ReportContext, userId: string, event: Parameters<typeof recordAudit>[1]['event'], detail: Record<string, string | number | boolean | null>): Promise<void> {
  return recordAudit(db, { event, userId, authorityId: ctx.case.authorityId, caseId: ctx.case.id, doc: ctx.docName, detail })
}
