/**
 * Configuration from the environment (README "Configuration"). A bad value stops the server with one
 * line naming the variable, never a stack trace.
 * @module
 */
import { resolve } from 'node:path'
import * as z from 'zod'

const EnvSchema = z.object({
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a whole number from 0 to 65535')
    .transform(Number)
    .refine((n) => n <= 65535, 'must be a whole number from 0 to 65535')
    .default(8080),
  HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or IP address')
    .default('127.0.0.1'),
  COREGROUP_DATA: z.string().min(1, 'must not be empty').default('./data'),
  COREGROUP_SQLITE_SYNC: z.enum(['full', 'normal'], { error: 'must be full or normal' }).default('full'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL')
    .optional(),
  COREGROUP_PG_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case schema name (letters, digits, _)')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// URL')
    .optional(),
})

/** Variables whose values may hold passwords: never repeated in an error message. */
const SECRET = new Set(['DATABASE_URL', 'REDIS_URL'])

export interface Config {
  port: number
  host: string
  dataDir: string
  /**
   * SQLite commits: `full` fsyncs every commit before it is acknowledged (survives a power cut);
   * `normal` (WAL) survives a crash or kill of the server but may lose the last commits on a power cut.
   */
  sqliteSync: 'full' | 'normal'
  /** PostgreSQL (production, several processes) instead of the embedded SQLite file. */
  databaseUrl?: string
  /** Schema for coregroup's PostgreSQL tables (default: the connection's search_path). */
  pgSchema?: string
  /** Redis for scale-out: updates and presence reach the other server processes. */
  redisUrl?: string
}

export class ConfigError extends Error {}

/** Reads and checks the configuration; throws `ConfigError` with a one-line message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked = {
    PORT: env.PORT || undefined,
    HOST: env.HOST || undefined,
    COREGROUP_DATA: env.COREGROUP_DATA || undefined,
    COREGROUP_SQLITE_SYNC: env.COREGROUP_SQLITE_SYNC || undefined,
    DATABASE_URL: env.DATABASE_URL || undefined,
    COREGROUP_PG_SCHEMA: env.COREGROUP_PG_SCHEMA || undefined,
    REDIS_URL: env.REDIS_URL || undefined,
  }
  const parsed = EnvSchema.safeParse(picked)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const name = String(issue.path[0])
    const shown = SECRET.has(name) ? name : `${name}=${JSON.stringify(picked[name as keyof typeof picked])}`
    throw new ConfigError(`${shown} ${issue.message}`)
  }
  const { PORT, HOST, COREGROUP_DATA, COREGROUP_SQLITE_SYNC, DATABASE_URL, COREGROUP_PG_SCHEMA, REDIS_URL } = parsed.data
  return {
    port: PORT,
    host: HOST,
    dataDir: resolve(COREGROUP_DATA),
    sqliteSync: COREGROUP_SQLITE_SYNC,
    databaseUrl: DATABASE_URL,
    pgSchema: COREGROUP_PG_SCHEMA,
    redisUrl: REDIS_URL,
  }
}
