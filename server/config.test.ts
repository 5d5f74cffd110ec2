import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

describe('loadConfig: PostgreSQL and Redis', () => {
  it('is single-process on SQLite when neither is set', () => {
    const config = loadConfig({})
    expect(config.databaseUrl).toBeUndefined()
    expect(config.redisUrl).toBeUndefined()
  })

  it('reads DATABASE_URL, COREGROUP_PG_SCHEMA and REDIS_URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', COREGROUP_PG_SCHEMA: 'coregroup_a1', REDIS_URL: 'redis://127.0.0.1:6379' })
    expect(config).toMatchObject({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/test', pgSchema: 'coregroup_a1', redisUrl: 'redis://127.0.0.1:6379' })
  })

  it('names a bad URL without repeating it (it may hold a password)', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://user:secret@db/x' })).toThrow(ConfigError)
    expect(() => loadConfig({ DATABASE_URL: 'mysql://user:secret@db/x' })).toThrow(/^DATABASE_URL must be a postgres:\/\/ URL$/)
    expect(() => loadConfig({ REDIS_URL: 'http://user:secret@cache' })).toThrow(/^REDIS_URL must be a redis:\/\/ URL$/)
  })

  it('refuses a schema name that is not a plain lower-case identifier', () => {
    expect(() => loadConfig({ COREGROUP_PG_SCHEMA: 'public; drop table x' })).toThrow(/^COREGROUP_PG_SCHEMA=/)
  })
})
