/**
 * Configuration from the environment (README "Configuration"). A bad value stops the server with one
 * line naming the variable, never a stack trace.
 * @module
 */
import { resolve } from 'node:path'
import { z } from 'zod'

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
})

export interface Config {
  port: number
  host: string
  dataDir: string
}

export class ConfigError extends Error {}

/** Reads and checks the configuration; throws `ConfigError` with a one-line message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked = { PORT: env.PORT || undefined, HOST: env.HOST || undefined, COREGROUP_DATA: env.COREGROUP_DATA || undefined }
  const parsed = EnvSchema.safeParse(picked)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const name = String(issue.path[0])
    throw new ConfigError(`${name}=${JSON.stringify(picked[name as keyof typeof picked])} ${issue.message}`)
  }
  const { PORT, HOST, COREGROUP_DATA } = parsed.data
  return { port: PORT, host: HOST, dataDir: resolve(COREGROUP_DATA) }
}
