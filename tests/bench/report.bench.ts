import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import { buildReport } from '../../db/report/report'
import type { Database } from '../../db/store/schema'
import { openStore } from '../../db/store/store'
import { channels } from '../../shared/ledger'
import { reportRequestSchema, yearOverviewSchema, yearRequest } from '../../shared/report'
import { defaultRoutes } from '../../shared/routes'
import { yearDocument } from '../../db/report/year'
import { makeTempDir } from '../support/platform'
import { seededRandom, wijken } from './ledger'
import { megabytes, percentile, round, timeEach, type Figure } from './measure'

/** A wijk's id as the store has them (the report's request checks them). */
const wijkId = (i: number) => `0190d5c2-0000-7000-8000-${String(i).padStart(12, '0')}`

/** Rows in one multi-row insert: well under SQLite's limit on bound values. */
const chunk = 500

async function insertMany(
  db: Kysely<Database>,
  table: string,
  columns: string[],
  rows: unknown[][],
) {
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows
      .slice(i, i + chunk)
      .map((row) => sql`(${sql.join(row.map((value) => sql`${value}`))})`)
    await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
      VALUES ${sql.join(values)}`.execute(db)
  }
}

/**
 * A year's report over 100k people and 1M contact moments (ten each, over 2025 and 2026), per
 * month, all wijken: the counts, the suppression and its audit. Each resident has a route
 * (aangemeld door) or none; 30k are connected to one of 40 initiatives with themes, and 20k of
 * those were asked once or twice what it brought. Then the jaaroverzicht of one wijk: its year's
 * report and its page (the printing itself is the platform's).
 */
export async function reportBench(): Promise<Figure[]> {
  const dir = makeTempDir('sprokkelaar-bench-')
  const store = await openStore(join(dir.path, 'report.db'), '8d'.repeat(32))
  const db = store.db
  try {
    const random = seededRandom(8)
    await sql`PRAGMA synchronous = OFF`.execute(db)
    await db.transaction().execute(async (trx) => {
      await insertMany(
        trx,
        'wijk',
        ['id', 'name', 'name_key', 'created_at'],
        wijken.map((name, i) => [wijkId(i), name, name.toLowerCase(), 'x']),
      )
      const people: unknown[][] = []
      const moments: unknown[][] = []
      const routes = [...defaultRoutes, 'Bibliotheek', 'huisarts', null]
      const themes = ['wandelen', 'koken', 'taal', 'tuin', 'muziek', 'fietsen', 'sport', 'handwerk']
      await insertMany(
        trx,
        'tag',
        ['id', 'kind', 'name', 'name_key', 'created_at'],
        themes.map((theme, i) => [`t${i}`, 'theme', theme, theme, 'x']),
      )
      await insertMany(
        trx,
        'initiative',
        ['id', 'name', 'name_key', 'kind', 'created_at', 'updated_at'],
        Array.from({ length: 40 }, (_, i) => [
          `i${i}`,
          `Initiatief ${i}`,
          `i${i}`,
          'plek',
          'x',
          'x',
        ]),
      )
      await insertMany(
        trx,
        'initiative_tag',
        ['initiative_id', 'tag_id'],
        Array.from({ length: 40 }, (_, i) => [
          [`i${i}`, `t${i % themes.length}`],
          ...(i % 3 === 0 ? [[`i${i}`, `t${(i + 1) % themes.length}`]] : []),
        ]).flat(),
      )
      const connections: unknown[][] = []
      const outcomes: unknown[][] = []
      const answers = ['yes', 'somewhat', 'no']
      // Routes, connections and answers from a generator of their own: the residents and moments
      // stay the ones earlier runs measured.
      const extra = seededRandom(9)
      for (let p = 0; p < 100_000; p++) {
        people.push([
          `p${p}`,
          `Bewoner ${p}`,
          `bewoner ${p}`,
          random() < 0.05 ? null : wijkId(Math.floor(random() * wijken.length)),
          Math.floor(random() * 2 ** 21),
          ['not_asked', 'verbal', 'written'][Math.floor(random() * 3)],
          routes[Math.floor(extra() * routes.length)],
          'active',
          'x',
          'x',
        ])
        if (p % 10 < 3) {
          const month = String(1 + Math.floor(extra() * 12)).padStart(2, '0')
          connections.push([`c${p}`, `p${p}`, `i${Math.floor(extra() * 40)}`, `2026-${month}-05`])
          const asked = p % 10 < 2 ? 1 + Math.floor(extra() * 2) : 0
          for (let o = 0; o < asked; o++) {
            const at = `2026-${String(1 + Math.floor(extra() * 12)).padStart(2, '0')}-2${o}`
            outcomes.push([
              `o${p}_${o}`,
              `c${p}`,
              at,
              answers[Math.floor(extra() * 3)],
              answers[Math.floor(extra() * 3)],
              extra() < 0.4 ? null : answers[Math.floor(extra() * 3)],
              `${at}T10:00:00.000Z`,
            ])
          }
        }
        for (let m = 0; m < 10; m++) {
          const month = 1 + Math.floor(random() * 12)
          const day = 1 + Math.floor(random() * 28)
          const year = random() < 0.5 ? 2025 : 2026
          moments.push([
            `m${p}_${m}`,
            `p${p}`,
            `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
            channels[Math.floor(random() * channels.length)],
            'x',
          ])
        }
      }
      await insertMany(
        trx,
        'person',
        [
          'id',
          'first_name',
          'name_key',
          'wijk_id',
          'availability',
          'consent_status',
          'referred_by',
          'status',
        ].concat(['created_at', 'updated_at']),
        people,
      )
      await insertMany(
        trx,
        'contact_moment',
        ['id', 'person_id', 'date', 'channel', 'created_at'],
        moments,
      )
      await insertMany(
        trx,
        'connection',
        ['id', 'person_id', 'initiative_id', 'date', 'proposed_by', 'status', 'status_date'].concat(
          ['created_at', 'updated_at'],
        ),
        connections.map(([id, person, initiative, date]) => [
          id,
          person,
          initiative,
          date,
          'ik',
          'actief',
          date,
          'x',
          'x',
        ]),
      )
      await insertMany(
        trx,
        'connection_outcome',
        ['id', 'connection_id', 'date', 'going', 'met_people', 'gives_back', 'created_at'],
        outcomes,
      )
    })
    await sql`PRAGMA synchronous = FULL`.execute(db)
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db)
    const request = reportRequestSchema.parse({
      from: '2026-01',
      to: '2026-12',
      breakdown: 'month',
    })
    const now = new Date('2027-01-05T09:00:00Z')
    const samples = await timeEach(10, () => buildReport(db, request, now, '2027-01-05'))
    // The jaaroverzicht of one wijk: the year's report by quarter, and its page.
    const year = yearOverviewSchema.parse({ year: '2026', wijkId: wijkId(0) })
    const yearSamples = await timeEach(5, async () =>
      yearDocument(await buildReport(db, yearRequest(year), now, '2027-01-05')),
    )
    return [
      { id: 'report.summary.p50_ms@100k', value: round(percentile(samples, 50)), unit: 'ms' },
      {
        id: 'report.summary.p95_ms@100k',
        value: round(percentile(samples, 95)),
        unit: 'ms',
        target: 500,
      },
      {
        id: 'report.year.s@100k',
        value: round(percentile(yearSamples, 95) / 1000, 2),
        unit: 's',
        target: 2,
      },
      { id: 'report.rss_mb@100k', value: megabytes(process.memoryUsage().rss), unit: 'MB' },
    ]
  } finally {
    await store.close()
    dir.remove()
  }
}
