import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never changes once released, and never imports db/schema.ts.
// What a connection brought: at the follow-up of a connection ("hoe gaat het bij de wandelgroep?")
// she asks two fixed questions, and a third if she likes, each answered on three points, and keeps
// the answers per connection and date. The follow-up knows its connection, so Vandaag can ask.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE follow_up ADD COLUMN connection_id TEXT
    REFERENCES connection (id) ON DELETE SET NULL`.execute(db)
  // Erasing a resident deletes his connections; each would otherwise scan every follow-up.
  await sql`CREATE INDEX follow_up_connection ON follow_up (connection_id)
    WHERE connection_id IS NOT NULL`.execute(db)
  await sql`CREATE TABLE connection_outcome (
    id TEXT PRIMARY KEY NOT NULL,
    connection_id TEXT NOT NULL REFERENCES connection (id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    -- Gaat ze er nog heen? / Heeft ze er mensen bij leren kennen? / Doet ze nu zelf iets voor anderen?
    going TEXT NOT NULL CHECK (going IN ('yes', 'somewhat', 'no')),
    met_people TEXT NOT NULL CHECK (met_people IN ('yes', 'somewhat', 'no')),
    gives_back TEXT CHECK (gives_back IN ('yes', 'somewhat', 'no')),
    created_at TEXT NOT NULL
  ) STRICT`.execute(db)
  await sql`CREATE INDEX connection_outcome_connection
    ON connection_outcome (connection_id, date)`.execute(db)
  await sql`CREATE INDEX connection_outcome_date ON connection_outcome (date)`.execute(db)
}
