import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never changes once released, and never imports db/schema.ts.
// A resident's rights over his whole life in the ledger (the AVG):
// - consent per purpose (contact houden, delen met een initiatief, opnemen in verhalen), each
//   decision a row: given or refused, when, how, the words agreed, who recorded it, until when; the
//   newest per purpose is `current`, the rest is its history. The contact consent she kept on the
//   person becomes its first row (two years from its date, the default term);
// - the bewaartermijn review: until when and why she keeps someone past it;
// - anonymised people, and a log of what she did (inzage, erase, anonymise, keep: never contents);
// - secure_delete and a checkpoint after an erase are the store's (see store.ts and erase.ts).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE consent (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('contact', 'share', 'stories')),
    given INTEGER NOT NULL CHECK (given IN (0, 1)),
    date TEXT NOT NULL,
    how TEXT NOT NULL CHECK (how IN ('mondeling', 'schriftelijk', 'digitaal', 'anders')),
    words TEXT,
    recorded_by TEXT,
    expires_on TEXT,
    current INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)),
    -- The follow-up that asks to renew it, a month before it ends.
    renewal_id TEXT REFERENCES follow_up (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
  ) STRICT`.execute(db)
  await sql`CREATE INDEX consent_person ON consent (person_id, purpose, created_at)`.execute(db)
  await sql`CREATE INDEX consent_current ON consent (purpose, person_id) WHERE current = 1`.execute(
    db,
  )
  // Deleting a follow-up sets its consent's renewal_id to NULL: without this, every erased
  // resident's follow-ups would each scan the whole consent table.
  await sql`CREATE INDEX consent_renewal ON consent (renewal_id) WHERE renewal_id IS NOT NULL`.execute(
    db,
  )
  await sql`INSERT INTO consent (id, person_id, purpose, given, date, how, words, expires_on,
      current, created_at)
    SELECT lower(printf('%s-%s-4%s-%s%s-%s', hex(randomblob(4)), hex(randomblob(2)),
        substr(hex(randomblob(2)), 2), substr('89ab', 1 + abs(random() % 4), 1),
        substr(hex(randomblob(2)), 2), hex(randomblob(6)))),
      id, 'contact',
      CASE consent_status WHEN 'withdrawn' THEN 0 ELSE 1 END,
      coalesce(consent_date, substr(created_at, 1, 10)),
      CASE consent_status WHEN 'written' THEN 'schriftelijk' WHEN 'verbal' THEN 'mondeling'
        ELSE 'anders' END,
      nullif(trim(coalesce(consent_scope, '') || ' ' || coalesce(consent_note, '')), ''),
      CASE consent_status WHEN 'withdrawn' THEN NULL
        ELSE date(coalesce(consent_date, substr(created_at, 1, 10)), '+2 years') END,
      1, updated_at
    FROM person WHERE consent_status != 'not_asked'`.execute(db)

  await sql`ALTER TABLE person ADD COLUMN keep_until TEXT`.execute(db)
  await sql`ALTER TABLE person ADD COLUMN keep_reason TEXT`.execute(db)
  await sql`ALTER TABLE person ADD COLUMN anonymised_at TEXT`.execute(db)
  // The bewaartermijn review reads people by their last contact (or the day they came in). With
  // keep_until in the index, and the two columns of its condition (always NULL here, a byte each:
  // SQLite wants them in the index to call it covering), counting the tens of thousands past the
  // term reads no table rows; a count that looked each one up took 115 ms at 100k.
  await sql`CREATE INDEX person_review
    ON person (coalesce(last_contact_on, substr(created_at, 1, 10)), keep_until, deleted_at,
      anonymised_at)
    WHERE deleted_at IS NULL AND anonymised_at IS NULL`.execute(db)

  await sql`CREATE TABLE privacy_log (
    id TEXT PRIMARY KEY NOT NULL,
    at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('inzage', 'erase', 'anonymise', 'keep', 'empty_trash')),
    -- Who it was about while he is in the ledger; emptied when he is erased.
    person_id TEXT REFERENCES person (id) ON DELETE SET NULL,
    count INTEGER NOT NULL DEFAULT 1
  ) STRICT`.execute(db)
  await sql`CREATE INDEX privacy_log_person ON privacy_log (person_id) WHERE person_id IS NOT NULL`.execute(
    db,
  )
}
