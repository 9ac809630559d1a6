import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never changes once released, and never imports db/schema.ts.
// How many residents a list holds (Bewoners' count, on the first screen) read every person row to
// see that it is neither in the trash nor anonymised: 100-240 ms at 100k, 2.5 s at 300k, where
// the rows no longer fit the page cache. This index holds only the residents a list can show, so
// the count reads it alone.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX person_live ON person (status)
    WHERE deleted_at IS NULL AND anonymised_at IS NULL`.execute(db)
}
