/**
 * The words of child protection that a parent meets in coregroup, each explained in everyday words
 * (issue 14, item 2; seed 002, the leaflet for parents and carers). A family page marks the first use of
 * each term on the page and explains it there; later uses are plain text. Lookups are pure and
 * case-insensitive; abbreviations (ICPC, RCPC) match in capitals only, so "icpc" inside a word never does.
 * @module
 */

/** One term and what it means. */
export interface GlossaryTerm {
  id: string
  /** The term as the page explains it ("Core group"). */
  term: string
  /** What it means, in words a parent would use. */
  meaning: string
  /** Spellings that count as this term (matched as whole words; the longest first). */
  forms: readonly string[]
  /** Forms that only match in capitals (abbreviations). */
  capitals?: readonly string[]
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    id: 'icpc',
    term: 'Initial child protection conference (ICPC)',
    meaning: 'The first big meeting about your child’s safety. It decided that your child needs a child protection plan and who will be in the core group.',
    forms: ['initial child protection conference', 'initial conference'],
    capitals: ['ICPC'],
  },
  {
    id: 'rcpc',
    term: 'Review child protection conference (RCPC)',
    meaning: 'A meeting, usually every few months, that looks at how the plan is going and decides whether your child still needs a child protection plan.',
    forms: ['review child protection conference', 'review conference'],
    capitals: ['RCPC'],
  },
  {
    id: 'core-group',
    term: 'Core group',
    meaning: 'The small group of people, you included, who work together on the plan to keep your child safe: the social worker and people such as a teacher or health visitor. It meets at least every few weeks.',
    forms: ['core group meeting', 'core groups', 'core group'],
  },
  {
    id: 'child-protection-plan',
    term: 'Child protection plan',
    meaning: 'The written list of what needs to happen to keep your child safe: what you will do, what each professional will do, and by when.',
    forms: ['child protection plan', 'the plan'],
  },
  {
    id: 'lead-social-worker',
    term: 'Lead social worker',
    meaning: 'Your child’s social worker. They are in charge of the plan and are the person to ask if anything is unclear.',
    forms: ['lead social worker'],
  },
  {
    id: 'minutes',
    term: 'Minutes',
    meaning: 'The written notes of what was said and agreed at a meeting. You get a copy.',
    forms: ['minutes', 'meeting notes'],
  },
  {
    id: 'joint-report',
    term: 'Joint report',
    meaning: 'A report that everyone in the core group writes together before the review conference, saying how the plan has gone. You can read it and add your views before it is final.',
    forms: ['joint report'],
  },
  {
    id: 'professionals',
    term: 'Professionals',
    meaning: 'The people who work with your family as part of their job, such as the social worker, a teacher, a health visitor or a doctor.',
    forms: ['professionals', 'professional'],
  },
  {
    id: 'chair',
    term: 'Chair',
    meaning: 'The person who runs the meeting and makes sure everyone has their say.',
    forms: ['chair', 'chairs'],
  },
]

/** A piece of text: plain, or the first use on the page of a glossary term. */
export type TextPiece = { text: string; termId?: string }

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

interface Form {
  termId: string
  re: RegExp
}

const FORMS: Form[] = GLOSSARY.flatMap((t) => [
  ...t.forms.map((f) => ({ termId: t.id, re: new RegExp(`\\b${escape(f)}\\b`, 'gi') })),
  ...(t.capitals ?? []).map((f) => ({ termId: t.id, re: new RegExp(`\\b${escape(f)}\\b`, 'g') })),
])

/** The term of the glossary with `id`, if any. */
export function glossaryTerm(id: string): GlossaryTerm | undefined {
  return GLOSSARY.find((t) => t.id === id)
}

/** Every use of a glossary term in `text`, in order, the longest form winning where forms overlap. */
export function findTerms(text: string): Array<{ termId: string; start: number; end: number }> {
  const hits: Array<{ termId: string; start: number; end: number }> = []
  for (const f of FORMS) {
    for (const m of text.matchAll(f.re)) hits.push({ termId: f.termId, start: m.index, end: m.index + m[0].length })
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: typeof hits = []
  for (const h of hits) if (kept.length === 0 || h.start >= kept[kept.length - 1]!.end) kept.push(h)
  return kept
}

/**
 * Splits `text` into pieces, marking the first use of each term not yet in `seen` (which it then
 * adds): the page passes one `seen` set through all its text, top to bottom, so each term is explained
 * once, where the reader first meets it.
 */
export function markFirstUses(text: string, seen: Pick<Set<string>, 'has' | 'add'>): TextPiece[] {
  const pieces: TextPiece[] = []
  let at = 0
  for (const hit of findTerms(text)) {
    if (seen.has(hit.termId)) continue
    seen.add(hit.termId)
    if (hit.start > at) pieces.push({ text: text.slice(at, hit.start) })
    pieces.push({ text: text.slice(hit.start, hit.end), termId: hit.termId })
    at = hit.end
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at) })
  return pieces
}
