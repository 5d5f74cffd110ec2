/**
 * The joint report's relational rows (issue 12): sharing, each contribution's status, and what the last
 * merge took from each contribution field.
 * @module
 */
import type { BlockElement } from '../../schemas/report/blocks.ts'
import type { Db } from '../db/schema.ts'

export interface ContributionRecord {
  memberId: string
  status: 'submitted' | 'draft'
  professionalsOnly: boolean
  submittedAt: string | null
  reopenedAt: string | null
}

export async function reportSharedAt(db: Db, meetingId: string): Promise<string | null> {
  const row = await db.selectFrom('reports').select('shared_at').where('meeting_id', '=', meetingId).executeTakeFirst()
  return row?.shared_at ?? null
}

export async function setReportShared(db: Db, meetingId: string, sharedAt: string | null, by: string): Promise<void> {
  await db
    .insertInto('reports')
    .values({ meeting_id: meetingId, shared_at: sharedAt, shared_by: by })
    .onConflict((oc) => oc.column('meeting_id').doUpdateSet({ shared_at: sharedAt, shared_by: by }))
    .execute()
}

export async function listContributions(db: Db, meetingId: string): Promise<Map<string, ContributionRecord>> {
  const rows = await db.selectFrom('report_contributions').selectAll().where('meeting_id', '=', meetingId).execute()
  return new Map(
    rows.map((r) => [
      r.member_id,
      {
        memberId: r.member_id,
        status: r.status === 'submitted' ? 'submitted' : 'draft',
        professionalsOnly: r.professionals_only === 1,
        submittedAt: r.submitted_at,
        reopenedAt: r.reopened_at,
      },
    ]),
  )
}

export async function saveContribution(db: Db, meetingId: string, record: ContributionRecord): Promise<void> {
  const values = {
    status: record.status,
    professionals_only: record.professionalsOnly ? 1 : 0,
    submitted_at: record.submittedAt,
    reopened_at: record.reopenedAt,
  }
  await db
    .insertInto('report_contributions')
    .values({ meeting_id: meetingId, member_id: record.memberId, ...values })
    .onConflict((oc) => oc.columns(['meeting_id', 'member_id']).doUpdateSet(values))
    .execute()
}

/** The merge base: passage key (`<field>/<memberId>`) → the blocks the last merge took. */
export async function mergeBase(db: Db, meetingId: string): Promise<{ base: Map<string, BlockElement[]>; lastMergedAt: string | null }> {
  const rows = await db.selectFrom('report_merges').selectAll().where('meeting_id', '=', meetingId).execute()
  let lastMergedAt: string | null = null
  const base = new Map<string, BlockElement[]>()
  for (const r of rows) {
    base.set(`${r.field}/${r.member_id}`, JSON.parse(r.content) as BlockElement[])
    if (lastMergedAt === null || r.merged_at > lastMergedAt) lastMergedAt = r.merged_at
  }
  return { base, lastMergedAt }
}

export async function saveMergeBase(db: Db, meetingId: string, entries: readonly { field: string; memberId: string; blocks: readonly BlockElement[] }[], at: string, by: string): Promise<void> {
  for (const e of entries) {
    const values = { content: JSON.stringify(e.blocks), merged_at: at, merged_by: by }
    await db
      .insertInto('report_merges')
      .values({ meeting_id: meetingId, field: e.field, member_id: e.memberId, ...values })
      .onConflict((oc) => oc.columns(['meeting_id', 'field', 'member_id']).doUpdateSet(values))
      .execute()
  }
}

/** The joint reports a member has submitted their contribution to: meeting id → when. */
export async function submittedContributionsOf(db: Db, memberId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('report_contributions').select(['meeting_id', 'submitted_at']).where('member_id', '=', memberId).where('status', '=', 'submitted').execute()
  return new Map(rows.map((r) => [r.meeting_id, r.submitted_at ?? '']))
}
