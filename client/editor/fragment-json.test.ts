import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { fragmentJson, isBlank } from './fragment-json.ts'

function section(build: (f: Y.XmlFragment) => void): { doc: Y.Doc; fragment: Y.XmlFragment } {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('update:m1')
  doc.transact(() => build(fragment))
  return { doc, fragment }
}

describe('fragmentJson', () => {
  it('reads headings, paragraphs and marks, hashed marks by their own name', () => {
    const { fragment } = section((f) => {
      const h = new Y.XmlElement('heading')
      h.setAttribute('level', 2 as unknown as string)
      h.insert(0, [new Y.XmlText('What worries me')])
      const p = new Y.XmlElement('paragraph')
      const t = new Y.XmlText()
      p.insert(0, [t])
      f.insert(0, [h, p])
      t.insert(0, 'Shouting ')
      t.insert(9, 'at night', { 'bold--AbCdEf12': {} })
    })
    expect(fragmentJson(fragment)).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What worries me' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Shouting ' }, { type: 'text', text: 'at night', marks: [{ type: 'bold' }] }] },
      ],
    })
  })

  it('never writes to the document it reads', () => {
    const { doc, fragment } = section((f) => {
      const unknown = new Y.XmlElement('marquee')
      unknown.insert(0, [new Y.XmlText('kept as it is')])
      f.insert(0, [unknown])
    })
    const before = Y.encodeStateAsUpdate(doc)
    fragmentJson(fragment)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('calls a section of empty paragraphs blank, and one with words not', () => {
    const empty = section((f) => f.insert(0, [new Y.XmlElement('paragraph'), new Y.XmlElement('paragraph')]))
    expect(isBlank(fragmentJson(empty.fragment))).toBe(true)
    const written = section((f) => {
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText('I like my new school')])
      f.insert(0, [p])
    })
    expect(isBlank(fragmentJson(written.fragment))).toBe(false)
  })
})
