import { createHash } from 'node:crypto'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { EDITOR_SCHEMA } from '../../schemas/content/editor-schema.ts'
import { canonicalHash, canonicalJson, canonicalProjection } from './canonical-hash.ts'

/** Doc A: everything written at once, by one client. */
function writtenAtOnce(): Y.Doc {
  const doc = new Y.Doc()
  prosemirrorJSONToYXmlFragment(
    EDITOR_SCHEMA,
    { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Robin is ' }, { type: 'text', text: 'settled', marks: [{ type: 'bold' }] }] }] },
    doc.getXmlFragment('item:purpose'),
  )
  const actions = doc.getArray<Y.Map<unknown>>('actions')
  const row = new Y.Map<unknown>()
  row.set('id', 'act1')
  row.set('need', 'Routine')
  row.set('status', 'in-progress')
  row.set('progress', new Y.Text('Chart started'))
  actions.push([row])
  doc.getMap('control').set('locked', false)
  return doc
}

/** Doc B: the same content by two clients, with typos corrected, fields overwritten and a section cleared. */
function editedOverTime(): Y.Doc {
  const one = new Y.Doc()
  const two = new Y.Doc()
  const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
  const fragment = one.getXmlFragment('item:purpose')
  const paragraph = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  paragraph.insert(0, [text])
  fragment.insert(0, [paragraph])
  text.insert(0, 'Robin is setled')
  sync(one, two)
  const theirs = (two.getXmlFragment('item:purpose').get(0) as Y.XmlElement).get(0) as Y.XmlText
  theirs.insert(12, 't')
  theirs.format(9, 7, { bold: {} })
  sync(two, one)
  // A section typed into and cleared again says nothing, like one never touched.
  const notes = one.getXmlFragment('item:assessment')
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText('temporary')])
  notes.insert(0, [p])
  ;(p.get(0) as Y.XmlText).delete(0, 9)
  const row = new Y.Map<unknown>()
  row.set('status', 'not-started')
  row.set('need', 'Routine')
  row.set('id', 'act1')
  row.set('progress', new Y.Text('Chart'))
  one.getArray<Y.Map<unknown>>('actions').push([row])
  sync(one, two)
  const theirRow = two.getArray<Y.Map<unknown>>('actions').get(0)
  theirRow.set('status', 'in-progress')
  ;(theirRow.get('progress') as Y.Text).insert(5, ' started')
  sync(two, one)
  one.getMap('control').set('finalisedVersion', 'ver_x')
  return one
}

/** The projection written out by hand (not computed by the code under test). */
const EXPECTED = {
  actions: [{ id: 'act1', need: 'Routine', progress: 'Chart started', status: 'in-progress' }],
  'item:purpose': {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Robin is ' }, { type: 'text', text: 'settled', marks: [{ type: 'bold' }] }] }],
  },
}
const EXPECTED_JSON =
  '{"actions":[{"id":"act1","need":"Routine","progress":"Chart started","status":"in-progress"}],' +
  '"item:purpose":{"content":[{"content":[{"text":"Robin is ","type":"text"},{"marks":[{"type":"bold"}],"text":"settled","type":"text"}],"type":"paragraph"}],"type":"doc"}}'

describe('canonical hash', () => {
  it('projects the content without control and without empty sections', () => {
    expect(canonicalProjection(writtenAtOnce())).toEqual(EXPECTED)
    expect(canonicalProjection(editedOverTime())).toEqual(EXPECTED)
  })

  it('writes keys in order, without whitespace', () => {
    expect(canonicalJson(EXPECTED)).toBe(EXPECTED_JSON)
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined })).toBe('{"a":[true,null,"x"],"b":1}')
  })

  it('hashes the same content from different edit histories the same', () => {
    const expected = createHash('sha256').update(EXPECTED_JSON).digest('hex')
    expect(canonicalHash(writtenAtOnce())).toBe(expected)
    expect(canonicalHash(editedOverTime())).toBe(expected)
  })

  it('hashes different content differently: a word, a mark, a row field', () => {
    const base = canonicalHash(writtenAtOnce())
    const word = writtenAtOnce()
    ;((word.getXmlFragment('item:purpose').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Now ')
    const mark = writtenAtOnce()
    ;((mark.getXmlFragment('item:purpose').get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 5, { italic: {} })
    const field = writtenAtOnce()
    field.getArray<Y.Map<unknown>>('actions').get(0).set('status', 'done')
    const hashes = new Set([base, canonicalHash(word), canonicalHash(mark), canonicalHash(field)])
    expect(hashes.size).toBe(4)
  })
})
