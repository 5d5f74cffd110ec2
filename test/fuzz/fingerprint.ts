/**
 * The oracle's view of a document: every root type dumped by walking its list and its map entries
 * (whatever class the root was opened as, so map entries forged onto a fragment show too), and the
 * clocks of client ids that belong to other users. Two fingerprints are equal exactly when nothing
 * visible changed in the parts compared.
 * @module
 */
import * as Y from 'yjs'

type AnyType = Y.AbstractType<unknown>

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex')
}

function dumpContent(item: Y.Item, depth: number): unknown {
  const c = item.content
  if (c instanceof Y.ContentString) return c.str
  if (c instanceof Y.ContentFormat) return { format: c.key, value: c.value }
  if (c instanceof Y.ContentEmbed) return { embed: c.embed }
  if (c instanceof Y.ContentBinary) return { binary: hex(c.content) }
  if (c instanceof Y.ContentJSON) return { json: c.arr }
  if (c instanceof Y.ContentAny) return { any: c.arr.map((v) => (v instanceof Uint8Array ? { bytes: hex(v) } : v)) }
  if (c instanceof Y.ContentDoc) return { doc: c.doc?.guid ?? null, opts: c.opts }
  if (c instanceof Y.ContentType) {
    const t: unknown = c.type
    const name = t instanceof Y.XmlElement ? `<${t.nodeName}>` : t instanceof Y.XmlHook ? `hook:${t.hookName}` : (t as object).constructor.name
    return { type: name, ...dumpType(c.type as AnyType, depth + 1) }
  }
  if (c instanceof Y.ContentDeleted) return { deleted: c.len }
  return { unknown: (c as object).constructor.name }
}

/** A type's visible list and map entries, recursively. */
export function dumpType(type: AnyType, depth = 0): { list: unknown[]; map: Record<string, unknown> } {
  if (depth > 64) return { list: ['…'], map: {} }
  const list: unknown[] = []
  for (let n = type._start, guard = 0; n !== null && guard < 1_000_000; n = n.right, guard++) {
    if (!n.deleted) list.push(dumpContent(n, depth))
  }
  const map: Record<string, unknown> = {}
  for (const key of [...type._map.keys()].sort()) {
    const item = type._map.get(key)!
    if (!item.deleted) map[key] = dumpContent(item, depth)
  }
  return { list, map }
}

/** Each root type with anything visible in it, by name, as JSON. */
export function sectionDumps(doc: Y.Doc): Map<string, string> {
  const out = new Map<string, string>()
  for (const name of [...doc.share.keys()].sort()) {
    const dump = dumpType(doc.share.get(name)! as AnyType)
    if (dump.list.length > 0 || Object.keys(dump.map).length > 0) out.set(name, JSON.stringify(dump))
  }
  return out
}

export interface Fingerprint {
  /** Root name → dump, for every root the sender may not write (including `control`). */
  sections: Map<string, string>
  /** Clock of each client id that belongs to someone other than the sender. */
  clocks: Map<number, number>
}

/** Rows of a row section that the sender owns, and the fields an owner may change in them. */
export interface OwnedRows {
  section: string
  owner: string
  fields: ReadonlySet<string>
}

export function forbiddenFingerprint(doc: Y.Doc, writable: ReadonlySet<string>, foreignClients: readonly number[], owned?: OwnedRows): Fingerprint {
  const sections = new Map<string, string>()
  for (const [name, dump] of sectionDumps(doc)) {
    if (writable.has(name)) continue
    sections.set(name, owned?.section === name ? JSON.stringify(withoutOwnedFields(JSON.parse(dump) as Dump, owned)) : dump)
  }
  const clocks = new Map<number, number>()
  for (const c of foreignClients) clocks.set(c, Y.getState(doc.store, c))
  return { sections, clocks }
}

type Dump = { list: Array<{ type?: string; map?: Record<string, unknown> } | unknown>; map: Record<string, unknown> }

/** The dump of a row section without the fields the sender may change in the rows they own. */
function withoutOwnedFields(dump: Dump, owned: OwnedRows): Dump {
  const list = dump.list.map((row) => {
    const map = (row as { type?: string; map?: Record<string, { any?: unknown[] }> }).map
    if ((row as { type?: string }).type !== 'YMap' || map?.owner?.any?.[0] !== owned.owner) return row
    const kept = Object.fromEntries(Object.entries(map).filter(([key]) => !owned.fields.has(key)))
    return { ...(row as object), map: kept }
  })
  return { ...dump, list }
}

/** What differs between two fingerprints, in words (empty when equal). */
export function fingerprintDiff(before: Fingerprint, after: Fingerprint): string[] {
  const out: string[] = []
  const names = new Set([...before.sections.keys(), ...after.sections.keys()])
  for (const name of [...names].sort()) {
    const a = before.sections.get(name)
    const b = after.sections.get(name)
    if (a === b) continue
    out.push(`section ${name}: ${around(a, b)} -> ${around(b, a)}`)
  }
  for (const [client, clock] of before.clocks) {
    const now = after.clocks.get(client)
    if (now !== clock) out.push(`client ${client} (another user's) clock ${clock} -> ${now}`)
  }
  return out
}

/** The part of `s` around its first difference from `other`. */
function around(s: string | undefined, other: string | undefined): string {
  if (s === undefined) return '(empty)'
  const o = other ?? ''
  let i = 0
  while (i < s.length && i < o.length && s[i] === o[i]) i++
  const from = Math.max(0, i - 60)
  return `${from > 0 ? '…' : ''}${s.slice(from, i + 100)}${i + 100 < s.length ? '…' : ''}`
}
