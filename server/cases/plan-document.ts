/**
 * The case's child protection plan document (`plan:<caseId>`, issue 11) seen from the server's own
 * code: reading its rows for the due items (read only: the live room when this process has it
 * loaded, else the store's snapshot and log, nothing quarantined, repaired or written), and writing a
 * plan's first rows (the demo seed).
 * @module
 */
import * as Y from 'yjs'
import { PlanActionRow } from '../../schemas/content/rows.ts'
import { PLAN_ACTIONS_SECTION, planDocumentName } from '../../schemas/plan/plan-rules.ts'
import { errorSummary, log } from '../log.ts'
import type { DocumentStore } from '../store/document-store.ts'
import { planActions } from '../sync/plan-history.ts'
import type { Rooms } from '../sync/rooms.ts'
import { serverDoc } from '../ydoc.ts'

/** Where the plan is read from. */
export interface PlanSource {
  rooms: Pick<Rooms, 'loaded'>
  store: Pick<DocumentStore, 'load'>
}

/** The rows of a plan document that match `PlanActionRow`, in plan order (others are left out). */
export function planRowsOf(doc: Y.Doc): PlanActionRow[] {
  const rows: PlanActionRow[] = []
  for (const value of planActions(doc)?.toArray() ?? []) {
    if (!(value instanceof Y.Map)) continue
    const parsed = PlanActionRow.safeParse(value.toJSON())
    if (parsed.success) rows.push(parsed.data)
  }
  return rows
}

/** The case's plan rows now (an empty plan when the document has never been written). */
export async function readPlanRows(source: PlanSource, caseId: string): Promise<PlanActionRow[]> {
  const name = planDocumentName(caseId)
  const room = source.rooms.loaded(name)
  if (room) return planRowsOf(room.doc)
  const stored = await source.store.load(name)
  const doc = serverDoc()
  try {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const update of stored.updates) {
      try {
        Y.applyUpdate(doc, update)
      } catch (err) {
        // The room quarantines such an entry when it loads; reading skips it.
        log.warn('plan.read_entry_skipped', { doc: name, error: errorSummary(err) })
      }
    }
    return planRowsOf(doc)
  } finally {
    doc.destroy()
  }
}

/** The Yjs update that writes `rows` into an empty plan's `actions` section (`progress` as `Y.Text`). */
export function initialPlanUpdate(rows: readonly PlanActionRow[]): Uint8Array {
  const doc = serverDoc()
  const maps = rows.map((row) => {
    const parsed = PlanActionRow.parse(row)
    const map = new Y.Map<unknown>()
    for (const [key, value] of Object.entries(parsed)) {
      if (value === undefined) continue
      map.set(key, key === 'progress' ? new Y.Text(String(value)) : value)
    }
    return map
  })
  doc.getArray(PLAN_ACTIONS_SECTION).push(maps)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** Writes the first rows of a plan nobody has opened yet; durable when the promise resolves. */
export function createPlanDocument(store: DocumentStore, caseId: string, rows: readonly PlanActionRow[]): Promise<void> {
  return store.append(planDocumentName(caseId), initialPlanUpdate(rows))
}
