/**
 * The notes of a meeting as one ordered list of blocks (issue 13): built by the server from a version
 * (or the live draft) and rendered both into DOCX and, read-only, in the browser. Every string is
 * ready to show (UK dates, names instead of ids).
 * @module
 */
import type { ExportCopy } from './versions.ts'

/** A ProseMirror node as JSON, in the shared editor schema. */
export interface PmJson {
  type: string
  attrs?: Record<string, unknown>
  content?: PmJson[]
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>
  text?: string
}

export interface PersonLine {
  name: string
  agency: string | null
  /** E.g. "written report received". */
  note?: string
}

/** One action of the plan, as the notes and the plan table show it. */
export interface ActionLine {
  need: string
  outcome: string
  action: string
  how: string
  owner: string
  due: string
  status: string
  progress: string
}

export interface MeetingLine {
  when: string
  where: string
  type: string
}

export type NotesBlock =
  | { kind: 'heading'; text: string; hint?: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'rich'; doc: PmJson }
  | { kind: 'people'; label: string; people: PersonLine[] }
  | { kind: 'questions'; questions: readonly string[] }
  | { kind: 'actions'; rows: ActionLine[] }
  | { kind: 'meetings'; rows: MeetingLine[] }
  | { kind: 'note'; text: string }
  /** Any other table (a joint report's chronology, positions on the recommendation). */
  | { kind: 'table'; headers: string[]; rows: string[][] }

/** The notes of one meeting, heading by heading (seed 004's notes format). */
export interface NotesView {
  title: string
  /** "Held at 10:00 on Wednesday 13 January 2027, Meadow Lane Primary School". */
  held: string
  familyName: string
  children: string[]
  copy: ExportCopy
  /** What this copy leaves out or holds, in words. */
  copyNote: string
  /** "Version 2, finalised on …" or "DRAFT". */
  status: string
  blocks: NotesBlock[]
}

/** GET /api/versions/:versionId: the version read-only. */
export interface VersionViewResponse {
  version: { id: string; number: number; createdAt: string; meetingId: string; caseId: string }
  notes: NotesView
}
