import { sql, type Kysely } from 'kysely'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import { slots } from '../../shared/ledger'
import { bucketOf, monthsBetween, type ReportRequest } from '../../shared/report'
import { routeIn } from '../../shared/routes'
import type { Database } from '../store/schema'
import { bitCounts } from './bit-counts'

/**
 * The counts behind the report, straight from the store: every figure is a count of people,
 * contacts, follow-ups or connections per wijk and month or quarter. Nothing else is read: no
 * name, address, phone, e-mail, note or date finer than a month ever leaves this module and
 * tables.ts, which makes the tables from these counts.
 */

const monthNames = [
  'jan',
  'feb',
  'mrt',
  'apr',
  'mei',
  'jun',
  'jul',
  'aug',
  'sep',
  'okt',
  'nov',
  'dec',
]

export const bucketLabel = (bucket: string) =>
  bucket.includes('-K')
    ? `K${bucket.slice(6)} ${bucket.slice(0, 4)}`
    : `${monthNames[Number(bucket.slice(5, 7)) - 1]} ${bucket.slice(0, 4)}`

const nextMonth = (yearMonth: string) => {
  const year = Number(yearMonth.slice(0, 4))
  const month = Number(yearMonth.slice(5, 7))
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`
}

export interface Scope {
  start: string
  end: string
  buckets: string[]
  /** The wijk rows: id (null: no wijk) and name. */
  wijken: { id: string | null; name: string }[]
  inScope: (wijkId: string | null) => boolean
}

export async function scopeOf(db: Kysely<Database>, request: ReportRequest): Promise<Scope> {
  const months = monthsBetween(request.from, request.to)
  const buckets = [...new Set(months.map((m) => bucketOf(m, request.breakdown)))]
  const all = await db.selectFrom('wijk').select(['id', 'name']).orderBy('name_key').execute()
  const chosen =
    request.wijkIds.length > 0 ? all.filter((w) => request.wijkIds.includes(w.id)) : all
  const ids = new Set(chosen.map((w) => w.id))
  const wijken: Scope['wijken'] = [...chosen]
  if (request.wijkIds.length === 0) wijken.push({ id: null, name: translate(nl, 'report.noWijk') })
  return {
    start: `${request.from}-01`,
    end: `${nextMonth(request.to)}-01`,
    buckets,
    wijken,
    inScope: (wijkId) => (wijkId === null ? request.wijkIds.length === 0 : ids.has(wijkId)),
  }
}

export type Counts = Map<string, number>
export const key = (...parts: (string | null)[]) => parts.map((p) => p ?? '∅').join('|')
export const add = (counts: Counts, k: string, n: number) => counts.set(k, (counts.get(k) ?? 0) + n)

/** What the report counts of contact moments and the residents they reached. */
export interface Activity {
  /** Distinct residents per wijk and bucket. */
  reachedCounts: Counts
  /** Residents whose first contact falls in the bucket. */
  newCounts: Counts
  /** Contact moments per wijk and bucket, and per channel and wijk. */
  momentCounts: Counts
  channelCounts: Counts
  /** Per wijk: residents reached in the whole period, and how many of them gave consent. */
  periodReached: Map<string | null, { n: number; consent: number }>
  /** Residents reached in the period who offer each of the 21 day parts. */
  slotCounts: number[]
  /** Residents reached in the period per route (her list's name, 'other' or 'unknown') and wijk. */
  routeCounts: Counts
}

/** The row a resident's "aangemeld door" counts in: her route, another one, or not recorded. */
export const routeRow = (value: string | null, routes: readonly string[]) =>
  value === null ? 'unknown' : (routeIn(value, routes) ?? 'other')

/**
 * New residents: those whose first contact (the first moment, or "first met" when earlier) falls
 * in the period, with that date. Those whose first moment is in it, from the tally of months the
 * reach reads too (a few rows per resident, in order), unless "first met" came before; and those
 * first met in it before any moment, from the index of "first met" dates. Neither reads every
 * resident's row: with a cold cache that alone took 100 ms at 100k.
 */
export const firstContacts = (scope: Pick<Scope, 'start' | 'end'>) =>
  sql<{ wijk_id: string | null; first: string }>`
    SELECT p.wijk_id, x.first FROM (
      SELECT person_id, min(first_on) AS first FROM report_activity GROUP BY person_id
      HAVING first >= ${scope.start} AND first < ${scope.end}) x
    JOIN person p ON p.id = x.person_id
    WHERE p.deleted_at IS NULL AND (p.first_met_on IS NULL OR p.first_met_on >= x.first)
    UNION ALL
    SELECT p.wijk_id, p.first_met_on FROM person p
    WHERE p.first_met_on >= ${scope.start} AND p.first_met_on < ${scope.end}
      AND p.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM report_activity a
        WHERE a.person_id = p.id AND a.first_on <= p.first_met_on)`

/**
 * Reads the tallies the store keeps (migration 0007) rather than every contact moment: per
 * resident and year the months with a contact, and moments per wijk, month and channel.
 */
export async function collectActivity(
  db: Kysely<Database>,
  request: ReportRequest,
  scope: Scope,
  routes: readonly string[],
): Promise<Activity> {
  const months = monthsBetween(request.from, request.to)
  const firstYear = Number(request.from.slice(0, 4))
  const lastYear = Number(request.to.slice(0, 4))

  const momentCounts: Counts = new Map()
  const channelCounts: Counts = new Map()
  const tally = await db
    .selectFrom('report_tally')
    .select(['wijk_key', 'month', 'channel', 'moments'])
    .where('month', '>=', request.from)
    .where('month', '<=', request.to)
    .where('moments', '>', 0)
    .execute()
  for (const row of tally) {
    const wijkId = row.wijk_key === '' ? null : row.wijk_key
    if (!scope.inScope(wijkId)) continue
    add(momentCounts, key(wijkId, bucketOf(row.month, request.breakdown)), row.moments)
    add(channelCounts, key(row.channel, wijkId), row.moments)
  }

  // Residents reached, counted in SQL over the tally of months: per resident one bit per bucket of
  // the period (at most 60), then per wijk and route how many residents have each bit, consent, and
  // each day part.
  const period = BigInt(months.length)
  const bucketMasks = scope.buckets.map((bucket) =>
    months.reduce(
      (mask, month, i) =>
        bucketOf(month, request.breakdown) === bucket ? mask | (1n << BigInt(i)) : mask,
      0n,
    ),
  )
  const shift = `a.year * 12 - ${firstYear * 12 + Number(request.from.slice(5, 7)) - 1}`
  // One year's row: its months in the period (bit i: the period's month i), then its buckets (the
  // months themselves when each bucket is one month). A bucket lies within one year, so a
  // resident's rows set different bits and their sum is their or.
  const monthsOfRow = `((a.months << (${shift})) & ${(1n << period) - 1n})`
  const bucketsOfRow = bucketMasks.every((mask, b) => mask === 1n << BigInt(b))
    ? monthsOfRow
    : bucketMasks.map((mask, b) => `(((${monthsOfRow} & ${mask}) != 0) << ${b})`).join(' | ')
  const reach = bitCounts('buckets', scope.buckets.length, 'b')
  const offered = bitCounts('availability', slots.length, 's')
  const perWijk = await sql<
    Record<string, number> & { wijk_id: string | null; route: string | null }
  >`
    SELECT wijk_id, route, n, consent, ${sql.raw([...reach.counts, ...offered.counts].join(', '))}
    FROM (
      SELECT wijk_id, route, count(*) AS n, sum(consent) AS consent,
        ${sql.raw([...reach.sums, ...offered.sums].join(', '))} FROM (
        SELECT p.wijk_id, p.referred_by AS route,
          p.consent_status IN ('verbal', 'written') AS consent, p.availability,
          sum(${sql.raw(bucketsOfRow)}) AS buckets
        FROM report_activity a JOIN person p ON p.id = a.person_id
        WHERE a.year >= ${firstYear} AND a.year <= ${lastYear} AND p.deleted_at IS NULL
        GROUP BY a.person_id)
      WHERE buckets != 0 GROUP BY wijk_id, route)`.execute(db)
  const reachedCounts: Counts = new Map()
  const periodReached: Activity['periodReached'] = new Map()
  const slotCounts = new Array<number>(slots.length).fill(0)
  const routeCounts: Counts = new Map()
  // One row per wijk and route: each resident has one of each, so the wijk's figures are the sums.
  for (const row of perWijk.rows) {
    if (!scope.inScope(row.wijk_id)) continue
    scope.buckets.forEach((bucket, b) =>
      add(reachedCounts, key(row.wijk_id, bucket), row[`b_${b}`]!),
    )
    const reached = periodReached.get(row.wijk_id) ?? { n: 0, consent: 0 }
    reached.n += row['n']!
    reached.consent += row['consent']!
    periodReached.set(row.wijk_id, reached)
    add(routeCounts, key(routeRow(row.route, routes), row.wijk_id), row['n']!)
    slots.forEach((_, i) => (slotCounts[i]! += row[`s_${i}`]!))
  }

  const newPeople = await firstContacts(scope).execute(db)
  const newCounts: Counts = new Map()
  for (const row of newPeople.rows) {
    if (!scope.inScope(row.wijk_id)) continue
    add(newCounts, key(row.wijk_id, bucketOf(row.first.slice(0, 7), request.breakdown)), 1)
  }
  return {
    reachedCounts,
    newCounts,
    momentCounts,
    channelCounts,
    periodReached,
    slotCounts,
    routeCounts,
  }
}
