/**
 * A local authority: its nation (which decides its bank holidays), its chosen agenda variant and its
 * timescale settings.
 * @module
 */
import * as z from 'zod'
import { AgendaVariantId, DEFAULT_AGENDA_VARIANT } from '../templates/registry.ts'
import { TimescaleSettings, TimescaleSettingsUpdate } from '../timescales/settings.ts'
import { Id, MAX_NAME_LENGTH, requiredText, Timestamp } from './fields.ts'

/**
 * Northern Ireland is out of scope, and said so: its child protection procedures are the Safeguarding
 * Board for Northern Ireland's, not the English and Welsh ones the seeds give (agendas, timescales and
 * roles all differ), and its bank holidays add St Patrick's Day and the Battle of the Boyne.
 */
export const NORTHERN_IRELAND_REFUSED =
  'coregroup does not support Northern Ireland: it follows the child protection procedures of England, Wales and Scotland, and Northern Ireland’s (from the Safeguarding Board for Northern Ireland) have their own meetings, timescales and bank holidays. Select England, Wales or Scotland'

/** The nation an authority is in. Wales uses England's bank holidays; Scotland has its own. */
export const Nation = z.enum(['england', 'wales', 'scotland'], {
  error: (issue) => (typeof issue.input === 'string' && /^northern[- ]?ireland$/i.test(issue.input) ? NORTHERN_IRELAND_REFUSED : 'Select England, Wales or Scotland'),
})
export type Nation = z.infer<typeof Nation>

/** Words for each nation. */
export const NATION_LABELS: Record<Nation, string> = { england: 'England', wales: 'Wales', scotland: 'Scotland' }

/** The bank holiday list of a nation. */
export function bankHolidaysOfNation(nation: Nation): TimescaleSettings['bankHolidays'] {
  return nation === 'scotland' ? 'scotland' : 'england-and-wales'
}

const BANK_HOLIDAYS_MISMATCH = 'Bank holidays must be those of the authority’s nation'

/** An authority as stored. Its settings' bank holidays always match its nation. */
export const Authority = z
  .strictObject({
    id: Id,
    name: requiredText('Name of the authority', MAX_NAME_LENGTH),
    nation: Nation,
    agendaVariant: AgendaVariantId,
    settings: TimescaleSettings,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .superRefine((a, ctx) => {
    if (a.settings.bankHolidays !== bankHolidaysOfNation(a.nation)) {
      ctx.addIssue({ code: 'custom', path: ['settings', 'bankHolidays'], message: BANK_HOLIDAYS_MISMATCH })
    }
  })
export type Authority = z.infer<typeof Authority>

/**
 * What a request to create an authority carries. Settings left out take their defaults, and the bank
 * holidays follow the nation.
 */
export const CreateAuthorityInput = z
  .strictObject({
    name: requiredText('Name of the authority', MAX_NAME_LENGTH),
    nation: Nation,
    agendaVariant: AgendaVariantId.default(DEFAULT_AGENDA_VARIANT),
    settings: TimescaleSettingsUpdate.default({}),
  })
  .superRefine((a, ctx) => {
    if (a.settings.bankHolidays && a.settings.bankHolidays !== bankHolidaysOfNation(a.nation)) {
      ctx.addIssue({ code: 'custom', path: ['settings', 'bankHolidays'], message: BANK_HOLIDAYS_MISMATCH })
    }
  })
  .transform((a) => ({
    ...a,
    settings: TimescaleSettings.parse({ ...a.settings, bankHolidays: bankHolidaysOfNation(a.nation) }),
  }))
export type CreateAuthorityInput = z.infer<typeof CreateAuthorityInput>

/**
 * What a request to change an authority carries: any subset; `settings` changes only the settings it
 * names (merge with `applySettingsUpdate`). The server validates the merged row with `Authority`.
 */
export const UpdateAuthorityInput = z.strictObject({
  name: requiredText('Name of the authority', MAX_NAME_LENGTH).optional(),
  nation: Nation.optional(),
  agendaVariant: AgendaVariantId.optional(),
  settings: TimescaleSettingsUpdate.optional(),
})
export type UpdateAuthorityInput = z.infer<typeof UpdateAuthorityInput>

/**
 * The authority's settings after a change: named fields replaced, the rest kept, bank holidays
 * following the (possibly new) nation.
 */
export function applySettingsUpdate(
  current: TimescaleSettings,
  update: z.infer<typeof TimescaleSettingsUpdate>,
  nation: Nation,
): TimescaleSettings {
  return TimescaleSettings.parse({ ...current, ...update, bankHolidays: bankHolidaysOfNation(nation) })
}
