/**
 * The document layout: which Yjs documents exist and which sections (root types) they hold.
 *
 * A document is the unit of reading permission; a section is the unit of writing permission and of
 * locking (DESIGN §3). Names are plain strings so that they can travel in URLs and in Yjs root names.
 * @module
 */
import { MAX_DOCUMENT_NAME_LENGTH } from './limits.ts'

/** Ids of rows (cases, meetings, members, reports): URL-safe, 1–64 characters. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

export type DocumentRef =
  | { kind: 'meeting'; meetingId: string }
  | { kind: 'restricted'; meetingId: string }
  | { kind: 'report'; reportId: string }
  /** The family's copy of the shared draft joint report and the family's own views (issue 12 §7). */
  | { kind: 'report-family'; reportId: string }
  | { kind: 'demo'; demoId: string }
  /** The child protection plan of a case: one per case, living across meetings (issue 11). */
  | { kind: 'plan'; caseId: string }

/** The prefix of the plan document's name, `plan:<caseId>` (re-exported by schemas/plan/plan-rules.ts). */
export const PLAN_DOCUMENT_PREFIX = 'plan:'

const DOCUMENT_PATTERN = /^(meeting|report|demo|plan):([A-Za-z0-9_-]{1,64})(:restricted|:family)?$/

/**
 * Parses a document name (`meeting:<id>`, `meeting:<id>:restricted`, `report:<id>`, `demo:<id>`,
 * `plan:<caseId>`).
 */
export function parseDocumentName(name: string): DocumentRef | null {
  if (name.length > MAX_DOCUMENT_NAME_LENGTH) return null
  const m = DOCUMENT_PATTERN.exec(name)
  if (!m) return null
  const [, kind, id, suffix] = m as unknown as [string, string, string, string | undefined]
  if (suffix === ':restricted') return kind === 'meeting' ? { kind: 'restricted', meetingId: id } : null
  if (suffix === ':family') return kind === 'report' ? { kind: 'report-family', reportId: id } : null
  if (kind === 'meeting') return { kind: 'meeting', meetingId: id }
  if (kind === 'report') return { kind: 'report', reportId: id }
  if (kind === 'plan') return { kind: 'plan', caseId: id }
  return { kind: 'demo', demoId: id }
}

export function documentName(ref: DocumentRef): string {
  switch (ref.kind) {
    case 'meeting':
      return `meeting:${ref.meetingId}`
    case 'restricted':
      return `meeting:${ref.meetingId}:restricted`
    case 'report':
      return `report:${ref.reportId}`
    case 'report-family':
      return `report:${ref.reportId}:family`
    case 'demo':
      return `demo:${ref.demoId}`
    case 'plan':
      return `${PLAN_DOCUMENT_PREFIX}${ref.caseId}`
  }
}

export type SectionRef =
  | { kind: 'item'; key: string }
  | { kind: 'update'; memberId: string }
  | { kind: 'actions' }
  | { kind: 'attendance' }
  | { kind: 'notes' }
  | { kind: 'contrib'; memberId: string; field: string }
  | { kind: 'joint'; field: string }
  /** Joint report: one member's agree or disagree with the recommendation (rows, that member only). */
  | { kind: 'position'; memberId: string }
  /** Joint report and the family's copy: one member's comments on the draft (rows, that member only). */
  | { kind: 'comments'; memberId: string }
  /** Joint report and the family's copy: the comments the lead social worker has resolved (rows). */
  | { kind: 'resolutions' }
  /** The family's copy: the shared draft of one joint field, written by the server only. */
  | { kind: 'draft'; field: string }
  /** The family's copy: one family member's own views on the draft (rich text, that member only). */
  | { kind: 'views'; memberId: string }
  | { kind: 'control' }

const KEY = '[a-z0-9][a-z0-9-]{0,63}'
const SECTION_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => SectionRef]> = [
  [new RegExp(`^item:(${KEY})$`), (m) => ({ kind: 'item', key: m[1]! })],
  [/^update:([A-Za-z0-9_-]{1,64})$/, (m) => ({ kind: 'update', memberId: m[1]! })],
  [new RegExp(`^contrib:([A-Za-z0-9_-]{1,64}):(${KEY})$`), (m) => ({ kind: 'contrib', memberId: m[1]!, field: m[2]! })],
  [new RegExp(`^joint:(${KEY})$`), (m) => ({ kind: 'joint', field: m[1]! })],
  [/^position:([A-Za-z0-9_-]{1,64})$/, (m) => ({ kind: 'position', memberId: m[1]! })],
  [/^comments:([A-Za-z0-9_-]{1,64})$/, (m) => ({ kind: 'comments', memberId: m[1]! })],
  [/^resolutions$/, () => ({ kind: 'resolutions' })],
  [new RegExp(`^draft:(${KEY})$`), (m) => ({ kind: 'draft', field: m[1]! })],
  [/^views:([A-Za-z0-9_-]{1,64})$/, (m) => ({ kind: 'views', memberId: m[1]! })],
  [/^actions$/, () => ({ kind: 'actions' })],
  [/^attendance$/, () => ({ kind: 'attendance' })],
  [/^notes$/, () => ({ kind: 'notes' })],
  [/^control$/, () => ({ kind: 'control' })],
]

/** Parses a section (root type) name; null for names that are not part of the layout. */
export function parseSectionName(name: string): SectionRef | null {
  for (const [pattern, build] of SECTION_PATTERNS) {
    const m = pattern.exec(name)
    if (m) return build(m)
  }
  return null
}

/** The contribution field held as rows (`ChronologyRow`) rather than rich text. */
export const CHRONOLOGY_FIELD = 'chronology'

/** What a section holds: rich text (a `Y.XmlFragment`), rows (a `Y.Array` of `Y.Map`) or the server's `control` map. */
export type SectionContent = 'rich-text' | 'rows' | 'control'

export function sectionContent(section: SectionRef): SectionContent {
  switch (section.kind) {
    case 'actions':
    case 'attendance':
    case 'position':
    case 'comments':
    case 'resolutions':
      return 'rows'
    case 'contrib':
      // A contribution's chronology is dated entries (date, event, outcome), not free text (issue 12 §1).
      return section.field === CHRONOLOGY_FIELD ? 'rows' : 'rich-text'
    case 'control':
      return 'control'
    default:
      return 'rich-text'
  }
}

/** The root type that only the server writes: locks, finalised version, section owners. */
export const CONTROL_SECTION = 'control'

/** The rich-text sections of the fixed demo layout (foundation issue; meetings replace it). */
export const DEMO_SECTIONS = [
  { name: 'item:purpose', title: 'Purpose of the meeting' },
  { name: 'item:updates', title: 'Updates from core group members' },
  { name: 'item:next-steps', title: 'Next steps and dates' },
] as const
