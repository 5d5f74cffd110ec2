import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { EDITOR_SCHEMA } from '../../schemas/content/editor-schema.ts'
import { SectionContentCheck, sectionContentProblem, sectionPlainText } from './section-content.ts'

function section(json: unknown): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment('item:purpose')
  prosemirrorJSONToYXmlFragment(EDITOR_SCHEMA, json, fragment)
  return fragment
}

const paragraph = (text: string, marks?: unknown[]) => ({ type: 'paragraph', content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] })

describe('sectionContentProblem', () => {
  it('accepts what the editor itself writes, and an empty section', () => {
    const fragment = section({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Plan' }] },
        paragraph('Bold', [{ type: 'bold' }]),
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('One'), paragraph('Two', [{ type: 'link', attrs: { href: 'https://example.test' } }])] }] },
      ],
    })
    expect(sectionContentProblem(fragment)).toBeNull()
    expect(sectionContentProblem(new Y.Doc().getXmlFragment('empty'))).toBeNull()
    expect(sectionPlainText(fragment)).toEqual(['Plan', 'Bold', 'One', 'Two'])
  })

  it('finds what y-prosemirror would delete or rewrite', () => {
    const unknownNode = section({ type: 'doc', content: [paragraph('Kept')] })
    unknownNode.insert(1, [new Y.XmlElement('table')])
    expect(sectionContentProblem(unknownNode)).toMatch(/Unknown node type table/)

    const unknownMark = section({ type: 'doc', content: [paragraph('Text')] })
    ;((unknownMark.get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 2, { highlight: {} })
    expect(sectionContentProblem(unknownMark)).toMatch(/Unknown mark type highlight/)

    const unknownAttribute = section({ type: 'doc', content: [paragraph('Text')] })
    ;(unknownAttribute.get(0) as Y.XmlElement).setAttribute('onclick', 'x')
    expect(sectionContentProblem(unknownAttribute)).toMatch(/Unknown attribute onclick of node paragraph/)

    const textAtRoot = new Y.Doc().getXmlFragment('s')
    textAtRoot.insert(0, [new Y.XmlText('loose')])
    expect(sectionContentProblem(textAtRoot)).not.toBeNull()

    const nested = new Y.Doc().getXmlFragment('s')
    const outer = new Y.XmlElement('paragraph')
    nested.insert(0, [outer])
    outer.insert(0, [new Y.XmlElement('paragraph')])
    expect(sectionContentProblem(nested)).toMatch(/Invalid content/)

    const markInCode = section({ type: 'doc', content: [{ type: 'codeBlock', content: [{ type: 'text', text: 'x' }] }] })
    ;((markInCode.get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 1, { bold: {} })
    expect(sectionContentProblem(markInCode)).not.toBeNull()
  })
})

describe('SectionContentCheck', () => {
  it('tells its subscribers before any observer of the section sees the change', () => {
    const doc = new Y.Doc()
    const fragment = doc.getXmlFragment('s')
    prosemirrorJSONToYXmlFragment(EDITOR_SCHEMA, { type: 'doc', content: [paragraph('Fine')] }, fragment)
    const heard: string[] = []
    // Observing first, as an editor's binding would have.
    fragment.observeDeep(() => heard.push('observer'))
    const check = new SectionContentCheck(fragment)
    const off = check.subscribe(() => heard.push(`check: ${check.problem}`))
    expect(check.problem).toBeNull()

    fragment.insert(1, [new Y.XmlElement('script')])
    expect(heard).toEqual(['check: Unknown node type script', 'observer'])
    fragment.delete(1, 1)
    expect(check.problem).toBeNull()
    off()
    // Unsubscribed: computed on demand.
    fragment.insert(0, [new Y.XmlElement('script')])
    expect(check.problem).toMatch(/script/)
  })
})
