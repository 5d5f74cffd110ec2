/**
 * The one text every bench edit goes to: the first paragraph of `BENCH_SECTION`, shaped the way
 * coregroup's Tiptap editors shape a section (XmlFragment → paragraph XmlElement → XmlText).
 * @module
 */
import * as Y from 'yjs'
import { BENCH_SECTION } from './job.ts'

/** The paragraph's text, or null until the paragraph exists in this copy of the document. */
export function benchText(doc: Y.Doc): Y.XmlText | null {
  const paragraph = doc.getXmlFragment(BENCH_SECTION).get(0)
  if (!(paragraph instanceof Y.XmlElement)) return null
  const text = paragraph.get(0)
  return text instanceof Y.XmlText ? text : null
}

/** Creates the paragraph (one client per document does this, before anyone types). */
export function createBenchText(doc: Y.Doc): void {
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText()])
    doc.getXmlFragment(BENCH_SECTION).insert(0, [paragraph])
  })
}

/** Calls `onInsert` with each string inserted into the section by a remote update. */
export function observeInserts(doc: Y.Doc, onInsert: (text: string) => void): void {
  doc.getXmlFragment(BENCH_SECTION).observeDeep((events, transaction) => {
    if (transaction.local) return
    for (const event of events) {
      if (!(event.target instanceof Y.XmlText)) continue
      for (const op of event.delta) if (typeof op.insert === 'string') onInsert(op.insert)
    }
  })
}
