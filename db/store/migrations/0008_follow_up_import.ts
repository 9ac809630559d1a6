import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never changes once released, and never imports db/schema.ts.
// Which import made a follow-up: after importing a list with old "terugbellen" dates, Vandaag
// offers to move or close all of that import's late ones at once. Follow-ups made by earlier
// imports get theirs from what each import kept for undo (import_person.created).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE follow_up ADD COLUMN import_id TEXT
    REFERENCES import_batch (id) ON DELETE SET NULL`.execute(db)
  await sql`UPDATE follow_up SET import_id = made.import_id
    FROM (
      SELECT made.value AS follow_up_id, import_person.import_id
      FROM import_person, json_each(import_person.created, '$.followUps') AS made
    ) AS made
    WHERE made.follow_up_id = follow_up.id`.execute(db)
  await sql`CREATE INDEX follow_up_import ON follow_up (import_id, due_on)
    WHERE import_id IS NOT NULL AND status = 'open'`.execute(db)
}
