/**
 * Foundation figures (issue 2): median edit propagation between two local clients over 200 edits, and
 * the time from an edit to its acknowledgement. Runs the real server as a child process (SQLite).
 * Usage: npx tsx test/bench/foundation-latency.ts
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startChildServer } from '../support/child-server.ts'
import { openClient, sectionText, typeInto } from '../support/clients.ts'

const EDITS = 200
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!

const ADMIN = { COREGROUP_ADMIN_EMAIL: 'latency@example.test', COREGROUP_ADMIN_PASSWORD: 'a long fictional passphrase' }
const dataDir = mkdtempSync(join(tmpdir(), 'coregroup-latency-'))
// The bundle `npm start` runs when it has been built, otherwise the source.
const server = await startChildServer({ COREGROUP_DATA: dataDir, ...ADMIN }, { built: true })
const session = await server.signIn(ADMIN.COREGROUP_ADMIN_EMAIL, ADMIN.COREGROUP_ADMIN_PASSWORD)
const a = openClient(server.syncUrl, 'demo:latency', session)
const b = openClient(server.syncUrl, 'demo:latency', session)
await Promise.all([a.whenSynced(), b.whenSynced()])

const propagation: number[] = []
const ack: number[] = []
for (let i = 0; i < EDITS; i++) {
  const marker = `<${i}>`
  const t0 = performance.now()
  let seenAt = 0
  let savedAt = 0
  // Observe b's document directly, so the figure is not rounded up to a polling interval.
  const seen = new Promise<void>((resolve) => {
    const on = () => {
      if (sectionText(b.doc, 'item:purpose').endsWith(marker)) {
        seenAt = performance.now()
        b.doc.off('update', on)
        resolve()
      }
    }
    b.doc.on('update', on)
  })
  const saved = new Promise<void>((resolve) => {
    const on = (s: string) => {
      if (s === 'saved') {
        savedAt = performance.now()
        a.off('save', on)
        resolve()
      }
    }
    a.on('save', on)
  })
  typeInto(a.doc, 'item:purpose', marker)
  await Promise.all([seen, saved])
  propagation.push(seenAt - t0)
  ack.push(savedAt - t0)
}
a.destroy()
b.destroy()
await server.stop()
rmSync(dataDir, { recursive: true, force: true })
const fmt = (xs: number[]) => `median ${pct(xs, 50).toFixed(2)} ms, p95 ${pct(xs, 95).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms`
console.log(`edits: ${EDITS}`)
console.log(`propagation A → B: ${fmt(propagation)}`)
console.log(`edit → acknowledgement: ${fmt(ack)}`)
process.exit(0)
