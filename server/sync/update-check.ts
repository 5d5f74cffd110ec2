/**
 * The update check before apply (DESIGN §4): every section an update touches must be writable by the
 * connection and unlocked. Updates that depend on items the server has not seen are held.
 * @module
 */
import type * as Y from 'yjs'
import { CONTROL_SECTION } from '../../schemas/documents.ts'
import { parseControlState } from '../../schemas/control.ts'
import { UNLOCKED, writeDecision, type ControlState } from '../../schemas/permissions.ts'
import type { DocumentAccess } from './access.ts'
import { touchedSections } from './check-update.ts'

export type CheckResult = { ok: true } | { ok: false; section: string; reason: string } | { held: true }

/** The plain control state of a document (locks, finalised version), as the server wrote it. */
export function controlStateOf(doc: Y.Doc): ControlState {
  const control = doc.getMap(CONTROL_SECTION)
  return control.size === 0 ? UNLOCKED : parseControlState(control.toJSON())
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
    if (section !== CONTROL_SECTION && !access.sections.has(section)) return { ok: false, section, reason: 'unknown-section' }
    const decision = writeDecision(access.viewer, access.doc, section, access.meetingRoles, control)
    if (!decision.ok) return { ok: false, section, reason: decision.reason }
  }
  if (touched.missing) return { held: true }
  return { ok: true }
}
