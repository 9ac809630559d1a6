import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never changes once released, and never imports db/schema.ts.
// Stories with consent ("cijfers én verhalen"): a story she writes for the report, linked to the
// residents it is about. It may go into an export only while each of them has the consent "opnemen
// in verhalen"; which exports held which story is kept, so that withdrawing that consent after an
// export is logged for her to act on (the file has left her machine).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE story (
    id TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db)
  await sql`CREATE TABLE story_person (
    story_id TEXT NOT NULL REFERENCES story (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, person_id)
  ) STRICT, WITHOUT ROWID`.execute(db)
  await sql`CREATE INDEX story_person_person ON story_person (person_id)`.execute(db)
  await sql`CREATE TABLE story_export (
    story_id TEXT NOT NULL REFERENCES story (id) ON DELETE CASCADE,
    export_id TEXT NOT NULL REFERENCES report_export (id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, export_id)
  ) STRICT, WITHOUT ROWID`.execute(db)
  await sql`CREATE INDEX story_export_export ON story_export (export_id)`.execute(db)
  // Never who: the story and the export; the resident is not named here.
  await sql`CREATE TABLE story_log (
    id TEXT PRIMARY KEY NOT NULL,
    at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('consent_withdrawn')),
    story_id TEXT REFERENCES story (id) ON DELETE SET NULL,
    export_id TEXT REFERENCES report_export (id) ON DELETE SET NULL
  ) STRICT`.execute(db)
}
