/**
 * `/api/settings`: the authority's agenda variant and timescale settings, and the built-in variants an
 * administrator can choose from.
 * @module
 */
import * as z from 'zod'
import { Authority } from '../entities/authority.ts'
import { Duration, TimescaleSettings } from '../timescales/settings.ts'
import { AgendaVariantId } from '../templates/registry.ts'

/** GET and PATCH /api/settings. */
export const SettingsResponse = z.strictObject({
  authority: Authority,
  settings: TimescaleSettings,
  timescaleVariants: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      sources: z.array(z.string()),
      overrides: z.record(z.string(), Duration),
    }),
  ),
  agendaVariants: z.array(z.strictObject({ id: AgendaVariantId, name: z.string(), sourceSeed: z.string() })),
})
export type SettingsResponse = z.infer<typeof SettingsResponse>
