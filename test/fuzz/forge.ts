/**
 * Forged Yjs updates against a known base document, for the adversarial property test.
 *
 * A case is a function of (seed, index, base document): `forgeCase` draws from `new Rng(seed, index)`
 * and aims at what the base holds (its catalog), so a failing case is generated again from its seed
 * and index. Kinds, mixed and combined in one update:
 * - `zero-length-item` (string, deleted, JSON, any — with parent keys into `control` and rows),
 *   `zero-length-struct` (GC or Skip of length 0, then an item at the same clock);
 * - `foreign-client` (structs under other users' client ids at their current, next, gap and known
 *   clocks), `fresh-client`;
 * - `gc-overlap` (GC and Skip over real content and over each other, then an item that overlaps it,
 *   names something inside it or a parent beyond it);
 * - `forged-refs` (origin, right origin, parent id, root name, parent key from real IDs of every
 *   section including `control`, from this update, and made up: beyond the clocks held, same client
 *   and others);
 * - `nested-types` (maps, arrays, texts, XML elements with any node name, XML text, hooks, with
 *   children and attributes), `exotic-content` (formats, embeds, binary, JSON, any, subdocuments);
 * - `deletions` (spanning sections and clients, beyond clocks held, zero-length, huge, unsorted);
 * - `two-lists` (one client listed twice), `header-lie` (counts that lie, trailing bytes, no delete set);
 * - `late-dependency` (update B that depends on A, sent before A);
 * - `mutated-honest` (bit flips, byte changes, truncations and struct re-targeting of honest updates
 *   made by a Y.Doc copy of the base), and `honest` (unchanged: the control group).
 * @module
 */
import type * as Y from 'yjs'
import type { Catalog, CatalogItem } from './forge-catalog.ts'
import { encodeUpdate, structLength, type ClientList, type Content, type IdRef, type Struct, type UpdateSpec } from './forge-encode.ts'
import { honestEdit, mutateBytes, retarget } from './forge-honest.ts'
import { CONTROL_KEYS, ODD_CLIENTS, Rng, content, key, text, typeContent, zeroLengthContent } from './forge-values.ts'

/** What the forger knows: the base as the store holds it, and whose client ids are whose. */
export interface ForgeTarget {
  doc: Y.Doc
  catalog: Catalog
  /** The sections of the document's layout. */
  layout: readonly string[]
  /** The sections the sender may write, as the test writes them out (aimed at, never judged by). */
  writable: ReadonlySet<string>
  /** Client ids the sender wrote with honestly. */
  ownClients: readonly number[]
  /** Client ids of the base that belong to other users (and the server). */
  foreignClients: readonly number[]
}

export interface ForgedCase {
  seed: number
  index: number
  /** One entry per update sent, e.g. `gc-overlap+forged-refs`. */
  kinds: string[]
  updates: Uint8Array[]
}

type ItemStruct = Extract<Struct, { kind: 'item' }>
type Placement = Pick<ItemStruct, 'origin' | 'rightOrigin' | 'parent' | 'parentSub'>

/** One forged update being built: its client lists, delete set, lies, and the items it made. */
export class Forge {
  readonly lists: ClientList[] = []
  readonly ds: UpdateSpec['ds'] = []
  readonly lie: Pick<UpdateSpec, 'listCountDelta' | 'dsCountDelta' | 'trailing' | 'noDeleteSet'> = {}
  /** Items (and GCs) made by this update, or carried over from an update it depends on. */
  readonly made: Array<{ id: IdRef; length: number; type: boolean; gc: boolean }> = []
  /** Clocks an earlier update of the same case reached (`late-dependency`). */
  private readonly carried = new Map<number, number>()
  private readonly aim: string[]
  private readonly aimItems: CatalogItem[]
  private readonly aimTypes: CatalogItem[]

  constructor(readonly rng: Rng, readonly t: ForgeTarget) {
    this.aim = t.writable.size > 0 ? [...t.writable] : [...t.layout]
    const aimed = new Set(this.aim)
    this.aimItems = t.catalog.items.filter((i) => i.section !== null && aimed.has(i.section))
    this.aimTypes = this.aimItems.filter((i) => i.type !== null)
  }

  state(client: number): number {
    return this.t.catalog.state.get(client) ?? 0
  }

  /** The clock after everything this update (or a carried one) holds for `client`. */
  end(client: number): number {
    for (let i = this.lists.length - 1; i >= 0; i--) if (this.lists[i]!.client === client) return listEnd(this.lists[i]!)
    return this.carried.get(client) ?? this.state(client)
  }

  /** Lets this update build on `earlier`'s items and clocks without holding them. */
  carry(earlier: Forge): void {
    this.made.push(...earlier.made)
    for (const l of earlier.lists) this.carried.set(l.client, Math.max(this.carried.get(l.client) ?? 0, listEnd(l)))
  }

  /** Appends a struct for `client` at `clock`: to its list (a Skip fills a gap), or as a new list. */
  put(client: number, clock: number, struct: Struct): IdRef {
    let last: ClientList | undefined
    for (let i = this.lists.length - 1; i >= 0 && !last; i--) if (this.lists[i]!.client === client) last = this.lists[i]
    if (last && listEnd(last) === clock) last.structs.push(struct)
    else if (last && clock > listEnd(last) && this.rng.chance(0.7)) last.structs.push({ kind: 'skip', len: clock - listEnd(last) }, struct)
    else this.lists.push({ client, clock, structs: [struct] })
    this.note(client, clock, struct)
    return { client, clock }
  }

  /** A list of its own, even for a client already listed (yjs reads only the last one). */
  list(client: number, clock: number, structs: Struct[]): void {
    this.lists.push({ client, clock, structs })
    let c = clock
    for (const s of structs) {
      this.note(client, c, s)
      c += structLength(s)
    }
  }

  private note(client: number, clock: number, struct: Struct): void {
    if (struct.kind === 'skip') return
    this.made.push({ id: { client, clock }, length: structLength(struct), type: struct.kind === 'item' && struct.content.ref === 'type', gc: struct.kind === 'gc' })
  }

  encode(): Uint8Array {
    return encodeUpdate({ lists: this.lists, ds: this.ds, ...this.lie })
  }

  // --- who writes, and at which clock ---------------------------------------------------------

  ownClient(): number {
    return this.t.ownClients.length > 0 ? this.rng.pick(this.t.ownClients) : this.freshClient()
  }

  foreignClient(): number {
    return this.t.foreignClients.length > 0 ? this.rng.pick(this.t.foreignClients) : this.freshClient()
  }

  freshClient(): number {
    return this.rng.chance(0.05) ? this.rng.pick(ODD_CLIENTS) : this.rng.u32()
  }

  anyClient(): number {
    return this.rng.weighted<() => number>([[() => this.ownClient(), 4], [() => this.foreignClient(), 4], [() => this.freshClient(), 2]])()
  }

  /** A client and the clock its next struct takes. */
  author(): { client: number; clock: number } {
    const mode = this.rng.weighted([
      ['own-next', 30], ['fresh-zero', 18], ['foreign-next', 15], ['foreign-gap', 5], ['foreign-known', 8],
      ['own-known', 5], ['own-gap', 4], ['fresh-gap', 5], ['odd', 5], ['last', 5],
    ] as const)
    const rng = this.rng
    switch (mode) {
      case 'own-next': {
        const c = this.ownClient()
        return { client: c, clock: this.end(c) }
      }
      case 'fresh-zero':
        return { client: this.freshClient(), clock: 0 }
      case 'foreign-next': {
        const c = this.foreignClient()
        return { client: c, clock: this.end(c) }
      }
      case 'foreign-gap':
      case 'own-gap': {
        const c = mode === 'own-gap' ? this.ownClient() : this.foreignClient()
        return { client: c, clock: this.end(c) + rng.range(1, 4) }
      }
      case 'foreign-known':
      case 'own-known': {
        const c = mode === 'own-known' ? this.ownClient() : this.foreignClient()
        return { client: c, clock: rng.int(this.state(c)) }
      }
      case 'fresh-gap':
        return { client: this.freshClient(), clock: rng.range(1, 5) }
      case 'odd':
        return { client: rng.pick(ODD_CLIENTS), clock: rng.pick([0, 1, 2 ** 31, 2 ** 32]) }
      case 'last': {
        const l = this.lists.at(-1)
        if (!l) return { client: this.ownClient(), clock: 0 }
        return { client: l.client, clock: listEnd(l) }
      }
    }
  }

  // --- what a struct refers to ----------------------------------------------------------------

  private clockIn(i: { clock: number; length: number }): number {
    return i.clock + this.rng.int(Math.max(1, i.length))
  }

  /** An ID to name as origin, right origin or parent: real ones of every section, this update's, made-up. */
  pickRef(self?: IdRef): IdRef {
    const rng = this.rng
    const items = this.t.catalog.items
    const mode = rng.weighted([
      ['aimed', 25], ['any', 20], ['control', 6], ['type', 6], ['made', 12], ['gc', 4],
      ['beyond-self', 6], ['beyond-other', 8], ['last-known', 5], ['nowhere', 3],
    ] as const)
    const fromItem = (i: CatalogItem | undefined) => (i ? { client: i.client, clock: this.clockIn(i) } : null)
    const pick = <T>(xs: readonly T[]) => (xs.length > 0 ? rng.pick(xs) : undefined)
    let id: IdRef | null = null
    switch (mode) {
      case 'aimed':
        id = fromItem(pick(this.aimItems))
        break
      case 'any':
        id = fromItem(pick(items))
        break
      case 'control':
        id = fromItem(pick(items.filter((i) => i.section === 'control')))
        break
      case 'type':
        id = fromItem(pick(this.t.catalog.types))
        break
      case 'made': {
        const m = pick(this.made)
        id = m ? { client: m.id.client, clock: m.id.clock + rng.int(Math.max(1, m.length)) } : null
        break
      }
      case 'gc': {
        const g = pick([...this.t.catalog.gcs, ...this.made.filter((m) => m.gc).map((m) => ({ clock: m.id.clock, length: m.length, client: m.id.client }))])
        id = g ? { client: g.client, clock: this.clockIn(g) } : null
        break
      }
      case 'beyond-self':
        id = self ? { client: self.client, clock: self.clock + rng.range(0, 3) } : null
        break
      case 'beyond-other': {
        const c = this.anyClient()
        id = { client: c, clock: this.end(c) + rng.range(0, 5) }
        break
      }
      case 'last-known': {
        const c = this.anyClient()
        id = { client: c, clock: Math.max(0, this.state(c) - 1) }
        break
      }
      case 'nowhere':
        id = { client: this.freshClient(), clock: rng.int(100) }
    }
    return id ?? { client: this.foreignClient(), clock: rng.int(Math.max(1, this.state(this.foreignClient()))) }
  }

  pickRoot(): string {
    const rng = this.rng
    return rng.weighted<() => string>([
      [() => rng.pick(this.aim), 45],
      [() => rng.pick(this.t.layout), 25],
      [() => 'control', 12],
      [() => rng.pick(['item:zzz', 'update:nobody', '', 'notes', 'actions', 'item:purpose', '__proto__', 'constructor', 'x'.repeat(300), 'Control']), 8],
      [() => rng.pick(this.t.catalog.roots.length > 0 ? this.t.catalog.roots : ['control']), 10],
    ])()
  }

  /** A parent type's ID: one of the aimed sections' types, any type, this update's, or something that is not a type. */
  pickTypeRef(self?: IdRef): IdRef {
    const rng = this.rng
    const madeTypes = this.made.filter((m) => m.type)
    return rng.weighted<() => IdRef>([
      [() => (this.aimTypes.length > 0 ? idOf(rng.pick(this.aimTypes)) : this.pickRef(self)), 35],
      [() => (this.t.catalog.types.length > 0 ? idOf(rng.pick(this.t.catalog.types)) : this.pickRef(self)), 20],
      [() => (madeTypes.length > 0 ? rng.pick(madeTypes).id : this.pickRef(self)), 30],
      [() => this.pickRef(self), 15],
    ])()
  }

  /** Where an item goes. `own`: mostly the sections the sender may write, as an editor would. */
  placement(bias: 'own' | 'any', self?: IdRef): Placement {
    const rng = this.rng
    const sub = (p: number) => (rng.chance(p) ? key(rng) : null)
    const mode = rng.weighted([['root', 30], ['under-type', 20], ['after', 25], ['before', 10], ['between', 15]] as const)
    const ownRef = (): IdRef => {
      if (bias !== 'own' || this.aimItems.length === 0 || !rng.chance(0.7)) return this.pickRef(self)
      const i = rng.pick(this.aimItems)
      return { client: i.client, clock: this.clockIn(i) }
    }
    switch (mode) {
      case 'root':
        return { origin: null, rightOrigin: null, parent: { root: bias === 'own' && rng.chance(0.7) ? rng.pick(this.aim) : this.pickRoot() }, parentSub: sub(0.2) }
      case 'under-type':
        return { origin: null, rightOrigin: null, parent: { id: this.pickTypeRef(self) }, parentSub: sub(0.3) }
      case 'after':
        return { origin: ownRef(), rightOrigin: null, parent: null, parentSub: null }
      case 'before':
        return { origin: null, rightOrigin: ownRef(), parent: null, parentSub: null }
      case 'between':
        return { origin: ownRef(), rightOrigin: rng.chance(0.6) ? ownRef() : this.pickRef(self), parent: null, parentSub: null }
    }
  }

  item(placement: Placement, c: Content): ItemStruct {
    return { kind: 'item', ...placement, content: c }
  }

  /** Puts one item by `author()` (or `who`) at `placement(bias)`. */
  addItem(bias: 'own' | 'any', c: Content = content(this.rng), who = this.author()): IdRef {
    return this.put(who.client, who.clock, this.item(this.placement(bias, who), c))
  }
}

function listEnd(list: ClientList): number {
  return list.structs.reduce((c, s) => c + structLength(s), list.clock)
}

function idOf(i: CatalogItem): IdRef {
  return { client: i.client, clock: i.clock }
}

// --- the kinds ---------------------------------------------------------------------------------

type StructKind = (f: Forge) => void

const zeroLengthItem: StructKind = (f) => {
  const rng = f.rng
  const who = f.author()
  const rowMaps = f.t.catalog.types.filter((i) => i.type === 'YMap')
  const placement: Placement = rng.weighted<() => Placement>([
    [() => ({ origin: null, rightOrigin: null, parent: { root: 'control' }, parentSub: rng.pick(CONTROL_KEYS) }), 40],
    [() => ({ origin: null, rightOrigin: null, parent: { root: f.pickRoot() }, parentSub: key(rng) }), 20],
    [() => ({ origin: null, rightOrigin: null, parent: { id: rowMaps.length > 0 ? idOf(rng.pick(rowMaps)) : f.pickTypeRef(who) }, parentSub: rng.pick(['owner', 'status', 'need']) }), 20],
    [() => f.placement('any', who), 20],
  ])()
  f.put(who.client, who.clock, f.item(placement, zeroLengthContent(rng)))
  if (rng.chance(0.3)) f.addItem('own', rng.chance(0.5) ? zeroLengthContent(rng) : content(rng), { client: who.client, clock: f.end(who.client) })
}

const zeroLengthStruct: StructKind = (f) => {
  const who = f.author()
  f.put(who.client, who.clock, { kind: f.rng.chance(0.5) ? 'gc' : 'skip', len: 0 })
  if (f.rng.chance(0.6)) f.addItem('any', content(f.rng), { client: who.client, clock: who.clock })
}

const foreignClient: StructKind = (f) => {
  const rng = f.rng
  const client = f.foreignClient()
  const state = f.state(client)
  let clock = rng.weighted<() => number>([
    [() => f.end(client), 50],
    [() => f.end(client) + rng.range(1, 3), 15],
    [() => rng.int(Math.max(1, state)), 20],
    [() => Math.max(0, state - 1), 15],
  ])()
  for (let n = rng.range(1, 3); n > 0; n--) {
    const s: Struct = rng.chance(0.2) ? { kind: 'gc', len: rng.range(1, 5) } : f.item(f.placement('own', { client, clock }), rng.chance(0.7) ? { ref: 'string', text: text(rng) } : content(rng))
    f.put(client, clock, s)
    clock += structLength(s)
  }
}

const freshClient: StructKind = (f) => {
  const rng = f.rng
  const client = f.freshClient()
  let clock = rng.chance(0.7) ? 0 : rng.range(1, 4)
  for (let n = rng.range(1, 3); n > 0; n--) {
    const s = f.item(f.placement('own', { client, clock }), content(rng))
    f.put(client, clock, s)
    clock += structLength(s)
  }
}

const gcOverlap: StructKind = (f) => {
  const rng = f.rng
  const client = rng.weighted<() => number>([[() => f.freshClient(), 4], [() => f.foreignClient(), 3], [() => f.ownClient(), 3]])()
  const state = f.state(client)
  const start = rng.weighted<() => number>([[() => rng.int(Math.max(1, state)), 50], [() => f.end(client), 25], [() => 0, 25]])()
  const len = rng.chance(0.7) ? rng.range(1, 8) : Math.max(1, state - start + rng.range(0, 5))
  const filler: Struct = { kind: rng.chance(0.7) ? 'gc' : 'skip', len }
  f.put(client, start, filler)
  const gcEnd = start + len
  const follow = rng.weighted([['names-inside', 30], ['names-beyond', 25], ['overlapping-list', 25], ['another-gc', 10], ['nothing', 10]] as const)
  const inside: IdRef = { client, clock: start + rng.int(len) }
  const beyond: IdRef = { client, clock: gcEnd + rng.range(0, 4) }
  const c = rng.chance(0.6) ? ({ ref: 'string', text: text(rng) } as Content) : content(rng)
  if (follow === 'names-inside' || follow === 'names-beyond') {
    const ref = follow === 'names-inside' ? inside : beyond
    const placement: Placement = rng.weighted<() => Placement>([
      [() => ({ origin: null, rightOrigin: null, parent: { id: ref }, parentSub: rng.chance(0.3) ? key(rng) : null }), 40],
      [() => ({ origin: ref, rightOrigin: null, parent: null, parentSub: null }), 30],
      [() => ({ origin: f.pickRef(), rightOrigin: ref, parent: null, parentSub: null }), 30],
    ])()
    f.put(client, gcEnd, f.item(placement, c))
  } else if (follow === 'overlapping-list') {
    f.list(client, start + rng.int(len + 1), [f.item(f.placement('own', inside), c)])
  } else if (follow === 'another-gc') {
    f.list(client, start + rng.int(len), [{ kind: rng.chance(0.5) ? 'gc' : 'skip', len: rng.range(1, 6) }, f.item(f.placement('any', beyond), c)])
  }
}

const forgedRefs: StructKind = (f) => {
  const rng = f.rng
  for (let n = rng.range(1, 3); n > 0; n--) {
    const who = f.author()
    const placement: Placement = rng.weighted<() => Placement>([
      [() => ({ origin: f.pickRef(who), rightOrigin: rng.chance(0.5) ? f.pickRef(who) : null, parent: null, parentSub: null }), 50],
      [() => ({ origin: null, rightOrigin: f.pickRef(who), parent: null, parentSub: null }), 15],
      [() => ({ origin: null, rightOrigin: null, parent: { id: f.pickRef(who) }, parentSub: rng.chance(0.4) ? key(rng) : null }), 20],
      [() => ({ origin: null, rightOrigin: null, parent: { root: f.pickRoot() }, parentSub: rng.chance(0.4) ? key(rng) : null }), 15],
    ])()
    f.put(who.client, who.clock, f.item(placement, content(rng)))
  }
}

const nestedTypes: StructKind = (f) => {
  const rng = f.rng
  const who = rng.chance(0.7) ? { client: f.ownClient(), clock: -1 } : f.author()
  const client = who.client
  const clock = who.clock < 0 ? f.end(client) : who.clock
  const top = typeContent(rng)
  const parents: Array<{ id: IdRef; keyed: boolean }> = [{ id: f.put(client, clock, f.item(f.placement('own', { client, clock }), top)), keyed: top.type === 'map' || top.type === 'xmlHook' }]
  for (let n = rng.range(1, 5); n > 0; n--) {
    const parent = rng.pick(parents)
    const at = f.end(client)
    const c = rng.weighted<() => Content>([[() => ({ ref: 'string', text: text(rng) }), 35], [() => typeContent(rng), 30], [() => content(rng), 35]])()
    const sub = parent.keyed || rng.chance(0.25) ? key(rng) : null
    const placement: Placement = rng.chance(0.75) ? { origin: null, rightOrigin: null, parent: { id: parent.id }, parentSub: sub } : { origin: { client, clock: at - 1 }, rightOrigin: null, parent: null, parentSub: null }
    const id = f.put(client, at, f.item(placement, c))
    if (c.ref === 'type') parents.push({ id, keyed: c.type === 'map' || c.type === 'xmlHook' })
  }
}

const exoticContent: StructKind = (f) => {
  const rng = f.rng
  for (let n = rng.range(1, 3); n > 0; n--) {
    let c = content(rng)
    while (c.ref === 'string') c = content(rng)
    f.addItem('own', c)
  }
}

const deletions: StructKind = (f) => {
  const rng = f.rng
  const items = f.t.catalog.items
  for (let n = rng.range(1, 3); n > 0; n--) {
    const client = rng.weighted<() => number>([[() => f.foreignClient(), 5], [() => f.ownClient(), 3], [() => f.freshClient(), 1], [() => (f.made.length > 0 ? rng.pick(f.made).id.client : f.anyClient()), 1]])()
    const state = f.state(client)
    const mine = items.filter((i) => i.client === client)
    const ranges: Array<{ clock: number; len: number }> = []
    for (let r = rng.range(1, 4); r > 0; r--) {
      ranges.push(
        rng.weighted<() => { clock: number; len: number }>([
          [() => { const i = mine.length > 0 ? rng.pick(mine) : { clock: 0, length: 1 }; return { clock: i.clock + rng.int(i.length), len: rng.range(1, i.length + 2) } }, 40],
          [() => ({ clock: state + rng.range(0, 5), len: rng.range(1, 5) }), 15],
          [() => ({ clock: rng.int(Math.max(1, state)), len: state + rng.range(1, 5) }), 15],
          [() => ({ clock: rng.int(Math.max(1, state)), len: 0 }), 10],
          [() => ({ clock: 0, len: rng.chance(0.5) ? state : 2 ** 31 }), 10],
          [() => ({ clock: rng.pick([2 ** 31, 2 ** 32, 2 ** 53 - 2]), len: 1 }), 5],
          [() => { const m = f.made.length > 0 ? rng.pick(f.made) : { id: { client, clock: 0 }, length: 1 }; return { clock: m.id.clock, len: m.length + rng.int(2) } }, 5],
        ])(),
      )
    }
    if (rng.chance(0.8)) ranges.sort((a, b) => a.clock - b.clock)
    f.ds.push({ client, ranges })
  }
}

const twoLists: StructKind = (f) => {
  const rng = f.rng
  const client = rng.weighted<() => number>([[() => f.ownClient(), 4], [() => f.foreignClient(), 3], [() => f.freshClient(), 3]])()
  const clock = rng.chance(0.7) ? f.end(client) : rng.int(Math.max(1, f.state(client)) + 2)
  const first = [f.item(f.placement('own', { client, clock }), { ref: 'string', text: text(rng) })]
  const second = [f.item(f.placement('any', { client, clock }), content(rng))]
  const [a, b] = rng.chance(0.5) ? [first, second] : [second, first]
  f.list(client, clock, a)
  f.list(client, rng.chance(0.7) ? clock : clock + rng.range(-1, 2), b)
}

/** A modifier: the header's counts lie, bytes trail, or the delete set is missing. */
function headerLie(f: Forge): void {
  const rng = f.rng
  const how = rng.weighted([['lists', 30], ['structs', 30], ['ds', 15], ['trailing', 15], ['no-ds', 10]] as const)
  if (how === 'lists') f.lie.listCountDelta = rng.pick([-2, -1, 1, 2, 1000])
  else if (how === 'structs' && f.lists.length > 0) rng.pick(f.lists).countDelta = rng.pick([-1, 1, 2])
  else if (how === 'ds') f.lie.dsCountDelta = rng.pick([-1, 1, 3])
  else if (how === 'trailing') f.lie.trailing = new Uint8Array(rng.range(1, 6)).map(() => rng.int(256))
  else f.lie.noDeleteSet = true
}

const STRUCT_KINDS: Record<string, StructKind> = {
  'zero-length-item': zeroLengthItem,
  'zero-length-struct': zeroLengthStruct,
  'foreign-client': foreignClient,
  'fresh-client': freshClient,
  'gc-overlap': gcOverlap,
  'forged-refs': forgedRefs,
  'nested-types': nestedTypes,
  'exotic-content': exoticContent,
  deletions,
  'two-lists': twoLists,
}

type Standalone = (rng: Rng, t: ForgeTarget) => { kind: string; updates: Uint8Array[] }

const lateDependency: Standalone = (rng, t) => {
  const a = new Forge(rng, t)
  const forbidden = rng.chance(0.3)
  const who = rng.chance(0.6) ? { client: a.ownClient(), clock: -1 } : { client: a.freshClient(), clock: 0 }
  const clock = who.clock < 0 ? a.end(who.client) : who.clock
  const top = rng.chance(0.5) ? typeContent(rng) : ({ ref: 'string', text: text(rng) } as Content)
  a.put(who.client, clock, a.item(a.placement(forbidden ? 'any' : 'own', { client: who.client, clock }), top))
  if (rng.chance(0.4)) a.addItem('own', content(rng), { client: who.client, clock: a.end(who.client) })
  const b = new Forge(rng, t)
  b.carry(a)
  const bClient = rng.chance(0.5) ? who.client : b.freshClient()
  for (let n = rng.range(1, 3); n > 0; n--) {
    const dep = rng.pick(b.made)
    const at = b.end(bClient)
    const placement: Placement = dep.type && rng.chance(0.6)
      ? { origin: null, rightOrigin: null, parent: { id: dep.id }, parentSub: rng.chance(0.3) ? key(rng) : null }
      : { origin: { client: dep.id.client, clock: dep.id.clock + Math.max(0, dep.length - 1) }, rightOrigin: rng.chance(0.3) ? b.pickRef() : null, parent: null, parentSub: null }
    b.put(bClient, at, b.item(placement, rng.chance(0.6) ? { ref: 'string', text: text(rng) } : content(rng)))
  }
  if (rng.chance(0.3)) {
    const dep = rng.pick(a.made)
    b.ds.push({ client: dep.id.client, ranges: [{ clock: dep.id.clock, len: Math.max(1, dep.length) }] })
  }
  return { kind: `late-dependency${forbidden ? '(A anywhere)' : ''}`, updates: [b.encode(), a.encode()] }
}

function honestTarget(rng: Rng, f: Forge, ownShare: number): string {
  const own = f.t.writable.size > 0 ? [...f.t.writable] : [...f.t.layout]
  return rng.chance(ownShare) ? rng.pick(own) : rng.pick([...f.t.layout, 'control'])
}

const mutatedHonest: Standalone = (rng, t) => {
  const f = new Forge(rng, t)
  const client = rng.weighted<() => number>([[() => f.ownClient(), 6], [() => f.foreignClient(), 2.5], [() => f.freshClient(), 1.5]])()
  const section = honestTarget(rng, f, 0.6)
  const honest = honestEdit(rng, t.doc, client, section)
  const out = rng.chance(0.55) ? mutateBytes(rng, honest) : retarget(rng, honest, { pickRef: () => f.pickRef(), pickClient: () => f.anyClient(), pickRoot: () => f.pickRoot() })
  return { kind: `mutated-honest(${out.how} of an edit in ${section})`, updates: [out.bytes] }
}

const honest: Standalone = (rng, t) => {
  const f = new Forge(rng, t)
  const section = honestTarget(rng, f, 0.75)
  return { kind: `honest(${section})`, updates: [honestEdit(rng, t.doc, f.ownClient(), section)] }
}

const STANDALONE: Record<string, Standalone> = { 'late-dependency': lateDependency, 'mutated-honest': mutatedHonest, honest }

const KIND_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['zero-length-item', 10], ['zero-length-struct', 5], ['foreign-client', 10], ['fresh-client', 6],
  ['gc-overlap', 10], ['forged-refs', 10], ['nested-types', 8], ['exotic-content', 7], ['deletions', 8],
  ['two-lists', 5], ['late-dependency', 6], ['mutated-honest', 10], ['honest', 5],
]
const STRUCT_KIND_WEIGHTS = KIND_WEIGHTS.filter(([k]) => k in STRUCT_KINDS)

/** Case `index` of the run with `seed`, against `target`. */
export function forgeCase(seed: number, index: number, target: ForgeTarget): ForgedCase {
  const rng = new Rng(seed, index)
  const kinds: string[] = []
  const updates: Uint8Array[] = []
  for (let u = rng.chance(0.08) ? rng.range(2, 3) : 1; u > 0; u--) {
    const kind = rng.weighted(KIND_WEIGHTS)
    const standalone = STANDALONE[kind]
    if (standalone) {
      const out = standalone(rng, target)
      kinds.push(out.kind)
      updates.push(...out.updates)
      continue
    }
    const f = new Forge(rng, target)
    const parts = [kind]
    STRUCT_KINDS[kind]!(f)
    while (parts.length < 3 && rng.chance(0.3)) {
      const more = rng.weighted(STRUCT_KIND_WEIGHTS)
      STRUCT_KINDS[more]!(f)
      parts.push(more)
    }
    if (rng.chance(0.06)) {
      headerLie(f)
      parts.push('header-lie')
    }
    kinds.push(parts.join('+'))
    updates.push(f.encode())
  }
  return { seed, index, kinds, updates }
}
