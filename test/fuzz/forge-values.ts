/**
 * The forger's dice: a seeded PRNG (one independent stream per case, from the run's seed and the
 * case's index, so any case can be generated again alone) and the values it draws — text, `any`
 * values, node names, keys and item content of every kind yjs reads.
 * @module
 */
import type { Content, TypeKind } from './forge-encode.ts'

/** sfc32, seeded through splitmix32 from (seed, index). */
export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number, index = 0) {
    let s = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      return (z ^ (z >>> 16)) >>> 0
    }
    this.a = next()
    this.b = next()
    this.c = next()
    this.d = next()
    for (let i = 0; i < 12; i++) this.u32()
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  next(): number {
    return this.u32() / 4294967296
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return n <= 0 ? 0 : Math.floor(this.next() * n)
  }

  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!
  }

  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((s, [, w]) => s + w, 0)
    let r = this.next() * total
    for (const [value, w] of entries) {
      r -= w
      if (r < 0) return value
    }
    return entries[entries.length - 1]![0]
  }
}

const CHARS = ['a', 'b', 'z', 'Q', ' ', '.', '\n', '\t', 'é', 'ß', '中', '😀', '\u0000', '\u200b', '<', '"']

export function text(rng: Rng, max = 12): string {
  if (rng.chance(0.03)) return 'x'.repeat(rng.range(200, 800))
  let s = ''
  const n = rng.range(1, max)
  for (let i = 0; i < n; i++) s += rng.pick(CHARS)
  return s
}

/** A value lib0's `writeAny` can encode (`json` leaves out what JSON cannot hold). */
export function anyValue(rng: Rng, depth = 0, json = false): unknown {
  const leaves: Array<readonly [() => unknown, number]> = [
    [() => null, 2],
    [() => rng.chance(0.5), 2],
    [() => rng.range(-5, 1000), 3],
    [() => rng.next() * 1e6 - 5e5, 1],
    [() => 2 ** 53 - rng.int(3), 1],
    [() => text(rng), 4],
    [() => (json ? 'bytes' : new Uint8Array(rng.range(0, 6)).map(() => rng.int(256))), 1],
    [() => (json ? 'undefined' : undefined), 1],
  ]
  if (depth < 2) {
    leaves.push([() => Array.from({ length: rng.range(0, 3) }, () => anyValue(rng, depth + 1, json)), 2])
    leaves.push([
      () => {
        const o: Record<string, unknown> = {}
        // defineProperty, so that a `__proto__` key is an own key and not the object's prototype.
        for (let i = rng.range(0, 3); i > 0; i--) Object.defineProperty(o, rng.pick(KEYS), { value: anyValue(rng, depth + 1, json), enumerable: true, writable: true, configurable: true })
        return o
      },
      2,
    ])
  }
  return rng.weighted(leaves)()
}

/** Keys of the control map, of rows and of editor attributes, and some that should never exist. */
export const CONTROL_KEYS = ['locked', 'sections', 'layout', 'finalisedVersion'] as const
export const KEYS = [
  ...CONTROL_KEYS,
  'owner', 'status', 'need', 'outcome', 'action', 'progress', 'memberId', 'due', 'added',
  'level', 'href', 'class', 'textAlign', 'ychange',
  '', '__proto__', 'constructor', 'x'.repeat(300),
]

export function key(rng: Rng): string {
  return rng.pick(KEYS)
}

const GOOD_NODES = ['paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'codeBlock', 'hardBreak', 'horizontalRule']
const BAD_NODES = ['script', 'image', 'table', 'div', 'iframe', 'doc', 'text', '', 'PARAGRAPH', 'a'.repeat(200), '__proto__', 'paragraph ']

export function nodeName(rng: Rng): string {
  return rng.chance(0.6) ? rng.pick(GOOD_NODES) : rng.pick(BAD_NODES)
}

const MARKS = ['bold', 'italic', 'strike', 'code', 'link', 'underline', 'evil', '', '__proto__']

export function typeContent(rng: Rng): Content & { ref: 'type' } {
  const type = rng.weighted<TypeKind>([
    ['xmlElement', 35],
    ['xmlText', 20],
    ['map', 15],
    ['array', 10],
    ['text', 8],
    ['xmlFragment', 6],
    ['xmlHook', 6],
  ])
  if (type === 'xmlElement') return { ref: 'type', type, name: nodeName(rng) }
  if (type === 'xmlHook') return { ref: 'type', type, name: rng.pick(['hook', '', 'paragraph']) }
  return { ref: 'type', type }
}

/** Content of length 0: the ones yjs lets have it. */
export function zeroLengthContent(rng: Rng): Content {
  return rng.pick<Content>([
    { ref: 'string', text: '' },
    { ref: 'deleted', len: 0 },
    { ref: 'json', values: [] },
    { ref: 'any', values: [] },
  ])
}

/** Item content of any kind, mostly text as an editor would write. */
export function content(rng: Rng): Content {
  const kind = rng.weighted([
    ['string', 30],
    ['type', 14],
    ['format', 7],
    ['any', 8],
    ['json', 6],
    ['embed', 6],
    ['binary', 6],
    ['deleted', 6],
    ['doc', 5],
    ['zero', 6],
    ['unknown', 2],
  ] as const)
  switch (kind) {
    case 'string':
      return { ref: 'string', text: text(rng) }
    case 'type':
      return typeContent(rng)
    case 'format':
      return { ref: 'format', key: rng.pick(MARKS), value: rng.pick([true, null, { href: 'javascript:alert(1)' }, 1, 'x', {}]) }
    case 'any':
      return { ref: 'any', values: Array.from({ length: rng.range(1, 3) }, () => anyValue(rng)) }
    case 'json':
      return { ref: 'json', values: Array.from({ length: rng.range(1, 3) }, () => anyValue(rng, 0, true)) }
    case 'embed':
      return { ref: 'embed', value: rng.chance(0.5) ? { image: 'x.png' } : anyValue(rng, 0, true) }
    case 'binary':
      return { ref: 'binary', bytes: new Uint8Array(rng.range(0, 40)).map(() => rng.int(256)) }
    case 'deleted':
      return { ref: 'deleted', len: rng.range(1, 4) }
    case 'doc':
      return { ref: 'doc', guid: rng.chance(0.8) ? `sub-${rng.u32()}` : '', opts: rng.pick<unknown>([{}, { gc: false }, { autoLoad: true }, { shouldLoad: true, meta: { x: 1 } }, null, 'x']) }
    case 'zero':
      return zeroLengthContent(rng)
    case 'unknown':
      return { ref: 'unknown', code: rng.range(11, 31), bytes: new Uint8Array(rng.range(0, 4)).map(() => rng.int(256)) }
  }
}

/** Odd client ids: the edges of what a varUint and a yjs client id can be. */
export const ODD_CLIENTS = [0, 1, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32 + 7, 2 ** 53 - 1]
