import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { withStatementCache } from './open.ts'

describe('the statement cache under Kysely', () => {
  it('prepares each SQL text once, keeps the most recently used, and gives the same answers', () => {
    const sqlite = new Database(':memory:')
    sqlite.exec('CREATE TABLE t (n INTEGER)')
    const db = withStatementCache(sqlite, 2)
    const insert = db.prepare('INSERT INTO t (n) VALUES (?)')
    expect(db.prepare('INSERT INTO t (n) VALUES (?)')).toBe(insert)
    insert.run([1])
    insert.run([2])
    const count = db.prepare('SELECT count(*) AS c FROM t')
    expect(count.all([])).toEqual([{ c: 2 }])
    // A third text pushes out the least recently used (the insert); the count is still kept.
    db.prepare('SELECT n FROM t ORDER BY n')
    expect(db.prepare('SELECT count(*) AS c FROM t')).toBe(count)
    expect(db.prepare('INSERT INTO t (n) VALUES (?)')).not.toBe(insert)
    // A schema change under a kept statement: SQLite re-prepares it.
    sqlite.exec('ALTER TABLE t ADD COLUMN m INTEGER')
    expect(db.prepare('SELECT count(*) AS c FROM t').all([])).toEqual([{ c: 2 }])
    db.close()
  })
})
