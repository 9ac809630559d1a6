import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never changes once released, and never imports db/schema.ts.
// Follow-ups of connections made before 0013 did not know their connection, so Vandaag would not
// ask what it brought. Their reason says it in the words the app wrote then ("Vraag hoe het gaat
// met" and the initiative's or the other resident's name, as shared/i18n/nl.ts had it): an open
// follow-up of hers with exactly those words gets the newest connection of that person they name.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE follow_up SET connection_id = (
      SELECT c.id FROM connection c
      LEFT JOIN initiative i ON i.id = c.initiative_id
      LEFT JOIN person o ON o.id = c.other_person_id
      WHERE c.person_id = follow_up.person_id
        AND follow_up.reason = 'Vraag hoe het gaat met ' || coalesce(i.name,
          o.first_name || coalesce(' ' || o.tussenvoegsel, '') || coalesce(' ' || o.last_name, ''))
      ORDER BY c.date DESC, c.created_at DESC LIMIT 1)
    WHERE status = 'open' AND source = 'manual' AND connection_id IS NULL
      AND reason LIKE 'Vraag hoe het gaat met %'`.execute(db)
}
