import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/store/schema'

/** Read the report's tallies (migration 0007) two ways, to compare them. */

/** The tallies, counted afresh from contact_moment. */
export const recount = async (db: Kysely<Database>) => ({
  activity: (
    await sql<{ row: string }>`
      SELECT person_id || ' ' || substr(date, 1, 4) || ' ' || sum(DISTINCT 1 << (CAST(substr(date, 6, 2) AS INTEGER) - 1))
        || ' ' || min(date) AS row
      FROM contact_moment GROUP BY person_id, substr(date, 1, 4) ORDER BY 1`.execute(db)
  ).rows.map((r) => r.row),
  tally: (
    await sql<{ row: string }>`
      SELECT coalesce(p.wijk_id, '') || ' ' || substr(m.date, 1, 7) || ' ' || m.channel || ' ' || count(*) AS row
      FROM contact_moment m JOIN person p ON p.id = m.person_id WHERE p.deleted_at IS NULL
      GROUP BY p.wijk_id, substr(m.date, 1, 7), m.channel ORDER BY 1`.execute(db)
  ).rows.map((r) => r.row),
})

/** The tallies as the triggers keep them. */
export const kept = async (db: Kysely<Database>) => ({
  activity: (
    await sql<{ row: string }>`
      SELECT person_id || ' ' || year || ' ' || months || ' ' || first_on AS row
      FROM report_activity ORDER BY 1`.execute(db)
  ).rows.map((r) => r.row),
  tally: (
    await sql<{ row: string }>`
      SELECT wijk_key || ' ' || month || ' ' || channel || ' ' || moments AS row
      FROM report_tally WHERE moments != 0 ORDER BY 1`.execute(db)
  ).rows.map((r) => r.row),
})

/** A resident in wijk w1, made once. */
export async function ensurePerson(db: Kysely<Database>, id: string) {
  await sql`INSERT OR IGNORE INTO person (id, first_name, name_key, wijk_id, status, created_at, updated_at)
    VALUES (${id}, ${id}, ${id}, 'w1', 'active', 'x', 'x')`.execute(db)
}
