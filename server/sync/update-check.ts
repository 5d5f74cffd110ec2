/**
 * The update check before apply (DESIGN §4): every section an update touches must be writable by the
 * connection and unlocked. Updates that depend on items the server has not seen are held.
 * @module
 */
import type * as Y from 'yjs'
import { CONTROL_SECTION } from '../../schemas/documents.ts'
import { ControlState, UNLOCKED, writeDecision } from '../../schemas/permissions.ts'
import type { DocumentAccess } from './access.ts'
import { touchedSections } from './check-update.ts'

export type CheckResult = { ok: true } | { ok: false; section: string; reason: string } | { held: true }

/** The plain control state of a document (locks, finalised version), as the server wrote it. */
export function controlStateOf(doc: Y.Doc): ControlState {
  const control = doc.getMap(CONTROL_SECTION)
  if (control.size === 0) return UNLOCKED
  const parsed = ControlState.safeParse({
    locked: control.get('locked') === true,
    sections: control.get('sections') ?? {},
    ...(typeof control.get('finalisedVersion') === 'string' ? { finalisedVersion: control.get('finalisedVersion') } : {}),
  })
  // A control map the server cannot read locks everything rather than nothing.
  return parsed.success ? parsed.data : { locked: true, sections: {} }
}

export function checkUpdate(doc: Y.Doc, access: DocumentAccess, update: Uint8Array): CheckResult {
  let touched: ReturnType<typeof touchedSections>
  try {
    touched = touchedSections(doc, update)
  } catch {
    // A forged or corrupt update: refuse it whole rather than guess what it touches.
    return { ok: false, section: '*', reason: 'malformed' }
  }
  const control = controlStateOf(doc)
  for (const section of touched.sections) {
    const decision = writeDecision(access.viewer, access.doc, section, access.meetingRoles, control)
    if (!decision.ok) return { ok: false, section, reason: decision.reason }
  }
  if (touched.missing) return { held: true }
  return { ok: true }
}
