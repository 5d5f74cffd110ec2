import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DATABASE_FILE } from '../../server/store/sqlite/database.ts'
import type { DocumentSync } from '../../client/collab/document-sync.ts'
import { startChildServer, type ChildServer } from '../support/child-server.ts'
import { openClient, sectionText, typeInto, waitFor } from '../support/clients.ts'
import { createMeetingDoc } from '../support/meeting-doc.ts'

const ADMIN = { COREGROUP_ADMIN_EMAIL: 'admin@example.test', COREGROUP_ADMIN_PASSWORD: 'a long fictional passphrase' }
let server: ChildServer | null = null
let dataDir = ''
const clients: DocumentSync[] = []

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.stop()
  server = null
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

it('keeps every acknowledged edit through a kill -9 of the server', async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'coregroup-durable-'))
  server = await startChildServer({ COREGROUP_DATA: dataDir, ...ADMIN })
  const session = await server.signIn(ADMIN.COREGROUP_ADMIN_EMAIL, ADMIN.COREGROUP_ADMIN_PASSWORD)
  // A real meeting's minutes: a demo document lives in the process's sandbox and is lost on restart by design.
  const { name, sections: [purpose, updates] } = await createMeetingDoc(server.httpUrl, session)
  const writer = openClient(server.syncUrl, name, session)
  clients.push(writer)
  await writer.whenSynced()

  const words: string[] = []
  for (let i = 0; i < 200; i++) {
    const word = `edit${i};`
    words.push(word)
    typeInto(writer.doc, i % 2 ? purpose : updates, word)
    if (i % 20 === 19) await new Promise((r) => setTimeout(r, 5)) // let some batches reach the server
  }
  await writer.whenSaved()
  const acknowledgedPurpose = sectionText(writer.doc, purpose)
  const acknowledgedUpdates = sectionText(writer.doc, updates)
  // Keep typing while the server dies: these may or may not survive, the acknowledged ones must.
  for (let i = 0; i < 50; i++) typeInto(writer.doc, purpose, `late${i};`)
  await server.kill9()
  writer.destroy()
  clients.length = 0

  server = await startChildServer({ COREGROUP_DATA: dataDir, ...ADMIN })
  const reader = openClient(server.syncUrl, name, await server.signIn(ADMIN.COREGROUP_ADMIN_EMAIL, ADMIN.COREGROUP_ADMIN_PASSWORD))
  clients.push(reader)
  await reader.whenSynced()
  expect(sectionText(reader.doc, purpose).startsWith(acknowledgedPurpose)).toBe(true)
  expect(sectionText(reader.doc, updates)).toBe(acknowledgedUpdates)
  const all = acknowledgedPurpose + acknowledgedUpdates
  for (const w of words) expect(all).toContain(w)
})

it('relays an edit before its commit; killed before the commit, it was never acknowledged and is stored once its writer reconnects', async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'coregroup-durable-'))
  server = await startChildServer({ COREGROUP_DATA: dataDir, ...ADMIN })
  const signIn = () => server!.signIn(ADMIN.COREGROUP_ADMIN_EMAIL, ADMIN.COREGROUP_ADMIN_PASSWORD)
  const { name, sections: [purpose] } = await createMeetingDoc(server.httpUrl, await signIn())
  const writer = openClient(server.syncUrl, name, await signIn())
  const other = openClient(server.syncUrl, name, await signIn())
  clients.push(writer, other)
  await Promise.all([writer.whenSynced(), other.whenSynced()])
  typeInto(writer.doc, purpose, 'saved;')
  await writer.whenSaved()

  // Another connection holds SQLite's write lock, as a stalled disk would: the server's commit waits.
  const blocker = new Database(join(dataDir, DATABASE_FILE))
  blocker.exec('BEGIN IMMEDIATE')
  typeInto(writer.doc, purpose, 'relayed;')
  await waitFor(() => sectionText(other.doc, purpose) === 'saved;relayed;', 10_000, 'the relay before the commit')
  expect(writer.save).not.toBe('saved') // no acknowledgement: the commit has not happened
  await server.kill9()
  expect(writer.save).not.toBe('saved')
  blocker.exec('ROLLBACK')
  blocker.close()
  const writerState = Y.encodeStateAsUpdate(writer.doc)
  for (const c of clients.splice(0)) c.destroy()

  server = await startChildServer({ COREGROUP_DATA: dataDir, ...ADMIN })
  const fresh = openClient(server.syncUrl, name, await signIn())
  clients.push(fresh)
  await fresh.whenSynced()
  expect(sectionText(fresh.doc, purpose)).toBe('saved;') // the commit never happened
  expect(sectionText(other.doc, purpose)).toBe('saved;relayed;') // but the other client holds it
  // Its writer comes back (its page reloaded from the local copy): now it is stored and acknowledged.
  const writerAgain = openClient(server.syncUrl, name, await signIn())
  Y.applyUpdate(writerAgain.doc, writerState)
  clients.push(writerAgain)
  await writerAgain.whenSynced()
  await writerAgain.whenSaved()
  await waitFor(() => sectionText(fresh.doc, purpose) === 'saved;relayed;', 10_000, 'the edit stored from its writer')
  await server.kill9()
  for (const c of clients.splice(0)) c.destroy()
  server = await startChildServer({ COREGROUP_DATA: dataDir, ...ADMIN })
  const reader = openClient(server.syncUrl, name, await signIn())
  clients.push(reader)
  await reader.whenSynced()
  expect(sectionText(reader.doc, purpose)).toBe('saved;relayed;')
}, 60_000)
