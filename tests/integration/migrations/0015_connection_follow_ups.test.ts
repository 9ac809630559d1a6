import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { useStoreBefore } from '../../support/migrations'

const files = useStoreBefore('0015_connection_follow_ups')

describe('migration 0015_connection_follow_ups', () => {
  it('gives an open "hoe gaat het" follow-up the connection it names, and no other', async () => {
    const before = await files.before()
    const stamp = '2026-01-01T00:00:00.000Z'
    await sql`INSERT INTO person (id, first_name, tussenvoegsel, last_name, name_key, status,
                created_at, updated_at)
              VALUES ('p1', 'Ans', NULL, 'Bakker', 'bakker', 'active', ${stamp}, ${stamp}),
                     ('p2', 'Jan', 'de', 'Vries', 'vries', 'active', ${stamp}, ${stamp})`.execute(
      before,
    )
    await sql`INSERT INTO initiative (id, name, name_key, kind, created_at, updated_at)
              VALUES ('i1', 'De Stappers', 'de stappers', 'activiteit', ${stamp}, ${stamp}),
                     ('i2', 'Taalcafé', 'taalcafe', 'plek', ${stamp}, ${stamp})`.execute(before)
    await sql`INSERT INTO connection (id, person_id, initiative_id, other_person_id, date,
                proposed_by, status, status_date, created_at, updated_at)
              VALUES ('c1', 'p1', 'i1', NULL, '2025-05-01', 'ik', 'gestopt', '2025-06-01', ${stamp}, ${stamp}),
                     ('c2', 'p1', 'i1', NULL, '2026-01-05', 'ik', 'actief', '2026-01-05', ${stamp}, ${stamp}),
                     ('c3', 'p1', 'i2', NULL, '2026-01-06', 'ik', 'voorgesteld', '2026-01-06', ${stamp}, ${stamp}),
                     ('c4', 'p1', NULL, 'p2', '2026-01-07', 'ik', 'voorgesteld', '2026-01-07', ${stamp}, ${stamp})`.execute(
      before,
    )
    await sql`INSERT INTO follow_up (id, person_id, due_on, reason, status, source, created_at)
              VALUES ('f1', 'p1', '2026-02-01', 'Vraag hoe het gaat met De Stappers', 'open', 'manual', ${stamp}),
                     ('f2', 'p1', '2026-02-02', 'Vraag hoe het gaat met Jan de Vries', 'open', 'manual', ${stamp}),
                     ('f3', 'p1', '2026-02-03', 'Vraag hoe het gaat met Taalcafé', 'done', 'manual', ${stamp}),
                     ('f4', 'p1', '2026-02-04', 'Vraag hoe het gaat met de buren', 'open', 'manual', ${stamp}),
                     ('f5', 'p1', '2026-02-05', 'Bellen over de Stappers', 'open', 'manual', ${stamp})`.execute(
      before,
    )
    await before.destroy()

    const store = await files.open()
    const { rows } = await sql<{ id: string; connection_id: string | null }>`
      SELECT id, connection_id FROM follow_up ORDER BY id`.execute(store.db)
    expect(rows).toEqual([
      // The newest connection with the walking group, not the one that stopped.
      { id: 'f1', connection_id: 'c2' },
      // Person with person, by the other's whole name.
      { id: 'f2', connection_id: 'c4' },
      // Done already: nothing to ask.
      { id: 'f3', connection_id: null },
      // Words of her own: no connection by that name.
      { id: 'f4', connection_id: null },
      { id: 'f5', connection_id: null },
    ])
  })
})
