/**
 * The merge of the joint report (issue 12 §4), as pure functions: each submitted contribution field
 * becomes a passage of the matching joint section — a heading naming the member and agency, then the
 * member's blocks — every top-level block carrying the member's attribution. A re-merge compares each
 * contribution field with what the last merge took from it (the base) and offers exactly the passages
 * that changed; nothing is replaced unless the social worker takes it.
 * @module
 */
import type { ChronologyRow } from '../content/rows.ts'
import {
  ATTRIBUTION_ATTR,
  ATTRIBUTION_LABEL_ATTR,
  blocksFingerprint,
  blocksPlainText,
  heading,
  paragraph,
  withoutAttribution,
  type BlockElement,
} from './blocks.ts'

/** One submitted contribution, as the merge reads it: its fields' blocks (the chronology already as blocks). */
export interface MergeContribution {
  memberId: string
  /** "Name (Agency)". */
  label: string
  fields: Readonly<Record<string, readonly BlockElement[]>>
}

/** The key of one passage: a member's contribution to one joint field. */
export function passageKey(field: string, memberId: string): string {
  return `${field}/${memberId}`
}

/** What a re-merge finds for one passage: never merged, changed since the last merge, or unchanged. */
export type PassageKind = 'new' | 'changed' | 'unchanged'

export interface PassageChange {
  field: string
  memberId: string
  label: string
  kind: PassageKind
  /** The blocks the last merge took (null for a new passage). */
  before: readonly BlockElement[] | null
  /** The contribution's blocks now. */
  after: readonly BlockElement[]
}

/**
 * Every passage of the submitted contributions, in the joint fields' order then the contributions'
 * order, with what happened to it since the last merge (`base`: passage key → blocks). Empty
 * contribution fields make no passage. Deterministic: equal inputs give equal output.
 */
export function mergePassages(fields: readonly string[], contributions: readonly MergeContribution[], base: ReadonlyMap<string, readonly BlockElement[]>): PassageChange[] {
  const out: PassageChange[] = []
  for (const field of fields) {
    for (const c of contributions) {
      const after = c.fields[field] ?? []
      const before = base.get(passageKey(field, c.memberId)) ?? null
      if (before === null && after.length === 0) continue
      const kind: PassageKind = before === null ? 'new' : blocksFingerprint(before) === blocksFingerprint(after) ? 'unchanged' : 'changed'
      out.push({ field, memberId: c.memberId, label: c.label, kind, before, after })
    }
  }
  return out
}

/** The blocks a passage puts into a joint section: the member's heading, then their blocks, all attributed. */
export function passageBlocks(memberId: string, label: string, blocks: readonly BlockElement[]): BlockElement[] {
  const attribution = { [ATTRIBUTION_ATTR]: memberId, [ATTRIBUTION_LABEL_ATTR]: label }
  return [heading(3, label, attribution), ...blocks.map((b) => ({ ...withoutAttribution(b), attrs: { ...withoutAttribution(b).attrs, ...attribution } }))]
}

/**
 * Where a passage goes in a joint section, from the attribution of each of its top-level blocks (null
 * for the social worker's own): the member's blocks are removed and the passage put where the first of
 * them was; a passage not there yet goes at the end. Blocks of anyone else are never touched.
 */
export function passageEdit(attributions: readonly (string | null)[], memberId: string): { remove: number[]; insertAt: number } {
  const remove: number[] = []
  attributions.forEach((a, i) => {
    if (a === memberId) remove.push(i)
  })
  return { remove, insertAt: remove[0] ?? attributions.length }
}

/**
 * A member's chronology as blocks, oldest first: "date: event. Outcome: …" per entry. Entries of one
 * date keep their id order, so the output does not depend on the order rows were added in.
 */
export function chronologyBlocks(rows: readonly ChronologyRow[]): BlockElement[] {
  return [...rows]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => paragraph(`${r.date}: ${r.event}${r.outcome ? `. Outcome: ${r.outcome}` : ''}`))
}

/** Whether the social worker has edited a passage in the joint section since it was merged (taking a change would replace it). */
export function editedSinceMerge(current: readonly BlockElement[], base: readonly BlockElement[] | null, label: string, memberId: string): boolean {
  if (base === null) return false
  return blocksFingerprint(current) !== blocksFingerprint(passageBlocks(memberId, label, base))
}

/** A passage's change in words, for the social worker to take or leave. */
export function passageSummary(change: PassageChange): { before: string | null; after: string } {
  return { before: change.before === null ? null : blocksPlainText(change.before), after: blocksPlainText(change.after) }
}
