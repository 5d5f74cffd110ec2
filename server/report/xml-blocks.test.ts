import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { heading, paragraph, type BlockElement } from '../../schemas/report/blocks.ts'
import { blockElement, fragmentBlocks } from './xml-blocks.ts'

describe('xml blocks', () => {
  it('round-trips blocks with attributes and formatted text through a Y.XmlFragment', () => {
    const blocks: BlockElement[] = [
      heading(3, 'Ada Brook (Riverside School)', { attribution: 'm1' }),
      { name: 'paragraph', attrs: {}, children: [{ text: [{ insert: 'Attends ' }, { insert: 'daily', attributes: { bold: {} } }] }] },
      { name: 'bulletList', attrs: {}, children: [{ name: 'listItem', attrs: {}, children: [paragraph('one')] }] },
    ]
    const doc = new Y.Doc()
    const fragment = doc.getXmlFragment('joint:analysis')
    doc.transact(() => fragment.insert(0, blocks.map(blockElement)))
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    expect(fragmentBlocks(copy.getXmlFragment('joint:analysis'))).toEqual(blocks)
  })
})
