import { join } from 'node:path'
import { sql } from 'kysely'
import { erasePeople } from '../../db/privacy/erase'
import { collectInzage } from '../../db/privacy/inzage'
import { inzageDocument } from '../../db/privacy/inzage-document'
import { insertConsent } from '../../db/privacy/consent'
import { reviewView } from '../../db/privacy/review'
import { openStore } from '../../db/store/store'
import { makeTempDir } from '../support/platform'
import { at } from '../support/ledger'
import { fill } from './fill'
import { seededRandom, syntheticPeople } from './ledger'
import { megabytes, percentile, round, timeEach, type Figure } from './measure'

const people = 100_000
const today = '2026-03-02'

/**
 * Beschermen over 100k residents made through the app's own writes (tags, a moment each), their
 * last contacts spread over five years so that the review has tens of thousands past the
 * bewaartermijn, a consent record with its renewal follow-up for every tenth, and twenty stored
 * report stories (which an erase reads for names):
 * - the review: both lists (counts whole, the first 500 rows each);
 * - an inzage: everything about one resident and its A4 document, without printing (the PDF is
 *   the shell's printToPDF, which cannot run here);
 * - erasing one resident for good, with the checkpoint that truncates the WAL (in a ledger this size
 *   the rewrite of the file is left for the daily round or the quit: measured once, apart).
 */
export async function privacyBench(): Promise<Figure[]> {
  const dir = makeTempDir('sprokkelaar-bench-')
  const store = await openStore(join(dir.path, 'privacy.db'), '7d'.repeat(32))
  const random = seededRandom(16)
  try {
    await fill(store, syntheticPeople(people, 16))
    await sql`PRAGMA synchronous = OFF`.execute(store.db)
    await sql`UPDATE person SET last_contact_on =
      date('2021-03-01', '+' || (abs(random()) % 1825) || ' days')`.execute(store.db)
    const ids = (await sql<{ id: string }>`SELECT id FROM person`.execute(store.db)).rows.map(
      (row) => row.id,
    )
    await store.db.transaction().execute(async (trx) => {
      for (let i = 0; i < ids.length; i += 10) {
        await insertConsent(
          trx,
          {
            personId: ids[i]!,
            purpose: 'share',
            given: true,
            date: '2025-06-01',
            how: 'mondeling',
          },
          2,
          at(),
        )
      }
      for (let i = 0; i < 20; i++) {
        await trx
          .insertInto('report_export')
          .values({
            id: `export-${i}`,
            at: '2026-01-01T10:00:00.000Z',
            format: 'pdf',
            settings: JSON.stringify({
              request: {
                from: '2025-10',
                to: '2025-12',
                narrative: 'Jan en Fatima kookten samen voor de buurt. '.repeat(20),
              },
              periodLabel: 'vierde kwartaal 2025',
              wijken: ['Noord'],
            }),
            file_name: `verantwoording-${i}.pdf`,
          })
          .execute()
      }
    })
    await sql`PRAGMA synchronous = FULL`.execute(store.db)
    store.checkpoint()

    await reviewView(store.db, today) // warm up
    const reviews = await timeEach(50, () => reviewView(store.db, today))
    const sample = (n: number) =>
      Array.from({ length: n }, () => ids[Math.floor(random() * ids.length)]!)
    const looked = sample(50)
    const inzages = await timeEach(looked.length, async (i) =>
      inzageDocument(await collectInzage(store.db, looked[i]!, today)),
    )
    const erased = [...new Set(sample(60))].slice(0, 50)
    const erases = await timeEach(erased.length, (i) => erasePeople(store, [erased[i]!], at()))
    // The rewrite an erase leaves pending in a ledger this size (done in the daily round or at quit).
    const scrubStarted = performance.now()
    store.scrub()
    const scrubSeconds = (performance.now() - scrubStarted) / 1000
    const past = (await reviewView(store.db, today)).past.count
    if (past < 10_000) throw new Error('privacy bench: expected tens of thousands past the term')
    return [
      {
        id: 'privacy.review.p95_ms@100k',
        value: round(percentile(reviews, 95)),
        unit: 'ms',
        target: 100,
      },
      {
        id: 'privacy.inzage.p95_ms@100k',
        value: round(percentile(inzages, 95)),
        unit: 'ms',
        target: 1_000,
      },
      {
        id: 'privacy.erase.p95_ms@100k',
        value: round(percentile(erases, 95)),
        unit: 'ms',
        target: 50,
      },
      { id: 'privacy.erase.p50_ms@100k', value: round(percentile(erases, 50)), unit: 'ms' },
      { id: 'privacy.scrub_s@100k', value: round(scrubSeconds, 2), unit: 's' },
      { id: 'privacy.rss_mb@100k', value: megabytes(process.memoryUsage().rss), unit: 'MB' },
    ]
  } finally {
    await store.close()
    dir.remove()
  }
}
