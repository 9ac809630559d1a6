import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never changes once released, and never imports db/schema.ts.
// Verbinden: the initiatives and places of the wijk with their themes (tags, the same set as
// people's), and the connections she makes (person ↔ initiative, person ↔ person) with every status
// change kept as history. Matching looks up people by tag, so person_tag gets its index by tag now.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE initiative (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('activiteit', 'vereniging', 'organisatie', 'plek')),
    wijk_id TEXT REFERENCES wijk (id),
    -- When it meets: the week grid of person.availability, 21 bits.
    meets INTEGER NOT NULL DEFAULT 0 CHECK (meets BETWEEN 0 AND 2097151),
    meets_note TEXT,
    contact_person_id TEXT REFERENCES person (id) ON DELETE SET NULL,
    contact_name TEXT,
    looking_for TEXT,
    status TEXT NOT NULL DEFAULT 'actief' CHECK (status IN ('actief', 'gestopt')),
    note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db)
  await sql`CREATE INDEX initiative_status_name ON initiative (status, name_key)`.execute(db)

  await sql`CREATE TABLE initiative_tag (
    initiative_id TEXT NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
    tag_id TEXT NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (initiative_id, tag_id)
  ) STRICT, WITHOUT ROWID`.execute(db)

  // Who has this tag: matching an initiative reads people by its themes.
  await sql`CREATE INDEX person_tag_tag ON person_tag (tag_id, person_id)`.execute(db)

  await sql`CREATE TABLE connection (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    initiative_id TEXT REFERENCES initiative (id) ON DELETE CASCADE,
    other_person_id TEXT REFERENCES person (id) ON DELETE CASCADE,
    -- The day it was made: what the report counts by month or quarter.
    date TEXT NOT NULL,
    proposed_by TEXT NOT NULL CHECK (proposed_by IN ('ik', 'bewoner', 'initiatief', 'anders')),
    status TEXT NOT NULL
      CHECK (status IN ('voorgesteld', 'kennisgemaakt', 'actief', 'gestopt')),
    status_date TEXT NOT NULL,
    stop_reason TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((initiative_id IS NULL) != (other_person_id IS NULL)),
    CHECK (other_person_id IS NULL OR other_person_id != person_id)
  ) STRICT`.execute(db)
  await sql`CREATE INDEX connection_person ON connection (person_id)`.execute(db)
  await sql`CREATE INDEX connection_other ON connection (other_person_id)
    WHERE other_person_id IS NOT NULL`.execute(db)
  await sql`CREATE INDEX connection_initiative ON connection (initiative_id)
    WHERE initiative_id IS NOT NULL`.execute(db)
  await sql`CREATE INDEX connection_date ON connection (date)`.execute(db)

  // Every status a connection had, with its day: "actief after N months" is read from here.
  await sql`CREATE TABLE connection_event (
    id TEXT PRIMARY KEY NOT NULL,
    connection_id TEXT NOT NULL REFERENCES connection (id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    status TEXT NOT NULL
      CHECK (status IN ('voorgesteld', 'kennisgemaakt', 'actief', 'gestopt')),
    reason TEXT,
    note TEXT,
    created_at TEXT NOT NULL
  ) STRICT`.execute(db)
  await sql`CREATE INDEX connection_event_connection ON connection_event (connection_id, date)`.execute(
    db,
  )
}
