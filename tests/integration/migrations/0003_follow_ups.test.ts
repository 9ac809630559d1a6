import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { useStoreBefore } from '../../support/migrations'

const files = useStoreBefore('0003_follow_ups')

describe('migration 0003_follow_ups', () => {
  it('turns quick picks and "beschikbaar vanaf" into follow-ups and drops the picks table', async () => {
    const v2 = await files.before()
    const stamp = '2026-01-01T00:00:00.000Z'
    await sql`INSERT INTO person (id, first_name, name_key, available_from, status, created_at, updated_at)
              VALUES ('p1', 'Ans', 'ans', NULL, 'active', ${stamp}, ${stamp}),
                     ('p2', 'Jan', 'jan', '2027-05-01', 'active', ${stamp}, ${stamp}),
                     ('p3', 'Kees', 'kees', NULL, 'archived', ${stamp}, ${stamp})`.execute(v2)
    await sql`INSERT INTO follow_up_pick (id, person_id, pick, from_date, created_at)
              VALUES ('f1', 'p1', '1m', '2026-01-31', ${stamp}),
                     ('f2', 'p3', '1y', '2028-02-29', ${stamp})`.execute(v2)
    await v2.destroy()

    const store = await files.open()
    const { rows } = await sql<{
      person_id: string
      due_on: string
      source: string
      hidden: number
    }>`
      SELECT person_id, due_on, source, hidden FROM follow_up ORDER BY person_id`.execute(store.db)
    expect(rows).toEqual([
      { person_id: 'p1', due_on: '2026-02-28', source: 'pick', hidden: 0 },
      { person_id: 'p2', due_on: '2027-05-01', source: 'available_from', hidden: 0 },
      { person_id: 'p3', due_on: '2029-02-28', source: 'pick', hidden: 1 },
    ])
    const { rows: tables } =
      await sql`SELECT name FROM sqlite_schema WHERE name = 'follow_up_pick'`.execute(store.db)
    expect(tables).toEqual([])
  })
})
