import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../../../db/store/migrate'
import { migrations } from '../../../db/store/migrations'
import { openDatabase } from '../../../db/store/store'
import { makeTempDir } from '../../support/platform'

let dir: ReturnType<typeof makeTempDir>
beforeEach(() => {
  dir = makeTempDir()
})
afterEach(() => dir.remove())

describe('migration 0005_connect', () => {
  it('adds initiatives and connections to a store of version 4, keeping its people and tags', async () => {
    const path = join(dir.path, 'v4.db')
    const key = 'ab'.repeat(32)
    const db = openDatabase(path, key) as unknown as Kysely<unknown>
    try {
      await migrate(db, migrations.slice(0, 4))
      await sql`INSERT INTO tag (id, kind, name, name_key, created_at)
        VALUES ('t1', 'passion', 'Wandelen', 'wandelen', '2026-01-01')`.execute(db)
      await sql`INSERT INTO person (id, first_name, name_key, availability, consent_status, status,
        created_at, updated_at) VALUES ('p1', 'Ans', 'ans', 0, 'not_asked', 'active', 'x', 'x')`.execute(
        db,
      )
      await sql`INSERT INTO person_tag (person_id, tag_id) VALUES ('p1', 't1')`.execute(db)
      expect(await migrate(db)).toEqual({ from: 4, to: migrations.length })
      const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM person_tag`.execute(db)
      expect(rows[0]?.n).toBe(1)
      // Matching reads people by tag from the new index, not by a scan of person_tag.
      const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN
        SELECT person_id FROM person_tag WHERE tag_id IN ('t1', 't2')`.execute(db)
      expect(plan.rows.map((row) => row.detail).join(' ')).toContain('person_tag_tag')
      await expect(
        sql`INSERT INTO connection (id, person_id, date, proposed_by, status, status_date,
          created_at, updated_at) VALUES ('c1', 'p1', '2026-01-01', 'ik', 'actief', '2026-01-01',
          'x', 'x')`.execute(db),
      ).rejects.toThrow(/CHECK/)
    } finally {
      await db.destroy()
    }
  })
})
