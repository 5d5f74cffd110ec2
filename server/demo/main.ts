/**
 * `npm run demo`: starts coregroup on a fresh temporary store seeded with a fictional authority, case,
 * core group and first meeting, and prints each demo user's email and password. Demo data never
 * enters a real store: the folder is new every time, PostgreSQL and Redis settings are ignored, and
 * the folder is removed when the server stops.
 * @module
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_TIMESCALE_SETTINGS } from '../../schemas/timescales/index.ts'
import { openSqliteRows } from '../db/open.ts'
import { insertAuthority } from '../db/repos/users.ts'
import { openSqlite } from '../store/sqlite/database.ts'
import { SqliteDocumentStore } from '../store/sqlite/sqlite-document-store.ts'
import { DEMO_PEOPLE, seedCoreGroup, type DemoPerson } from './seed.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'coregroup-demo-'))
process.env.COREGROUP_DATA = dataDir
delete process.env.DATABASE_URL
delete process.env.REDIS_URL
delete process.env.COREGROUP_ADMIN_EMAIL
delete process.env.COREGROUP_ADMIN_PASSWORD
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }))

const sqlite = openSqlite(dataDir)
const db = await openSqliteRows(sqlite)
const store = new SqliteDocumentStore(sqlite)
const authority = await insertAuthority(db, { name: 'Demoshire County Council (fictional)', nation: 'england', agendaVariant: 'seed-004', settings: DEFAULT_TIMESCALE_SETTINGS })
const passwords = Object.fromEntries((Object.keys(DEMO_PEOPLE) as DemoPerson[]).map((p) => [p, `demo-${randomBytes(6).toString('base64url')}`])) as Record<DemoPerson, string>
const seeded = await seedCoreGroup(db, authority.id, { password: (p) => passwords[p], store })
await store.close()
await db.destroy()

console.log('coregroup demo: a fictional core group on a temporary store (deleted when you stop the server).')
console.log('Sign in as any of these people, each in its own browser or private window:')
for (const key of Object.keys(DEMO_PEOPLE) as DemoPerson[]) {
  const p = seeded.people[key]
  console.log(`  ${DEMO_PEOPLE[key].name.padEnd(12)} ${p.member.role.padEnd(19)} ${p.user.email.padEnd(36)} ${passwords[key]}`)
}
console.log(`The first core group of the Brook family is at /meetings/${seeded.meeting.id}`)

await import('../main.ts')
