/**
 * Core group meetings. Validated with the entity schema on write and on read.
 * @module
 */
import { Meeting } from '../../../schemas/entities/index.ts'
import { newId } from '../../auth/tokens.ts'
import { nowIso, parseRow } from '../entity-row.ts'
import type { Db } from '../schema.ts'

/** A newly planned meeting's fields before anything is recorded: status planned, no dates yet. */
export function plannedMeetingFields(at = nowIso()) {
  return {
    id: newId('meet'),
    status: 'planned' as const,
    heldDate: null,
    minutesToSocialWorkerDate: null,
    socialWorkerUpdateDate: null,
    notesDistributedDate: null,
    jointReportDraftDate: null,
    jointReportAmendmentsDate: null,
    jointReportFinalDate: null,
    socialWorkerAbsent: false,
    createdAt: at,
    updatedAt: at,
  }
}

export async function insertMeeting(db: Db, value: Meeting): Promise<Meeting> {
  const m = Meeting.parse(value)
  await db
    .insertInto('meetings')
    .values({ id: m.id, case_id: m.caseId, date: m.date, data: JSON.stringify(m), created_at: m.createdAt, updated_at: m.updatedAt })
    .execute()
  return m
}

export async function getMeeting(db: Db, id: string): Promise<Meeting | null> {
  const row = await db.selectFrom('meetings').select('data').where('id', '=', id).executeTakeFirst()
  return row ? parseRow(Meeting, row) : null
}

/** Writes a changed meeting (validated again, `updatedAt` set now). */
export async function saveMeeting(db: Db, value: Meeting): Promise<Meeting> {
  const m = Meeting.parse({ ...value, updatedAt: nowIso() })
  await db.updateTable('meetings').set({ date: m.date, data: JSON.stringify(m), updated_at: m.updatedAt }).where('id', '=', m.id).execute()
  return m
}

/** A case's meetings in date order. */
export async function listMeetings(db: Db, caseId: string): Promise<Meeting[]> {
  const rows = await db.selectFrom('meetings').select('data').where('case_id', '=', caseId).orderBy('date').orderBy('id').execute()
  return rows.map((r) => parseRow(Meeting, r))
}

/** The meetings of several cases (the dashboard), grouped by case id. */
export async function listMeetingsOfCases(db: Db, caseIds: readonly string[]): Promise<Map<string, Meeting[]>> {
  const byCase = new Map<string, Meeting[]>(caseIds.map((id) => [id, []]))
  if (caseIds.length === 0) return byCase
  const rows = await db.selectFrom('meetings').select('data').where('case_id', 'in', [...caseIds]).orderBy('date').orderBy('id').execute()
  for (const r of rows) {
    const m = parseRow(Meeting, r)
    byCase.get(m.caseId)?.push(m)
  }
  return byCase
}
