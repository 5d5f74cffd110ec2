/**
 * Sharing the draft joint report with the family (issue 12 §7, seed 004: "discussed with the parents").
 * The family never opens `report:<id>`; they open its copy `report:<id>:family`, and only once the
 * social worker has shared the draft. The copy's `draft:<field>` sections are the joint sections without
 * any passage attributed to a contribution marked professionals-only.
 * @module
 */
import { isProfessional, type Viewer } from '../permissions.ts'
import { ATTRIBUTION_ATTR, type BlockElement } from './blocks.ts'

/** Whether the viewer may open the family's copy: professionals always, family members once it is shared. */
export function familyReportReadable(viewer: Viewer, shared: boolean): boolean {
  if (viewer.role === null || viewer.memberId === null || viewer.optedOut) return false
  return isProfessional(viewer) || shared
}

/** The blocks of a joint section that the family may see: none attributed to a professionals-only contribution. */
export function familyBlocks(blocks: readonly BlockElement[], professionalsOnly: ReadonlySet<string>): BlockElement[] {
  return blocks.filter((b) => {
    const by = b.attrs[ATTRIBUTION_ATTR]
    return typeof by !== 'string' || !professionalsOnly.has(by)
  })
}
