/**
 * The shape of an agenda: items with a stable key (the minutes' Yjs section is `item:<key>`), a title
 * and a one-line prompt for the note taker.
 * @module
 */
import * as z from 'zod'
import { MeetingType } from '../entities/meeting.ts'

/** An agenda item key: lowercase kebab, the same pattern as section names use (documents.ts). */
export const AGENDA_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/

/**
 * What an item hosts on the meeting page beyond its own notes: the attendance register, each member's
 * update (`update:<memberId>` sections and the action plan), agencies' joint report contributions, or
 * the next dates. `notes` items are plain discussion.
 */
export const AgendaItemKind = z.enum(['notes', 'attendance', 'member-updates', 'contributions', 'next-dates'])
export type AgendaItemKind = z.infer<typeof AgendaItemKind>

/** The three questions every member's update answers, written or spoken (seed 000). */
export const MEMBER_UPDATE_QUESTIONS = [
  'What has changed for the child and their parents or carers, and what does it tell you?',
  'What is working well and what is not, including the actions given to you?',
  'What are your worries now, and what could be done about them?',
] as const

/** One agenda item. */
export const AgendaItem = z.strictObject({
  key: z.string().regex(AGENDA_KEY_PATTERN),
  title: z.string().min(1).max(120),
  prompt: z.string().min(1).max(300),
  kind: AgendaItemKind,
  /** Questions each member answers under this item (members' updates and written reports). */
  questions: z.array(z.string().min(1)).readonly().optional(),
})
export type AgendaItem = z.infer<typeof AgendaItem>

/** The agenda of one type of meeting in one variant. */
export const AgendaTemplate = z.strictObject({
  meetingType: MeetingType,
  /** The agenda's heading, e.g. "Agenda for the first core group". */
  title: z.string().min(1),
  items: z.array(AgendaItem).min(1).readonly(),
})
export type AgendaTemplate = z.infer<typeof AgendaTemplate>

/** Shorthand for writing items as data. */
export function item(
  key: string,
  title: string,
  prompt: string,
  kind: AgendaItemKind = 'notes',
  questions?: readonly string[],
): AgendaItem {
  return questions ? { key, title, prompt, kind, questions } : { key, title, prompt, kind }
}

/** The name of the minutes section that holds an agenda item's notes. */
export function agendaSectionName(key: string): string {
  return `item:${key}`
}
