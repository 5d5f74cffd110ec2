/**
 * Loading a room: locks kept only in a document's `control` map (from before the store kept them) are
 * recorded in the store, so its check at append time holds them in every process.
 */
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { openSqlite } from '../store/sqlite/database.ts'
import { SqliteDocumentStore } from '../store/sqlite/sqlite-document-store.ts'
import { Room } from './room.ts'

it('records the locks of the control map in the store when it loads', async () => {
  const store = new SqliteDocumentStore(openSqlite(':memory:'))
  const old = new Y.Doc()
  old.getMap('control').set('locked', true)
  old.getMap('control').set('sections', { 'item:purpose': true })
  await store.append('demo:locked-before', Y.encodeStateAsUpdate(old))
  expect(await store.locks('demo:locked-before')).toEqual({ locked: false, sections: [] })
  const room = await Room.load('demo:locked-before', store)
  expect(await store.locks('demo:locked-before')).toEqual({ locked: true, sections: ['item:purpose'] })
  room.destroy()
  await store.close()
})
