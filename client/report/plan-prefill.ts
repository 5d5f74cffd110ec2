/**
 * The review of progress, pre-filled from the plan (issue 12 §1): one heading per action the member
 * owns, with its status and their progress notes, written into their own `contrib:<memberId>:progress`
 * (a plain write by the author, which the server checks like any other).
 * @module
 */
import * as Y from 'yjs'
import { STATUS_WORDS } from '../../schemas/plan/words.ts'
import type { PlanRow } from '../plan/plan-rows.ts'

/** Appends, for each of `rows`, a heading naming the action and a paragraph with its status and progress. */
export function prefillProgress(fragment: Y.XmlFragment, rows: readonly PlanRow[]): void {
  const blocks: Y.XmlElement[] = []
  for (const row of rows) {
    const heading = new Y.XmlElement('heading')
    heading.setAttribute('level', 3 as unknown as string)
    heading.insert(0, [new Y.XmlText(row.need ? `${row.need}: ${row.action}` : row.action)])
    const status = new Y.XmlElement('paragraph')
    status.insert(0, [new Y.XmlText(`Status in the plan: ${STATUS_WORDS[row.status]}.${row.progress ? ` ${row.progress}` : ''}`)])
    blocks.push(heading, status)
  }
  fragment.doc!.transact(() => fragment.insert(fragment.length, blocks))
}
