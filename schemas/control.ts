/**
 * The `control` section of every document, which only the server writes: whole-document lock,
 * section locks and the finalised version. Both sides read it through this one function.
 * @module
 */
import { ControlState, UNLOCKED } from './permissions.ts'

/** The plain control state from the control map's JSON (`doc.getMap('control').toJSON()`). */
export function parseControlState(json: Record<string, unknown>): ControlState {
  if (Object.keys(json).length === 0) return UNLOCKED
  const parsed = ControlState.safeParse({
    locked: json.locked === true,
    sections: json.sections ?? {},
    ...(typeof json.finalisedVersion === 'string' ? { finalisedVersion: json.finalisedVersion } : {}),
  })
  // A control map that cannot be read locks everything rather than nothing.
  return parsed.success ? parsed.data : { locked: true, sections: {} }
}
