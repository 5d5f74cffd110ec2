/**
 * The minutes document of a new meeting (`meeting:<id>`): its first update writes the agenda layout into
 * the `control` map, which only the server writes (DESIGN §3).
 * @module
 */
import * as Y from 'yjs'
import { CONTROL_SECTION } from '../../schemas/documents.ts'
import { MINUTES_LAYOUT_KEY, type MinutesLayoutEntry } from '../../schemas/templates/index.ts'
import type { DocumentStore } from '../store/document-store.ts'
import { serverDoc } from '../ydoc.ts'

/** The Yjs update that sets `control.layout` in an empty document. */
export function initialMinutesUpdate(layout: readonly MinutesLayoutEntry[]): Uint8Array {
  const doc = serverDoc()
  doc.getMap(CONTROL_SECTION).set(MINUTES_LAYOUT_KEY, layout.map((entry) => ({ ...entry })))
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** Creates the minutes document of a meeting nobody has opened yet; durable when the promise resolves. */
export function createMinutesDocument(store: DocumentStore, docName: string, layout: readonly MinutesLayoutEntry[]): Promise<void> {
  return store.append(docName, initialMinutesUpdate(layout))
}
