/**
 * The SQLite document store's writer, in a worker thread: it commits appended updates (in groups)
 * with its own connection, so a commit's fsync never blocks the server's event loop — other
 * documents' messages go on while one group is made durable. Plain JavaScript so that the worker
 * starts the same from source and from the bundle; its messages are typed in writer-thread.ts.
 * @module
 */
import Database from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'

const { file, sync } = workerData
const db = new Database(file)
db.pragma('journal_mode = WAL')
db.pragma(`synchronous = ${sync === 'normal' ? 'NORMAL' : 'FULL'}`)
db.pragma('busy_timeout = 5000')
const insert = db.prepare('INSERT INTO doc_updates (doc, data) VALUES (?, ?)')
const port = parentPort

let queue = []
let scheduled = false

function flush() {
  scheduled = false
  const batch = queue
  queue = []
  if (batch.length === 0) return
  try {
    db.transaction(() => {
      for (const a of batch) insert.run(a.doc, a.update)
    })()
    port.postMessage({ committed: batch.map((a) => a.id) })
  } catch (err) {
    port.postMessage({ failed: batch.map((a) => a.id), error: err instanceof Error ? err.message : String(err) })
  }
}

port.on('message', (msg) => {
  if (msg.close) {
    flush()
    db.close()
    port.postMessage({ closed: true })
    return
  }
  queue.push(msg)
  // Everything that arrives in the same turn goes into one commit (a group commit).
  if (!scheduled) {
    scheduled = true
    setImmediate(flush)
  }
})
