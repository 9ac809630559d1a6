import { sql, type Kysely } from 'kysely'
import { nl } from '../../shared/i18n/nl'
import { translate } from '../../shared/i18n/messages'
import { StoreError } from '../store/errors'
import { addInterval } from '../../shared/calendar'
import type { KeepPeople, ReviewItem, ReviewView } from '../../shared/privacy'
import { readSettings } from '../ledger/settings'
import type { WriteContext } from '../ledger/write-context'
import { summaryColumns, toSummary } from '../ledger/rows'
import type { Database } from '../store/schema'
import { written, type Written } from '../store/written'
import { logPrivacy } from './log'

/**
 * The bewaartermijn review: residents without contact for longer than her setting (by their last
 * contact, or the day they came in when there was none), and those reaching it within a month.
 * Someone she chose to keep comes back when the date she set has come. Nothing happens to anyone
 * here without her decision: keep (why, and until when), anonymise or erase.
 */

/** The expression the partial index person_review (migration 0009) is on: keep them the same. */
const since = sql<string>`coalesce(person.last_contact_on, substr(person.created_at, 1, 10))`

/** How many rows of each list the view carries; the counts are always whole. */
export const reviewListLimit = 500

/**
 * The people of one range of the review: their last contact (or first day) after `after` and up to
 * `upTo`, not in the trash or anonymised, and not kept past today. Read from the partial index
 * person_review (its plan is tested).
 */
export function reviewQuery(
  db: Kysely<Database>,
  range: { after?: string | undefined; upTo: string },
  today: string,
) {
  let query = db
    .selectFrom('person')
    .where('person.deleted_at', 'is', null)
    .where('person.anonymised_at', 'is', null)
    .where(since, '<=', range.upTo)
    .where((eb) =>
      eb.or([eb('person.keep_until', 'is', null), eb('person.keep_until', '<=', today)]),
    )
  if (range.after) query = query.where(since, '>', range.after)
  return query
}

async function reviewList(
  db: Kysely<Database>,
  range: { after?: string; upTo: string },
  today: string,
  retentionMonths: number,
) {
  const query = reviewQuery(db, range, today)
  const { count } = await query
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  const rows = await query
    .leftJoin('wijk', 'wijk.id', 'person.wijk_id')
    .select([...summaryColumns, since.as('since'), 'person.keep_until', 'person.keep_reason'])
    .orderBy(since)
    .orderBy('person.id')
    .limit(reviewListLimit)
    .execute()
  const items = rows.map((row): ReviewItem => ({
    person: toSummary(row),
    since: row.since,
    reviewOn: addInterval(row.since, { count: retentionMonths, unit: 'month' }),
    keptUntil: row.keep_until,
    keepReason: row.keep_reason,
  }))
  return { count, items }
}

export async function reviewView(db: Kysely<Database>, today: string): Promise<ReviewView> {
  const { retentionMonths } = await readSettings(db)
  const cutoff = addInterval(today, { count: -retentionMonths, unit: 'month' })
  const soonCutoff = addInterval(cutoff, { count: 1, unit: 'month' })
  return {
    retentionMonths,
    past: await reviewList(db, { upTo: cutoff }, today, retentionMonths),
    soon: await reviewList(db, { after: cutoff, upTo: soonCutoff }, today, retentionMonths),
  }
}

/** How many are past the bewaartermijn today (the reminder's count; never names). */
export async function pastReviewCount(db: Kysely<Database>, today: string): Promise<number> {
  const { retentionMonths } = await readSettings(db)
  const cutoff = addInterval(today, { count: -retentionMonths, unit: 'month' })
  const { count } = await reviewQuery(db, { upTo: cutoff }, today)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  return count
}

/** She keeps them past the bewaartermijn: why, and the day they come up again. */
export async function keepPeople(
  db: Kysely<Database>,
  input: KeepPeople,
  at: WriteContext,
): Promise<Written<{ count: number }>> {
  if (input.until <= at.today) {
    throw new StoreError('invalid_input', translate(nl, 'validation.keepUntilFuture'))
  }
  const count = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('person')
      .set({ keep_until: input.until, keep_reason: input.reason, updated_at: at.now.toISOString() })
      .where('id', 'in', input.ids)
      .where('deleted_at', 'is', null)
      .where('anonymised_at', 'is', null)
      .executeTakeFirst()
    const n = Number(result.numUpdatedRows)
    if (n > 0) await logPrivacy(trx, 'keep', at.now, n)
    return n
  })
  return written({ count }, {})
}
