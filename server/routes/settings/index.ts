/**
 * `/api/settings`: the authority's agenda variant and timescale settings with the built-in variants to
 * choose from (GET, any signed-in user), and changing them (PATCH, administrators only).
 * @module
 */
import { Hono } from 'hono'
import { SettingsResponse } from '../../../schemas/api/settings.ts'
import { applySettingsUpdate, Authority, UpdateAuthorityInput } from '../../../schemas/entities/index.ts'
import { AGENDA_VARIANTS } from '../../../schemas/templates/index.ts'
import { TIMESCALE_VARIANTS } from '../../../schemas/timescales/index.ts'
import { requireAuth, type AppEnv } from '../../auth/middleware.ts'
import { getAuthority, saveAuthority } from '../../db/repos/users.ts'
import { forbidden, notFound } from '../../errors.ts'
import type { ApiServices } from '../index.ts'
import { parseMerged, readJson } from '../validate.ts'

function settingsBody(authority: Authority): SettingsResponse {
  return SettingsResponse.parse({
    authority,
    settings: authority.settings,
    timescaleVariants: TIMESCALE_VARIANTS.map((v) => ({ id: v.id, name: v.name, sources: [...v.sources], overrides: v.overrides })),
    agendaVariants: AGENDA_VARIANTS.map(({ id, name, sourceSeed }) => ({ id, name, sourceSeed })),
  })
}

export function settingsRoutes(services: ApiServices) {
  const { db } = services
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { user } = requireAuth(c)
      const authority = await getAuthority(db, user.authorityId)
      if (!authority) throw notFound('Authority')
      return c.json(settingsBody(authority))
    })
    .patch('/', async (c) => {
      const { user } = requireAuth(c)
      if (user.accountRole !== 'administrator') throw forbidden('Only an administrator can change the authority’s settings')
      const authority = await getAuthority(db, user.authorityId)
      if (!authority) throw notFound('Authority')
      const change = await readJson(c, UpdateAuthorityInput)
      const nation = change.nation ?? authority.nation
      const next = parseMerged(Authority, {
        ...authority,
        ...change,
        settings: applySettingsUpdate(authority.settings, change.settings ?? {}, nation),
      })
      return c.json(settingsBody(await saveAuthority(db, next)))
    })
}
