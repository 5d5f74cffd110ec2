/**
 * The headings of the notes of a core group meeting (seed 004, "Format for notes: core group"), in the
 * order the export writes them.
 *
 * The seed's text lost its items 4 to 8 in extraction (its numbering jumps from 3 to 9); those are
 * `reconstructed` here from the same seed's agendas: the meeting's own agenda items and the SMART
 * action plan that DESIGN §3 keeps in the `actions` section.
 * @module
 */

/** Where a heading's content comes from in the meeting's documents and rows. */
export type NotesSource = 'meeting' | 'note-taker' | 'attendance' | 'agenda-items' | 'item' | 'actions' | 'next-dates'

/** One heading of the notes. */
export interface NotesHeading {
  key: string
  heading: string
  /** What to write under it, in the seed's words where it gives any. */
  hint?: string
  source: NotesSource
  /** For `item` headings: the agenda item key it reads, when the meeting's agenda has that item. */
  itemKey?: string
  /** True where the seed's text was lost and the heading is rebuilt from its agendas. */
  reconstructed?: true
}

/** The notes format, heading by heading. */
export const NOTES_FORMAT: readonly NotesHeading[] = [
  { key: 'header', heading: 'Notes of core group meeting', hint: 'Held on (date, time, venue)', source: 'meeting' },
  { key: 'note-taker', heading: 'Note taker', hint: 'Name and agency', source: 'note-taker' },
  { key: 'attendance', heading: 'Introductions', hint: 'Who attended (name, agency)', source: 'attendance' },
  { key: 'apologies', heading: 'Apologies', hint: 'Who sent apologies, and whether they sent a written report', source: 'attendance' },
  {
    key: 'purpose',
    heading: 'Purpose of the meeting and explanation to family members about the role of the core group',
    source: 'item',
    itemKey: 'purpose-and-role',
  },
  {
    key: 'membership',
    heading: 'Confirmation of core group membership and recording of contact details',
    source: 'item',
    itemKey: 'membership-and-contacts',
  },
  { key: 'agenda-items', heading: 'Discussion', hint: 'Each remaining agenda item of the meeting, in order', source: 'agenda-items', reconstructed: true },
  { key: 'action-plan', heading: 'Protection plan: actions agreed', hint: 'Need, outcome, action, how, who, by when', source: 'actions', reconstructed: true },
  { key: 'voice-of-the-child', heading: 'Voice of the child', source: 'item', itemKey: 'childs-views' },
  {
    key: 'next-dates',
    heading: 'Dates, times and venues of core group meetings',
    hint: 'At the first core group: every meeting until the second review conference',
    source: 'next-dates',
  },
]
