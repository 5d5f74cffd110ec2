/**
 * What an incoming update would do to the server's copy of a document, worked out the way yjs 13
 * integrates it (`integrateStructs`, `Item.getMissing`, `Item.integrate`, `readAndApplyDeleteSet`),
 * before it is applied and without cloning the document (DESIGN §4, issue 8 §2 and §5).
 *
 * The update is decoded once. Every struct and every reference is resolved: each new item to the slot
 * it lands in (its parent type and parent key, the section, and for row sections the row and field),
 * each deleted range to the items it removes. Anything yjs would throw on, silently skip, keep pending
 * or link inconsistently is a {@link MalformedUpdateError}:
 * - a struct of length zero (yjs skips it as known, yet integrates it: a zero-length map entry
 *   replaces the entry's value), or a deletion of length zero;
 * - a same-client origin, right origin or parent at or beyond the item's own clock (yjs throws);
 * - a reference to a struct the update lists after a gap, from the item's own client (yjs throws);
 * - a parent that is not a type, an origin and a right origin in different parents or parent keys
 *   (yjs would corrupt both lists), a known item with references the server cannot resolve (yjs
 *   would keep it pending), an item that extends a known one whose known part lies elsewhere;
 * - references that form a cycle; a client listed twice; a header that lies about the client count.
 * References to other clients' clocks that neither the server nor the update holds make the update
 * `missing` (the room holds it and checks it again when they arrive): nothing is ever left pending
 * inside yjs.
 * @module
 */
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'

/**
 * Thrown for bytes that are not an update, or an update that no yjs encoder writes, where yjs would
 * throw or integrate something other than what the check sees. The update is refused (close 4400).
 */
export class MalformedUpdateError extends Error {
  override name = 'MalformedUpdateError'
}

type AnyType = Y.AbstractType<unknown>
type Struct = Y.Item | Y.GC | Y.Skip

/** What kind of type an item's parent is. Roots are described by their section, not their Yjs type. */
export type ParentShape =
  | { kind: 'root' }
  | { kind: 'xml-element'; nodeName: string }
  | { kind: 'xml-text' }
  | { kind: 'map' }
  | { kind: 'array' }
  | { kind: 'text' }
  | { kind: 'other' }

/**
 * Where an item lands: its parent, its parent key, and where that parent sits in its section. Items
 * with the same parent and parent key share a slot. `depth` is the depth of the items in the slot:
 * 0 for children of the root.
 */
export interface Slot {
  section: string
  /** Identity of the parent: the root's name, a Yjs type of the server's copy, or an item of the update. */
  parent: string | AnyType | Y.Item
  shape: ParentShape
  parentSub: string | null
  depth: number
  /** The root-level item the parent lives in (the row, in a row section); null at depth 0. */
  row: Y.Item | null
  /** The row field the parent lives in (the parent key at depth 1); null at depths 0 and 1. */
  rowKey: string | null
}

/** One place an update changes: the section, and for row sections the row and the field. */
export interface ChangePath {
  section: string
  /** The root-level item the change is in (a row of a row section), or the inserted/removed row itself. */
  row: Y.Item | null
  /** The row field changed; null when a whole root-level item (a row) is added or removed. */
  key: string | null
  /** True when `row` is part of this update (a row being added), false when the server already has it. */
  newRow: boolean
}

export interface ResolvedInsert {
  /** The decoded item (its content is what will be integrated). */
  item: Y.Item
  slot: Slot
  path: ChangePath
}

export interface UpdateResolution {
  /** New items that yjs will integrate into a type (not those it turns into garbage). */
  inserts: ResolvedInsert[]
  /** Items of the server's copy that the update deletes (not yet deleted, not garbage). */
  deletes: ChangePath[]
  /** Clients under which the update adds structs the server does not have (items, GC). */
  writtenClients: Set<number>
  /** Clients whose deletions reach clocks that neither the server nor the update holds. */
  deletesAhead: Set<number>
  /** Depends on other clients' structs that the server has not seen: hold and check again. */
  missing: boolean
  /**
   * For a held update (`missing`, or `deletesAhead`): the clients it waits for, each with the server's
   * clock for it when resolved. Nothing changes for the update until one of those clocks moves on.
   */
  waitingOn: Map<number, number>
  /** Every section the update inserts into or deletes from. */
  sections: Set<string>
}

/** Resolves `update` against `doc`'s struct store (read only). Throws {@link MalformedUpdateError}. */
export function resolveUpdate(doc: Y.Doc, update: Uint8Array): UpdateResolution {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    throw new MalformedUpdateError('not a Yjs update')
  }
  assertOneListPerClient(update, decoded.structs)
  return new UpdateResolver(doc, decoded.structs).resolve(decoded.ds)
}

/**
 * yjs reads an update's structs as one list per client and, if a client comes twice, integrates only the
 * last list; the flat decoded array hides this. Each list's clocks run on without a gap, so counting
 * runs of the same client with consecutive clocks, against the number of lists in the header, finds it.
 */
function assertOneListPerClient(update: Uint8Array, structs: Struct[]): void {
  const lists = decoding.readVarUint(decoding.createDecoder(update))
  const seen = new Set<number>()
  let runs = 0
  let previous: Struct | undefined
  for (const struct of structs) {
    if (struct.length <= 0) throw new MalformedUpdateError('a struct of length zero')
    const { client, clock } = struct.id
    if (previous === undefined || previous.id.client !== client || previous.id.clock + previous.length !== clock) {
      if (seen.has(client)) throw new MalformedUpdateError(`client ${client} is listed more than once`)
      seen.add(client)
      runs++
    }
    previous = struct
  }
  if (runs !== lists) throw new MalformedUpdateError(`the update announces ${lists} client lists and holds ${runs}`)
}

const GARBAGE = 'garbage' as const
const MISSING = 'missing' as const
type Resolution = Slot | typeof GARBAGE | typeof MISSING
const IN_PROGRESS = Symbol('in progress')
/** A root type's name never changes, so this cache survives across updates and documents. */
const rootNames = new WeakMap<AnyType, string>()

function shapeOf(type: unknown): ParentShape {
  if (type instanceof Y.XmlElement) return { kind: 'xml-element', nodeName: type.nodeName }
  if (type instanceof Y.XmlText) return { kind: 'xml-text' }
  if (type instanceof Y.XmlHook || type instanceof Y.XmlFragment) return { kind: 'other' }
  if (type instanceof Y.Map) return { kind: 'map' }
  if (type instanceof Y.Array) return { kind: 'array' }
  if (type instanceof Y.Text) return { kind: 'text' }
  return { kind: 'other' }
}

/** One update's resolution state: an index of its structs by client, memoised item results, caches. */
class UpdateResolver {
  private readonly store: Y.Doc['store']
  private readonly result: UpdateResolution = {
    inserts: [],
    deletes: [],
    writtenClients: new Set(),
    deletesAhead: new Set(),
    missing: false,
    waitingOn: new Map(),
    sections: new Set(),
  }
  private readonly updateStructs: ReadonlySet<Struct>
  /** The update's structs per client, in clock order (Skip structs left out). */
  private readonly byClient = new Map<number, Array<Y.Item | Y.GC>>()
  /** Per client, the clock up to which the store and the update together hold every struct with no gap. */
  private readonly reach = new Map<number, number>()
  private readonly states = new Map<number, number>()
  private readonly memo = new Map<Y.Item, Resolution | typeof IN_PROGRESS>()
  /** Slot fields of the children of each type of the server's copy met so far. */
  private readonly typeSlots = new Map<AnyType, Omit<Slot, 'parentSub'> | null>()

  constructor(
    doc: Y.Doc,
    private readonly structs: Struct[],
  ) {
    this.store = doc.store
    this.updateStructs = new Set(structs)
    for (const struct of structs) {
      if (struct instanceof Y.Skip) continue
      const list = this.byClient.get(struct.id.client)
      if (list === undefined) this.byClient.set(struct.id.client, [struct])
      else list.push(struct)
    }
    for (const [client, list] of this.byClient) {
      let reach = this.state(client)
      for (const struct of list) {
        if (struct.id.clock > reach) break
        reach = Math.max(reach, struct.id.clock + struct.length)
      }
      this.reach.set(client, reach)
    }
  }

  resolve(ds: ReturnType<typeof Y.decodeUpdate>['ds']): UpdateResolution {
    for (const struct of this.structs) {
      if (struct instanceof Y.Skip) continue
      const { client, clock } = struct.id
      const state = this.state(client)
      if (struct instanceof Y.Item && clock + struct.length <= state) {
        this.assertKnownItemResolves(struct)
        continue
      }
      if (clock + struct.length <= state) continue
      this.result.writtenClients.add(client)
      if (!this.reachable(struct)) {
        this.result.missing = true
        this.result.waitingOn.set(client, state)
        continue
      }
      if (struct instanceof Y.Item) this.addItem(struct, state)
    }
    for (const [client, ranges] of ds.clients) this.addDeletions(client, ranges)
    return this.result
  }

  /**
   * yjs resolves the references of every struct it reads, known or not (`getMissing` runs first), and
   * throws or keeps the struct pending when they do not resolve. A known item's references were
   * resolvable when the server integrated it, so anything else is forged.
   */
  private assertKnownItemResolves(item: Y.Item): void {
    for (const id of [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null]) {
      if (id === null) continue
      if (id.client === item.id.client ? id.clock >= item.id.clock : id.clock >= this.state(id.client)) {
        throw new MalformedUpdateError('a known item refers to a struct the server does not hold')
      }
    }
  }

  private addItem(item: Y.Item, state: number): void {
    const resolution = this.resolveItem(item)
    if (resolution === MISSING) {
      this.result.missing = true
      return
    }
    if (item.id.clock < state) {
      // Partly known: yjs integrates the rest with `left` set to the server's copy of the known part,
      // keeping the parent the item's own references name. Both must agree.
      const known = this.storeStruct(Y.createID(item.id.client, state - 1))
      if (!(known instanceof Y.Item)) throw new MalformedUpdateError('an item extends a garbage-collected struct')
      const knownSlot = this.slotOfStoreItem(known)
      if (resolution === GARBAGE || knownSlot === null || !sameSlot(resolution, knownSlot)) {
        throw new MalformedUpdateError('an item extends a known item that lies elsewhere')
      }
    }
    if (resolution === GARBAGE) return
    const path = this.pathOf(item, resolution, true)
    this.result.inserts.push({ item, slot: resolution, path })
    this.result.sections.add(resolution.section)
  }

  private addDeletions(client: number, ranges: Array<{ clock: number; len: number }>): void {
    const state = this.state(client)
    const reach = this.reach.get(client) ?? state
    const structs = this.store.clients.get(client)
    // Honest delete sets are sorted and merged; a forged one may repeat a huge range many times, so
    // each store struct is visited at most once.
    const sorted = rangesSorted(ranges) ? ranges : [...ranges].sort((x, y) => x.clock - y.clock)
    let visited = 0
    for (const { clock, len } of sorted) {
      if (len <= 0) throw new MalformedUpdateError('a deletion of length zero')
      const end = clock + len
      if (end > reach) {
        this.result.deletesAhead.add(client)
        this.result.waitingOn.set(client, state)
      }
      const from = Math.max(clock, visited)
      visited = Math.max(visited, end)
      if (from >= state || from >= end || structs === undefined) continue
      for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
        const struct = structs[i]!
        if (struct.id.clock >= end) break
        if (!(struct instanceof Y.Item) || struct.deleted) continue
        const slot = this.slotOfStoreItem(struct)
        if (slot === null) throw new MalformedUpdateError('a deletion of an item the server cannot place')
        this.result.deletes.push(this.pathOf(struct, slot, false))
        this.result.sections.add(slot.section)
      }
      // [state, reach) are items of this update: their sections are added with the items themselves.
    }
  }

  /** The row and field a change to `item` (in `slot`) touches. */
  private pathOf(item: Y.Item, slot: Slot, inUpdate: boolean): ChangePath {
    if (slot.depth === 0) return { section: slot.section, row: item, key: null, newRow: inUpdate }
    const row = slot.row!
    return { section: slot.section, row, key: slot.depth === 1 ? slot.parentSub : slot.rowKey, newRow: this.isUpdateItem(row) }
  }

  private isUpdateItem(item: Y.Item): boolean {
    return this.updateStructs.has(item)
  }

  /**
   * Resolves an item of the update to its slot, following parents and neighbours that are in the
   * update too. Iterative, because a long paste chains thousands of items through their origins.
   */
  private resolveItem(start: Y.Item): Resolution {
    const stack: Y.Item[] = [start]
    while (stack.length > 0) {
      const item = stack[stack.length - 1]!
      const known = this.memo.get(item)
      if (known !== undefined && known !== IN_PROGRESS) {
        stack.pop()
        continue
      }
      this.memo.set(item, IN_PROGRESS)
      const step = this.evaluate(item)
      if (step instanceof Y.Item) {
        stack.push(step)
        continue
      }
      this.memo.set(item, step)
      stack.pop()
    }
    return this.memo.get(start) as Resolution
  }

  /** One item's slot from its dependencies, or the update item that has to be resolved first. */
  private evaluate(item: Y.Item): Resolution | Y.Item {
    const parent: unknown = item.parent
    if (typeof parent === 'string') {
      return { section: parent, parent, shape: { kind: 'root' }, parentSub: item.parentSub, depth: 0, row: null, rowKey: null }
    }
    if (parent instanceof Y.ID) {
      const dep = this.lookup(item, parent)
      if (dep === MISSING || dep === GARBAGE) return dep
      if (dep instanceof Y.Item && !this.isUpdateItem(dep)) {
        // A parent in the server's copy: yjs uses the type its content holds. A deleted type the server
        // collected holds none, and yjs turns the child into garbage (someone set a field of a row that
        // another removed meanwhile: honest and common).
        if (dep.content instanceof Y.ContentDeleted) return GARBAGE
        if (!(dep.content instanceof Y.ContentType)) throw new MalformedUpdateError('a parent that is not a type')
        const slot = this.childSlotOfStoreType(dep.content.type as AnyType, item.parentSub)
        if (slot === null) throw new MalformedUpdateError('a parent the server cannot place')
        return slot
      }
      const parentSlot = this.memo.get(dep)
      if (parentSlot === IN_PROGRESS) throw new MalformedUpdateError('references that form a cycle')
      if (parentSlot === undefined) return dep
      if (parentSlot === MISSING || parentSlot === GARBAGE) return parentSlot
      if (dep.content instanceof Y.ContentDeleted) return GARBAGE
      if (!(dep.content instanceof Y.ContentType)) throw new MalformedUpdateError('a parent that is not a type')
      return childSlot(dep, parentSlot, item.parentSub)
    }
    if (parent !== null) throw new MalformedUpdateError('an item without a parent')
    const neighbours = [item.origin, item.rightOrigin].filter((id): id is Y.ID => id !== null)
    if (neighbours.length === 0) throw new MalformedUpdateError('an item without a parent or neighbours')
    const slots: Slot[] = []
    let garbage = false
    for (const id of neighbours) {
      const dep = this.lookup(item, id)
      if (dep === MISSING) return MISSING
      if (dep === GARBAGE) {
        garbage = true
        continue
      }
      if (!this.isUpdateItem(dep)) {
        const slot = this.slotOfStoreItem(dep)
        if (slot === null) throw new MalformedUpdateError('a neighbour the server cannot place')
        slots.push(slot)
        continue
      }
      const memo = this.memo.get(dep)
      if (memo === IN_PROGRESS) throw new MalformedUpdateError('references that form a cycle')
      if (memo === undefined) return dep
      if (memo === MISSING) return MISSING
      if (memo === GARBAGE) garbage = true
      else slots.push(memo)
    }
    if (garbage) return GARBAGE
    if (slots.length === 2 && !sameSlot(slots[0]!, slots[1]!)) {
      throw new MalformedUpdateError('an origin and a right origin in different places')
    }
    return slots[0]!
  }

  /**
   * Finds a referenced struct: in the store when the store holds that clock (yjs prefers its own copy),
   * else in the update. Same-client references must point before the item (yjs throws otherwise).
   */
  private lookup(from: Y.Item, id: Y.ID): Y.Item | typeof GARBAGE | typeof MISSING {
    const sameClient = id.client === from.id.client
    if (sameClient && id.clock >= from.id.clock) throw new MalformedUpdateError('a reference to the item itself or beyond it')
    if (id.clock < this.state(id.client)) {
      const struct = this.storeStruct(id)
      return struct instanceof Y.Item ? struct : GARBAGE
    }
    const struct = this.updateStruct(id)
    if (struct === undefined || !this.reachable(struct)) {
      if (sameClient) throw new MalformedUpdateError('a reference to a clock neither the server nor the update holds')
      this.result.waitingOn.set(id.client, this.state(id.client))
      return MISSING
    }
    return struct instanceof Y.Item ? struct : GARBAGE
  }

  /** The slot of an item of the server's copy, from its parent type; null when it has none. */
  private slotOfStoreItem(item: Y.Item): Slot | null {
    const parent: unknown = item.parent
    if (!(parent instanceof Y.AbstractType)) return null
    return this.childSlotOfStoreType(parent, item.parentSub)
  }

  private childSlotOfStoreType(type: AnyType, parentSub: string | null): Slot | null {
    let base = this.typeSlots.get(type)
    if (base === undefined) {
      base = this.computeTypeSlot(type)
      this.typeSlots.set(type, base)
    }
    return base === null ? null : { ...base, parentSub }
  }

  /** Walks up `type._item.parent` to the root: the section, the depth, the row and the row field. */
  private computeTypeSlot(type: AnyType): Omit<Slot, 'parentSub'> | null {
    const chain: Y.Item[] = []
    let root: AnyType = type
    while (root._item !== null) {
      chain.push(root._item)
      const up: unknown = root._item.parent
      if (!(up instanceof Y.AbstractType)) return null
      root = up
    }
    let section = rootNames.get(root)
    if (section === undefined) {
      section = Y.findRootTypeKey(root)
      rootNames.set(root, section)
    }
    if (chain.length === 0) return { section, parent: section, shape: { kind: 'root' }, depth: 0, row: null, rowKey: null }
    // chain[0] holds `type`; chain[chain.length - 1] is the root-level item (the row).
    const depth = chain.length
    return {
      section,
      parent: type,
      shape: shapeOf(type),
      depth,
      row: chain[depth - 1]!,
      rowKey: depth >= 2 ? chain[depth - 2]!.parentSub : null,
    }
  }

  private storeStruct(id: Y.ID): Y.Item | Y.GC {
    const structs = this.store.clients.get(id.client)!
    return structs[Y.findIndexSS(structs, id.clock)]!
  }

  private updateStruct(id: Y.ID): Y.Item | Y.GC | undefined {
    const list = this.byClient.get(id.client)
    if (list === undefined) return undefined
    let lo = 0
    let hi = list.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const struct = list[mid]!
      if (id.clock < struct.id.clock) hi = mid - 1
      else if (id.clock >= struct.id.clock + struct.length) lo = mid + 1
      else return struct
    }
    return undefined
  }

  /** Whether yjs can integrate this struct now: no gap between the store's clock and it. */
  private reachable(struct: Y.Item | Y.GC): boolean {
    return struct.id.clock + struct.length <= (this.reach.get(struct.id.client) ?? this.state(struct.id.client))
  }

  private state(client: number): number {
    let state = this.states.get(client)
    if (state === undefined) {
      state = Y.getState(this.store, client)
      this.states.set(client, state)
    }
    return state
  }
}

/** The slot of the children of `item` (an update item holding a type), with parent key `parentSub`. */
function childSlot(item: Y.Item, slot: Slot, parentSub: string | null): Slot {
  return {
    section: slot.section,
    parent: item,
    shape: shapeOf((item.content as Y.ContentType).type),
    parentSub,
    depth: slot.depth + 1,
    row: slot.depth === 0 ? item : slot.row,
    rowKey: slot.depth === 0 ? null : slot.depth === 1 ? slot.parentSub : slot.rowKey,
  }
}

function sameSlot(a: Slot, b: Slot): boolean {
  return a.parent === b.parent && a.parentSub === b.parentSub
}

function rangesSorted(ranges: Array<{ clock: number }>): boolean {
  for (let i = 1; i < ranges.length; i++) if (ranges[i]!.clock < ranges[i - 1]!.clock) return false
  return true
}
