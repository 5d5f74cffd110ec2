/**
 * The first administrator of an empty store: from COREGROUP_ADMIN_EMAIL and COREGROUP_ADMIN_PASSWORD
 * for automated deployments, otherwise a one-time link printed on the console. Ignored once any user
 * exists.
 * @module
 */
import { DEFAULT_TIMESCALE_SETTINGS } from '../schemas/timescales/index.ts'
import { DEFAULT_AGENDA_VARIANT } from '../schemas/templates/registry.ts'
import type { AuthService } from './auth/auth-service.ts'
import { hashPassword, MIN_PASSWORD_LENGTH } from './auth/passwords.ts'
import { countUsers, insertAuthority, insertUser } from './db/repos/users.ts'
import type { Db } from './db/schema.ts'
import { ConfigError } from './config.ts'

export type BootstrapResult = { kind: 'exists' } | { kind: 'created'; email: string } | { kind: 'invited'; token: string }

export async function bootstrapFirstAdmin(db: Db, auth: AuthService, env: NodeJS.ProcessEnv = process.env): Promise<BootstrapResult> {
  if ((await countUsers(db)) > 0) return { kind: 'exists' }
  const authority =
    (await db.selectFrom('authorities').select('id').executeTakeFirst()) ??
    (await insertAuthority(db, { name: 'Your local authority', nation: 'england', agendaVariant: DEFAULT_AGENDA_VARIANT, settings: DEFAULT_TIMESCALE_SETTINGS }))
  const email = env.COREGROUP_ADMIN_EMAIL?.trim()
  const password = env.COREGROUP_ADMIN_PASSWORD
  if (email && password) {
    if (password.length < MIN_PASSWORD_LENGTH) throw new ConfigError(`COREGROUP_ADMIN_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters`)
    const user = await insertUser(db, { authorityId: authority.id, name: 'Administrator', email, accountRole: 'administrator' }, await hashPassword(password))
    return { kind: 'created', email: user.email }
  }
  const { token } = await auth.invite({ authorityId: authority.id, email: 'admin@localhost.invalid', name: 'Administrator', accountRole: 'administrator' }, null)
  return { kind: 'invited', token }
}
