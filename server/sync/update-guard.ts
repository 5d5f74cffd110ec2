/**
 * The decision on a resolved update (DESIGN §4, issue 8 §5 and §6): every change must land in a path
 * the connection may write (section; for row sections the row and the field), in an unlocked section of
 * the document's layout, with content the section's schema allows. The first refusal refuses the whole
 * update. Pure: reads the resolution, the connection's access and the control state only.
 * @module
 */
import * as Y from 'yjs'
import { CONTROL_SECTION, parseSectionName, sectionContent } from '../../schemas/documents.ts'
import { parseControlState } from '../../schemas/control.ts'
import { UPDATE_LIMITS } from '../../schemas/limits.ts'
import { PlanActionRow, rowSectionOf } from '../../schemas/content/rows.ts'
import { PLAN_ACTIONS_SECTION, planWriteDecision, type PlanContext } from '../../schemas/plan/plan-rules.ts'
import {
  canWriteSection,
  rowWriteDecision,
  UNLOCKED,
  writeDecision,
  type ControlState,
  type RefusalReason,
  type WriteDecision,
} from '../../schemas/permissions.ts'
import type { DocumentAccess } from './access.ts'
import { planActions } from './plan-history.ts'
import { newRowProblem, newRowValue, richTextProblem, rowProblem } from './update-content.ts'
import type { ChangePath, UpdateResolution } from './update-resolver.ts'

export interface Refusal {
  section: string
  reason: RefusalReason
  /** For the server's log only (never sent, never document text). */
  detail?: string
}

/** The plain control state of a document (locks, finalised version), as the server wrote it. */
export function controlStateOf(doc: Y.Doc): ControlState {
  const control = doc.getMap(CONTROL_SECTION)
  return control.size === 0 ? UNLOCKED : parseControlState(control.toJSON())
}

/**
 * Null when `access` may make every change of `resolution` to a document in `control` state. `doc` is
 * the server's copy (read only), for the checks across rows of the plan (ids are unique); without it
 * those checks see an empty plan.
 *
 * The plan (`plan:<caseId>`) is judged row by row and field by field with `planWriteDecision`
 * (schemas/plan/plan-rules.ts) instead of `rowWriteDecision`: its "meeting in progress" is the
 * access's `meetingRoles`. Its rows are `PlanActionRow`s: a new row carries an `id` no other row has,
 * and no update changes or removes the `id` of a row already there (`invalid-content`).
 */
export function judgeUpdate(access: DocumentAccess, resolution: UpdateResolution, control: ControlState, doc?: Y.Doc): Refusal | null {
  const sectionDecisions = new Map<string, WriteDecision>()
  const rowJson = new Map<Y.Item, Record<string, unknown>>()
  const plan = access.doc.kind === 'plan'
  const planContext: PlanContext = { meetingInProgress: access.meetingRoles, control }
  const decide = (path: ChangePath): WriteDecision => {
    const ref = parseSectionName(path.section)
    if (path.section !== CONTROL_SECTION && !access.sections.has(path.section)) return { ok: false, reason: 'unknown-section' }
    if (ref !== null && sectionContent(ref) === 'rows' && path.row !== null) {
      const row = path.newRow ? null : rowOf(path.row, rowJson)
      if (plan) return planWriteDecision(access.viewer, planContext, { row, key: path.key })
      return rowWriteDecision(access.viewer, access.doc, { section: path.section, row, key: path.key }, access.meetingRoles, control)
    }
    let decision = sectionDecisions.get(path.section)
    if (decision === undefined) {
      decision = writeDecision(access.viewer, access.doc, path.section, access.meetingRoles, control)
      sectionDecisions.set(path.section, decision)
    }
    return decision
  }
  for (const insert of resolution.inserts) {
    if (insert.slot.depth > UPDATE_LIMITS.depth) return { section: insert.path.section, reason: 'invalid-content', detail: 'types nested too deep' }
    const decision = decide(insert.path)
    if (!decision.ok) return { section: insert.path.section, reason: decision.reason }
    const problem = contentProblem(insert.path.section, insert, resolution, plan)
    if (problem) return { section: insert.path.section, reason: 'invalid-content', detail: problem }
  }
  // Removing a row removes its fields (its id among them) with it.
  const removedRows = plan ? new Set(resolution.deletes.filter((p) => p.key === null && p.row !== null).map((p) => p.row)) : null
  for (const path of resolution.deletes) {
    const decision = decide(path)
    if (!decision.ok) return { section: path.section, reason: decision.reason }
    if (removedRows && touchesRowId(path) && !removedRows.has(path.row)) return { section: path.section, reason: 'invalid-content', detail: 'a row id removed' }
  }
  if (plan) {
    const problem = planIdProblem(resolution, doc)
    if (problem) return { section: PLAN_ACTIONS_SECTION, reason: 'invalid-content', detail: problem }
  }
  // Structs that land in no section (garbage, a GC range) still write: only a writer may send them.
  if (resolution.writtenClients.size > 0 && !mayWriteAnything(access)) return { section: '*', reason: 'read-only' }
  return null
}

function contentProblem(section: string, insert: UpdateResolution['inserts'][number], resolution: UpdateResolution, plan: boolean): string | null {
  const ref = parseSectionName(section)
  if (ref === null) return 'a section outside the layout'
  switch (sectionContent(ref)) {
    case 'control':
      return 'the control map'
    case 'rich-text':
      return richTextProblem(insert.slot, insert.item)
    case 'rows': {
      const name = rowSectionOf(ref)
      if (name === null) return 'rows in a section that holds none'
      const problem = rowProblem(name, insert.slot, insert.item)
      if (problem) return problem
      if (plan && touchesRowId(insert.path)) return 'a row id changed'
      if (insert.slot.depth !== 0 || insert.item.content instanceof Y.ContentDeleted) return null
      return newRowProblem(name, insert.item, resolution.inserts, plan ? PlanActionRow : undefined)
    }
  }
}

/** A change to the `id` field of a plan row that is already there (ids never change). */
function touchesRowId(path: ChangePath): boolean {
  return path.row !== null && !path.newRow && path.key === 'id'
}

/** Why the ids of the rows an update adds to the plan clash (with each other or with a row there), or null. */
function planIdProblem(resolution: UpdateResolution, doc: Y.Doc | undefined): string | null {
  let existing: Set<unknown> | null = null
  const added = new Set<unknown>()
  for (const insert of resolution.inserts) {
    if (insert.slot.depth !== 0 || insert.slot.section !== PLAN_ACTIONS_SECTION || insert.item.content instanceof Y.ContentDeleted) continue
    const id = newRowValue(PLAN_ACTIONS_SECTION, insert.item, resolution.inserts).id
    existing ??= planRowIds(doc)
    if (existing.has(id) || added.has(id)) return 'a row id that another row has'
    added.add(id)
  }
  return null
}

/** The ids of the plan's rows in the server's copy. */
function planRowIds(doc: Y.Doc | undefined): Set<unknown> {
  const ids = new Set<unknown>()
  for (const row of (doc && planActions(doc)?.toArray()) ?? []) if (row instanceof Y.Map) ids.add(row.get('id'))
  return ids
}

function mayWriteAnything(access: DocumentAccess): boolean {
  for (const section of access.sections) {
    if (canWriteSection(access.viewer, access.doc, parseSectionName(section), access.meetingRoles)) return true
  }
  // Owners of action rows may write a field or two of a section they cannot write as a whole.
  return access.sections.has('actions') && access.viewer.memberId !== null
}

function rowOf(row: Y.Item, cache: Map<Y.Item, Record<string, unknown>>): Record<string, unknown> {
  let json = cache.get(row)
  if (json === undefined) {
    const type: unknown = row.content instanceof Y.ContentType ? row.content.type : null
    json = type instanceof Y.Map ? (type.toJSON() as Record<string, unknown>) : {}
    cache.set(row, json)
  }
  return json
}
