/**
 * What a forger can aim at in a base document: every struct it holds (items with their section, key,
 * type and deletion; GC ranges), each client's clock, and the types a child could be put under. Read
 * from the struct store, so deleted and garbage-collected parts are there too.
 * @module
 */
import * as Y from 'yjs'

export interface CatalogItem {
  client: number
  clock: number
  length: number
  /** Root name the item lives under; null when it cannot be followed to a root. */
  section: string | null
  parentSub: string | null
  /** Type of a ContentType item (`Y.XmlElement`, `Y.Map`, …), else null. */
  type: string | null
  deleted: boolean
}

export interface Catalog {
  items: CatalogItem[]
  /** Items that hold a type (possible parents of new children). */
  types: CatalogItem[]
  gcs: Array<{ client: number; clock: number; length: number }>
  /** Clock per client, as `Y.getState`. */
  state: Map<number, number>
  /** Root names present, sorted. */
  roots: string[]
}

type AnyType = Y.AbstractType<unknown>

export function sectionOfType(type: AnyType): string | null {
  let t: AnyType = type
  for (let guard = 0; t._item !== null && guard < 10_000; guard++) {
    const up: unknown = t._item.parent
    if (!(up instanceof Y.AbstractType)) return null
    t = up as AnyType
  }
  try {
    return Y.findRootTypeKey(t)
  } catch {
    return null
  }
}

function typeName(item: Y.Item): string | null {
  if (!(item.content instanceof Y.ContentType)) return null
  const t: unknown = item.content.type
  if (t instanceof Y.XmlElement) return `XmlElement<${t.nodeName}>`
  return (t as object).constructor.name
}

export function catalogOf(doc: Y.Doc): Catalog {
  const items: CatalogItem[] = []
  const gcs: Catalog['gcs'] = []
  const state = new Map<number, number>()
  const clients = [...doc.store.clients.keys()].sort((a, b) => a - b)
  for (const client of clients) {
    const structs = doc.store.clients.get(client)!
    state.set(client, Y.getState(doc.store, client))
    for (const s of structs) {
      if (s instanceof Y.Item) {
        const parent: unknown = s.parent
        items.push({
          client,
          clock: s.id.clock,
          length: s.length,
          section: parent instanceof Y.AbstractType ? sectionOfType(parent as AnyType) : null,
          parentSub: s.parentSub,
          type: typeName(s),
          deleted: s.deleted,
        })
      } else gcs.push({ client, clock: s.id.clock, length: s.length })
    }
  }
  return { items, types: items.filter((i) => i.type !== null), gcs, state, roots: [...doc.share.keys()].sort() }
}
