import { sql, type Kysely } from 'kysely'
import { foldKey } from '../../../shared/text'
import { newId } from '../ids'

// Frozen in time: this file never changes once released, and never imports db/schema.ts.
// The ledger of issue 3: the whole person, wijken as a list, tags, contact moments, follow-up picks
// and settings. `person` is rebuilt (SQLite cannot add CHECK constraints to a table), its free-text
// wijk moving into `wijk` rows matched without regard to case or accents.

const rebuild = [
  sql`CREATE TABLE wijk (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  ) STRICT`,
  sql`CREATE TABLE person_v2 (
    id TEXT PRIMARY KEY NOT NULL,
    first_name TEXT NOT NULL,
    tussenvoegsel TEXT,
    last_name TEXT,
    nickname TEXT,
    name_key TEXT NOT NULL,
    street TEXT,
    house_number TEXT,
    address_key TEXT,
    postcode TEXT,
    wijk_id TEXT REFERENCES wijk (id),
    phone TEXT,
    email TEXT,
    wish TEXT,
    strength TEXT,
    need TEXT,
    note TEXT,
    availability INTEGER NOT NULL DEFAULT 0 CHECK (availability BETWEEN 0 AND 2097151),
    available_from TEXT,
    availability_note TEXT,
    met_channel TEXT,
    first_met_on TEXT,
    consent_status TEXT NOT NULL DEFAULT 'not_asked'
      CHECK (consent_status IN ('not_asked', 'verbal', 'written', 'withdrawn')),
    consent_date TEXT,
    consent_scope TEXT,
    consent_note TEXT,
    age_band TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
    last_contact_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`,
]

// Created after the rebuild, so that their references name the new `person`.
const dependentTables = [
  sql`CREATE TABLE tag (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('passion', 'need', 'theme')),
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (kind, name_key)
  ) STRICT`,
  sql`CREATE TABLE person_tag (
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    tag_id TEXT NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (person_id, tag_id)
  ) STRICT, WITHOUT ROWID`,
  sql`CREATE TABLE contact_moment (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    channel TEXT NOT NULL,
    place TEXT,
    note TEXT,
    worker TEXT,
    created_at TEXT NOT NULL
  ) STRICT`,
  sql`CREATE TABLE follow_up_pick (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    pick TEXT NOT NULL CHECK (pick IN ('1w', '1m', '3m', '1y')),
    from_date TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`,
  sql`CREATE TABLE setting (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
  ) STRICT`,
]

const indexes = [
  // Every index is a page more to encrypt and write with each save (about 50 µs here), so each
  // one earns its place. This one serves the lists (the Dutch order: last name without its
  // tussenvoegsel, accents folded) and "Lijkt op" by name.
  sql`CREATE INDEX person_list ON person (status, name_key, first_name COLLATE NOCASE, id)
    WHERE deleted_at IS NULL`,
  sql`CREATE INDEX person_trash ON person (deleted_at) WHERE deleted_at IS NOT NULL`,
  // "Lijkt op" by address.
  sql`CREATE INDEX person_address_key ON person (address_key)
    WHERE address_key IS NOT NULL AND deleted_at IS NULL`,
  sql`CREATE INDEX contact_moment_timeline ON contact_moment (person_id, date DESC, created_at DESC)`,
  sql`CREATE INDEX follow_up_pick_person ON follow_up_pick (person_id)`,
]

interface PersonV1 {
  id: string
  first_name: string
  tussenvoegsel: string | null
  last_name: string | null
  wijk: string | null
  note: string | null
  created_at: string
  updated_at: string
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of rebuild) await statement.execute(db)

  const { rows } = await sql<PersonV1>`SELECT * FROM person`.execute(db)
  const wijkIds = new Map<string, string>()
  for (const row of rows) {
    let wijkId: string | null = null
    if (row.wijk?.trim()) {
      const key = foldKey(row.wijk)
      wijkId = wijkIds.get(key) ?? newId()
      if (!wijkIds.has(key)) {
        wijkIds.set(key, wijkId)
        await sql`INSERT INTO wijk (id, name, name_key, created_at)
                  VALUES (${wijkId}, ${row.wijk.trim()}, ${key}, ${row.created_at})`.execute(db)
      }
    }
    await sql`INSERT INTO person_v2 (id, first_name, tussenvoegsel, last_name, name_key, wijk_id,
                                     note, created_at, updated_at)
              VALUES (${row.id}, ${row.first_name}, ${row.tussenvoegsel}, ${row.last_name},
                      ${foldKey(row.last_name ?? row.first_name)}, ${wijkId}, ${row.note},
                      ${row.created_at}, ${row.updated_at})`.execute(db)
  }

  await sql`DROP TABLE person`.execute(db)
  await sql`ALTER TABLE person_v2 RENAME TO person`.execute(db)
  for (const statement of [...dependentTables, ...indexes]) await statement.execute(db)
}
