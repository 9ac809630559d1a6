import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import { buildReport } from '../../db/report/report'
import type { Database } from '../../db/store/schema'
import { openStore } from '../../db/store/store'
import { channels } from '../../shared/ledger'
import { reportRequestSchema } from '../../shared/report'
import { makeTempDir } from '../support/platform'
import { seededRandom, wijken } from './ledger'
import { megabytes, percentile, round, timeEach, type Figure } from './measure'

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
 * month, all wijken: the counts, the suppression and its audit.
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
        wijken.map((name, i) => [`w${i}`, name, name.toLowerCase(), 'x']),
      )
      const people: unknown[][] = []
      const moments: unknown[][] = []
      for (let p = 0; p < 100_000; p++) {
        people.push([
          `p${p}`,
          `Bewoner ${p}`,
          `bewoner ${p}`,
          random() < 0.05 ? null : `w${Math.floor(random() * wijken.length)}`,
          Math.floor(random() * 2 ** 21),
          ['not_asked', 'verbal', 'written'][Math.floor(random() * 3)],
          'active',
          'x',
          'x',
        ])
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
    return [
      { id: 'report.summary.p50_ms@100k', value: round(percentile(samples, 50)), unit: 'ms' },
      {
        id: 'report.summary.p95_ms@100k',
        value: round(percentile(samples, 95)),
        unit: 'ms',
        target: 500,
      },
      { id: 'report.rss_mb@100k', value: megabytes(process.memoryUsage().rss), unit: 'MB' },
    ]
  } finally {
    await store.close()
    dir.remove()
  }
}
