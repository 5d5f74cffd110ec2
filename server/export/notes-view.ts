/**
 * The notes of a meeting in seed 004's notes format, as blocks (`NotesView`), from a version's (or the
 * live draft's) documents on fresh `Y.Doc`s. The professional copy is built with the restricted notes;
 * the family copy is built without them — its caller never loads the restricted document at all.
 * @module
 */
import type * as Y from 'yjs'
import type { ActionLine, MeetingLine, NotesBlock, NotesView, PersonLine } from '../../schemas/api/version-view.ts'
import type { ExportCopy } from '../../schemas/api/versions.ts'
import { AttendanceRow, PlanActionRow } from '../../schemas/content/rows.ts'
import { CONTROL_SECTION } from '../../schemas/documents.ts'
import { isActiveMember, MEETING_TYPE_LABELS, type Member } from '../../schemas/entities/index.ts'
import { STATUS_WORDS } from '../../schemas/plan/words.ts'
import { agendaFor, DEFAULT_AGENDA_VARIANT, MEMBER_UPDATE_QUESTIONS, MinutesLayoutEntry, MINUTES_LAYOUT_KEY, NOTES_FORMAT, type AgendaItem } from '../../schemas/templates/index.ts'
import type { VersionContext } from '../versions/version-repo.ts'
import { childViewsBlocks } from './child-views.ts'
import { isEmptyRichText, richTextJson, rowsJson } from './section-json.ts'
import { formatLongDate } from '../../schemas/timescales/iso-date.ts'
import { ukLongDate } from './uk-dates.ts'

export interface NotesSources {
  context: VersionContext
  minutes: Y.Doc
  plan: Y.Doc
  /** The professionals-only notes; always null for the family copy. */
  restricted: Y.Doc | null
  copy: ExportCopy
  /** "Version 2, finalised on …" or "DRAFT …". */
  status: string
}

interface AgendaEntry extends AgendaItem {
  section: string
}

/** The agenda the minutes were created with (`control.layout`), with each item's kind from its template. */
function agendaOf(ctx: VersionContext, minutes: Y.Doc): AgendaEntry[] {
  const template = agendaFor(ctx.meeting.agendaVariant ?? DEFAULT_AGENDA_VARIANT, ctx.meeting.type).items
  const raw = minutes.share.has(CONTROL_SECTION) ? minutes.getMap(CONTROL_SECTION).toJSON()[MINUTES_LAYOUT_KEY] : undefined
  const layout = MinutesLayoutEntry.array().safeParse(raw)
  if (!layout.success) return template.map((i) => ({ ...i, section: `item:${i.key}` }))
  return layout.data.map((entry) => {
    const key = entry.section.replace(/^item:/, '')
    const known = template.find((i) => i.key === key)
    return { ...(known ?? { key, kind: 'notes' as const }), title: entry.title, prompt: entry.prompt, section: entry.section }
  })
}

const person = (m: Pick<Member, 'name' | 'agency'>, note?: string): PersonLine => ({ name: m.name, agency: m.agency ?? null, ...(note ? { note } : {}) })
const personText = (m: Pick<Member, 'name' | 'agency'>) => (m.agency ? `${m.name} (${m.agency})` : m.name)

function richBlocks(doc: Y.Doc, section: string): NotesBlock[] {
  const json = richTextJson(doc, section)
  return isEmptyRichText(json) ? [] : [{ kind: 'rich', doc: json }]
}

function attendanceBlocks(minutes: Y.Doc, members: readonly Member[]): NotesBlock[] {
  const rows = new Map<string, AttendanceRow>()
  for (const raw of rowsJson(minutes, 'attendance')) {
    const row = AttendanceRow.safeParse(raw)
    if (row.success) rows.set(row.data.memberId, row.data)
  }
  const byStatus = (status: AttendanceRow['status']) => members.filter((m) => rows.get(m.id)?.status === status)
  const blocks: NotesBlock[] = [
    { kind: 'people', label: 'Who attended', people: byStatus('present').map((m) => person(m)) },
    {
      kind: 'people',
      label: 'Apologies',
      people: byStatus('apologies').map((m) => person(m, rows.get(m.id)?.reportReceived ? 'written report received' : 'no written report received')),
    },
  ]
  const absent = byStatus('absent')
  if (absent.length > 0) blocks.push({ kind: 'people', label: 'Absent', people: absent.map((m) => person(m, rows.get(m.id)?.reportReceived ? 'written report received' : undefined)) })
  const unrecorded = members.filter((m) => !rows.has(m.id))
  if (unrecorded.length > 0) blocks.push({ kind: 'people', label: 'Attendance not recorded', people: unrecorded.map((m) => person(m)) })
  return blocks
}

/** The plan's rows as the notes show them (names for owners, UK dates, status in words). */
export function actionLines(plan: Y.Doc, members: readonly Member[]): ActionLine[] {
  const names = new Map(members.map((m) => [m.id, personText(m)]))
  return rowsJson(plan, 'actions').flatMap((raw) => {
    const row = PlanActionRow.safeParse(raw)
    if (!row.success) return []
    const r = row.data
    return [
      {
        need: r.need,
        outcome: r.outcome,
        action: r.action,
        how: r.how ?? '',
        owner: r.owner ? (names.get(r.owner) ?? 'A former member') : 'Nobody yet',
        // Without the weekday: table cells are narrow.
        due: r.due ? formatLongDate(r.due) : 'No date yet',
        status: STATUS_WORDS[r.status],
        progress: r.progress ?? '',
      },
    ]
  })
}

function nextMeetings(ctx: VersionContext): MeetingLine[] {
  return ctx.meetings
    .filter((m) => m.id !== ctx.meeting.id && m.date > ctx.meeting.date)
    .map((m) => ({ when: `${ukLongDate(m.date)} at ${m.time}`, where: m.venue ?? m.onlineLink ?? '', type: MEETING_TYPE_LABELS[m.type] }))
}

/** "Held at 10:00 on Wednesday 13 January 2027, Meadow Lane Primary School". */
export function heldLine(ctx: VersionContext): string {
  const m = ctx.meeting
  const where = [m.venue, m.onlineLink].filter(Boolean).join(', online at ')
  return `Held at ${m.time} on ${ukLongDate(m.heldDate ?? m.date)}${where ? `, ${where}` : ''}`
}

/** The notes, heading by heading. */
export function buildNotesView(src: NotesSources): NotesView {
  const { context: ctx, minutes } = src
  const members = ctx.members.filter((m) => isActiveMember(m, ctx.meeting.date))
  const agenda = agendaOf(ctx, minutes)
  const byKey = new Map(agenda.map((i) => [i.key, i]))
  const used = new Set<string>()
  const blocks: NotesBlock[] = []
  const orNothing = (list: NotesBlock[]): NotesBlock[] => (list.length > 0 ? list : [{ kind: 'note', text: 'Nothing recorded.' }])
  const itemText = (i: AgendaEntry | undefined) => (i ? richBlocks(minutes, i.section) : [])
  // A child's own update (their views form, issue 14) goes under the voice of the child, where the
  // agenda has that item; otherwise it stays among the members' updates.
  const voice = NOTES_FORMAT.find((h) => h.key === 'voice-of-the-child')
  const voiceHere = voice?.itemKey !== undefined && byKey.has(voice.itemKey)
  const children = members.filter((m) => m.role === 'child')
  const updaters = voiceHere ? members.filter((m) => m.role !== 'child') : members

  for (const heading of NOTES_FORMAT) {
    switch (heading.source) {
      case 'meeting':
        break
      case 'note-taker': {
        const taker = members.find((m) => m.id === ctx.meeting.noteTakerMemberId)
        const chair = members.find((m) => m.id === ctx.meeting.chairMemberId)
        const item = byKey.get('note-taker')
        if (item) used.add(item.key)
        blocks.push({ kind: 'heading', text: heading.heading })
        blocks.push({ kind: 'people', label: 'Note taker', people: taker ? [person(taker)] : [] })
        blocks.push({ kind: 'people', label: 'Chair', people: chair ? [person(chair)] : [] })
        blocks.push(...itemText(item))
        break
      }
      case 'attendance': {
        if (heading.key !== 'attendance') break
        const item = agenda.find((i) => i.kind === 'attendance')
        if (item) used.add(item.key)
        blocks.push({ kind: 'heading', text: 'Introductions and apologies' })
        blocks.push(...attendanceBlocks(minutes, members), ...itemText(item))
        break
      }
      case 'item': {
        const item = heading.itemKey ? byKey.get(heading.itemKey) : undefined
        if (!item) break
        used.add(item.key)
        const own = heading.key === 'voice-of-the-child' ? childViewsBlocks(minutes, children) : []
        blocks.push({ kind: 'heading', text: heading.heading }, ...orNothing([...itemText(item), ...own]))
        break
      }
      case 'agenda-items': {
        // Items the format gives a heading of their own further down (voice of the child) wait for it.
        const later = new Set(NOTES_FORMAT.flatMap((h) => (h.source === 'item' && h.itemKey ? [h.itemKey] : [])))
        for (const item of agenda) {
          if (used.has(item.key) || later.has(item.key) || item.kind === 'next-dates') continue
          used.add(item.key)
          blocks.push({ kind: 'heading', text: item.title }, ...orNothing(itemText(item)))
          if (item.kind === 'member-updates') blocks.push(...updateBlocks(minutes, updaters))
        }
        break
      }
      case 'actions':
        blocks.push({ kind: 'heading', text: heading.heading, hint: heading.hint }, { kind: 'actions', rows: actionLines(src.plan, ctx.members) })
        break
      case 'next-dates': {
        const item = agenda.find((i) => i.kind === 'next-dates')
        blocks.push({ kind: 'heading', text: heading.heading }, ...itemText(item), { kind: 'meetings', rows: nextMeetings(ctx) })
        break
      }
    }
  }
  if (src.copy === 'professional' && src.restricted) {
    blocks.push({ kind: 'heading', text: 'Professionals-only notes (not shared with the family)' }, ...orNothing(richBlocks(src.restricted, 'notes')))
  }
  return {
    title: 'Notes of core group meeting',
    held: heldLine(ctx),
    familyName: ctx.case.familyName,
    children: ctx.case.children.map((c) => c.name),
    copy: src.copy,
    copyNote: src.copy === 'family' ? 'Family copy: professionals-only notes are not part of this copy.' : 'Professional copy: includes the professionals-only notes; do not share with the family.',
    status: src.status,
    blocks,
  }
}

/** Each member's update, with the three questions it answers. */
function updateBlocks(minutes: Y.Doc, members: readonly Member[]): NotesBlock[] {
  const blocks: NotesBlock[] = [{ kind: 'questions', questions: MEMBER_UPDATE_QUESTIONS }]
  for (const m of members) {
    blocks.push({ kind: 'subheading', text: `Update from ${personText(m)}` })
    const text = richBlocks(minutes, `update:${m.id}`)
    blocks.push(...(text.length > 0 ? text : [{ kind: 'note' as const, text: 'No update recorded.' }]))
  }
  return blocks
}
