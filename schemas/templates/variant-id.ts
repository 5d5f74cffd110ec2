/**
 * The ids of the built-in agenda variants, on their own so that entities can name them without
 * importing the templates (which import the entities).
 * @module
 */
import * as z from 'zod'

/** The id of a built-in agenda variant (stored in the authority's settings and on each meeting). */
export const AgendaVariantId = z.enum(['seed-004', 'seed-001'], { error: 'Select an agenda' })
export type AgendaVariantId = z.infer<typeof AgendaVariantId>

/** The variant used when an authority has not chosen one. */
export const DEFAULT_AGENDA_VARIANT: AgendaVariantId = 'seed-004'
