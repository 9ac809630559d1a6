import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { useStoreBefore } from '../../support/migrations'

const files = useStoreBefore('0008_follow_up_import')

describe('migration 0008_follow_up_import', () => {
  it('marks the follow-ups each earlier import made with that import, and no others', async () => {
    const v7 = await files.before()
    const stamp = '2026-01-01T00:00:00.000Z'
    await sql`INSERT INTO person (id, first_name, name_key, status, created_at, updated_at)
              VALUES ('p1', 'Ans', 'ans', 'active', ${stamp}, ${stamp}),
                     ('p2', 'Jan', 'jan', 'active', ${stamp}, ${stamp})`.execute(v7)
    await sql`INSERT INTO import_batch (id, file_name, created_at, report)
              VALUES ('i1', 'lijst.xlsx', ${stamp}, '{}'),
                     ('i2', 'tweede.csv', ${stamp}, '{}')`.execute(v7)
    await sql`INSERT INTO follow_up (id, person_id, due_on, source, created_at)
              VALUES ('f1', 'p1', '2024-02-15', 'manual', ${stamp}),
                     ('f2', 'p1', '2024-03-01', 'available_from', ${stamp}),
                     ('f3', 'p2', '2024-04-01', 'manual', ${stamp}),
                     ('f4', 'p2', '2026-05-01', 'pick', ${stamp})`.execute(v7)
    await sql`INSERT INTO import_person (import_id, person_id, action, created)
              VALUES ('i1', 'p1', 'added', '{"moments":[],"followUps":["f1","f2"]}'),
                     ('i2', 'p2', 'merged', '{"moments":["m9"],"followUps":["f3"]}')`.execute(v7)
    await v7.destroy()

    const store = await files.open()
    const { rows } = await sql<{ id: string; import_id: string | null }>`
      SELECT id, import_id FROM follow_up ORDER BY id`.execute(store.db)
    expect(rows).toEqual([
      { id: 'f1', import_id: 'i1' },
      { id: 'f2', import_id: 'i1' },
      { id: 'f3', import_id: 'i2' },
      // She made this one herself.
      { id: 'f4', import_id: null },
    ])
  })
})
