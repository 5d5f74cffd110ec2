/**
 * Which sections (root types) an incoming update would touch, worked out before it is applied
 * (DESIGN §4, issue 4 §5). The room then asks `writeDecision` about each section and rejects the whole
 * update on the first refusal.
 *
 * The update is decoded, never applied, and the document is never cloned: each new item is followed to
 * its root through the server's copy of the document (or through other items of the same update), and
 * each deleted range through the server's copy. On a 1 MB document a keystroke update costs about 7 µs
 * (median; p99 under 50 µs), where cloning and applying costs about 60 ms (`test/bench/check-update.ts`).
 *
 * The rules mirror how yjs 13 integrates an update (`integrateStructs`, `Item.getMissing`,
 * `readAndApplyDeleteSet`), and err towards naming more sections, never fewer:
 * - an item whose ID range the server already holds is a no-op (yjs skips it);
 * - an item whose parent, origin or right origin the server does not hold, and that the update does not
 *   bring either, or whose client's clock leaves a gap, is held by yjs as pending: `missing`;
 * - an item next to, or inside, a garbage-collected struct becomes garbage itself: it touches nothing;
 * - a deletion of an item that is already deleted (every sync step 2 repeats the whole delete set) or
 *   garbage-collected is a no-op;
 * - a deletion of IDs that neither the server nor the update holds is not a no-op in yjs: they are kept as
 *   pending deletions and applied when those items arrive, possibly from another user in a section this
 *   connection may not write. So they are reported as `missing` and the update is held until the
 *   re-check can name their section;
 * - a forged item whose origin and right origin lie in different sections names both;
 * - a client listed twice in one update (yjs would read only its last list) is a MalformedUpdateError.
 * @module
 */
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'

/** The result of {@link touchedSections}. */
export interface TouchedSections {
  /** Root type names the update inserts into or deletes from (those it can resolve). */
  sections: Set<string>
  /** The update depends on items the server has not seen: hold it and check again once they arrive. */
  missing: boolean
}

type AnyType = Y.AbstractType<unknown>
type Struct = Y.Item | Y.GC | Y.Skip
type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds']
/** Sections an item of the update lands in; empty when yjs would turn it into garbage; null when missing. */
type Resolution = ReadonlySet<string> | null

const NOTHING: ReadonlySet<string> = new Set()
const IN_PROGRESS = Symbol('in progress')
/** A root type's name never changes, so this cache survives across updates and documents. */
const rootNames = new WeakMap<AnyType, string>()

/**
 * Thrown for an update that decodes but that no yjs encoder writes, where yjs would integrate something
 * other than what the check sees (a client listed twice: yjs keeps only its last list). Reject it.
 */
export class MalformedUpdateError extends Error {
  override name = 'MalformedUpdateError'
}

/**
 * The sections an update would touch in `doc`, and whether it depends on items `doc` has not seen.
 * Reads `doc`'s struct store only. Throws on bytes that are not an update, and
 * {@link MalformedUpdateError} on a forged one: either way the caller rejects the update.
 */
export function touchedSections(doc: Y.Doc, update: Uint8Array): TouchedSections {
  const { structs, ds } = Y.decodeUpdate(update)
  assertOneListPerClient(update, structs)
  return new UpdateResolver(doc, structs).resolve(ds)
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

/** One update's resolution state: an index of its structs by client, memoised item results, caches. */
class UpdateResolver {
  private readonly store: Y.Doc['store']
  private readonly sections = new Set<string>()
  private missing = false
  /** The update's structs per client, in clock order (one list per client, Skip structs left out). */
  private readonly byClient = new Map<number, Array<Y.Item | Y.GC>>()
  /** Per client, the clock up to which the store and the update together hold every struct with no gap. */
  private readonly reach = new Map<number, number>()
  private readonly states = new Map<number, number>()
  private readonly memo = new Map<Y.Item, Resolution | typeof IN_PROGRESS>()
  /** Section of each (nested) type met while walking up; deletions of long ranges hit the same types often. */
  private readonly typeRoots = new Map<AnyType, string>()

  constructor(
    doc: Y.Doc,
    private readonly structs: Struct[],
  ) {
    this.store = doc.store
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

  resolve(ds: DeleteSet): TouchedSections {
    for (const struct of this.structs) {
      if (struct instanceof Y.Item) this.addItem(struct)
      else if (struct instanceof Y.GC && !this.reachable(struct)) this.missing = true
    }
    for (const [client, ranges] of ds.clients) this.addDeletions(client, ranges)
    return { sections: this.sections, missing: this.missing }
  }

  private addItem(item: Y.Item): void {
    const { client, clock } = item.id
    const state = this.state(client)
    if (clock + item.length <= state) return
    if (!this.reachable(item)) this.missing = true
    if (clock < state) {
      // Partly known: yjs integrates the rest with `left` set to the server's own copy of the known part.
      this.addStoreStruct(this.storeStruct(Y.createID(client, state - 1)))
    }
    const resolution = this.resolveItem(item)
    if (resolution === null) this.missing = true
    else for (const name of resolution) this.sections.add(name)
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
      if (len <= 0) continue
      const end = clock + len
      if (end > reach) this.missing = true
      const from = Math.max(clock, visited)
      if (from >= state || from >= end || structs === undefined) continue
      for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
        const struct = structs[i]!
        if (struct.id.clock >= end) break
        if (struct instanceof Y.Item && !struct.deleted) this.addStoreStruct(struct)
      }
      visited = Math.max(visited, end)
      // [state, reach) are items of this update: their sections are added with the items themselves.
    }
  }

  /**
   * Resolves an item of the update to its sections, following parents and neighbours that are in the
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

  /** One item's resolution from its dependencies, or the update item that has to be resolved first. */
  private evaluate(item: Y.Item): Resolution | Y.Item {
    const parent: unknown = item.parent
    if (typeof parent === 'string') return new Set([parent])
    const parentId = parent instanceof Y.ID ? parent : null
    const deps = parentId !== null ? [parentId] : [item.origin, item.rightOrigin].filter((id) => id !== null)
    if (deps.length === 0) return NOTHING
    let garbage = false
    let union: Set<string> | null = null
    for (const id of deps) {
      const dep = this.lookup(item, id)
      if (dep === null) return null
      if (dep === 'gc') {
        garbage = true
        continue
      }
      if (dep instanceof Y.Item) {
        const memo = this.memo.get(dep)
        if (memo === IN_PROGRESS) return null // a cycle: yjs can never integrate it
        if (memo === undefined) return dep
        if (memo === null) return null
        union = addAll(union, memo)
        continue
      }
      union = addAll(union, [dep.section])
    }
    return garbage ? NOTHING : (union ?? NOTHING)
  }

  /**
   * Finds a dependency: in the store when the store holds that clock (yjs prefers its own copy), else in
   * the update. Returns the section of a store item, 'gc' for garbage, an update item to resolve, or null
   * when nobody holds it.
   */
  private lookup(from: Y.Item, id: Y.ID): { section: string } | 'gc' | Y.Item | null {
    if (id.client === from.id.client && id.clock >= from.id.clock) return null
    if (id.clock < this.state(id.client)) {
      const struct = this.storeStruct(id)
      if (!(struct instanceof Y.Item)) return 'gc'
      const section = this.storeSection(struct)
      return section === null ? null : { section }
    }
    const struct = this.updateStruct(id)
    if (struct === undefined || !this.reachable(struct)) return null
    return struct instanceof Y.Item ? struct : 'gc'
  }

  private addStoreStruct(struct: Y.Item | Y.GC): void {
    if (!(struct instanceof Y.Item)) return
    const section = this.storeSection(struct)
    if (section === null) this.missing = true
    else this.sections.add(section)
  }

  /** The root name of an integrated item, walking up `parent._item.parent`. */
  private storeSection(item: Y.Item): string | null {
    const parent: unknown = item.parent
    if (!(parent instanceof Y.AbstractType)) return null
    const cached = this.typeRoots.get(parent)
    if (cached !== undefined) return cached
    let type: AnyType = parent
    while (type._item !== null) {
      const up: unknown = type._item.parent
      if (!(up instanceof Y.AbstractType)) return null
      type = up
    }
    let name = rootNames.get(type)
    if (name === undefined) {
      name = Y.findRootTypeKey(type)
      rootNames.set(type, name)
    }
    this.typeRoots.set(parent, name)
    return name
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

function rangesSorted(ranges: Array<{ clock: number }>): boolean {
  for (let i = 1; i < ranges.length; i++) if (ranges[i]!.clock < ranges[i - 1]!.clock) return false
  return true
}

function addAll(into: Set<string> | null, names: Iterable<string>): Set<string> {
  const set = into ?? new Set<string>()
  for (const name of names) set.add(name)
  return set
}
