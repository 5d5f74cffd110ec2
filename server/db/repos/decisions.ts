/**
 * Decisions in principle (seed 003): recorded for a meeting, signed off once by a team manager.
 * Rows are validated with the entity schema on read.
 * @module
 */
import type { Selectable } from 'kysely'
import { DecisionInPrinciple, type DecisionOutcome } from '../../../schemas/entities/decision.ts'
import { newId } from '../../auth/tokens.ts'
import { nowIso } from '../entity-row.ts'
import type { Db, DecisionsInPrincipleTable } from '../schema.ts'

function fromRow(r: Selectable<DecisionsInPrincipleTable>): DecisionInPrinciple {
  return DecisionInPrinciple.parse({
    id: r.id,
    caseId: r.case_id,
    meetingId: r.meeting_id,
    text: r.text,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    signOff: r.signed_off_at && r.signed_off_by && r.outcome ? { by: r.signed_off_by, at: r.signed_off_at, outcome: r.outcome, note: r.note } : null,
  })
}

/** Records a new decision, waiting for sign-off. */
export async function insertDecision(db: Db, input: { caseId: string; meetingId: string; text: string; recordedBy: string }): Promise<DecisionInPrinciple> {
  const decision = DecisionInPrinciple.parse({ id: newId('dip'), ...input, recordedAt: nowIso(), signOff: null })
  await db
    .insertInto('decisions_in_principle')
    .values({ id: decision.id, case_id: decision.caseId, meeting_id: decision.meetingId, text: decision.text, recorded_by: decision.recordedBy, recorded_at: decision.recordedAt })
    .execute()
  return decision
}

export async function getDecision(db: Db, id: string): Promise<DecisionInPrinciple | null> {
  const row = await db.selectFrom('decisions_in_principle').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? fromRow(row) : null
}

/** A meeting's decisions, oldest first. */
export async function listDecisionsOfMeeting(db: Db, meetingId: string): Promise<DecisionInPrinciple[]> {
  const rows = await db.selectFrom('decisions_in_principle').selectAll().where('meeting_id', '=', meetingId).orderBy('recorded_at').orderBy('id').execute()
  return rows.map(fromRow)
}

/** The decisions of these cases still waiting for sign-off, oldest first. */
export async function listPendingDecisions(db: Db, caseIds: readonly string[]): Promise<DecisionInPrinciple[]> {
  if (caseIds.length === 0) return []
  const rows = await db
    .selectFrom('decisions_in_principle')
    .selectAll()
    .where('case_id', 'in', [...caseIds])
    .where('signed_off_at', 'is', null)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute()
  return rows.map(fromRow)
}

/**
 * Signs a decision off. Only a decision still waiting changes: the update is conditional, so two
 * team managers answering at once cannot both win. Returns null when it was already signed off.
 */
export async function signOffDecision(db: Db, id: string, signOff: { by: string; outcome: DecisionOutcome; note: string | null }): Promise<DecisionInPrinciple | null> {
  const result = await db
    .updateTable('decisions_in_principle')
    .set({ signed_off_by: signOff.by, signed_off_at: nowIso(), outcome: signOff.outcome, note: signOff.note })
    .where('id', '=', id)
    .where('signed_off_at', 'is', null)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) return null
  return getDecision(db, id)
}
