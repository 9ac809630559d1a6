import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never changes once released, and never imports db/schema.ts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE person (
      id TEXT PRIMARY KEY NOT NULL,
      first_name TEXT NOT NULL,
      tussenvoegsel TEXT,
      last_name TEXT,
      wijk TEXT,
      note TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT
  `.execute(db)
  // Lists sort the Dutch way: by last name without its tussenvoegsel, then first name.
  await sql`
    CREATE INDEX person_sort ON person (
      coalesce(last_name, first_name) COLLATE NOCASE,
      first_name COLLATE NOCASE,
      id
    )
  `.execute(db)
}
