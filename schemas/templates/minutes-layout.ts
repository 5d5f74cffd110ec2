/**
 * The agenda a meeting's minutes document was created with: written once by the server into the
 * document's `control` map under `layout`, so the meeting page renders the sections the document
 * really has even if the authority later changes its agenda variant.
 * @module
 */
import * as z from 'zod'
import { agendaSectionName, type AgendaTemplate } from './agenda-item.ts'

/** The key of the `control` map that holds the minutes' agenda layout. */
export const MINUTES_LAYOUT_KEY = 'layout'

/** One agenda item of the minutes: its section name (`item:<key>`), title and prompt. */
export const MinutesLayoutEntry = z.strictObject({
  section: z.string(),
  title: z.string(),
  prompt: z.string(),
})
export type MinutesLayoutEntry = z.infer<typeof MinutesLayoutEntry>

/** The layout of the minutes of a meeting with this agenda, item by item in agenda order. */
export function minutesLayout(template: AgendaTemplate): MinutesLayoutEntry[] {
  return template.items.map((i) => ({ section: agendaSectionName(i.key), title: i.title, prompt: i.prompt }))
}
