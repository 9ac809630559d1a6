import { sql, type Kysely } from 'kysely'
import { addInterval, type Interval } from '../../../shared/calendar'
import { newId } from '../ids'

// Frozen in time: this file never changes once released, and never imports db/schema.ts.
// Follow-ups become real: the quick picks of 0002 turn into follow-ups due at the date they asked
// for, and every "beschikbaar vanaf" gets its follow-up on that date. Timeline events record what
// happened to a follow-up (done, snoozed, cancelled). A person may have a keep-in-touch cadence.

const pickIntervals: Record<string, Interval> = {
  '1w': { count: 1, unit: 'week' },
  '1m': { count: 1, unit: 'month' },
  '3m': { count: 3, unit: 'month' },
  '1y': { count: 1, unit: 'year' },
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE follow_up (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    due_on TEXT NOT NULL,
    reason TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    source TEXT NOT NULL
      CHECK (source IN ('manual', 'pick', 'available_from', 'cadence', 'ask_again')),
    -- 1 while her person is archived or in the trash: out of Vandaag, back when she returns.
    hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    created_at TEXT NOT NULL,
    closed_at TEXT,
    done_note TEXT
  ) STRICT`.execute(db)
  // Vandaag reads open follow-ups by date, counts included, from this index alone.
  await sql`CREATE INDEX follow_up_open_due ON follow_up (due_on)
    WHERE status = 'open' AND hidden = 0`.execute(db)
  // Her follow-ups, open ones soonest first, straight from the index (no sort).
  await sql`CREATE INDEX follow_up_person ON follow_up (person_id, status, due_on)`.execute(db)

  await sql`CREATE TABLE person_event (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    kind TEXT NOT NULL
      CHECK (kind IN ('follow_up_done', 'follow_up_snoozed', 'follow_up_cancelled')),
    detail TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`.execute(db)
  await sql`CREATE INDEX person_event_timeline ON person_event (person_id, date DESC, created_at DESC)`.execute(
    db,
  )

  await sql`ALTER TABLE person ADD COLUMN cadence TEXT
    CHECK (cadence IN ('1w', '2w', '4w', '1m', '2m', '3m', '6m', '1y'))`.execute(db)

  const { rows: picks } = await sql<{
    person_id: string
    pick: string
    from_date: string
    created_at: string
    hidden: number
  }>`SELECT p.person_id, p.pick, p.from_date, p.created_at,
            (person.status <> 'active' OR person.deleted_at IS NOT NULL) AS hidden
     FROM follow_up_pick AS p JOIN person ON person.id = p.person_id`.execute(db)
  for (const pick of picks) {
    await sql`INSERT INTO follow_up (id, person_id, due_on, source, hidden, created_at)
              VALUES (${newId()}, ${pick.person_id},
                      ${addInterval(pick.from_date, pickIntervals[pick.pick]!)}, 'pick',
                      ${pick.hidden}, ${pick.created_at})`.execute(db)
  }
  const { rows: available } = await sql<{
    id: string
    available_from: string
    updated_at: string
    hidden: number
  }>`SELECT id, available_from, updated_at,
            (status <> 'active' OR deleted_at IS NOT NULL) AS hidden
     FROM person WHERE available_from IS NOT NULL`.execute(db)
  for (const person of available) {
    await sql`INSERT INTO follow_up (id, person_id, due_on, source, hidden, created_at)
              VALUES (${newId()}, ${person.id}, ${person.available_from}, 'available_from',
                      ${person.hidden}, ${person.updated_at})`.execute(db)
  }
  await sql`DROP TABLE follow_up_pick`.execute(db)
}
