/**
 * Yjs 13 V1 updates written byte by byte from a plain description, so a test can say exactly what
 * no Yjs encoder would write: zero-length items, GC and Skip anywhere, references to anything, a
 * client listed twice, counts that lie. Follows yjs's `writeStructs` / `readClientsStructRefs`,
 * `Item.write` / `readItem` and `writeDeleteSet`; `describeUpdate` reads a real update back into the
 * same description (and `encodeUpdate(describeUpdate(u))` decodes as `u` does; yjs also sets the
 * parent-key bit on items with an origin, where readers ignore it, and that bit is not kept).
 * @module
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

export interface IdRef {
  client: number
  clock: number
}

export type TypeKind = 'array' | 'map' | 'text' | 'xmlElement' | 'xmlFragment' | 'xmlHook' | 'xmlText'

/** Item content by yjs content ref (info & 31). */
export type Content =
  | { ref: 'deleted'; len: number }
  | { ref: 'json'; values: unknown[] }
  | { ref: 'binary'; bytes: Uint8Array }
  | { ref: 'string'; text: string }
  | { ref: 'embed'; value: unknown }
  | { ref: 'format'; key: string; value: unknown }
  | { ref: 'type'; type: TypeKind; name?: string }
  | { ref: 'any'; values: unknown[] }
  | { ref: 'doc'; guid: string; opts: unknown }
  /** A content ref yjs does not know (11–31), with arbitrary bytes after it. */
  | { ref: 'unknown'; code: number; bytes: Uint8Array }

export type Struct =
  | { kind: 'gc'; len: number }
  | { kind: 'skip'; len: number }
  | {
      kind: 'item'
      origin: IdRef | null
      rightOrigin: IdRef | null
      /** Written only when there is neither origin nor right origin (as yjs reads it). */
      parent: { root: string } | { id: IdRef } | null
      parentSub: string | null
      content: Content
    }

export interface ClientList {
  client: number
  clock: number
  structs: Struct[]
  /** Added to the struct count written in the header (a lie when not 0). */
  countDelta?: number
}

export interface UpdateSpec {
  lists: ClientList[]
  ds: Array<{ client: number; ranges: Array<{ clock: number; len: number }> }>
  /** Added to the number of client lists written (a lie when not 0). */
  listCountDelta?: number
  /** Added to the number of delete-set clients written. */
  dsCountDelta?: number
  /** Bytes after the delete set. */
  trailing?: Uint8Array
  /** Leave the delete set out entirely (a truncated update). */
  noDeleteSet?: boolean
}

const REF = { deleted: 1, json: 2, binary: 3, string: 4, embed: 5, format: 6, type: 7, any: 8, doc: 9 } as const
const TYPE_REF: Record<TypeKind, number> = { array: 0, map: 1, text: 2, xmlElement: 3, xmlFragment: 4, xmlHook: 5, xmlText: 6 }
const BIT8 = 128
const BIT7 = 64
const BIT6 = 32

/** The clock length yjs gives an item with this content. */
export function contentLength(content: Content): number {
  switch (content.ref) {
    case 'deleted':
      return content.len
    case 'json':
    case 'any':
      return content.values.length
    case 'string':
      return content.text.length
    default:
      return 1
  }
}

export function structLength(struct: Struct): number {
  return struct.kind === 'item' ? contentLength(struct.content) : struct.len
}

export function encodeUpdate(spec: UpdateSpec): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, Math.max(0, spec.lists.length + (spec.listCountDelta ?? 0)))
  for (const list of spec.lists) {
    encoding.writeVarUint(e, Math.max(0, list.structs.length + (list.countDelta ?? 0)))
    encoding.writeVarUint(e, list.client)
    encoding.writeVarUint(e, list.clock)
    for (const struct of list.structs) writeStruct(e, struct)
  }
  if (!spec.noDeleteSet) {
    encoding.writeVarUint(e, Math.max(0, spec.ds.length + (spec.dsCountDelta ?? 0)))
    for (const { client, ranges } of spec.ds) {
      encoding.writeVarUint(e, client)
      encoding.writeVarUint(e, ranges.length)
      for (const r of ranges) {
        encoding.writeVarUint(e, r.clock)
        encoding.writeVarUint(e, r.len)
      }
    }
  }
  if (spec.trailing) encoding.writeUint8Array(e, spec.trailing)
  return encoding.toUint8Array(e)
}

function writeId(e: encoding.Encoder, id: IdRef): void {
  encoding.writeVarUint(e, id.client)
  encoding.writeVarUint(e, id.clock)
}

function writeStruct(e: encoding.Encoder, struct: Struct): void {
  if (struct.kind === 'gc') {
    encoding.writeUint8(e, 0)
    encoding.writeVarUint(e, struct.len)
    return
  }
  if (struct.kind === 'skip') {
    encoding.writeUint8(e, 10)
    encoding.writeVarUint(e, struct.len)
    return
  }
  const { origin, rightOrigin, parent, parentSub, content } = struct
  const code = content.ref === 'unknown' ? content.code & 31 : REF[content.ref]
  const ownParent = origin === null && rightOrigin === null
  encoding.writeUint8(e, code | (origin ? BIT8 : 0) | (rightOrigin ? BIT7 : 0) | (parentSub !== null ? BIT6 : 0))
  if (origin) writeId(e, origin)
  if (rightOrigin) writeId(e, rightOrigin)
  if (ownParent) {
    const p = parent ?? { root: '' }
    if ('root' in p) {
      encoding.writeVarUint(e, 1)
      encoding.writeVarString(e, p.root)
    } else {
      encoding.writeVarUint(e, 0)
      writeId(e, p.id)
    }
    if (parentSub !== null) encoding.writeVarString(e, parentSub)
  }
  writeContent(e, content)
}

function writeContent(e: encoding.Encoder, c: Content): void {
  switch (c.ref) {
    case 'deleted':
      encoding.writeVarUint(e, c.len)
      return
    case 'json':
      encoding.writeVarUint(e, c.values.length)
      for (const v of c.values) encoding.writeVarString(e, v === undefined ? 'undefined' : JSON.stringify(v))
      return
    case 'binary':
      encoding.writeVarUint8Array(e, c.bytes)
      return
    case 'string':
      encoding.writeVarString(e, c.text)
      return
    case 'embed':
      encoding.writeVarString(e, JSON.stringify(c.value) ?? 'null')
      return
    case 'format':
      encoding.writeVarString(e, c.key)
      encoding.writeVarString(e, JSON.stringify(c.value) ?? 'null')
      return
    case 'type':
      encoding.writeVarUint(e, TYPE_REF[c.type])
      if (c.type === 'xmlElement' || c.type === 'xmlHook') encoding.writeVarString(e, c.name ?? 'paragraph')
      return
    case 'any':
      encoding.writeVarUint(e, c.values.length)
      for (const v of c.values) encoding.writeAny(e, v as Parameters<typeof encoding.writeAny>[1])
      return
    case 'doc':
      encoding.writeVarString(e, c.guid)
      encoding.writeAny(e, c.opts as Parameters<typeof encoding.writeAny>[1])
      return
    case 'unknown':
      encoding.writeUint8Array(e, c.bytes)
  }
}

/** Reads a well-formed V1 update into a spec (the inverse of `encodeUpdate` for updates yjs wrote). */
export function describeUpdate(update: Uint8Array): UpdateSpec {
  const { structs, ds } = Y.decodeUpdate(update)
  const lists: ClientList[] = []
  let current: ClientList | null = null
  let end = 0
  for (const s of structs) {
    const { client, clock } = s.id
    if (current === null || current.client !== client || clock !== end) {
      current = { client, clock, structs: [] }
      lists.push(current)
    }
    current.structs.push(describeStruct(s))
    end = clock + s.length
  }
  const dsOut = [...ds.clients.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([client, items]) => ({ client, ranges: items.map((d) => ({ clock: d.clock, len: d.len })) }))
  return { lists, ds: dsOut }
}

function describeStruct(s: Y.Item | Y.GC | Y.Skip): Struct {
  if (s instanceof Y.GC) return { kind: 'gc', len: s.length }
  if (s instanceof Y.Skip) return { kind: 'skip', len: s.length }
  const id = (x: Y.ID | null) => (x === null ? null : { client: x.client, clock: x.clock })
  const parent: unknown = s.parent
  return {
    kind: 'item',
    origin: id(s.origin),
    rightOrigin: id(s.rightOrigin),
    parent: typeof parent === 'string' ? { root: parent } : parent instanceof Y.ID ? { id: id(parent)! } : null,
    parentSub: s.parentSub,
    content: describeContent(s.content),
  }
}

function describeContent(c: Y.Item['content']): Content {
  if (c instanceof Y.ContentDeleted) return { ref: 'deleted', len: c.len }
  if (c instanceof Y.ContentJSON) return { ref: 'json', values: c.arr }
  if (c instanceof Y.ContentBinary) return { ref: 'binary', bytes: c.content }
  if (c instanceof Y.ContentString) return { ref: 'string', text: c.str }
  if (c instanceof Y.ContentEmbed) return { ref: 'embed', value: c.embed }
  if (c instanceof Y.ContentFormat) return { ref: 'format', key: c.key, value: c.value }
  if (c instanceof Y.ContentAny) return { ref: 'any', values: c.arr }
  if (c instanceof Y.ContentDoc) return { ref: 'doc', guid: c.doc!.guid, opts: c.opts }
  if (c instanceof Y.ContentType) {
    const t: unknown = c.type
    if (t instanceof Y.XmlElement) return { ref: 'type', type: 'xmlElement', name: t.nodeName }
    if (t instanceof Y.XmlHook) return { ref: 'type', type: 'xmlHook', name: t.hookName }
    if (t instanceof Y.XmlText) return { ref: 'type', type: 'xmlText' }
    if (t instanceof Y.XmlFragment) return { ref: 'type', type: 'xmlFragment' }
    if (t instanceof Y.Text) return { ref: 'type', type: 'text' }
    if (t instanceof Y.Map) return { ref: 'type', type: 'map' }
    return { ref: 'type', type: 'array' }
  }
  throw new Error('unknown content')
}
