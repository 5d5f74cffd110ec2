import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DATABASE_URL, dropSchemas, haveServices, testSchemaName } from '../../../test/support/services.ts'
import { openPostgres } from '../../store/postgres/database.ts'
import { openPostgresRows } from '../../store/postgres/postgres-rows.ts'
import { openSqlite } from '../../store/sqlite/database.ts'
import { openSqliteRows } from '../open.ts'
import type { Db } from '../schema.ts'
import { auditFacets, listAudit } from './audit.ts'

const cleanups: Array<() => Promise<void> | void> = []
afterAll(async () => {
  for (const c of cleanups) await c()
})

const row = (at: string, event: string, userId: string | null, caseId = 'case_a') => ({
  at,
  event,
  authority_id: 'auth_1',
  case_id: caseId,
  user_id: userId,
  doc: null,
  section: null,
  detail: null,
})

/** One suite over every database the rows live in: the filters are plain SQL comparisons. */
function describeAuditFilters(name: string, open: () => Promise<Db>) {
  describe(`listAudit filters (${name})`, () => {
    it('narrows by case, person, kinds and instants, in SQL, newest first', async () => {
      const db = await open()
      const rows = [
        row('2026-12-15T23:59:59.999Z', 'sign-in', 'u_sam'),
        row('2026-12-16T00:00:00.000Z', 'lock', 'u_sam'),
        row('2026-12-16T12:00:00.000Z', 'document-opened', 'u_tom'),
        row('2026-12-17T00:00:00.000Z', 'unlock', 'u_sam'),
        row('2026-12-16T12:00:00.000Z', 'lock', 'u_sam', 'case_b'),
        row('2026-12-16T13:00:00.000Z', 'log-entry-quarantined', null),
      ]
      await db.insertInto('audit_events').values(rows).execute()
      const seqs = async (f: Parameters<typeof listAudit>[1]) => (await listAudit(db, { caseId: 'case_a', ...f })).map((r) => r.event)
      expect(await seqs({})).toEqual(['log-entry-quarantined', 'unlock', 'document-opened', 'lock', 'sign-in'])
      expect(await seqs({ userId: 'u_tom' })).toEqual(['document-opened'])
      expect(await seqs({ events: ['lock', 'unlock'] })).toEqual(['unlock', 'lock'])
      expect(await seqs({ events: [] })).toHaveLength(5)
      expect(await seqs({ since: '2026-12-16T00:00:00.000Z', before: '2026-12-17T00:00:00.000Z' })).toEqual(['log-entry-quarantined', 'document-opened', 'lock'])
      expect(await seqs({ userId: 'u_sam', events: ['lock'], since: '2026-12-16T00:00:00.000Z' })).toEqual(['lock'])
      expect(await seqs({ limit: 2 })).toEqual(['log-entry-quarantined', 'unlock'])
      const facets = await auditFacets(db, 'case_a')
      expect(facets.userIds.sort()).toEqual(['u_sam', 'u_tom'])
      expect(facets.events.sort()).toEqual(['document-opened', 'lock', 'log-entry-quarantined', 'sign-in', 'unlock'])
    })
  })
}

describeAuditFilters('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'coregroup-audit-'))
  const db = await openSqliteRows(openSqlite(dir))
  cleanups.push(async () => {
    await db.destroy()
    rmSync(dir, { recursive: true, force: true })
  })
  return db
})

describe.skipIf(!haveServices('PostgreSQL audit filter tests', { DATABASE_URL }))('PostgreSQL (DATABASE_URL)', () => {
  const schemas = new Set<string>()
  cleanups.push(() => dropSchemas(schemas))
  describeAuditFilters('PostgreSQL', async () => {
    const schema = testSchemaName()
    schemas.add(schema)
    const db = await openPostgresRows(await openPostgres({ connectionString: DATABASE_URL!, schema }))
    cleanups.unshift(() => db.destroy())
    return db
  })
})
