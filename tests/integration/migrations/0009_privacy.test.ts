import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { useStoreBefore } from '../../support/migrations'

const files = useStoreBefore('0009_privacy')

describe('migration 0009_privacy', () => {
  it('turns the consent she kept on each person into the contact purpose’s first record', async () => {
    const v8 = await files.before()
    const stamp = '2025-01-10T10:00:00.000Z'
    await sql`INSERT INTO person (id, first_name, name_key, status, consent_status, consent_date,
                consent_scope, consent_note, created_at, updated_at)
              VALUES ('p1', 'Ans', 'ans', 'active', 'written', '2025-01-05', 'wandelgroep', 'getekend', ${stamp}, ${stamp}),
                     ('p2', 'Jan', 'jan', 'active', 'verbal', NULL, NULL, NULL, ${stamp}, ${stamp}),
                     ('p3', 'Els', 'els', 'active', 'withdrawn', '2025-02-01', NULL, NULL, ${stamp}, ${stamp}),
                     ('p4', 'Piet', 'piet', 'active', 'not_asked', NULL, NULL, NULL, ${stamp}, ${stamp})`.execute(
      v8,
    )
    await v8.destroy()

    const store = await files.open()
    const { rows } = await sql<Record<string, unknown>>`
      SELECT person_id, purpose, given, date, how, words, expires_on, current, length(id) AS id_length
      FROM consent ORDER BY person_id`.execute(store.db)
    expect(rows).toEqual([
      {
        person_id: 'p1',
        purpose: 'contact',
        given: 1,
        date: '2025-01-05',
        how: 'schriftelijk',
        words: 'wandelgroep getekend',
        expires_on: '2027-01-05',
        current: 1,
        id_length: 36,
      },
      {
        person_id: 'p2',
        purpose: 'contact',
        given: 1,
        // No date kept: the day he came into the ledger.
        date: '2025-01-10',
        how: 'mondeling',
        words: null,
        expires_on: '2027-01-10',
        current: 1,
        id_length: 36,
      },
      {
        person_id: 'p3',
        purpose: 'contact',
        given: 0,
        date: '2025-02-01',
        how: 'anders',
        words: null,
        expires_on: null,
        current: 1,
        id_length: 36,
      },
    ])
    const person = await store.db
      .selectFrom('person')
      .select(['keep_until', 'keep_reason', 'anonymised_at'])
      .where('id', '=', 'p1')
      .executeTakeFirstOrThrow()
    expect(person).toEqual({ keep_until: null, keep_reason: null, anonymised_at: null })
  })
})
