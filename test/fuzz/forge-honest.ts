/**
 * Honest updates, made by a Y.Doc copy of the base document the way an editor would make them, and
 * their corruptions: bit flips, byte changes, truncations, and re-targeting at the struct level
 * (another client id, another section, another neighbour).
 * @module
 */
import * as Y from 'yjs'
import { describeUpdate, encodeUpdate, type IdRef } from './forge-encode.ts'
import { type Rng, text, zeroLengthContent } from './forge-values.ts'

/** An edit as the editor (or a row form) makes it, in `section`, by a copy of `base` with `clientID`. */
export function honestEdit(rng: Rng, base: Y.Doc, clientID: number, section: string): Uint8Array {
  const copy = new Y.Doc({ gc: false })
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(base))
  copy.clientID = clientID
  let update: Uint8Array | null = null
  copy.on('update', (u: Uint8Array) => (update = update ? Y.mergeUpdates([update, u]) : u))
  try {
    copy.transact(() => {
      if (section === 'control') editControl(rng, copy)
      else if (section === 'actions' || section === 'attendance') editRows(rng, copy, section)
      else editRichText(rng, copy.getXmlFragment(section))
    })
  } catch {
    // A root opened as another type than the one asked for: an update that writes nothing.
  }
  copy.destroy()
  return update ?? new Uint8Array([0, 0])
}

function editControl(rng: Rng, doc: Y.Doc): void {
  const control = doc.getMap('control')
  if (rng.chance(0.5)) control.set('locked', false)
  else control.set('sections', {})
}

function editRows(rng: Rng, doc: Y.Doc, section: string): void {
  const rows = doc.getArray<Y.Map<unknown>>(section)
  const existing = rows.toArray().filter((r) => r instanceof Y.Map)
  if (existing.length > 0 && rng.chance(0.5)) {
    const row = rng.pick(existing)
    row.set(rng.pick(['status', 'need', 'owner']), rng.pick(['done', 'in-progress', text(rng)]))
    return
  }
  const row = new Y.Map<unknown>()
  rows.push([row])
  row.set('need', text(rng))
  row.set('status', 'not-started')
}

function texts(fragment: Y.XmlFragment): Y.XmlText[] {
  const out: Y.XmlText[] = []
  for (const node of fragment.toArray()) {
    if (node instanceof Y.XmlText) out.push(node)
    else if (node instanceof Y.XmlElement) out.push(...texts(node))
  }
  return out
}

function editRichText(rng: Rng, fragment: Y.XmlFragment): void {
  const all = texts(fragment)
  const op = all.length === 0 ? 'paragraph' : rng.weighted([['paragraph', 35], ['insert', 35], ['delete', 15], ['format', 10], ['attr', 5]] as const)
  if (op === 'paragraph') {
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText(text(rng))])
    fragment.insert(rng.int(fragment.length + 1), [p])
    return
  }
  const t = rng.pick(all)
  if (op === 'insert') t.insert(rng.int(t.length + 1), text(rng))
  else if (op === 'delete' && t.length > 0) {
    const at = rng.int(t.length)
    t.delete(at, rng.range(1, t.length - at))
  } else if (op === 'format' && t.length > 0) t.format(rng.int(t.length), rng.range(1, 4), { bold: true })
  else {
    const parent = t.parent
    if (parent instanceof Y.XmlElement) parent.setAttribute('level', String(rng.range(1, 6)))
  }
}

/** Byte-level corruption of a real update. */
export function mutateBytes(rng: Rng, update: Uint8Array): { bytes: Uint8Array; how: string } {
  const bytes = new Uint8Array(update)
  const how = rng.weighted([['bit-flip', 40], ['truncate', 25], ['byte-set', 20], ['byte-insert', 15]] as const)
  if (bytes.length === 0) return { bytes, how: 'empty' }
  if (how === 'bit-flip') {
    for (let n = rng.range(1, 3); n > 0; n--) {
      const i = rng.int(bytes.length)
      bytes[i]! ^= 1 << rng.int(8)
    }
    return { bytes, how }
  }
  if (how === 'truncate') return { bytes: bytes.slice(0, rng.int(bytes.length)), how }
  if (how === 'byte-set') {
    bytes[rng.int(bytes.length)] = rng.pick([0, 1, 0x7f, 0x80, 0xff, rng.int(256)])
    return { bytes, how }
  }
  const at = rng.int(bytes.length + 1)
  const out = new Uint8Array(bytes.length + 1)
  out.set(bytes.subarray(0, at), 0)
  out[at] = rng.int(256)
  out.set(bytes.subarray(at), at + 1)
  return { bytes: out, how }
}

/** Struct-level re-targeting of a real update; `pickRef`/`pickClient`/`pickRoot` aim it. */
export function retarget(
  rng: Rng,
  update: Uint8Array,
  aim: { pickRef(): IdRef; pickClient(): number; pickRoot(): string },
): { bytes: Uint8Array; how: string } {
  const spec = describeUpdate(update)
  const how = rng.weighted([['client', 30], ['root', 20], ['origin', 20], ['zero-length', 10], ['duplicate-list', 10], ['ds-client', 10]] as const)
  const items = spec.lists.flatMap((l) => l.structs.filter((s) => s.kind === 'item'))
  if (how === 'client' && spec.lists.length > 0) rng.pick(spec.lists).client = aim.pickClient()
  else if (how === 'root' && items.length > 0) {
    const withRoot = items.filter((s) => s.parent !== null && 'root' in s.parent && s.origin === null && s.rightOrigin === null)
    const s = withRoot.length > 0 ? rng.pick(withRoot) : rng.pick(items)
    s.origin = null
    s.rightOrigin = null
    s.parent = { root: aim.pickRoot() }
  } else if (how === 'origin' && items.length > 0) {
    const s = rng.pick(items)
    if (rng.chance(0.5)) s.origin = aim.pickRef()
    else s.rightOrigin = aim.pickRef()
  } else if (how === 'zero-length' && items.length > 0) {
    rng.pick(items).content = zeroLengthContent(rng)
  } else if (how === 'duplicate-list' && spec.lists.length > 0) {
    const list = rng.pick(spec.lists)
    spec.lists.push({ ...list, structs: list.structs.map((s) => ({ ...s })) })
  } else if (spec.ds.length > 0) rng.pick(spec.ds).client = aim.pickClient()
  else spec.ds.push({ client: aim.pickClient(), ranges: [{ clock: 0, len: rng.range(1, 50) }] })
  return { bytes: encodeUpdate(spec), how }
}
