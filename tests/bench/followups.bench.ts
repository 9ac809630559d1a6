import { join } from 'node:path'
import { sql } from 'kysely'
import { dueSummary, todayView } from '../../db/followups/followups'
import { newId } from '../../db/store/ids'
import { openStore } from '../../db/store/store'
import { addDays } from '../../shared/calendar'
import { makeTempDir } from '../support/platform'
import { seededRandom } from './ledger'
import { megabytes, percentile, round, timeEach, type Figure } from './measure'

const people = 100_000
const perPerson = 3
const today = '2026-11-26'

/**
 * Vandaag over 100k people and 300k follow-ups: each person one open follow-up, due anywhere from
 * two months ago to a year ahead, and two done ones. Rows go in directly, in batches: the filling
 * is not what is measured.
 */
export async function followUpsBench(): Promise<Figure[]> {
  const dir = makeTempDir('sprokkelaar-bench-')
  const store = await openStore(join(dir.path, 'followups.db'), '7e'.repeat(32))
  const random = seededRandom(5)
  const stamp = '2026-01-01T00:00:00.000Z'
  try {
    await sql`PRAGMA synchronous = OFF`.execute(store.db)
    for (let start = 0; start < people; start += 1_000) {
      await store.db.transaction().execute(async (trx) => {
        const persons = Array.from({ length: 1_000 }, (_, i) => ({
          id: newId(),
          first_name: `Bewoner ${start + i}`,
          name_key: `bewoner ${start + i}`,
          availability: 0,
          consent_status: 'not_asked' as const,
          status: 'active' as const,
          created_at: stamp,
          updated_at: stamp,
        }))
        await trx.insertInto('person').values(persons).execute()
        const followUps = persons.flatMap((person) =>
          Array.from({ length: perPerson }, (_, k) => ({
            id: newId(),
            person_id: person.id,
            due_on: addDays(today, Math.floor(random() * 425) - 60),
            reason: 'Even bellen',
            status: k === 0 ? ('open' as const) : ('done' as const),
            source: 'manual' as const,
            hidden: 0,
            created_at: stamp,
          })),
        )
        await trx.insertInto('follow_up').values(followUps).execute()
      })
    }
    await sql`PRAGMA synchronous = FULL`.execute(store.db)
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db)

    await todayView(store.db, today) // warm up
    const views = await timeEach(200, () => todayView(store.db, today))
    const summaries = await timeEach(200, () => dueSummary(store.db, today))
    return [
      { id: 'followups.today.p50_ms@100k', value: round(percentile(views, 50)), unit: 'ms' },
      {
        id: 'followups.today.p95_ms@100k',
        value: round(percentile(views, 95)),
        unit: 'ms',
        target: 20,
      },
      { id: 'followups.summary.p95_ms@100k', value: round(percentile(summaries, 95)), unit: 'ms' },
      { id: 'followups.rss_mb@100k', value: megabytes(process.memoryUsage().rss), unit: 'MB' },
    ]
  } finally {
    await store.close()
    dir.remove()
  }
}
