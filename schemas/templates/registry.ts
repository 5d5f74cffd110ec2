/**
 * The built-in agenda variants an authority can choose from, and the look-up the meeting page and the
 * server use to build a meeting's minutes document (one `item:<key>` section per item).
 * @module
 */
import type { MeetingType } from '../entities/meeting.ts'
import type { AgendaTemplate } from './agenda-item.ts'
import type { AgendaVariantId } from './variant-id.ts'
import { SEED_001_AGENDAS } from './seed-001-agendas.ts'
import { SEED_004_AGENDAS } from './seed-004-agendas.ts'

export { AgendaVariantId, DEFAULT_AGENDA_VARIANT } from './variant-id.ts'

/** One agenda variant: a template for each meeting type, and the seed it comes from. */
export interface AgendaVariant {
  id: AgendaVariantId
  name: string
  /** The seed file (shared/seeds/) the agendas come from. */
  sourceSeed: string
  templates: Readonly<Record<MeetingType, AgendaTemplate>>
}

/** The built-in variants, the default first. */
export const AGENDA_VARIANTS: readonly AgendaVariant[] = [
  {
    id: 'seed-004',
    name: 'Core group and joint report guidance: three agendas (first, subsequent, before the review)',
    sourceSeed: '004_c1576309cebff34c.txt',
    templates: SEED_004_AGENDAS,
  },
  {
    id: 'seed-001',
    name: 'Core group procedure: one short agenda for every meeting',
    sourceSeed: '001_811b7d828c87b978.txt',
    templates: SEED_001_AGENDAS,
  },
]

/** The agenda for a meeting type in a variant. Throws for an id that is not a built-in variant. */
export function agendaFor(variantId: AgendaVariantId, meetingType: MeetingType): AgendaTemplate {
  const variant = AGENDA_VARIANTS.find((v) => v.id === variantId)
  if (!variant) throw new Error(`Unknown agenda variant: ${String(variantId)}`)
  return variant.templates[meetingType]
}
