import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../../../db/store/migrate'
import { migrations } from '../../../db/store/migrations'
import { openDatabase } from '../../../db/store/store'
import { makeTempDir } from '../../support/platform'
import { ensurePerson, kept, recount } from '../../support/tallies'

let dir: ReturnType<typeof makeTempDir>
beforeEach(() => {
  dir = makeTempDir()
})
afterEach(() => dir.remove())

describe('migration 0007_report_tallies', () => {
  it('are filled from the ledger a store of version 6 already holds', async () => {
    const db = openDatabase(join(dir.path, 'v6.db'), 'ab'.repeat(32))
    try {
      await migrate(db as unknown as Kysely<unknown>, migrations.slice(0, 6))
      await sql`INSERT INTO wijk (id, name, name_key, created_at) VALUES ('w1', 'Noord', 'noord', 'x')`.execute(
        db,
      )
      await ensurePerson(db, 'p1')
      await ensurePerson(db, 'p2')
      await sql`UPDATE person SET deleted_at = 'x', wijk_id = NULL WHERE id = 'p2'`.execute(db)
      await sql`INSERT INTO contact_moment (id, person_id, date, channel, created_at) VALUES
        ('a', 'p1', '2026-02-03', 'straat', 'x'), ('b', 'p1', '2026-02-20', 'telefoon', 'x'),
        ('c', 'p1', '2025-11-01', 'straat', 'x'), ('d', 'p2', '2026-04-01', 'straat', 'x')`.execute(
        db,
      )
      expect(await migrate(db as unknown as Kysely<unknown>)).toEqual({
        from: 6,
        to: migrations.length,
      })
      // p2 is in the trash: reached-months are kept, moments are not tallied.
      expect(await kept(db)).toEqual({
        activity: ['p1 2025 1024 2025-11-01', 'p1 2026 2 2026-02-03', 'p2 2026 8 2026-04-01'],
        tally: ['w1 2025-11 straat 1', 'w1 2026-02 straat 1', 'w1 2026-02 telefoon 1'],
      })
      expect(await kept(db)).toEqual(await recount(db))
    } finally {
      await db.destroy()
    }
  })
})
