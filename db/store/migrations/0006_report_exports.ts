import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never changes once released, and never imports db/schema.ts.
// Every export of the Verantwoording report is logged: what, when and with which settings, so she
// can see later what left her machine. No figures are kept, only the settings.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE report_export (
    id TEXT PRIMARY KEY NOT NULL,
    at TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('csv', 'pdf')),
    -- JSON: the request (period, breakdown, wijken, k, rounding) and the labels printed.
    settings TEXT NOT NULL,
    file_name TEXT NOT NULL
  ) STRICT`.execute(db)
}
