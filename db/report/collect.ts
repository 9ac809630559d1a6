import { sql, type Kysely } from 'kysely'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import { channels, dayParts, days, slots } from '../../shared/ledger'
import { bucketOf, monthsBetween, type ReportRequest } from '../../shared/report'
import type { Database } from '../store/schema'
import type { RawTable } from './protect'

/**
 * The counts behind the report, straight from the store: every figure is a count of people,
 * contacts, follow-ups or connections per wijk and month or quarter. Nothing else is read: no
 * name, address, phone, e-mail, note or date finer than a month ever leaves this module.
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

const bucketLabel = (bucket: string) =>
  bucket.includes('-K')
    ? `K${bucket.slice(6)} ${bucket.slice(0, 4)}`
    : `${monthNames[Number(bucket.slice(5, 7)) - 1]} ${bucket.slice(0, 4)}`

const nextMonth = (yearMonth: string) => {
  const year = Number(yearMonth.slice(0, 4))
  const month = Number(yearMonth.slice(5, 7))
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`
}

interface Scope {
  start: string
  end: string
  buckets: string[]
  /** The wijk rows: id (null: no wijk) and name. */
  wijken: { id: string | null; name: string }[]
  inScope: (wijkId: string | null) => boolean
}

async function scopeOf(db: Kysely<Database>, request: ReportRequest): Promise<Scope> {
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

type Counts = Map<string, number>
const key = (...parts: (string | null)[]) => parts.map((p) => p ?? '∅').join('|')
const add = (counts: Counts, k: string, n: number) => counts.set(k, (counts.get(k) ?? 0) + n)

/** What the report counts of contact moments and the residents they reached. */
interface Activity {
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
}

/**
 * Reads the tallies the store keeps (migration 0007) rather than every contact moment: per
 * resident and year the months with a contact, and moments per wijk, month and channel.
 */
async function collectActivity(
  db: Kysely<Database>,
  request: ReportRequest,
  scope: Scope,
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

  // Residents reached, counted in SQL over the tally of months: per resident the months of the
  // period with a contact as one integer (bit i: the period's month i; at most 60 months), then per
  // wijk how many residents have a bit in each bucket, consent, and each day part.
  const period = BigInt(months.length)
  const bucketMasks = scope.buckets.map((bucket) =>
    months.reduce(
      (mask, month, i) =>
        bucketOf(month, request.breakdown) === bucket ? mask | (1n << BigInt(i)) : mask,
      0n,
    ),
  )
  const shift = `a.year * 12 - ${firstYear * 12 + Number(request.from.slice(5, 7)) - 1}`
  const columns = [
    ...bucketMasks.map((mask, b) => `sum((bits & ${mask}) != 0) AS b${b}`),
    ...slots.map((_, i) => `sum((availability >> ${i}) & 1) AS s${i}`),
  ].join(', ')
  const perWijk = await sql<Record<string, number> & { wijk_id: string | null }>`
    SELECT wijk_id, count(*) AS n, sum(consent) AS consent, ${sql.raw(columns)} FROM (
      SELECT p.wijk_id, p.consent_status IN ('verbal', 'written') AS consent, p.availability,
        sum((a.months << (${sql.raw(shift)})) & ${sql.raw(String((1n << period) - 1n))}) AS bits
      FROM report_activity a JOIN person p ON p.id = a.person_id
      WHERE a.year >= ${firstYear} AND a.year <= ${lastYear} AND p.deleted_at IS NULL
      GROUP BY a.person_id)
    WHERE bits != 0 GROUP BY wijk_id`.execute(db)
  const reachedCounts: Counts = new Map()
  const periodReached: Activity['periodReached'] = new Map()
  const slotCounts = new Array<number>(slots.length).fill(0)
  for (const row of perWijk.rows) {
    if (!scope.inScope(row.wijk_id)) continue
    scope.buckets.forEach((bucket, b) => reachedCounts.set(key(row.wijk_id, bucket), row[`b${b}`]!))
    periodReached.set(row.wijk_id, { n: row['n']!, consent: row['consent']! })
    slots.forEach((_, i) => (slotCounts[i]! += row[`s${i}`]!))
  }

  // New residents: the first contact (the first moment, or "first met" when earlier) in the period.
  const newPeople = await sql<{ wijk_id: string | null; first: string }>`
    SELECT wijk_id, first FROM (
      SELECT p.wijk_id, min(coalesce(p.first_met_on, '9999'), coalesce(
        (SELECT min(a.first_on) FROM report_activity a WHERE a.person_id = p.id), '9999')) AS first
      FROM person p WHERE p.deleted_at IS NULL)
    WHERE first >= ${scope.start} AND first < ${scope.end}`.execute(db)
  const newCounts: Counts = new Map()
  for (const row of newPeople.rows) {
    if (!scope.inScope(row.wijk_id)) continue
    add(newCounts, key(row.wijk_id, bucketOf(row.first.slice(0, 7), request.breakdown)), 1)
  }
  return { reachedCounts, newCounts, momentCounts, channelCounts, periodReached, slotCounts }
}

export async function collectTables(
  db: Kysely<Database>,
  request: ReportRequest,
  today: string,
): Promise<RawTable[]> {
  const scope = await scopeOf(db, request)
  const t = (name: string, values?: Record<string, string | number>) =>
    translate(nl, `report.${name}`, values)
  const wijkRows = scope.wijken
  const bucketColumns = scope.buckets.map((bucket) => ({ key: bucket, label: bucketLabel(bucket) }))
  const wijkColumns = wijkRows.map((w) => ({ key: w.id ?? 'none', label: w.name }))

  const activity = await collectActivity(db, request, scope)
  const { reachedCounts, newCounts, momentCounts, channelCounts } = activity

  /** Wijk × bucket, with row totals (sums, or as given) and column totals (sums). */
  const wijkByBucket = (
    id: string,
    title: string,
    counts: Counts,
    rowTotal?: (wijkId: string | null) => number,
    note?: string,
  ): RawTable => {
    const rows = wijkRows.map((w) => {
      const values = scope.buckets.map((b) => counts.get(key(w.id, b)) ?? 0)
      return {
        key: w.id ?? 'none',
        label: w.name,
        values,
        total: rowTotal ? rowTotal(w.id) : values.reduce((a, b) => a + b, 0),
      }
    })
    const columnTotals = scope.buckets.map((_, c) =>
      rows.reduce((sum, row) => sum + row.values[c]!, 0),
    )
    const grand = rowTotal
      ? rows.reduce((sum, row) => sum + row.total, 0)
      : columnTotals.reduce((a, b) => a + b, 0)
    return {
      id,
      title,
      rowHeader: t('wijk'),
      columns: bucketColumns,
      rows,
      totals: { values: columnTotals, total: grand },
      rowsAdd: !rowTotal,
      columnsAdd: true,
      ...(note ? { note } : {}),
    }
  }

  const tables: RawTable[] = [
    wijkByBucket(
      'reached',
      t('reached'),
      reachedCounts,
      (w) => activity.periodReached.get(w)?.n ?? 0,
      t('reachedNote'),
    ),
    wijkByBucket('new', t('newPeople'), newCounts, undefined, t('newPeopleNote')),
    wijkByBucket('moments', t('moments'), momentCounts),
  ]

  // Contact moments by channel, per wijk.
  const channelRows = channels.map((channel) => {
    const values = wijkRows.map((w) => channelCounts.get(key(channel, w.id)) ?? 0)
    return {
      key: channel,
      label: translate(nl, `channel.${channel}`),
      values,
      total: values.reduce((a, b) => a + b, 0),
    }
  })
  tables.push({
    id: 'channels',
    title: t('channels'),
    rowHeader: t('channel'),
    columns: wijkColumns,
    rows: channelRows,
    totals: {
      values: wijkRows.map((_, c) => channelRows.reduce((sum, row) => sum + row.values[c]!, 0)),
      total: channelRows.reduce((sum, row) => sum + row.total, 0),
    },
    rowsAdd: true,
    columnsAdd: true,
  })

  // Follow-ups done in the period, and those due in it that were late (done after, or still open).
  const followUps = await sql<{ wijk_id: string | null; done: number; late: number }>`
    SELECT p.wijk_id,
      sum(f.status = 'done' AND f.closed_at >= ${scope.start} AND f.closed_at < ${scope.end}) AS done,
      sum(f.due_on >= ${scope.start} AND f.due_on < ${scope.end} AND f.source != 'ask_again' AND (
        (f.status = 'open' AND f.due_on < ${today}) OR
        (f.status = 'done' AND substr(f.closed_at, 1, 10) > f.due_on))) AS late
    FROM follow_up f JOIN person p ON p.id = f.person_id
    WHERE p.deleted_at IS NULL GROUP BY 1`.execute(db)
  const followUpsBy = new Map(followUps.rows.map((r) => [r.wijk_id, r]))
  const followUpRow = (name: 'done' | 'late') => {
    const values = wijkRows.map((w) => followUpsBy.get(w.id)?.[name] ?? 0)
    return {
      key: name,
      label: t(`followUps.${name}`),
      values,
      total: values.reduce((a, b) => a + b, 0),
    }
  }
  tables.push({
    id: 'followUps',
    title: t('followUpsTitle'),
    rowHeader: t('followUpsHeader'),
    columns: wijkColumns,
    rows: [followUpRow('done'), followUpRow('late')],
    rowsAdd: true,
    columnsAdd: false,
  })

  // Connections made in the period (and still active today), by theme of the initiative.
  const connections = await sql<{
    id: string
    status: string
    wijk_id: string | null
    theme: string | null
  }>`
    SELECT c.id, c.status, p.wijk_id, t.name AS theme
    FROM connection c JOIN person p ON p.id = c.person_id
    LEFT JOIN initiative_tag it ON it.initiative_id = c.initiative_id
    LEFT JOIN tag t ON t.id = it.tag_id
    WHERE c.date >= ${scope.start} AND c.date < ${scope.end} AND p.deleted_at IS NULL`.execute(db)
  const made = new Map<string, { active: boolean; themes: Set<string> }>()
  for (const row of connections.rows) {
    if (!scope.inScope(row.wijk_id)) continue
    const entry = made.get(row.id) ?? { active: row.status === 'actief', themes: new Set<string>() }
    entry.themes.add(row.theme ?? t('betweenResidents'))
    made.set(row.id, entry)
  }
  const byTheme = new Map<string, { made: number; active: number }>()
  for (const { active, themes } of made.values()) {
    for (const theme of themes) {
      const entry = byTheme.get(theme) ?? { made: 0, active: 0 }
      entry.made++
      if (active) entry.active++
      byTheme.set(theme, entry)
    }
  }
  // A theme is named only when at least k connections have it: a rare label says too much.
  const themeRows = [...byTheme]
    .filter(([, counts]) => counts.made >= request.k)
    .sort((a, b) => b[1].made - a[1].made || a[0].localeCompare(b[0], 'nl'))
    .map(([theme, counts]) => ({ key: theme, label: theme, values: [counts.made, counts.active] }))
  const all = [...made.values()]
  tables.push({
    id: 'connections',
    title: t('connections'),
    rowHeader: t('theme'),
    columns: [
      { key: 'made', label: t('made') },
      { key: 'active', label: t('stillActive') },
    ],
    rows: [
      ...themeRows,
      {
        key: 'all',
        label: t('allConnections'),
        values: [all.length, all.filter((c) => c.active).length],
      },
    ],
    rowsAdd: false,
    columnsAdd: false,
    note: t('themesNote', { k: request.k }),
  })

  // Passions mobilised: the tags of the people connected in the period.
  const passions = await sql<{ name: string; n: number; wijk_id: string | null }>`
    SELECT t.name, p.wijk_id, count(DISTINCT p.id) AS n
    FROM connection c JOIN person p ON p.id = c.person_id
    JOIN person_tag pt ON pt.person_id = p.id JOIN tag t ON t.id = pt.tag_id AND t.kind = 'passion'
    WHERE c.date >= ${scope.start} AND c.date < ${scope.end} AND p.deleted_at IS NULL
    GROUP BY t.id, p.wijk_id`.execute(db)
  const passionCounts = new Map<string, number>()
  for (const row of passions.rows)
    if (scope.inScope(row.wijk_id)) add(passionCounts, row.name, row.n)
  tables.push({
    id: 'passions',
    title: t('passions'),
    rowHeader: t('passion'),
    columns: [{ key: 'people', label: t('people') }],
    rows: [...passionCounts]
      .filter(([, n]) => n >= request.k)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'nl'))
      .slice(0, 10)
      .map(([name, n]) => ({ key: name, label: name, values: [n] })),
    rowsAdd: false,
    columnsAdd: false,
    note: t('themesNote', { k: request.k }),
  })

  // Availability offered: day parts of the people reached in the period.
  const slotCounts = activity.slotCounts
  tables.push({
    id: 'availability',
    title: t('availability'),
    rowHeader: t('day'),
    columns: dayParts.map((part) => ({ key: part, label: translate(nl, `dayPart.${part}`) })),
    rows: days.map((day, d) => ({
      key: day,
      label: translate(nl, `day.${day}`),
      values: dayParts.map((_, p) => slotCounts[d * 3 + p]!),
    })),
    rowsAdd: false,
    columnsAdd: false,
  })

  // Consent: of the people reached, with consent recorded (verbal or written) or not.
  const consentRow = (name: 'with' | 'without') => {
    const values = wijkRows.map((w) => {
      const r = activity.periodReached.get(w.id)
      if (!r) return 0
      return name === 'with' ? r.consent : r.n - r.consent
    })
    return {
      key: name,
      label: t(`consent.${name}`),
      values,
      total: values.reduce((a, b) => a + b, 0),
    }
  }
  const consentRows = [consentRow('with'), consentRow('without')]
  tables.push({
    id: 'consent',
    title: t('consentTitle'),
    rowHeader: t('consentHeader'),
    columns: wijkColumns,
    rows: consentRows,
    totals: {
      values: wijkRows.map((_, c) => consentRows[0]!.values[c]! + consentRows[1]!.values[c]!),
      total: consentRows[0]!.total + consentRows[1]!.total,
    },
    rowsAdd: true,
    columnsAdd: true,
  })
  return tables
}
