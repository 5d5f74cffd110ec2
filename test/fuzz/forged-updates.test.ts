/**
 * Property: whatever bytes a signed-in user sends as Yjs updates, the server stays up, the stored
 * document still loads, and nothing outside the sections that user may write changes — as the store
 * holds it and as an honest observer sees it (DESIGN §4). Senders: the parent on the minutes (may write
 * only their own `update:<memberId>`) and the teacher on the restricted notes (may write nothing).
 *
 * Knobs: FUZZ_SEED (printed on every run), FUZZ_PARENT_CASES, FUZZ_TEACHER_CASES, FUZZ_BUDGET_MS (the
 * loop stops early past it), FUZZ_CASE=i,j (replay those cases of FUZZ_SEED against the baseline), and
 * COREGROUP_FUZZ_SERVER_ROOT (fuzz another checkout's server). Failures are also written as JSON lines
 * to a file in the temp folder, named in the output.
 */
import { appendFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { StoreReader } from '../support/store-reader.ts'
import { fingerprintDiff, forbiddenFingerprint } from './fingerprint.ts'
import { forgeCase, type ForgedCase } from './forge.ts'
import { catalogOf } from './forge-catalog.ts'
import { describeUpdate, encodeUpdate } from './forge-encode.ts'
import { Harness, type Outcome, type Problem, type SenderSpec } from './forged-harness.ts'
import { buildBaseline, PEOPLE, type Baseline } from './forged-setup.ts'

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
const PARENT_CASES = Number(process.env.FUZZ_PARENT_CASES ?? 2500)
const TEACHER_CASES = Number(process.env.FUZZ_TEACHER_CASES ?? 1000)
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 95_000)
const ONLY = process.env.FUZZ_CASE ? new Set(process.env.FUZZ_CASE.split(',').map(Number)) : null
const HONEST_SYNC_EVERY = 250
const MAX_RESTARTS = 80
const SHOWN_IN_FULL = 25

describe('the forger', () => {
  it('writes the V1 format as yjs reads it', () => {
    const doc = new Y.Doc()
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText('hello 😀')])
    doc.getXmlFragment('item:x').insert(0, [p])
    ;(p.get(0) as Y.XmlText).format(1, 2, { bold: true })
    ;(p.get(0) as Y.XmlText).insertEmbed(0, { image: 'x' })
    doc.getMap('control').set('locked', true)
    doc.getMap('control').set('locked', false)
    const row = new Y.Map<unknown>()
    doc.getArray<unknown>('actions').push([row, new Uint8Array([1, 2]), new Y.Doc({ guid: 'sub' })])
    row.set('progress', new Y.Text('p'))
    doc.getMap('j').set('h', new Y.XmlHook('hook'))
    ;(p.get(0) as Y.XmlText).delete(0, 3)
    const update = Y.encodeStateAsUpdate(doc)
    const again = encodeUpdate(describeUpdate(update))
    const plain = (u: Uint8Array) => JSON.stringify(describeUpdate(u), (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v))
    expect(plain(again)).toBe(plain(update))
    const copy = new Y.Doc()
    Y.applyUpdate(copy, again)
    expect(copy.getXmlFragment('item:x').toString()).toBe(doc.getXmlFragment('item:x').toString())
    expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(doc))
  })

  it('is replayable, and the fingerprint sees map entries forged onto a fragment', () => {
    const doc = new Y.Doc()
    doc.getXmlFragment('update:me').insert(0, [new Y.XmlText('mine')])
    doc.getXmlFragment('item:a').insert(0, [new Y.XmlText('theirs')])
    const target = { doc, catalog: catalogOf(doc), layout: ['item:a', 'update:me'], writable: new Set(['update:me']), ownClients: [doc.clientID], foreignClients: [] }
    const hex = (c: ForgedCase) => c.updates.map((u) => Buffer.from(u).toString('hex')).join()
    expect(hex(forgeCase(7, 3, target))).toBe(hex(forgeCase(7, 3, target)))
    const before = forbiddenFingerprint(doc, target.writable, [])
    const forged = new Y.Doc()
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(doc))
    Y.applyUpdate(forged, encodeUpdate({ lists: [{ client: 99, clock: 0, structs: [{ kind: 'item', origin: null, rightOrigin: null, parent: { root: 'item:a' }, parentSub: 'k', content: { ref: 'string', text: '' } }] }], ds: [] }))
    expect(fingerprintDiff(before, forbiddenFingerprint(forged, target.writable, []))).not.toEqual([])
  })
})

let baseline: Baseline | null = null
let harness: Harness | null = null
let specs: SenderSpec[] = []

beforeAll(async () => {
  baseline = await buildBaseline(SEED)
  const b = baseline
  const reader = new StoreReader(join(b.dir, 'coregroup.sqlite'))
  const clientsOf = (doc: string) => [...reader.load(doc).doc.store.clients.keys()]
  const parentOwn = [b.clientIds.minutes.parent]
  const teacherOwn = [b.clientIds.restricted.teacher]
  specs = [
    {
      name: 'parent',
      person: 'parent',
      doc: b.minutes,
      // Written out, not asked of schemas/permissions.ts: a parent writes their own update, nothing else.
      writable: new Set([`update:${b.memberIds.parent}`]),
      // The owner of an action row may update its status, progress and changed date (written out too).
      ownedRows: { section: 'actions', owner: b.memberIds.parent, fields: new Set(['status', 'progress', 'changed']) },
      ownClients: parentOwn,
      foreignClients: clientsOf(b.minutes).filter((c) => !parentOwn.includes(c)),
      layout: [...b.items, ...PEOPLE.map((p) => `update:${b.memberIds[p]}`), 'actions', 'attendance'],
    },
    {
      name: 'teacher',
      person: 'teacher',
      doc: b.restricted,
      // A professional reads the restricted notes; only the lead and the meeting's chair and note taker write them.
      writable: new Set(),
      ownClients: teacherOwn,
      foreignClients: clientsOf(b.restricted).filter((c) => !teacherOwn.includes(c)),
      layout: ['notes'],
    },
  ]
  reader.close()
  harness = new Harness(b, specs)
  await harness.boot()
}, 60_000)

afterAll(async () => {
  await harness?.close()
  baseline?.dispose()
})

interface Failure {
  seed: number
  index: number
  sender: string
  kinds: string[]
  outcome: string
  problems: Problem[]
  updates: string[]
}

function outcomeText(o: Outcome): string {
  switch (o.kind) {
    case 'rejected':
      return `rejected ${o.reason} (${o.section}), closed ${o.code}`
    case 'closed':
      return `closed ${o.code}`
    default:
      return o.kind
  }
}

function printFailure(f: Failure, full: boolean): void {
  const cap = full ? 4000 : 160
  const lines = [
    `FORGED UPDATE FAILURE (${[...new Set(f.problems.map((p) => p.check))].join(',')}) seed=${f.seed} case=${f.index} sender=${f.sender} kinds=[${f.kinds.join(' | ')}] outcome=${f.outcome}`,
    ...f.problems.slice(0, full ? 8 : 2).map((p) => `  (${p.check}) ${p.detail.slice(0, full ? 1000 : 200)}`),
    ...f.updates.map((h, i) => `  update ${i + 1}/${f.updates.length} (${h.length / 2} bytes): ${h.length > cap ? `${h.slice(0, cap)}…` : h}`),
  ]
  if (full) lines.push(`  replay: FUZZ_SEED=${f.seed} FUZZ_CASE=${f.index} npx vitest run test/fuzz/forged-updates.test.ts`)
  console.log(lines.join('\n'))
}

/** Spreads the teacher's cases evenly among the parent's. */
function senderOf(index: number): 'parent' | 'teacher' {
  const total = PARENT_CASES + TEACHER_CASES
  return Math.floor(((index + 1) * TEACHER_CASES) / total) > Math.floor((index * TEACHER_CASES) / total) ? 'teacher' : 'parent'
}

it('no forged update crashes the server, leaves a document that does not load, or changes what the sender may not write', async () => {
  const h = harness!
  const started = Date.now()
  const failuresFile = join(tmpdir(), `coregroup-forged-failures-${SEED}.jsonl`)
  writeFileSync(failuresFile, '')
  console.log(`forged updates: seed=${SEED} (FUZZ_SEED=${SEED} to run it again), server from ${process.env.COREGROUP_FUZZ_SERVER_ROOT ?? 'this checkout'}`)
  const failures: Failure[] = []
  const refused = new Map<string, number>()
  const count = { cases: 0, parent: 0, teacher: 0, acked: 0, held: 0, timeouts: 0, crashes: 0, unloadable: 0, changedForbidden: 0, honestOwnSent: 0, honestOwnAcked: 0, syncChecks: 0, diverged: 0 }
  let stopped = ''
  const total = PARENT_CASES + TEACHER_CASES
  for (let index = 0; index < total; index++) {
    if (ONLY && !ONLY.has(index)) continue
    if (Date.now() - started > BUDGET_MS) {
      stopped = `stopped at the time budget (${BUDGET_MS} ms) after ${count.cases} cases`
      break
    }
    if (h.restarts > MAX_RESTARTS) {
      stopped = `stopped after ${h.restarts} restarts`
      break
    }
    const spec = specs.find((s) => s.name === senderOf(index))!
    const state = h.state(spec)
    const forged = forgeCase(SEED, index, { doc: state.load.doc, catalog: state.catalog, layout: spec.layout, writable: spec.writable, ownClients: spec.ownClients, foreignClients: spec.foreignClients })
    const outcome = await h.deliver(spec, forged.updates)
    const { problems, restart } = await h.check(spec)
    count.cases++
    count[spec.name]++
    if (outcome.kind === 'acked') count.acked++
    else if (outcome.kind === 'held') count.held++
    else if (outcome.kind === 'timeout') count.timeouts++
    else {
      const k = outcome.kind === 'rejected' ? `${outcome.code}:${outcome.reason}` : `${outcome.code}`
      refused.set(k, (refused.get(k) ?? 0) + 1)
    }
    if (forged.kinds.length === 1 && [...spec.writable].some((s) => forged.kinds[0] === `honest(${s})`)) {
      count.honestOwnSent++
      if (outcome.kind === 'acked') count.honestOwnAcked++
    }
    if (problems.some((p) => p.check === 'a')) count.crashes++
    if (problems.some((p) => p.check === 'b')) count.unloadable++
    if (problems.some((p) => p.check === 'c')) count.changedForbidden++
    if (problems.length > 0) {
      const failure: Failure = { seed: SEED, index, sender: spec.name, kinds: forged.kinds, outcome: outcomeText(outcome), problems, updates: forged.updates.map((u) => Buffer.from(u).toString('hex')) }
      failures.push(failure)
      appendFileSync(failuresFile, `${JSON.stringify(failure)}\n`)
      printFailure(failure, failures.length <= SHOWN_IN_FULL)
    }
    if (restart) await h.restart()
    else if (count.cases % HONEST_SYNC_EVERY === 0) {
      for (const s of specs) {
        count.syncChecks++
        const sync = await h.honestSync(s)
        if (sync.diverged) count.diverged++
        if (sync.problem) {
          const failure: Failure = { seed: SEED, index, sender: s.name, kinds: ['(honest sync check after this case)'], outcome: '-', problems: [{ check: 'b', detail: sync.problem }], updates: [] }
          failures.push(failure)
          count.unloadable++
          appendFileSync(failuresFile, `${JSON.stringify(failure)}\n`)
          printFailure(failure, true)
        }
      }
    }
  }
  const refusedText = [...refused].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}=${n}`).join(' ')
  const summary =
    `forged updates seed=${SEED}: cases=${count.cases} (parent ${count.parent}, teacher ${count.teacher}) acked=${count.acked} ` +
    `refused={${refusedText}} held=${count.held} timeouts=${count.timeouts} crashes=${count.crashes} unloadable=${count.unloadable} ` +
    `changed-forbidden=${count.changedForbidden} restarts=${h.restarts} in ${Math.round((Date.now() - started) / 1000)} s`
  console.log(summary)
  console.log(
    `  honest own-section edits acked ${count.honestOwnAcked}/${count.honestOwnSent}; fresh-client syncs ${count.syncChecks}` +
      ` (${count.diverged} differed from the store's copy)${stopped ? `; ${stopped}` : ''}${failures.length > 0 ? `; failures in ${failuresFile}` : ''}`,
  )
  expect(count.cases).toBeGreaterThan(0)
  expect(failures.map((f) => `case ${f.index} ${f.sender} [${f.kinds.join(' | ')}]: ${f.problems.map((p) => `(${p.check}) ${p.detail.slice(0, 120)}`).join('; ')}`).slice(0, 30), summary).toEqual([])
}, 170_000)
