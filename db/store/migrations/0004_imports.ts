import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never changes once released, and never imports db/schema.ts.
// Imports from her Excel list: each import keeps its report, and for every person it touched what
// it did (added, or merged into someone who was there) with enough to undo it: the person as she
// was before a merge, and the moments and follow-ups the import made.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE import_batch (
    id TEXT PRIMARY KEY NOT NULL,
    file_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    -- JSON: the report she reads afterwards (counts, skipped rows and why).
    report TEXT NOT NULL,
    undone_at TEXT
  ) STRICT`.execute(db)
  // No foreign key to person: undoing an import removes the people it added, not its history.
  await sql`CREATE TABLE import_person (
    import_id TEXT NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('added', 'merged')),
    -- JSON, merges only: her row and tag ids as they were before the import.
    before TEXT,
    -- JSON: ids of the contact moments and follow-ups the import made for her.
    created TEXT NOT NULL,
    PRIMARY KEY (import_id, person_id)
  ) STRICT, WITHOUT ROWID`.execute(db)
  await sql`CREATE INDEX import_person_person ON import_person (person_id)`.execute(db)
}
