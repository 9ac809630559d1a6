import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never changes once released, and never imports db/schema.ts.
//
// The report counts distinct residents per month and contact moments per wijk, month and channel.
// Counted from contact_moment at report time that is a join and a sort over every moment of the
// period (1.7 s for a year of a ledger with 1M moments). These two tables keep the same counts up
// to date as moments and people change, kept by triggers so that no write path can forget them:
//
// - report_activity: per resident and year, the months with at least one contact moment (bit m-1
//   for month m) and the first moment's date. A few rows per resident.
// - report_tally: contact moments per wijk ('' for none), month and channel, of residents not in
//   the trash. A few hundred rows.
//
// Both are derived data: a test recomputes them from contact_moment after random changes.

const month = (date: string) => `CAST(substr(${date}, 6, 2) AS INTEGER)`
const year = (date: string) => `CAST(substr(${date}, 1, 4) AS INTEGER)`

/** Adds one moment (`row` is new or old) to both tables. */
const addMoment = (row: string) => `
  INSERT INTO report_activity (person_id, year, months, first_on)
    VALUES (${row}.person_id, ${year(`${row}.date`)}, 1 << (${month(`${row}.date`)} - 1), ${row}.date)
    ON CONFLICT (person_id, year) DO UPDATE
      SET months = months | excluded.months, first_on = min(first_on, excluded.first_on);
  INSERT INTO report_tally (wijk_key, month, channel, moments)
    SELECT coalesce(p.wijk_id, ''), substr(${row}.date, 1, 7), ${row}.channel, 1
    FROM person p WHERE p.id = ${row}.person_id AND p.deleted_at IS NULL
    ON CONFLICT (wijk_key, month, channel) DO UPDATE SET moments = moments + 1;`

/**
 * Takes one moment away: that resident's year is worked out again from the moments left (a sum of
 * distinct powers of two is their bitwise or). Nothing is written for a resident who is gone.
 */
const removeMoment = (row: string) => `
  DELETE FROM report_activity
    WHERE person_id = ${row}.person_id AND year = ${year(`${row}.date`)};
  INSERT INTO report_activity (person_id, year, months, first_on)
    SELECT m.person_id, ${year(`${row}.date`)}, sum(DISTINCT 1 << (${month('m.date')} - 1)), min(m.date)
    FROM contact_moment m
    WHERE m.person_id = ${row}.person_id
      AND m.date >= substr(${row}.date, 1, 4) || '-01-01'
      AND m.date < printf('%04d-01-01', ${year(`${row}.date`)} + 1)
      AND EXISTS (SELECT 1 FROM person p WHERE p.id = ${row}.person_id)
    GROUP BY m.person_id;
  UPDATE report_tally SET moments = moments - 1
    WHERE wijk_key = (SELECT coalesce(p.wijk_id, '') FROM person p
        WHERE p.id = ${row}.person_id AND p.deleted_at IS NULL)
      AND month = substr(${row}.date, 1, 7) AND channel = ${row}.channel;`

/** Takes all of a resident's moments out of the tally (before a move, the trash or a delete). */
const untallyPerson = (row: string) => `
  UPDATE report_tally SET moments = moments - x.n
    FROM (SELECT substr(m.date, 1, 7) AS month, m.channel, count(*) AS n FROM contact_moment m
      WHERE m.person_id = ${row}.id GROUP BY 1, 2) AS x
    WHERE ${row}.deleted_at IS NULL AND report_tally.wijk_key = coalesce(${row}.wijk_id, '')
      AND report_tally.month = x.month AND report_tally.channel = x.channel;`

const tallyPerson = (row: string) => `
  INSERT INTO report_tally (wijk_key, month, channel, moments)
    SELECT coalesce(${row}.wijk_id, ''), substr(m.date, 1, 7), m.channel, count(*)
    FROM contact_moment m WHERE m.person_id = ${row}.id AND ${row}.deleted_at IS NULL
    GROUP BY 2, 3
    ON CONFLICT (wijk_key, month, channel) DO UPDATE SET moments = moments + excluded.moments;`

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE report_activity (
      person_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      months INTEGER NOT NULL,
      first_on TEXT NOT NULL,
      PRIMARY KEY (person_id, year)
    ) STRICT, WITHOUT ROWID`,
    `CREATE TABLE report_tally (
      wijk_key TEXT NOT NULL,
      month TEXT NOT NULL,
      channel TEXT NOT NULL,
      moments INTEGER NOT NULL,
      PRIMARY KEY (wijk_key, month, channel)
    ) STRICT, WITHOUT ROWID`,
    `CREATE TRIGGER report_moment_added AFTER INSERT ON contact_moment BEGIN ${addMoment('new')} END`,
    `CREATE TRIGGER report_moment_removed AFTER DELETE ON contact_moment BEGIN ${removeMoment('old')} END`,
    `CREATE TRIGGER report_moment_changed AFTER UPDATE OF person_id, date, channel ON contact_moment
      BEGIN ${removeMoment('old')} ${addMoment('new')} END`,
    `CREATE TRIGGER report_person_moved AFTER UPDATE OF wijk_id, deleted_at ON person
      WHEN old.wijk_id IS NOT new.wijk_id OR (old.deleted_at IS NULL) != (new.deleted_at IS NULL)
      BEGIN ${untallyPerson('old')} ${tallyPerson('new')} END`,
    // Before: the moments are still there to count. Deleting a resident deletes their moments
    // (ON DELETE CASCADE), whose own trigger then finds no resident: it drops their activity and
    // leaves the tally alone.
    `CREATE TRIGGER report_person_removing BEFORE DELETE ON person BEGIN ${untallyPerson('old')} END`,
    // The ledger as it is now.
    `INSERT INTO report_activity (person_id, year, months, first_on)
      SELECT person_id, ${year('date')}, sum(DISTINCT 1 << (${month('date')} - 1)), min(date)
      FROM contact_moment GROUP BY 1, 2`,
    `INSERT INTO report_tally (wijk_key, month, channel, moments)
      SELECT coalesce(p.wijk_id, ''), substr(m.date, 1, 7), m.channel, count(*)
      FROM contact_moment m JOIN person p ON p.id = m.person_id
      WHERE p.deleted_at IS NULL GROUP BY 1, 2, 3`,
  ]
  for (const statement of statements) await sql.raw(statement).execute(db)
}
