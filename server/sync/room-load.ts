/**
 * Building a room's starting state from the store: the document (with log entries that cannot load set
 * aside), the owners of its client IDs, locks kept only in its `control` map recorded in the store (so
 * the store's check at append time holds them in every process), and a client ID for the server's own
 * writes that nobody else owns.
 * @module
 */
import * as random from 'lib0/random'
import * as Y from 'yjs'
import type { DocumentStore } from '../store/document-store.ts'
import { ClientOwners } from './client-owners.ts'
import { loadDocument, type LoadedDocument } from './document-loader.ts'
import { controlStateOf } from './update-guard.ts'

export async function prepareRoom(name: string, store: DocumentStore): Promise<{ loaded: LoadedDocument; owners: ClientOwners }> {
  const loaded = await loadDocument(name, store)
  const owners = await ClientOwners.load(name, store, loaded.doc)
  await backfillLocks(name, store, loaded.doc)
  while (!(await owners.claimForServer(loaded.doc.clientID))) loaded.doc.clientID = random.uint32()
  return { loaded, owners }
}

async function backfillLocks(name: string, store: DocumentStore, doc: Y.Doc): Promise<void> {
  const control = controlStateOf(doc)
  const stored = await store.locks(name)
  if ((control.locked || control.finalisedVersion !== undefined) && !stored.locked) await store.setLock(name, null, true)
  const have = new Set(stored.sections)
  for (const [section, locked] of Object.entries(control.sections)) {
    if (locked === true && !have.has(section)) await store.setLock(name, section, true)
  }
}
