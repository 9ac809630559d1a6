import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never changes once released, and never imports db/schema.ts.
// Aangemeld door / hoe bereikt: who sent a resident to her (zelf, huisarts / Welzijn op Recept,
// wijkteam, …), on the resident and on each contact moment. Her list of routes is a setting; what
// is stored is the route's name as she chose it, so renaming the list never rewrites the past.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE person ADD COLUMN referred_by TEXT`.execute(db)
  await sql`ALTER TABLE contact_moment ADD COLUMN referred_by TEXT`.execute(db)
}
