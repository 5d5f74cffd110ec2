/**
 * Cost of the update check (DESIGN §4) on a document of about 1 MB: `npx tsx test/bench/check-update.ts`.
 *
 * Builds a meeting document by realistic typing (several authors, each in their own sections and in the
 * shared agenda items, with corrections, edits in the middle, bold, lists and new paragraphs), then
 * checks 2,000 single-keystroke updates (typing and backspace at random places) against it, applying
 * each after it is checked, and prints the median and p99 in µs of the whole check the room runs:
 * resolve (decode once, every reference), judge (paths, locks, content against the editor schema), and
 * after the apply the integration check. For contrast it also times what the
 * check avoids: cloning the document and applying the update to the copy. Prints; asserts nothing.
 * @module
 */
import * as Y from 'yjs'
import { UNLOCKED } from '../../schemas/permissions.ts'
import type { DocumentAccess } from '../../server/sync/access.ts'
import { integrationProblem } from '../../server/sync/integration-check.ts'
import { judgeUpdate } from '../../server/sync/update-guard.ts'
import { resolveUpdate } from '../../server/sync/update-resolver.ts'

const TARGET_BYTES = 1_000_000
const KEYSTROKES = 2_000
const WARMUP = 300

const SECTIONS = [
  'item:purpose',
  'item:updates',
  'item:worries',
  'item:working-well',
  'item:next-steps',
  'update:m-teacher',
  'update:m-health-visitor',
  'update:m-parent',
]
const WORDS = (
  'the child attended school every day this week and said she felt safe at home mum has engaged with ' +
  'the health visitor and the family support worker visited twice the plan is working well but there ' +
  'are still worries about the smoke alarm and the dog in the kitchen dad did not attend the meeting ' +
  'and sent apologies with a written report the school nurse will follow up on the dental appointment'
).split(' ')

/** A small deterministic generator, so runs are comparable. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rand = random(20240611)
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!

function paragraph(text = ''): Y.XmlElement {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  return p
}

/** Every XmlText of a section (paragraphs and list items), where a cursor can be. */
function texts(fragment: Y.XmlFragment): Y.XmlText[] {
  const found: Y.XmlText[] = []
  for (const node of fragment.createTreeWalker(() => true)) if (node instanceof Y.XmlText) found.push(node)
  return found
}

/** One author's session: types words key by key at a cursor, corrects, moves, formats, adds paragraphs. */
function typeSession(doc: Y.Doc, sections: readonly string[], words: number): void {
  const fragment = doc.getXmlFragment(pick(sections))
  if (fragment.length === 0 || rand() < 0.08) {
    const list = rand() < 0.15
    doc.transact(() => {
      if (!list) fragment.insert(fragment.length, [paragraph()])
      else {
        const ul = new Y.XmlElement('bulletList')
        const li = new Y.XmlElement('listItem')
        li.insert(0, [paragraph()])
        ul.insert(0, [li])
        fragment.insert(fragment.length, [ul])
      }
    })
  }
  const candidates = texts(fragment)
  const text = rand() < 0.7 ? candidates[candidates.length - 1]! : pick(candidates)
  let cursor = rand() < 0.8 ? text.length : Math.floor(rand() * (text.length + 1))
  for (let w = 0; w < words; w++) {
    const word = `${pick(WORDS)} `
    for (const ch of word) doc.transact(() => text.insert(cursor++, ch))
    if (rand() < 0.05) {
      const back = Math.min(cursor, 1 + Math.floor(rand() * 3))
      for (let i = 0; i < back; i++) doc.transact(() => text.delete(--cursor, 1))
    }
    if (rand() < 0.02 && cursor > word.length) doc.transact(() => text.format(cursor - word.length, word.length - 1, { bold: true }))
  }
}

function buildDocument(): Y.Doc {
  const server = new Y.Doc()
  const authors = [0, 1, 2, 3].map((i) => {
    const doc = new Y.Doc()
    doc.clientID = 1000 + i
    return doc
  })
  const own = [['item:purpose', 'item:next-steps'], ['update:m-teacher'], ['update:m-health-visitor'], ['update:m-parent']]
  let sessions = 0
  while (true) {
    const i = Math.floor(rand() * authors.length)
    const author = authors[i]!
    Y.applyUpdate(author, Y.encodeStateAsUpdate(server, Y.encodeStateVector(author)))
    const shared = SECTIONS.filter((s) => s.startsWith('item:'))
    typeSession(author, rand() < 0.5 ? own[i]! : shared, 5 + Math.floor(rand() * 40))
    Y.applyUpdate(server, Y.encodeStateAsUpdate(author, Y.encodeStateVector(server)))
    if (++sessions % 200 === 0 && Y.encodeStateAsUpdate(server).length >= TARGET_BYTES) return server
  }
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

const started = performance.now()
const server = buildDocument()
const size = Y.encodeStateAsUpdate(server).length
let structs = 0
for (const list of server.store.clients.values()) structs += list.length
console.log(
  `document: ${(size / 1e6).toFixed(2)} MB, ${structs} structs, ${SECTIONS.length} sections, built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)

const typist = new Y.Doc()
typist.clientID = 4242
Y.applyUpdate(typist, Y.encodeStateAsUpdate(server))
let last: Uint8Array | null = null
typist.on('update', (update: Uint8Array) => {
  last = update
})

/** One keystroke somewhere in the document: mostly typing, sometimes backspace. */
function keystroke(): Uint8Array {
  const all = texts(typist.getXmlFragment(pick(SECTIONS))).filter((t) => t.length > 0)
  const text = pick(all)
  const at = Math.floor(rand() * text.length)
  if (rand() < 0.15) typist.transact(() => text.delete(at, 1))
  else typist.transact(() => text.insert(at, pick(['a', 'e', 's', ' ', 't'])))
  return last!
}

/** The lead social worker of a demo document: may write every section, so every check runs to the end. */
const access: DocumentAccess = {
  doc: { kind: 'demo', demoId: 'bench' },
  caseId: null,
  authorityId: null,
  viewer: { userId: 'u-lead', memberId: 'm-lead', role: 'lead-social-worker', optedOut: false },
  meetingRoles: null,
  sections: new Set(SECTIONS),
}
let transaction: Y.Transaction | null = null
server.on('afterTransaction', (t: Y.Transaction) => (transaction = t))

const micros: number[] = []
let checksum = 0
for (let i = 0; i < WARMUP + KEYSTROKES; i++) {
  const update = keystroke()
  const t0 = process.hrtime.bigint()
  const result = resolveUpdate(server, update)
  const refusal = judgeUpdate(access, result, UNLOCKED)
  const t1 = process.hrtime.bigint()
  Y.applyUpdate(server, update)
  const t2 = process.hrtime.bigint()
  const problem = integrationProblem(transaction!, result.sections)
  const t3 = process.hrtime.bigint()
  if (result.missing || result.sections.size !== 1 || refusal || problem) throw new Error(`unexpected result ${JSON.stringify([...result.sections, refusal, problem])}`)
  checksum += result.sections.size
  if (i >= WARMUP) micros.push(Number(t1 - t0 + (t3 - t2)) / 1000)
}
micros.sort((a, b) => a - b)
const mean = micros.reduce((s, x) => s + x, 0) / micros.length
console.log(
  `resolve + judge + integration check over ${KEYSTROKES} keystroke updates: median ${quantile(micros, 0.5).toFixed(1)} µs, ` +
    `p99 ${quantile(micros, 0.99).toFixed(1)} µs, mean ${mean.toFixed(1)} µs, max ${micros[micros.length - 1]!.toFixed(1)} µs`,
)

// What the check avoids: clone the document and apply the update to the copy.
const cloneMs: number[] = []
for (let i = 0; i < 10; i++) {
  const update = keystroke()
  const t0 = performance.now()
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(server))
  Y.applyUpdate(copy, update)
  cloneMs.push(performance.now() - t0)
  Y.applyUpdate(server, update)
}
cloneMs.sort((a, b) => a - b)
console.log(`clone + apply, for contrast: median ${quantile(cloneMs, 0.5).toFixed(1)} ms (${cloneMs.length} runs); checksum ${checksum}`)
