import fc from 'fast-check'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MalformedUpdateError, resolveUpdate } from './update-resolver.ts'

const RICH_SECTIONS = ['item:purpose', 'item:next-steps', 'update:m1'] as const

/** A paragraph as Tiptap writes it: an XmlElement holding one XmlText. */
function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  return p
}

/** A document shaped like a meeting: rich-text sections, the action plan and attendance, from one author. */
function buildMeetingDoc(): Y.Doc {
  const seed = new Y.Doc()
  seed.clientID = 1
  seed.transact(() => {
    seed.getXmlFragment('item:purpose').insert(0, [paragraph('Purpose of the meeting'), paragraph('Second paragraph')])
    seed.getXmlFragment('item:next-steps').insert(0, [paragraph('Next core group in four weeks')])
    seed.getXmlFragment('update:m1').insert(0, [paragraph('School attendance is up to 92%')])
    const row = new Y.Map<unknown>()
    row.set('need', 'Safe sleep')
    row.set('owner', 'm1')
    row.set('progress', new Y.Text('Leaflet given'))
    seed.getArray<Y.Map<unknown>>('actions').push([row])
    seed.getMap('attendance').set('m1', 'present')
    seed.getMap('control').set('locked', false)
  })
  const server = new Y.Doc()
  Y.applyUpdate(server, Y.encodeStateAsUpdate(seed))
  return server
}

/** A client that has the server's state, with a client id of its own. */
function syncedClient(server: Y.Doc, clientID = 7): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = clientID
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
  return doc
}

/** Runs one transaction and returns the update it produced, as a provider would send it. */
function edit(doc: Y.Doc, change: () => void): Uint8Array {
  const updates: Uint8Array[] = []
  const onUpdate = (update: Uint8Array): void => void updates.push(update)
  doc.on('update', onUpdate)
  doc.transact(change)
  doc.off('update', onUpdate)
  expect(updates).toHaveLength(1)
  return updates[0]!
}

function textOf(doc: Y.Doc, section: string, index = 0): Y.XmlText {
  const p = doc.getXmlFragment(section).get(index) as Y.XmlElement
  return p.get(0) as Y.XmlText
}

function rowOf(doc: Y.Doc, index = 0): Y.Map<unknown> {
  return doc.getArray<Y.Map<unknown>>('actions').get(index)
}

/** The sections an update changes, and whether the room holds it (structs or deletions it waits for). */
function check(server: Y.Doc, update: Uint8Array): { sections: string[]; missing: boolean } {
  const result = resolveUpdate(server, update)
  return { sections: [...result.sections].sort(), missing: result.missing || result.deletesAhead.size > 0 }
}

describe('resolveUpdate: inserts', () => {
  it('names the section of a keystroke typed into existing text', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    const update = edit(client, () => textOf(client, 'item:purpose').insert(7, 'x'))
    const item = Y.decodeUpdate(update).structs[0] as Y.Item
    expect(item.parent).toBeNull() // resolved through its origin, as most keystrokes are
    expect(check(server, update)).toEqual({ sections: ['item:purpose'], missing: false })
  })

  it('resolves through the right origin alone (typing at the very start)', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    const update = edit(client, () => textOf(client, 'update:m1').insert(0, 'Now: '))
    const item = Y.decodeUpdate(update).structs[0] as Y.Item
    expect([item.parent, item.origin, item.rightOrigin !== null]).toEqual([null, null, true])
    expect(check(server, update)).toEqual({ sections: ['update:m1'], missing: false })
  })

  it('names a new root section by its name', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    const update = edit(client, () => client.getXmlFragment('item:new-agenda-item').insert(0, [paragraph('Hello')]))
    expect(check(server, update)).toEqual({ sections: ['item:new-agenda-item'], missing: false })
  })

  it('names control when a client writes it', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    const update = edit(client, () => client.getMap('control').set('locked', true))
    expect(check(server, update)).toEqual({ sections: ['control'], missing: false })
  })

  it('resolves a field set in a Y.Map row of the actions array to actions', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    const update = edit(client, () => rowOf(client).set('status', 'done'))
    const item = Y.decodeUpdate(update).structs[0] as Y.Item
    expect(item.parent).toBeInstanceOf(Y.ID) // the row, an item of the store
    expect(check(server, update)).toEqual({ sections: ['actions'], missing: false })
  })

  it('resolves a field overwritten in a row (parent copied from the old value) to actions', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    const update = edit(client, () => rowOf(client).set('need', 'Safe sleep and smoke alarms'))
    expect(check(server, update)).toEqual({ sections: ['actions'], missing: false })
  })

  it('resolves typing inside a Y.Text in a Y.Map in the Y.Array to actions', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    const update = edit(client, () => (rowOf(client).get('progress') as Y.Text).insert(3, '!'))
    expect(check(server, update)).toEqual({ sections: ['actions'], missing: false })
  })

  it('resolves a new row pushed with nested content to actions', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    const update = edit(client, () => {
      const row = new Y.Map<unknown>()
      row.set('need', 'School')
      row.set('progress', new Y.Text('Started'))
      client.getArray<Y.Map<unknown>>('actions').push([row])
    })
    expect(check(server, update)).toEqual({ sections: ['actions'], missing: false })
  })

  it('resolves nested XmlElement and XmlText (a list, as Tiptap writes it) to the fragment', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    const first = edit(client, () => {
      const list = new Y.XmlElement('bulletList')
      const li = new Y.XmlElement('listItem')
      li.insert(0, [paragraph('one')])
      list.insert(0, [li])
      client.getXmlFragment('item:next-steps').insert(1, [list])
    })
    expect(check(server, first)).toEqual({ sections: ['item:next-steps'], missing: false })
    Y.applyUpdate(server, first)
    const deep = edit(client, () => {
      const list = client.getXmlFragment('item:next-steps').get(1) as Y.XmlElement
      const li = list.get(0) as Y.XmlElement
      const text = (li.get(0) as Y.XmlElement).get(0) as Y.XmlText
      text.insert(3, ' two')
      text.format(0, 3, { bold: true })
      li.setAttribute('checked', 'true')
    })
    expect(check(server, deep)).toEqual({ sections: ['item:next-steps'], missing: false })
  })
})

describe('resolveUpdate: deletions', () => {
  it('names the section whose text is deleted', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    const update = edit(client, () => textOf(client, 'update:m1').delete(0, 6))
    expect(Y.decodeUpdate(update).structs).toHaveLength(0)
    expect(check(server, update)).toEqual({ sections: ['update:m1'], missing: false })
  })

  it('names actions when a row is deleted, and when a row field is removed', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    expect(check(server, edit(client, () => rowOf(client).delete('owner')))).toEqual({ sections: ['actions'], missing: false })
    expect(check(server, edit(client, () => client.getArray('actions').delete(0, 1)))).toEqual({
      sections: ['actions'],
      missing: false,
    })
  })

  it('ignores deletions of items the server has already deleted (every sync step 2 repeats them)', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    Y.applyUpdate(server, edit(client, () => textOf(client, 'update:m1').delete(0, 6)))
    Y.applyUpdate(server, edit(client, () => client.getArray('actions').delete(0, 1)))
    const typed = edit(client, () => textOf(client, 'item:purpose').insert(0, 'A'))
    const syncStep2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))
    expect(Y.decodeUpdate(syncStep2).ds.clients.size).toBeGreaterThan(0)
    expect(check(server, syncStep2)).toEqual({ sections: ['item:purpose'], missing: false })
    expect(check(server, typed)).toEqual({ sections: ['item:purpose'], missing: false })
  })

  it('treats a deletion of items the server has garbage-collected as a no-op', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    const other = syncedClient(server, 8)
    Y.applyUpdate(server, edit(other, () => other.getArray('actions').delete(0, 1)))
    const update = edit(client, () => (rowOf(client).get('progress') as Y.Text).delete(0, 3))
    expect(check(server, update)).toEqual({ sections: [], missing: false })
  })

  it('counts items inserted and deleted in the same update once, as the inserted section', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    const update = edit(client, () => {
      const text = textOf(client, 'item:purpose')
      text.insert(0, 'typo')
      text.delete(0, 4)
    })
    expect(check(server, update)).toEqual({ sections: ['item:purpose'], missing: false })
  })

  it('holds deletions of IDs that neither the server nor the update holds (yjs would keep them pending)', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    const typed = edit(client, () => textOf(client, 'item:purpose').insert(0, 'abc'))
    const deleted = edit(client, () => textOf(client, 'item:purpose').delete(0, 3))
    expect(check(server, deleted)).toEqual({ sections: [], missing: true })
    Y.applyUpdate(server, typed)
    expect(check(server, deleted)).toEqual({ sections: ['item:purpose'], missing: false })
  })
})

describe('resolveUpdate: more than one section, and dependencies', () => {
  it('names both sections of a mixed update', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    const update = edit(client, () => {
      textOf(client, 'item:purpose').insert(3, 'abc')
      textOf(client, 'update:m1').delete(0, 6)
    })
    expect(check(server, update)).toEqual({ sections: ['item:purpose', 'update:m1'], missing: false })
  })

  it('names every section of a merged offline session', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    edit(client, () => textOf(client, 'item:next-steps').insert(0, 'Soon: '))
    edit(client, () => client.getMap('attendance').set('m2', 'apologies'))
    edit(client, () => rowOf(client).set('status', 'started'))
    const diff = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))
    expect(check(server, diff)).toEqual({ sections: ['actions', 'attendance', 'item:next-steps'], missing: false })
  })

  it('resolves items through items earlier in the same update', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    const newParagraph = edit(client, () => client.getXmlFragment('update:m1').insert(1, [paragraph('')]))
    const typing = edit(client, () => textOf(client, 'update:m1', 1).insert(0, 'More'))
    const { structs } = Y.decodeUpdate(typing)
    expect((structs[0] as Y.Item).parent).toBeInstanceOf(Y.ID) // the new XmlText, which the server lacks
    const merged = Y.mergeUpdates([newParagraph, typing])
    expect(check(server, merged)).toEqual({ sections: ['update:m1'], missing: false })
  })

  it('resolves items through another client’s items in the same update', () => {
    const server = buildMeetingDoc()
    const a = syncedClient(server, 20)
    const b = syncedClient(server, 10)
    const fromA = edit(a, () => textOf(a, 'item:purpose').insert(0, 'A'))
    Y.applyUpdate(b, fromA)
    const fromB = edit(b, () => textOf(b, 'item:purpose').insert(1, 'B'))
    expect(check(server, Y.mergeUpdates([fromB, fromA]))).toEqual({ sections: ['item:purpose'], missing: false })
  })

  it('reports missing when the parent is unknown to the server', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    edit(client, () => client.getXmlFragment('update:m1').insert(1, [paragraph('')]))
    const typing = edit(client, () => textOf(client, 'update:m1', 1).insert(0, 'More'))
    expect(check(server, typing).missing).toBe(true)
  })

  it('reports missing when another client’s origin is unknown to the server', () => {
    const server = buildMeetingDoc()
    const a = syncedClient(server, 20)
    const b = syncedClient(server, 10)
    const fromA = edit(a, () => textOf(a, 'item:purpose').insert(0, 'A'))
    Y.applyUpdate(b, fromA)
    const fromB = edit(b, () => textOf(b, 'item:purpose').insert(1, 'B'))
    expect(check(server, fromB)).toEqual({ sections: [], missing: true })
    Y.applyUpdate(server, fromA)
    expect(check(server, fromB)).toEqual({ sections: ['item:purpose'], missing: false })
  })

  it('reports missing when the client’s own earlier update is missing (a clock gap)', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    edit(client, () => textOf(client, 'item:next-steps').insert(0, 'x'))
    const second = edit(client, () => textOf(client, 'item:purpose').insert(0, 'y'))
    // Nothing after a gap is resolved now: the room holds it and judges it whole once the gap fills.
    expect(check(server, second)).toEqual({ sections: [], missing: true })
  })

  it('reports missing across a Skip in a merged update', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    const first = edit(client, () => textOf(client, 'item:next-steps').insert(0, 'x'))
    edit(client, () => textOf(client, 'item:purpose').insert(0, 'y'))
    const third = edit(client, () => textOf(client, 'update:m1').insert(0, 'z'))
    const merged = Y.mergeUpdates([first, third])
    expect(Y.decodeUpdate(merged).structs.some((s) => s instanceof Y.Skip)).toBe(true)
    expect(check(server, merged)).toEqual({ sections: ['item:next-steps'], missing: true })
  })

  it('touches nothing for an update the server already holds', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    const update = edit(client, () => textOf(client, 'item:purpose').insert(0, 'again'))
    Y.applyUpdate(server, update)
    expect(check(server, update)).toEqual({ sections: [], missing: false })
    expect(check(server, Y.encodeStateAsUpdate(server))).toEqual({ sections: [], missing: false })
  })

  it('names the section of the new part of an update the server partly holds', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    const first = edit(client, () => textOf(client, 'item:purpose').insert(0, 'ab'))
    const second = edit(client, () => textOf(client, 'item:purpose').insert(2, 'cd'))
    Y.applyUpdate(server, first)
    expect(check(server, Y.mergeUpdates([first, second]))).toEqual({ sections: ['item:purpose'], missing: false })
  })

  it('touches nothing when typing into content the server has garbage-collected', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    const other = syncedClient(server, 8)
    Y.applyUpdate(server, edit(other, () => other.getArray('actions').delete(0, 1)))
    const update = edit(client, () => (rowOf(client).get('progress') as Y.Text).insert(5, ' twice'))
    expect(check(server, update)).toEqual({ sections: [], missing: false })
    const before = JSON.stringify(server.toJSON())
    Y.applyUpdate(server, update)
    expect(JSON.stringify(server.toJSON())).toBe(before)
  })

  it('treats a field set on a row another client removed (and the server collected) as garbage, as yjs does', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    const other = syncedClient(server, 8)
    Y.applyUpdate(server, edit(other, () => other.getArray('actions').delete(0, 1)))
    const update = edit(client, () => rowOf(client).set('status', 'done'))
    expect(check(server, update)).toEqual({ sections: [], missing: false })
    const before = JSON.stringify(server.toJSON())
    Y.applyUpdate(server, update)
    expect(JSON.stringify(server.toJSON())).toBe(before)
  })

  it('does not modify the server document', () => {
    const server = buildMeetingDoc()
    const client = syncedClient(server)
    const update = edit(client, () => textOf(client, 'item:purpose').insert(0, 'x'))
    const before = Y.encodeStateAsUpdate(server)
    resolveUpdate(server, update)
    expect(Y.encodeStateAsUpdate(server)).toEqual(before)
  })
})

interface ForgedItem {
  origin?: Y.ID
  rightOrigin?: Y.ID
  text: string
}

/** A hand-written V1 update: lists of string items per client (as given, even if no encoder would), and deletions. */
function forgedUpdate(opts: {
  item?: ForgedItem & { client: number; clock: number }
  lists?: Array<{ client: number; clock: number; items: ForgedItem[] }>
  deletes?: Array<[client: number, clock: number, len: number]>
}): Uint8Array {
  const e = encoding.createEncoder()
  const lists = opts.lists ?? (opts.item ? [{ client: opts.item.client, clock: opts.item.clock, items: [opts.item] }] : [])
  encoding.writeVarUint(e, lists.length)
  for (const list of lists) {
    encoding.writeVarUint(e, list.items.length)
    encoding.writeVarUint(e, list.client)
    encoding.writeVarUint(e, list.clock)
    for (const item of list.items) {
      encoding.writeUint8(e, 4 | (item.origin ? 0x80 : 0) | (item.rightOrigin ? 0x40 : 0)) // ContentString
      for (const id of [item.origin, item.rightOrigin]) {
        if (!id) continue
        encoding.writeVarUint(e, id.client)
        encoding.writeVarUint(e, id.clock)
      }
      encoding.writeVarString(e, item.text)
    }
  }
  const byClient = new Map<number, Array<[number, number]>>()
  for (const [client, clock, len] of opts.deletes ?? []) {
    const ranges = byClient.get(client) ?? []
    ranges.push([clock, len])
    byClient.set(client, ranges)
  }
  encoding.writeVarUint(e, byClient.size)
  for (const [client, ranges] of byClient) {
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, ranges.length)
    for (const [clock, len] of ranges) {
      encoding.writeVarUint(e, clock)
      encoding.writeVarUint(e, len)
    }
  }
  return encoding.toUint8Array(e)
}

/** The ID of the first character of a section's first paragraph. */
function firstCharId(doc: Y.Doc, section: string): Y.ID {
  return textOf(doc, section)._start!.id
}

describe('resolveUpdate: forged updates', () => {
  it('refuses an origin and a right origin in different sections (yjs would link two lists into each other)', () => {
    const server = buildMeetingDoc()
    const update = forgedUpdate({
      item: { client: 66, clock: 0, origin: firstCharId(server, 'item:purpose'), rightOrigin: firstCharId(server, 'update:m1'), text: 'x' },
    })
    expect(() => check(server, update)).toThrow(MalformedUpdateError)
  })

  it('refuses an item that names its own future as origin (yjs throws on it)', () => {
    const server = buildMeetingDoc()
    const update = forgedUpdate({ item: { client: 66, clock: 0, origin: Y.createID(66, 5), text: 'x' } })
    expect(() => check(server, update)).toThrow(MalformedUpdateError)
  })

  it('names every section of a huge, repeated deletion range, and holds its unseen part', () => {
    const server = buildMeetingDoc()
    const deletes = Array.from({ length: 20_000 }, () => [1, 0, 1_000_000_000] as [number, number, number])
    const update = forgedUpdate({ deletes })
    const result = check(server, update)
    expect(result).toEqual({
      sections: ['actions', 'attendance', 'control', 'item:next-steps', 'item:purpose', 'update:m1'],
      missing: true,
    })
  })

  it('rejects a client listed twice, which yjs would read as its last list only', () => {
    const server = buildMeetingDoc()
    const purpose = firstCharId(server, 'item:purpose')
    const elsewhere = firstCharId(server, 'update:m1')
    const first = { client: 66, clock: 0, items: [{ origin: purpose, text: 'ab' }] }
    const apart = forgedUpdate({ lists: [first, { client: 5, clock: 0, items: [{ origin: purpose, text: 'c' }] }, { ...first, clock: 2 }] })
    expect(() => resolveUpdate(server, apart)).toThrow(MalformedUpdateError)
    const adjacent = forgedUpdate({ lists: [first, { client: 66, clock: 2, items: [{ origin: Y.createID(66, 1), text: 'c' }] }] })
    expect(() => resolveUpdate(server, adjacent)).toThrow(MalformedUpdateError)
    const emptyLast = forgedUpdate({ lists: [first, { client: 66, clock: 0, items: [] }] })
    expect(() => resolveUpdate(server, emptyLast)).toThrow(MalformedUpdateError)
    const honest = forgedUpdate({ lists: [{ client: 66, clock: 0, items: [{ origin: purpose, text: 'ab' }, { origin: elsewhere, text: 'c' }] }] })
    expect(check(server, honest)).toEqual({ sections: ['item:purpose', 'update:m1'], missing: false })
  })

  it('throws on bytes that are not an update (the caller rejects it)', () => {
    const server = buildMeetingDoc()
    expect(() => resolveUpdate(server, new Uint8Array([1, 1, 200, 200, 200]))).toThrow()
  })
})

// ---- property: the sections reported are exactly those whose structure the update changes ----

/**
 * Every clock unit under each root type with its deleted flag, walking into nested types (deleted ones
 * too). Two documents differ in a section exactly when this differs; item splits and merges do not show.
 */
function fingerprint(doc: Y.Doc): Map<string, string> {
  const result = new Map<string, string>()
  for (const [name, type] of doc.share) {
    const units: string[] = []
    collectUnits(type, units)
    result.set(name, units.sort().join(','))
  }
  return result
}

function collectUnits(type: Y.AbstractType<Y.YEvent<any>>, units: string[]): void {
  const visit = (item: Y.Item): void => {
    for (let i = 0; i < item.length; i++) units.push(`${item.id.client}:${item.id.clock + i}:${item.deleted ? 1 : 0}`)
    if (item.content instanceof Y.ContentType) collectUnits(item.content.type, units)
  }
  for (let item = type._start; item !== null; item = item.right) visit(item)
  for (const last of type._map.values()) for (let item: Y.Item | null = last; item !== null; item = item.left) visit(item)
}

/** Applies the update to the server and returns the sections whose structure changed (the oracle). */
function applyAndDiff(server: Y.Doc, update: Uint8Array): string[] {
  const before = fingerprint(server)
  Y.applyUpdate(server, update)
  const after = fingerprint(server)
  return [...after.keys()].filter((name) => before.get(name) !== after.get(name)).sort()
}

/** Whether yjs itself would hold part of the update as pending structs or deletions (on a copy). */
function leavesPending(server: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(server))
  Y.applyUpdate(copy, update)
  return copy.store.pendingStructs !== null || copy.store.pendingDs !== null
}

/** Where the sender's own document holds each item and deleted item of an update: an upper bound. */
function sectionsInSender(sender: Y.Doc, update: Uint8Array): Set<string> {
  const result = new Set<string>()
  const add = (struct: Y.Item | Y.GC): void => {
    if (!(struct instanceof Y.Item)) return
    let type = struct.parent as Y.AbstractType<unknown>
    while (type._item !== null) type = type._item.parent as Y.AbstractType<unknown>
    result.add(Y.findRootTypeKey(type))
  }
  const { structs, ds } = Y.decodeUpdate(update)
  for (const struct of structs) if (struct instanceof Y.Item) add(Y.getItem(sender.store, struct.id))
  for (const [client, ranges] of ds.clients) {
    const list = sender.store.clients.get(client)!
    for (const { clock, len } of ranges) {
      for (let i = Y.findIndexSS(list, clock); i < list.length && list[i]!.id.clock < clock + len; i++) add(list[i]!)
    }
  }
  return result
}

type Command =
  | { t: 'type'; section: number; p: number; pos: number; text: string }
  | { t: 'del'; section: number; p: number; pos: number; len: number }
  | { t: 'bold'; section: number; p: number; pos: number; len: number }
  | { t: 'para'; section: number; index: number; text: string }
  | { t: 'delPara'; section: number; index: number }
  | { t: 'attr'; section: number; p: number; value: string }
  | { t: 'row'; need: string }
  | { t: 'rowSet'; index: number; key: string; value: string }
  | { t: 'rowDel'; index: number }
  | { t: 'progress'; index: number; pos: number; text: string }
  | { t: 'attend'; member: string; status: string | null }
  | { t: 'newRoot'; text: string }

const small = fc.nat({ max: 40 })
const word = fc.string({ minLength: 1, maxLength: 5 })
const section = fc.nat({ max: RICH_SECTIONS.length - 1 })
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ t: fc.constant('type' as const), section, p: small, pos: small, text: word }),
  fc.record({ t: fc.constant('del' as const), section, p: small, pos: small, len: small }),
  fc.record({ t: fc.constant('bold' as const), section, p: small, pos: small, len: small }),
  fc.record({ t: fc.constant('para' as const), section, index: small, text: fc.string({ maxLength: 5 }) }),
  fc.record({ t: fc.constant('delPara' as const), section, index: small }),
  fc.record({ t: fc.constant('attr' as const), section, p: small, value: word }),
  fc.record({ t: fc.constant('row' as const), need: word }),
  fc.record({ t: fc.constant('rowSet' as const), index: small, key: fc.constantFrom('need', 'status', 'owner'), value: word }),
  fc.record({ t: fc.constant('rowDel' as const), index: small }),
  fc.record({ t: fc.constant('progress' as const), index: small, pos: small, text: word }),
  fc.record({ t: fc.constant('attend' as const), member: fc.constantFrom('m1', 'm2', 'm3'), status: fc.option(word) }),
  fc.record({ t: fc.constant('newRoot' as const), text: word }),
)

function paragraphText(doc: Y.Doc, sectionIndex: number, p: number): Y.XmlText | null {
  const fragment = doc.getXmlFragment(RICH_SECTIONS[sectionIndex]!)
  if (fragment.length === 0) return null
  return (fragment.get(p % fragment.length) as Y.XmlElement).get(0) as Y.XmlText
}

function run(doc: Y.Doc, c: Command): void {
  const rows = doc.getArray<Y.Map<unknown>>('actions')
  switch (c.t) {
    case 'type': {
      const text = paragraphText(doc, c.section, c.p)
      text?.insert(c.pos % (text.length + 1), c.text)
      return
    }
    case 'del':
    case 'bold': {
      const text = paragraphText(doc, c.section, c.p)
      if (text === null) return
      const pos = c.pos % (text.length + 1)
      const len = Math.min(c.len, text.length - pos)
      if (c.t === 'del') text.delete(pos, len)
      else if (len > 0) text.format(pos, len, { bold: true })
      return
    }
    case 'para': {
      const fragment = doc.getXmlFragment(RICH_SECTIONS[c.section]!)
      fragment.insert(c.index % (fragment.length + 1), [paragraph(c.text)])
      return
    }
    case 'delPara': {
      const fragment = doc.getXmlFragment(RICH_SECTIONS[c.section]!)
      if (fragment.length > 0) fragment.delete(c.index % fragment.length, 1)
      return
    }
    case 'attr': {
      const fragment = doc.getXmlFragment(RICH_SECTIONS[c.section]!)
      if (fragment.length > 0) (fragment.get(c.p % fragment.length) as Y.XmlElement).setAttribute('textAlign', c.value)
      return
    }
    case 'row': {
      const row = new Y.Map<unknown>()
      row.set('need', c.need)
      row.set('progress', new Y.Text(''))
      rows.push([row])
      return
    }
    case 'rowSet':
      if (rows.length > 0) rows.get(c.index % rows.length).set(c.key, c.value)
      return
    case 'rowDel':
      if (rows.length > 0) rows.delete(c.index % rows.length, 1)
      return
    case 'progress': {
      if (rows.length === 0) return
      const progress = rows.get(c.index % rows.length).get('progress') as Y.Text
      progress.insert(c.pos % (progress.length + 1), c.text)
      return
    }
    case 'attend':
      if (c.status === null) doc.getMap('attendance').delete(c.member)
      else doc.getMap('attendance').set(c.member, c.status)
      return
    case 'newRoot':
      doc.getXmlFragment('item:added').insert(0, [paragraph(c.text)])
      return
  }
}

describe('resolveUpdate: property', () => {
  it('reports exactly the sections that applying the update changes', () => {
    const transactions = fc.array(fc.array(command, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 })
    fc.assert(
      fc.property(transactions, fc.constantFrom('each', 'sync-step-2', 'merged'), fc.integer({ min: 2, max: 1_000_000 }), (txs, mode, clientID) => {
        const server = buildMeetingDoc()
        const client = syncedClient(server, clientID)
        const updates: Uint8Array[] = []
        client.on('update', (u: Uint8Array) => void updates.push(u))
        const expectExact = (update: Uint8Array): void => {
          const result = resolveUpdate(server, update)
          expect(result.missing).toBe(false)
          expect([...result.sections].sort()).toEqual(applyAndDiff(server, update))
        }
        for (const tx of txs) {
          client.transact(() => {
            for (const c of tx) run(client, c)
          })
          if (mode === 'each') updates.splice(0).forEach(expectExact)
        }
        // What a reconnecting client sends in sync step 2: everything new plus its whole delete set.
        if (mode === 'sync-step-2') expectExact(Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))
        if (mode === 'merged' && updates.length > 0) expectExact(Y.mergeUpdates(updates))
        expect(Y.equalSnapshots(Y.snapshot(server), Y.snapshot(client))).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('with concurrent editors, names every section the update changes and only sections its sender changed', () => {
    const round = fc.tuple(fc.array(command, { minLength: 1, maxLength: 3 }), fc.array(command, { minLength: 1, maxLength: 3 }))
    fc.assert(
      fc.property(fc.array(round, { minLength: 1, maxLength: 5 }), (rounds) => {
        const server = buildMeetingDoc()
        const a = syncedClient(server, 30)
        const b = syncedClient(server, 40)
        for (const [forA, forB] of rounds) {
          const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(server))
          b.transact(() => forB.forEach((c) => run(b, c)))
          a.transact(() => forA.forEach((c) => run(a, c)))
          // B's diff also carries deletions its own yjs made after remote changes (formatting cleanup).
          const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(server))
          // A's earlier round reaches the server first; B's edits were made without seeing it.
          Y.applyUpdate(server, fromA)
          const result = resolveUpdate(server, fromB)
          expect(result.missing).toBe(false)
          const sections = [...result.sections]
          const where = sectionsInSender(b, fromB)
          for (const name of sections) expect(where.has(name)).toBe(true)
          for (const name of applyAndDiff(server, fromB)) expect(sections).toContain(name)
          Y.applyUpdate(a, Y.encodeStateAsUpdate(server))
          Y.applyUpdate(b, Y.encodeStateAsUpdate(server))
        }
      }),
      { numRuns: 150 },
    )
  })

  it('reports missing, never a wrong section, when updates arrive out of order', () => {
    const transactions = fc.array(fc.array(command, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 6 })
    fc.assert(
      fc.property(transactions, (txs) => {
        const server = buildMeetingDoc()
        const client = syncedClient(server)
        const updates: Uint8Array[] = []
        client.on('update', (u: Uint8Array) => void updates.push(u))
        const touchedBy: Array<Set<string>> = []
        for (const tx of txs) {
          const probe = syncedClient(client, 99_999)
          client.transact(() => {
            for (const c of tx) run(client, c)
          })
          const n = updates.length
          if (n > touchedBy.length) touchedBy.push(new Set(applyAndDiff(probe, updates[n - 1]!)))
        }
        // Check each update against a server that has seen none of the earlier ones.
        for (let i = 1; i < updates.length; i++) {
          const result = resolveUpdate(server, updates[i]!)
          expect(result.missing || result.deletesAhead.size > 0).toBe(leavesPending(server, updates[i]!))
          for (const name of result.sections) expect(touchedBy[i]!.has(name)).toBe(true)
        }
      }),
      { numRuns: 150 },
    )
  })
})
