import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never changes once released, and never imports db/schema.ts.
// The report's new residents include those she first met in the period before any contact moment.
// Finding them read every resident's row (100 ms at 100k with a cold cache, most of a report's
// margin); this index holds only the residents with a "first met" date, so the report reads the
// period's range of it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX person_first_met ON person (first_met_on)
    WHERE first_met_on IS NOT NULL`.execute(db)
}
