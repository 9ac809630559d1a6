import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never changes once released, and never imports db/schema.ts.
// A resident handed over by a colleague (an overdrachtsbestand) gets a line on his timeline:
// "Overgedragen door … op …". The timeline's events allow one more kind; SQLite cannot change a
// CHECK, so the table is written anew with the same rows and index.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE person_event_new (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    kind TEXT NOT NULL
      CHECK (kind IN ('follow_up_done', 'follow_up_snoozed', 'follow_up_cancelled', 'handed_over')),
    detail TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`.execute(db)
  await sql`INSERT INTO person_event_new SELECT id, person_id, date, kind, detail, created_at
    FROM person_event`.execute(db)
  await sql`DROP TABLE person_event`.execute(db)
  await sql`ALTER TABLE person_event_new RENAME TO person_event`.execute(db)
  await sql`CREATE INDEX person_event_timeline ON person_event (person_id, date DESC, created_at DESC)`.execute(
    db,
  )
}
