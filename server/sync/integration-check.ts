/**
 * The second look, after yjs applied an update the check accepted (issue 8 §1, §2): what the
 * transaction actually changed must lie in the sections the check resolved, and the lists around every
 * inserted item must be intact. The check is meant to be exact; this makes a mistake in it cost a room
 * reload instead of a stored wrong edit. Cost: proportional to what the update inserted and deleted.
 * @module
 */
import * as Y from 'yjs'

type AnyType = Y.AbstractType<unknown>

/** Null when the transaction stayed inside `sections` with consistent lists; otherwise what went wrong. */
export function integrationProblem(transaction: Y.Transaction, sections: ReadonlySet<string>): string | null {
  const store = transaction.doc.store
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0
    if (after <= before) continue
    const structs = store.clients.get(client)
    if (structs === undefined) return 'a client without structs'
    for (let i = Y.findIndexSS(structs, before); i < structs.length && structs[i]!.id.clock < after; i++) {
      const struct = structs[i]!
      if (!(struct instanceof Y.Item)) continue
      const problem = itemProblem(struct, sections)
      if (problem) return problem
    }
  }
  let problem: string | null = null
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (problem === null && struct instanceof Y.Item) problem = placeProblem(struct, sections)
  })
  return problem
}

function itemProblem(item: Y.Item, sections: ReadonlySet<string>): string | null {
  if (item.left !== null && (item.left.right !== item || item.left.parent !== item.parent)) return 'a broken left link'
  if (item.right !== null && (item.right.left !== item || item.right.parent !== item.parent)) return 'a broken right link'
  if (item.left !== null && item.left.parentSub !== item.parentSub) return 'neighbours under different keys'
  return placeProblem(item, sections)
}

function placeProblem(item: Y.Item, sections: ReadonlySet<string>): string | null {
  const section = sectionOf(item)
  if (section === null) return 'an item with no root'
  return sections.has(section) ? null : 'a change outside the sections the check resolved'
}

function sectionOf(item: Y.Item): string | null {
  let type: unknown = item.parent
  while (type instanceof Y.AbstractType && type._item !== null) type = type._item.parent
  return type instanceof Y.AbstractType ? Y.findRootTypeKey(type as AnyType) : null
}
