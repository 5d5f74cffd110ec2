/**
 * The merge as the server writes it, through the room (one transaction on the room's turn queue, as
 * every server write is): each passage taken replaces that member's attributed blocks in the joint
 * section, or is added at its end; the social worker's own blocks and other members' are never touched.
 * @module
 */
import * as Y from 'yjs'
import { ATTRIBUTION_ATTR, type BlockElement } from '../../schemas/report/blocks.ts'
import { passageBlocks, passageEdit } from '../../schemas/report/merge.ts'
import { fragmentBlocks, blockElement } from './xml-blocks.ts'

/** The member each top-level block of a joint section is attributed to (null for the social worker's own). */
export function attributionsOf(fragment: Y.XmlFragment): (string | null)[] {
  return fragment.toArray().map((child) => {
    const by = child instanceof Y.XmlElement ? child.getAttribute(ATTRIBUTION_ATTR) : undefined
    return typeof by === 'string' ? by : null
  })
}

/** The blocks of a joint section attributed to the member (their passage as it stands now). */
export function passageInJoint(fragment: Y.XmlFragment, memberId: string): BlockElement[] {
  const attributions = attributionsOf(fragment)
  return fragmentBlocks(fragment).filter((_, i) => attributions[i] === memberId)
}

/** Puts the member's passage into the joint section (an empty one removes it). Call inside a transaction. */
export function writePassage(fragment: Y.XmlFragment, memberId: string, label: string, blocks: readonly BlockElement[]): void {
  const { remove, insertAt } = passageEdit(attributionsOf(fragment), memberId)
  for (const i of [...remove].reverse()) fragment.delete(i, 1)
  if (blocks.length > 0) fragment.insert(insertAt, passageBlocks(memberId, label, blocks).map(blockElement))
}

/** Replaces the whole of a section the server alone writes (the family's copy of the draft). */
export function replaceSection(fragment: Y.XmlFragment, blocks: readonly BlockElement[]): void {
  if (fragment.length > 0) fragment.delete(0, fragment.length)
  if (blocks.length > 0) fragment.insert(0, blocks.map(blockElement))
}
