/**
 * The floods of issue 9, measured against the real server: for each abuse scenario, on a fresh server
 * process (started as the forged-update fuzz test starts it, `test/support/fuzz-server.ts`), the
 * server's RSS peak, how long an honest edit takes to reach another honest client of the same
 * document while the flood runs, and how long `/healthz` takes to answer; plus the same honest figures
 * with no flood, as a baseline.
 *
 *     npx tsx test/bench/floods.ts [--root <checkout>] [--only S1,S4]
 *
 * `--root` (or `COREGROUP_FUZZ_SERVER_ROOT`) names the checkout whose server is measured; the seed, the
 * harness and the attacks always come from this checkout. Not part of `npm test`; asserts nothing.
 *
 * How each figure is taken:
 * - **RSS**: `VmRSS` of the server process from /proc/<pid>/status every 100 ms (`RssSampler`), from the
 *   start of the flood to the end of its window; "idle" is the first sample.
 * - **Honest propagation**: the teacher's client types a unique marker into its own section
 *   (`update:<memberId>`) every 500 ms of the window; the health visitor's client, connected to the same
 *   document, times the arrival of a sync frame holding the marker's bytes (one process, one clock).
 *   Neither honest client applies what the attacker sent (they only look for their markers), so the
 *   figure is the server's delay, not this process's work on the flood. A marker not seen within
 *   10 s counts as 10 s and as "lost".
 * - **`/healthz`**: requested one at a time (200 ms apart) through the window, 10 s timeout.
 * - The **window** opens when the attack starts and closes once the attack is over (every frame
 *   acknowledged or answered, the attacker's socket closed, or sending done) but not before 5 s, and
 *   never after 20 s; markers still in flight then get their 10 s. "load" is the 1-minute load average
 *   when the window closed: above 2 (the cores here), other work competed and the figures are inflated.
 * The attacker is the seeded lead social worker, writing into their own update section.
 * @module
 */
import { randomBytes } from 'node:crypto'
import { rmSync, statSync } from 'node:fs'
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { encodeUpdate, type Struct } from '../fuzz/forge-encode.ts'
import { RssSampler, readProc } from './proc-stats.ts'
import { sleep } from './wait.ts'

const { values: args } = parseArgs({ options: { root: { type: 'string' }, only: { type: 'string' } } })
if (args.root) process.env.COREGROUP_FUZZ_SERVER_ROOT = args.root
// Imported after `--root` is applied: the module reads the server root when it loads.
const fuzz = await import('../support/fuzz-server.ts')
type FuzzServer = Awaited<ReturnType<typeof fuzz.startFuzzServer>>
type Seed = Awaited<ReturnType<typeof fuzz.seedFuzzData>>

const PROBE_EVERY_MS = 500
const PROBE_TIMEOUT_MS = 10_000
const HEALTH_EVERY_MS = 200
const HEALTH_TIMEOUT_MS = 10_000
const MIN_WINDOW_MS = 5_000
const MAX_WINDOW_MS = 20_000
const MiB = 1024 * 1024

const MSG = { Sync: 0, Awareness: 1, QueryAwareness: 3, Ack: 100, Rejected: 101 } as const
const STEP = { Step1: 0, Step2: 1, Update: 2 } as const

function syncFrame(step: number, payload: Uint8Array, typePrefix?: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  if (typePrefix) encoding.writeUint8Array(e, typePrefix)
  else encoding.writeVarUint(e, MSG.Sync)
  encoding.writeVarUint(e, step)
  encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc())
const rnd32 = () => (randomBytes(4).readUInt32BE(0) | 1) >>> 1

/**
 * A peer on a raw socket that decodes only the frame headers it needs: acks, a refusal, the server's
 * sync step 1 (sent on join) and step 2 answers. Every other frame is only handed to listeners.
 */
class RawPeer {
  acked = 0
  lastAckAt = 0
  rejected: string | null = null
  closed: { code: number; reason: string } | null = null
  /** The server's state vector when this peer joined (its sync step 1). */
  joinStateVector: Uint8Array | null = null
  readonly onFrame = new Set<(frame: Buffer) => void>()
  private readonly step2Waiters: Array<(payload: Uint8Array | null) => void> = []
  private readonly changeListeners = new Set<() => void>()
  private readonly closedPromise: Promise<void>

  private constructor(readonly ws: WebSocket) {
    this.closedPromise = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        this.closed = { code, reason: reason.toString() }
        for (const w of this.step2Waiters.splice(0)) w(null)
        this.notify()
        resolve()
      }),
    )
    ws.on('error', () => {})
    ws.on('message', (data: Buffer) => this.frame(data))
  }

  /** Opens the socket and waits for the server's sync step 1 (the room joined), or a close. */
  static async open(url: string, cookie: string, timeoutMs = 10_000): Promise<RawPeer> {
    const ws = new WebSocket(url, { headers: { cookie, origin: `http://${new URL(url).host}` },
      perMessageDeflate: false,
      maxPayload: 256 * MiB,
      // An all-zero mask (allowed: the key is still sent) lets ws send a buffer without copying it, so
      // this process can flood as fast as the issue's figures need; the server unmasks as usual.
      generateMask: (mask: Buffer) => void mask.fill(0),
    })
    const peer = new RawPeer(ws)
    if (!(await peer.until(() => peer.joinStateVector !== null || peer.closed !== null, timeoutMs)) || peer.closed) {
      peer.terminate()
      throw new Error(`could not join ${url}: ${JSON.stringify(peer.closed) ?? 'timeout'}`)
    }
    return peer
  }

  get isOpen(): boolean {
    return this.closed === null && this.ws.readyState === WebSocket.OPEN
  }

  send(frame: Uint8Array): boolean {
    if (!this.isOpen) return false
    this.ws.send(frame)
    return true
  }

  /** Sends a sync step 1 and resolves with the step 2 payload (null on close or timeout). */
  step1(stateVector: Uint8Array, timeoutMs: number): Promise<Uint8Array | null> {
    if (!this.isOpen) return Promise.resolve(null)
    return new Promise((resolve) => {
      const done = (payload: Uint8Array | null) => {
        clearTimeout(timer)
        resolve(payload)
      }
      const timer = setTimeout(() => {
        const i = this.step2Waiters.indexOf(done)
        if (i >= 0) this.step2Waiters.splice(i, 1)
        resolve(null)
      }, timeoutMs)
      this.step2Waiters.push(done)
      this.send(syncFrame(STEP.Step1, stateVector))
    })
  }

  /** True once `predicate` holds, false after `timeoutMs`; re-checked on every frame and on close. */
  until(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
    if (predicate()) return Promise.resolve(true)
    return new Promise((resolve) => {
      const check = () => {
        if (!predicate()) return
        this.changeListeners.delete(check)
        clearTimeout(timer)
        resolve(true)
      }
      const timer = setTimeout(() => {
        this.changeListeners.delete(check)
        resolve(predicate())
      }, timeoutMs)
      this.changeListeners.add(check)
    })
  }

  whenClosed(timeoutMs: number): Promise<boolean> {
    return Promise.race([this.closedPromise.then(() => true), sleep(timeoutMs).then(() => false)])
  }

  terminate(): void {
    try {
      this.ws.terminate()
    } catch {
      // already gone
    }
  }

  describe(): string {
    if (this.closed) return `closed ${this.closed.code}${this.closed.reason ? ` (${this.closed.reason})` : ''}`
    return 'open'
  }

  private notify(): void {
    for (const l of [...this.changeListeners]) l()
  }

  private frame(data: Buffer): void {
    try {
      for (const l of this.onFrame) l(data)
      const d = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
      const type = decoding.readVarUint(d)
      if (type === MSG.Ack) {
        this.acked = Math.max(this.acked, decoding.readVarUint(d))
        this.lastAckAt = performance.now()
      } else if (type === MSG.Rejected) {
        this.rejected = `${decoding.readVarString(d)}: ${decoding.readVarString(d)}`
      } else if (type === MSG.Sync) {
        const step = decoding.readVarUint(d)
        if (step === STEP.Step1 && this.joinStateVector === null) this.joinStateVector = decoding.readVarUint8Array(d).slice()
        else if (step === STEP.Step2) this.step2Waiters.shift()?.(decoding.readVarUint8Array(d))
      }
    } catch {
      // not a frame this peer needs
    } finally {
      this.notify()
    }
  }
}

/**
 * The honest pair: a writer (the teacher, typing into their own update section) and a reader (the
 * health visitor) of the same document. The writer syncs the document once, at the start; after that
 * neither applies anything the server sends: the reader only looks for the writer's markers.
 */
class HonestPair {
  private readonly pending = new Map<string, { bytes: Buffer; seen: (at: number) => void }>()
  private sent = 0
  private constructor(
    readonly writer: RawPeer,
    readonly reader: RawPeer,
    private readonly doc: Y.Doc,
    private readonly text: Y.XmlText,
  ) {
    reader.onFrame.add((frame) => {
      if (frame[0] !== MSG.Sync || this.pending.size === 0) return
      const at = performance.now()
      for (const [marker, p] of this.pending) {
        if (frame.indexOf(p.bytes) >= 0) {
          this.pending.delete(marker)
          p.seen(at)
        }
      }
    })
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'server') return
      this.sent++
      writer.send(syncFrame(STEP.Update, update))
    })
  }

  static async open(server: FuzzServer, doc: string, writerCookie: string, readerCookie: string, section: string): Promise<HonestPair> {
    const url = `${server.syncUrl}/${doc}`
    const reader = await RawPeer.open(url, readerCookie)
    const writer = await RawPeer.open(url, writerCookie)
    const state = await writer.step1(EMPTY_STATE_VECTOR, 10_000)
    if (!state) throw new Error(`honest writer could not sync: ${writer.describe()}`)
    const ydoc = new Y.Doc()
    Y.applyUpdate(ydoc, state, 'server')
    const paragraph = new Y.XmlElement('paragraph')
    const text = new Y.XmlText('Probes:')
    paragraph.insert(0, [text])
    const fragment = ydoc.getXmlFragment(section)
    const pair = new HonestPair(writer, reader, ydoc, text)
    fragment.insert(fragment.length, [paragraph])
    if (!(await writer.until(() => writer.acked >= pair.sent || writer.closed !== null, 10_000)) || writer.acked < pair.sent) {
      throw new Error(`honest writer's first edit not acknowledged: ${writer.describe()} ${writer.rejected ?? ''}`)
    }
    return pair
  }

  /** Types a marker and resolves with the ms until the reader saw it; null when it never arrived. */
  probe(tag: string, gone: Promise<void>): Promise<number | null> {
    const marker = ` <${tag}>`
    return new Promise((resolve) => {
      if (!this.writer.isOpen || !this.reader.isOpen) return resolve(null)
      const start = performance.now()
      const finish = (ms: number | null) => {
        clearTimeout(timer)
        this.pending.delete(marker)
        resolve(ms)
      }
      const timer = setTimeout(() => finish(null), PROBE_TIMEOUT_MS)
      void gone.then(() => finish(null))
      void this.reader.whenClosed(PROBE_TIMEOUT_MS + 100).then((closed) => closed && finish(null))
      this.pending.set(marker, { bytes: Buffer.from(marker, 'utf8'), seen: (at) => finish(at - start) })
      this.text.insert(this.text.length, marker)
    })
  }

  close(): void {
    this.writer.terminate()
    this.reader.terminate()
    this.doc.destroy()
  }
}

interface Context {
  server: FuzzServer
  seed: Seed
  doc: string
  /** The attacker's (the lead's) session cookie and own section. */
  cookie: string
  section: string
  /** Resolves when the server process exits. */
  gone: Promise<void>
}

interface Attack {
  /** Runs the flood; resolves once it is over, with what happened to it. */
  run(): Promise<string>
  /** Figures read after the window closed (the data folder's growth, for junk). */
  after?(): string
  /** What was sent, described once. */
  sent: string
  cleanup(): void
}

interface Scenario {
  id: string
  what: string
  prepare(ctx: Context): Promise<Attack>
}

async function attacker(ctx: Context): Promise<RawPeer> {
  return RawPeer.open(`${ctx.server.syncUrl}/${ctx.doc}`, ctx.cookie)
}

function ackOutcome(peer: RawPeer, of: number): string {
  return `acked ${peer.acked}/${of}, ${peer.describe()}${peer.rejected ? ` [${peer.rejected}]` : ''}`
}

/** Sends every frame at once (the rate limit allows a burst) and waits for them all to be acked. */
function sendAllAndAwaitAcks(peer: RawPeer, frames: Uint8Array[]): Promise<string> {
  return (async () => {
    for (const f of frames) if (!peer.send(f)) break
    await peer.until(() => peer.acked >= frames.length || peer.closed !== null, MAX_WINDOW_MS)
    return ackOutcome(peer, frames.length)
  })()
}

const size = (frames: Uint8Array[]) => `${frames.length} × ${(frames.reduce((n, f) => n + f.length, 0) / frames.length / MiB).toFixed(2)} MiB`

const SCENARIOS: Scenario[] = [
  {
    id: 'S1',
    what: '20 frames of 70,000 subdocuments (ContentDoc) in own section',
    async prepare(ctx) {
      const frames: Uint8Array[] = []
      for (let f = 0; f < 20; f++) {
        const client = rnd32()
        const structs: Struct[] = []
        for (let i = 0; i < 70_000; i++) {
          const content = { ref: 'doc' as const, guid: `g${f.toString(36)}.${i.toString(36).padStart(8, '0')}`, opts: {} }
          structs.push(i === 0 ? { kind: 'item', origin: null, rightOrigin: null, parent: { root: ctx.section }, parentSub: null, content } : { kind: 'item', origin: { client, clock: i - 1 }, rightOrigin: null, parent: null, parentSub: null, content })
        }
        frames.push(syncFrame(STEP.Update, encodeUpdate({ lists: [{ client, clock: 0, structs }], ds: [] })))
      }
      const peer = await attacker(ctx)
      return { sent: size(frames), run: () => sendAllAndAwaitAcks(peer, frames), cleanup: () => peer.terminate() }
    },
  },
  {
    id: 'S2',
    what: '20 frames of 60,000 client lists (GC structs, fresh client ids)',
    async prepare(ctx) {
      const frames: Uint8Array[] = []
      const base = 1_000_000_000 + (rnd32() % 100_000_000)
      for (let f = 0; f < 20; f++) {
        const lists = Array.from({ length: 60_000 }, (_, i) => ({ client: base + f * 60_000 + i, clock: 0, structs: [{ kind: 'gc', len: 1 } as Struct] }))
        frames.push(syncFrame(STEP.Update, encodeUpdate({ lists, ds: [] })))
      }
      const peer = await attacker(ctx)
      return { sent: size(frames), run: () => sendAllAndAwaitAcks(peer, frames), cleanup: () => peer.terminate() }
    },
  },
  {
    id: 'S3',
    what: '40 held frames (items whose origin names a client never seen)',
    async prepare(ctx) {
      const ghost = rnd32()
      const chunk = 'held '.repeat(200) // 1,000 characters
      const frames: Uint8Array[] = []
      for (let f = 0; f < 40; f++) {
        const structs: Struct[] = Array.from({ length: 1_550 }, (_, i) => ({ kind: 'item', origin: { client: ghost, clock: f * 1_550 + i }, rightOrigin: null, parent: null, parentSub: null, content: { ref: 'string', text: chunk } }))
        frames.push(syncFrame(STEP.Update, encodeUpdate({ lists: [{ client: rnd32(), clock: 0, structs }], ds: [] })))
      }
      const peer = await attacker(ctx)
      return {
        sent: size(frames),
        async run() {
          for (const f of frames) if (!peer.send(f)) break
          // The step 1's answer comes after every earlier frame was handled (held, refused or applied).
          const answered = await peer.step1(peer.joinStateVector!, MAX_WINDOW_MS)
          return `${ackOutcome(peer, frames.length)}${answered ? '' : peer.closed ? '' : ', barrier unanswered'}`
        },
        cleanup: () => peer.terminate(),
      }
    },
  },
  {
    id: 'S4',
    what: '5,000 updates typed 0x80 0x00 (non-canonical varint 0)',
    async prepare(ctx) {
      const client = rnd32()
      const frames: Uint8Array[] = []
      const prefix = Uint8Array.of(0x80, 0x00)
      // A paragraph with a text in the sender's own section, then one character per update.
      frames.push(
        encodeUpdate({
          lists: [
            {
              client,
              clock: 0,
              structs: [
                { kind: 'item', origin: null, rightOrigin: null, parent: { root: ctx.section }, parentSub: null, content: { ref: 'type', type: 'xmlElement', name: 'paragraph' } },
                { kind: 'item', origin: null, rightOrigin: null, parent: { id: { client, clock: 0 } }, parentSub: null, content: { ref: 'type', type: 'xmlText' } },
                { kind: 'item', origin: null, rightOrigin: null, parent: { id: { client, clock: 1 } }, parentSub: null, content: { ref: 'string', text: 'a' } },
              ],
            },
          ],
          ds: [],
        }),
      )
      for (let i = 1; i < 5_000; i++) {
        frames.push(encodeUpdate({ lists: [{ client, clock: 2 + i, structs: [{ kind: 'item', origin: { client, clock: 1 + i }, rightOrigin: null, parent: null, parentSub: null, content: { ref: 'string', text: 'a' } }] }], ds: [] }))
      }
      const wire = frames.map((u) => syncFrame(STEP.Update, u, prefix))
      const peer = await attacker(ctx)
      return {
        sent: `${wire.length} frames`,
        async run() {
          const t0 = performance.now()
          const outcome = await sendAllAndAwaitAcks(peer, wire)
          return `${outcome}${peer.acked > 0 ? `, last ack after ${Math.round(peer.lastAckAt - t0)} ms` : ''}`
        },
        cleanup: () => peer.terminate(),
      }
    },
  },
  {
    id: 'S5',
    what: 'awareness states of 256 KiB, 400/s for 3 s',
    async prepare(ctx) {
      const client = rnd32()
      const state = JSON.stringify({ pad: 'a'.repeat(256 * 1024 - 10) })
      const frameFor = (clock: number) => {
        const u = encoding.createEncoder()
        encoding.writeVarUint(u, 1)
        encoding.writeVarUint(u, client)
        encoding.writeVarUint(u, clock)
        encoding.writeVarString(u, state)
        const e = encoding.createEncoder()
        encoding.writeVarUint(e, MSG.Awareness)
        encoding.writeVarUint8Array(e, encoding.toUint8Array(u))
        return encoding.toUint8Array(e)
      }
      // Built beforehand (each with its own clock, so each is news), so that sending is all the flood costs here.
      const frames = Array.from({ length: 1_200 }, (_, i) => frameFor(i + 1))
      const peer = await attacker(ctx)
      let sent = 0
      return {
        sent: '1,200 × 256 KiB planned',
        async run() {
          const t0 = performance.now()
          while (sent < 1_200 && peer.isOpen && performance.now() - t0 < 3_000 + 1_000) {
            const due = Math.min(1_200, Math.floor(((performance.now() - t0) / 1000) * 400))
            while (sent < due && peer.send(frames[sent]!)) sent++
            await sleep(5)
          }
          const sendMs = performance.now() - t0
          // The step 1's answer comes once the server has handled every awareness frame before it.
          const answered = peer.isOpen ? await peer.step1(peer.joinStateVector!, MAX_WINDOW_MS) : null
          const handled = answered ? `, all handled after ${Math.round(performance.now() - t0)} ms` : peer.closed ? '' : ', barrier unanswered'
          return `sent ${sent} in ${Math.round(sendMs)} ms, ${peer.describe()}${handled}`
        },
        cleanup: () => peer.terminate(),
      }
    },
  },
  {
    id: 'S6',
    what: 'non-reading socket: 3,000 QueryAwareness + 3,000 step 1 (empty state vector)',
    async prepare(ctx) {
      const peer = await attacker(ctx)
      // A presence state for QueryAwareness to answer with (as large as the server keeps).
      const u = encoding.createEncoder()
      encoding.writeVarUint(u, 1)
      encoding.writeVarUint(u, rnd32())
      encoding.writeVarUint(u, 1)
      encoding.writeVarString(u, JSON.stringify({ pad: 'a'.repeat(256 * 1024 - 10) }))
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, MSG.Awareness)
      encoding.writeVarUint8Array(e, encoding.toUint8Array(u))
      peer.send(encoding.toUint8Array(e))
      await sleep(300)
      const query = Uint8Array.of(MSG.QueryAwareness)
      const step1 = syncFrame(STEP.Step1, EMPTY_STATE_VECTOR)
      return {
        sent: '1 × 256 KiB awareness, then 6,000 frames unread',
        async run() {
          ;(peer.ws as unknown as { _socket: { pause(): void } })._socket.pause()
          let sent = 0
          for (let i = 0; i < 3_000; i++) {
            if (!peer.send(query) || !peer.send(step1)) break
            sent += 2
          }
          // The socket never reads, so the server's verdict is not seen here: the flood is the window.
          await sleep(10_000)
          return `sent ${sent} frames, never read (the close is not seen either)`
        },
        cleanup: () => peer.terminate(),
      }
    },
  },
  {
    id: 'S7',
    what: 'junk: no structs, no deletions, 1 MiB trailing bytes, 100/s for 6 s',
    async prepare(ctx) {
      const frame = syncFrame(STEP.Update, encodeUpdate({ lists: [], ds: [], trailing: randomBytes(MiB) }))
      const du = () => {
        let total = 0
        for (const f of [ctx.server.databaseFile, `${ctx.server.databaseFile}-wal`]) {
          try {
            total += statSync(f).blocks * 512
          } catch {
            // no WAL yet
          }
        }
        return total
      }
      const before = du()
      const peer = await attacker(ctx)
      let sent = 0
      return {
        sent: '600 × 1 MiB planned',
        async run() {
          const t0 = performance.now()
          while (sent < 600 && peer.isOpen && performance.now() - t0 < 6_000 + 1_000) {
            const due = Math.min(600, Math.floor(((performance.now() - t0) / 1000) * 100))
            while (sent < due && peer.send(frame)) sent++
            await sleep(5)
          }
          await peer.until(() => peer.acked >= sent || peer.closed !== null, MAX_WINDOW_MS - (performance.now() - t0))
          return `sent ${sent}, ${ackOutcome(peer, sent)}`
        },
        after: () => `data folder (db + wal) +${((du() - before) / MiB).toFixed(1)} MiB`,
        cleanup: () => peer.terminate(),
      }
    },
  },
]

const BASELINE: Scenario = {
  id: 'S0',
  what: 'baseline: no flood',
  async prepare() {
    return { sent: '-', run: async () => 'no flood', cleanup: () => {} }
  },
}

interface Row {
  id: string
  what: string
  sent: string
  outcome: string
  rss: string
  propagation: string
  health: string
  extra: string
  seconds: number
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

function msFigure(samples: Array<number | null>, timeoutMs: number, lostWord: string): string {
  if (samples.length === 0) return 'none'
  const xs = samples.map((s) => s ?? timeoutMs)
  const lost = samples.filter((s) => s === null).length
  const fmt = (v: number) => (v >= timeoutMs && lost > 0 ? `>${Math.round(timeoutMs)}` : `${Math.round(v)}`)
  return `${fmt(median(xs))} / ${fmt(Math.max(...xs))} (n=${samples.length}${lost ? `, ${lost} ${lostWord}` : ''})`
}

async function runScenario(entry: string, seed: Seed, scenario: Scenario): Promise<Row> {
  const started = performance.now()
  const server = await fuzz.startFuzzServer(entry, seed.dataDir)
  const gone = new Promise<void>((resolve) => {
    if (!server.alive()) resolve()
    server.process.once('exit', () => resolve())
  })
  const row: Row = { id: scenario.id, what: scenario.what, sent: '', outcome: '', rss: '', propagation: '', health: '', extra: '', seconds: 0 }
  let pair: HonestPair | null = null
  let attack: Attack | null = null
  try {
    const doc = `meeting:${seed.meetingId}`
    const [lead, teacher, healthVisitor] = await Promise.all(
      (['socialWorker', 'teacher', 'healthVisitor'] as const).map((p) => fuzz.signInOver(server.httpUrl, seed.people[p])),
    )
    pair = await HonestPair.open(server, doc, teacher!.cookie, healthVisitor!.cookie, `update:${seed.people.teacher.memberId}`)
    await pair.probe(`${scenario.id}-warm`, gone)
    attack = await scenario.prepare({ server, seed, doc, cookie: lead!.cookie, section: `update:${seed.people.socialWorker.memberId}`, gone })
    row.sent = attack.sent
    const pid = server.process.pid!
    const idleKb = readProc(pid).rssKb
    const sampler = new RssSampler(pid, 100)
    const t0 = performance.now()
    let open = true

    const health: Array<number | null> = []
    const healthLoop = (async () => {
      while (open) {
        const h0 = performance.now()
        const ok = await fuzz.healthy(server.httpUrl, HEALTH_TIMEOUT_MS)
        health.push(ok ? performance.now() - h0 : null)
        if (!server.alive()) break
        await sleep(HEALTH_EVERY_MS)
      }
    })()

    const probes: Array<Promise<number | null>> = []
    const probeLoop = (async () => {
      for (let k = 0; open; k++) {
        probes.push(pair!.probe(`${scenario.id}-${k}-${rnd32().toString(36)}`, gone))
        await sleep(PROBE_EVERY_MS)
      }
    })()

    let outcome: string | null = null
    const attackDone = attack.run().then(
      (o) => (outcome = o),
      (err: unknown) => (outcome = `attack failed: ${err instanceof Error ? err.message : String(err)}`),
    )
    await Promise.race([attackDone, sleep(MAX_WINDOW_MS), gone])
    const elapsed = performance.now() - t0
    if (elapsed < MIN_WINDOW_MS && server.alive()) await Promise.race([sleep(MIN_WINDOW_MS - elapsed), gone])
    open = false
    const windowMs = performance.now() - t0
    await probeLoop
    const latencies = await Promise.all(probes)
    await Promise.race([healthLoop, sleep(HEALTH_TIMEOUT_MS + 500)])
    const peakKb = sampler.stop()

    row.outcome = outcome ?? `still going after ${Math.round(windowMs / 1000)} s (window cap)`
    if (!server.alive()) {
      row.outcome = `SERVER CRASHED (${server.process.exitCode ?? server.process.signalCode}); ${row.outcome}`
      console.error(`[${scenario.id}] the server died; it printed:\n${server.output(1500)}`)
    }
    row.rss = `${(idleKb / 1024).toFixed(0)} → ${(peakKb / 1024).toFixed(0)}`
    row.propagation = msFigure(latencies, PROBE_TIMEOUT_MS, 'lost')
    row.health = msFigure(health, HEALTH_TIMEOUT_MS, 'failed')
    const honest = [pair.writer.closed && `honest writer ${pair.writer.describe()}`, pair.reader.closed && `honest reader ${pair.reader.describe()}`].filter(Boolean)
    row.extra = [attack.after?.(), `window ${(windowMs / 1000).toFixed(1)} s`, ...honest, `load ${loadavg()[0]!.toFixed(1)}`].filter(Boolean).join('; ')
  } catch (err) {
    const crashed = !server.alive()
    row.outcome = `${crashed ? `SERVER CRASHED (${server.process.exitCode ?? server.process.signalCode}); ` : ''}bench error: ${err instanceof Error ? err.message : String(err)}`
    if (crashed) console.error(`[${scenario.id}] the server died; it printed:\n${server.output(1500)}`)
  } finally {
    attack?.cleanup()
    pair?.close()
    await server.kill()
    rmSync(server.dataDir, { recursive: true, force: true })
  }
  row.seconds = (performance.now() - started) / 1000
  return row
}

const HEADER = '| id | flood | sent | attacker outcome | server RSS idle → peak (MiB) | honest propagation median / max ms | /healthz median / max ms | notes |'
const RULE = '|---|---|---|---|---|---|---|---|'
const line = (r: Row) => `| ${r.id} | ${r.what} | ${r.sent} | ${r.outcome} | ${r.rss} | ${r.propagation} | ${r.health} | ${r.extra} |`

async function main(): Promise<void> {
  const only = args.only ? new Set(args.only.split(',')) : null
  const chosen = [BASELINE, ...SCENARIOS].filter((s) => !only || only.has(s.id))
  const t0 = performance.now()
  const commit = await gitHead(fuzz.SERVER_ROOT)
  console.log(`# floods: server from ${fuzz.SERVER_ROOT} (${commit}), node ${process.version}`)
  const seed = await fuzz.seedFuzzData()
  const bundle = await fuzz.bundleServer().catch((err: unknown) => {
    rmSync(seed.dataDir, { recursive: true, force: true })
    throw err
  })
  const rows: Row[] = []
  try {
    console.log(HEADER)
    console.log(RULE)
    for (const s of chosen) {
      const row = await runScenario(bundle.entry, seed, s)
      rows.push(row)
      console.log(line(row))
    }
  } finally {
    bundle.dispose()
    rmSync(seed.dataDir, { recursive: true, force: true })
  }
  console.log(`\n(${rows.map((r) => `${r.id} ${r.seconds.toFixed(0)} s`).join(', ')}; total ${((performance.now() - t0) / 1000).toFixed(0)} s)`)
}

async function gitHead(root: string): Promise<string> {
  const { execFileSync } = await import('node:child_process')
  try {
    const head = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['-C', root, 'status', '--porcelain', '--', 'server', 'schemas'], { encoding: 'utf8' }).trim() !== ''
    return `${head}${dirty ? ' + uncommitted changes' : ''}`
  } catch {
    return 'not a git checkout'
  }
}

await main()
process.exit(0)
