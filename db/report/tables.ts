import { sql, type Kysely } from 'kysely'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import { channels, dayParts, days } from '../../shared/ledger'
import {
  outcomeAnswers,
  outcomeQuestions,
  type OutcomeAnswer,
  type OutcomeQuestion,
} from '../../shared/connect'
import type { ReportRequest } from '../../shared/report'
import type { Database } from '../store/schema'
import { readSettings } from '../ledger/settings'
import {
  add,
  bucketLabel,
  collectActivity,
  key,
  scopeOf,
  type Activity,
  type Counts,
  type Scope,
} from './collect'
import type { RawTable } from './protect'

/**
 * The report's tables, each from counts only (see collect.ts): per wijk and month or quarter, by
 * channel, follow-ups, connections by theme, passions, day parts and consent. Protection comes
 * after (protect.ts).
 */
export async function collectTables(
  db: Kysely<Database>,
  request: ReportRequest,
  today: string,
): Promise<RawTable[]> {
  const scope = await scopeOf(db, request)
  const { routes } = await readSettings(db)
  const activity = await collectActivity(db, request, scope, routes)
  const connections = await countedConnections(db, scope)
  return [
    ...activityTables(scope, activity),
    routeTable(scope, activity, routes),
    channelTable(scope, activity),
    await followUpTable(db, scope, today),
    connectionTable(connections, request.k),
    ...outcomeTables(connections, request.k),
    await passionTable(db, scope, request.k),
    availabilityTable(activity),
    consentTable(scope, activity),
  ]
}

const t = (name: string, values?: Record<string, string | number>) =>
  translate(nl, `report.${name}`, values)

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0)

/** A row whose columns are the wijken of the report, with its total. */
function wijkRow(scope: Scope, rowKey: string, label: string, value: (w: string | null) => number) {
  const values = scope.wijken.map((w) => value(w.id))
  return { key: rowKey, label, values, total: sum(values) }
}

const wijkColumns = (scope: Scope) =>
  scope.wijken.map((w) => ({ key: w.id ?? 'none', label: w.name }))

/** Lines by wijk, each with its total, and the wijken's totals under them: they add up both ways. */
function linesByWijk(
  scope: Scope,
  table: { id: string; title: string; rowHeader: string; note?: string },
  rows: RawTable['rows'],
): RawTable {
  return {
    ...table,
    columns: wijkColumns(scope),
    rows,
    totals: {
      values: scope.wijken.map((_, c) => sum(rows.map((row) => row.values[c]!))),
      total: sum(rows.map((row) => row.total!)),
    },
    rowsAdd: true,
    columnsAdd: true,
  }
}

/** Wijk × bucket, with row totals (sums, or as given) and column totals (sums). */
function wijkByBucket(
  scope: Scope,
  table: { id: string; title: string; note?: string },
  counts: Counts,
  rowTotal?: (wijkId: string | null) => number,
): RawTable {
  const rows = scope.wijken.map((w) => {
    const values = scope.buckets.map((b) => counts.get(key(w.id, b)) ?? 0)
    return {
      key: w.id ?? 'none',
      label: w.name,
      values,
      total: rowTotal ? rowTotal(w.id) : sum(values),
    }
  })
  const columnTotals = scope.buckets.map((_, c) => sum(rows.map((row) => row.values[c]!)))
  return {
    ...table,
    rowHeader: t('wijk'),
    columns: scope.buckets.map((bucket) => ({ key: bucket, label: bucketLabel(bucket) })),
    rows,
    totals: {
      values: columnTotals,
      total: rowTotal ? sum(rows.map((r) => r.total)) : sum(columnTotals),
    },
    rowsAdd: !rowTotal,
    columnsAdd: true,
  }
}

/** Residents reached, new residents and contact moments, per wijk and month or quarter. */
function activityTables(scope: Scope, activity: Activity): RawTable[] {
  return [
    wijkByBucket(
      scope,
      { id: 'reached', title: t('reached'), note: t('reachedNote') },
      activity.reachedCounts,
      (w) => activity.periodReached.get(w)?.n ?? 0,
    ),
    wijkByBucket(
      scope,
      { id: 'new', title: t('newPeople'), note: t('newPeopleNote') },
      activity.newCounts,
    ),
    wijkByBucket(scope, { id: 'moments', title: t('moments') }, activity.momentCounts),
  ]
}

/**
 * Residents reached by the route they came in by (aangemeld door), per wijk: each resident once,
 * so rows and columns add up to the residents reached. Her list's routes in her order, then any
 * other route a sheet brought in, then those with none recorded.
 */
function routeTable(scope: Scope, activity: Activity, routes: readonly string[]): RawTable {
  const lines = [
    ...routes.map((route) => ({ key: route, label: route })),
    { key: 'other', label: t('routes.other') },
    { key: 'unknown', label: t('routes.unknown') },
  ]
  return linesByWijk(
    scope,
    { id: 'routes', title: t('routesTitle'), rowHeader: t('routeHeader'), note: t('routesNote') },
    lines.map((line) =>
      wijkRow(scope, line.key, line.label, (w) => activity.routeCounts.get(key(line.key, w)) ?? 0),
    ),
  )
}

/** Contact moments by channel, per wijk. */
function channelTable(scope: Scope, activity: Activity): RawTable {
  return linesByWijk(
    scope,
    { id: 'channels', title: t('channels'), rowHeader: t('channel') },
    channels.map((channel) =>
      wijkRow(
        scope,
        channel,
        translate(nl, `channel.${channel}`),
        (w) => activity.channelCounts.get(key(channel, w)) ?? 0,
      ),
    ),
  )
}

/** Follow-ups done in the period, and those due in it that were late (done after, or still open). */
async function followUpTable(db: Kysely<Database>, scope: Scope, today: string): Promise<RawTable> {
  const followUps = await sql<{ wijk_id: string | null; done: number; late: number }>`
    SELECT p.wijk_id,
      sum(f.status = 'done' AND f.closed_at >= ${scope.start} AND f.closed_at < ${scope.end}) AS done,
      sum(f.due_on >= ${scope.start} AND f.due_on < ${scope.end} AND f.source != 'ask_again' AND (
        (f.status = 'open' AND f.due_on < ${today}) OR
        (f.status = 'done' AND substr(f.closed_at, 1, 10) > f.due_on))) AS late
    FROM follow_up f JOIN person p ON p.id = f.person_id
    WHERE p.deleted_at IS NULL GROUP BY 1`.execute(db)
  const byWijk = new Map(followUps.rows.map((r) => [r.wijk_id, r]))
  const row = (name: 'done' | 'late') =>
    wijkRow(scope, name, t(`followUps.${name}`), (w) => byWijk.get(w)?.[name] ?? 0)
  return {
    id: 'followUps',
    title: t('followUpsTitle'),
    rowHeader: t('followUpsHeader'),
    columns: wijkColumns(scope),
    rows: [row('done'), row('late')],
    rowsAdd: true,
    columnsAdd: false,
  }
}

/** A connection as the report counts it: its wijk, themes, whether made in the period, answers. */
interface CountedConnection {
  wijkId: string | null
  /** The themes of its initiative; none for person ↔ person or an initiative without one. */
  themes: string[]
  /** Made in the period (the connections table counts these). */
  made: boolean
  active: boolean
  /** Its latest answers in the period, if she asked (the outcome tables count these). */
  answers: Record<OutcomeQuestion, OutcomeAnswer | null> | null
}

/**
 * The connections the report counts, read once for both the connections table and what they
 * brought: made in the period, or asked after in it. Each one's latest answer in the period comes
 * with it (SQLite takes the bare columns from the row with the max); its initiative's themes from
 * a map of the few initiatives, not a lookup per connection.
 */
async function countedConnections(
  db: Kysely<Database>,
  scope: Scope,
): Promise<CountedConnection[]> {
  const rows = await sql<{
    initiative_id: string | null
    status: string
    made: number
    wijk_id: string | null
    going: OutcomeAnswer | null
    met_people: OutcomeAnswer | null
    gives_back: OutcomeAnswer | null
  }>`
    SELECT c.initiative_id, c.status, c.date >= ${scope.start} AND c.date < ${scope.end} AS made,
      p.wijk_id, l.going, l.met_people, l.gives_back
    FROM connection c JOIN person p ON p.id = c.person_id
    LEFT JOIN (SELECT connection_id, max(date || created_at) AS at, going, met_people, gives_back
      FROM connection_outcome WHERE date >= ${scope.start} AND date < ${scope.end}
      GROUP BY connection_id) l ON l.connection_id = c.id
    WHERE p.deleted_at IS NULL
      AND ((c.date >= ${scope.start} AND c.date < ${scope.end}) OR l.connection_id IS NOT NULL)`.execute(
    db,
  )
  const tagged = await db
    .selectFrom('initiative_tag')
    .innerJoin('tag', 'tag.id', 'initiative_tag.tag_id')
    .select(['initiative_tag.initiative_id', 'tag.name'])
    .execute()
  const themesOf = new Map<string, string[]>()
  for (const row of tagged) {
    const list = themesOf.get(row.initiative_id) ?? []
    list.push(row.name)
    themesOf.set(row.initiative_id, list)
  }
  const counted: CountedConnection[] = []
  for (const row of rows.rows) {
    if (!scope.inScope(row.wijk_id)) continue
    counted.push({
      wijkId: row.wijk_id,
      themes: (row.initiative_id && themesOf.get(row.initiative_id)) || [],
      made: row.made === 1,
      active: row.status === 'actief',
      answers: row.going
        ? { going: row.going, metPeople: row.met_people, givesBack: row.gives_back }
        : null,
    })
  }
  return counted
}

/** The rows a connection counts in: each theme of its initiative, or "bewoner met bewoner". */
const themesOf = (connection: CountedConnection) =>
  connection.themes.length > 0 ? connection.themes : [t('betweenResidents')]

/** Connections made in the period (and still active today), by theme of the initiative. */
function connectionTable(connections: CountedConnection[], k: number): RawTable {
  const byTheme = new Map<string, { made: number; active: number }>()
  const all = { made: 0, active: 0 }
  for (const connection of connections) {
    if (!connection.made) continue
    all.made++
    if (connection.active) all.active++
    for (const theme of themesOf(connection)) {
      const entry = byTheme.get(theme) ?? { made: 0, active: 0 }
      entry.made++
      if (connection.active) entry.active++
      byTheme.set(theme, entry)
    }
  }
  // A theme is named only when at least k connections have it: a rare label says too much.
  const themeRows = [...byTheme]
    .filter(([, counts]) => counts.made >= k)
    .sort((a, b) => b[1].made - a[1].made || a[0].localeCompare(b[0], 'nl'))
    .map(([theme, counts]) => ({ key: theme, label: theme, values: [counts.made, counts.active] }))
  return {
    id: 'connections',
    title: t('connections'),
    rowHeader: t('theme'),
    columns: [
      { key: 'made', label: t('made') },
      { key: 'active', label: t('stillActive') },
    ],
    rows: [
      ...themeRows,
      { key: 'all', label: t('allConnections'), values: [all.made, all.active] },
    ],
    rowsAdd: false,
    columnsAdd: false,
    note: t('themesNote', { k }),
  }
}

/**
 * What connections brought, one table per question: per theme of the initiative (named from k
 * connections on) and for all connections, how many she asked in the period and how many answered
 * yes, somewhat or no. Each connection counts once per question, with its latest answer in the
 * period; the three answers add up to those asked, and a share is shown only beside a count the
 * table shows (protect.ts), never beside "<k".
 */
function outcomeTables(connections: CountedConnection[], k: number): RawTable[] {
  return outcomeQuestions.map((question) => {
    const byTheme = new Map<string, number[]>()
    const all = [0, 0, 0]
    for (const connection of connections) {
      const answer = connection.answers?.[question]
      if (!answer) continue
      const a = outcomeAnswers.indexOf(answer)
      all[a]!++
      for (const theme of themesOf(connection)) {
        const counts = byTheme.get(theme) ?? [0, 0, 0]
        counts[a]!++
        byTheme.set(theme, counts)
      }
    }
    const themeRows = [...byTheme]
      .filter(([, counts]) => sum(counts) >= k)
      .sort((a, b) => sum(b[1]) - sum(a[1]) || a[0].localeCompare(b[0], 'nl'))
      .map(([theme, values]) => ({ key: theme, label: theme, values, total: sum(values) }))
    return {
      id: `outcome-${question}`,
      title: t(`outcomes.${question}`),
      rowHeader: t('theme'),
      columns: outcomeAnswers.map((answer) => ({
        key: answer,
        label: t(`outcomes.answer.${question}.${answer}`),
      })),
      rows: [
        ...themeRows,
        { key: 'all', label: t('allConnections'), values: all, total: sum(all) },
      ],
      rowsAdd: true,
      columnsAdd: false,
      shares: true,
      note: t('outcomes.note', { k }),
    }
  })
}

/** Passions mobilised: the tags of the people connected in the period, named from k people on. */
async function passionTable(db: Kysely<Database>, scope: Scope, k: number): Promise<RawTable> {
  const passions = await sql<{ name: string; n: number; wijk_id: string | null }>`
    SELECT t.name, p.wijk_id, count(DISTINCT p.id) AS n
    FROM connection c JOIN person p ON p.id = c.person_id
    JOIN person_tag pt ON pt.person_id = p.id JOIN tag t ON t.id = pt.tag_id AND t.kind = 'passion'
    WHERE c.date >= ${scope.start} AND c.date < ${scope.end} AND p.deleted_at IS NULL
    GROUP BY t.id, p.wijk_id`.execute(db)
  const counts = new Map<string, number>()
  for (const row of passions.rows) if (scope.inScope(row.wijk_id)) add(counts, row.name, row.n)
  return {
    id: 'passions',
    title: t('passions'),
    rowHeader: t('passion'),
    columns: [{ key: 'people', label: t('people') }],
    rows: [...counts]
      .filter(([, n]) => n >= k)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'nl'))
      .slice(0, 10)
      .map(([name, n]) => ({ key: name, label: name, values: [n] })),
    rowsAdd: false,
    columnsAdd: false,
    note: t('themesNote', { k }),
  }
}

/** Availability offered: day parts of the people reached in the period. */
function availabilityTable(activity: Activity): RawTable {
  return {
    id: 'availability',
    title: t('availability'),
    rowHeader: t('day'),
    columns: dayParts.map((part) => ({ key: part, label: translate(nl, `dayPart.${part}`) })),
    rows: days.map((day, d) => ({
      key: day,
      label: translate(nl, `day.${day}`),
      values: dayParts.map((_, p) => activity.slotCounts[d * 3 + p]!),
    })),
    rowsAdd: false,
    columnsAdd: false,
  }
}

/** Consent: of the people reached, with consent recorded (verbal or written) or not. */
function consentTable(scope: Scope, activity: Activity): RawTable {
  const reached = (w: string | null) => activity.periodReached.get(w)
  return linesByWijk(
    scope,
    { id: 'consent', title: t('consentTitle'), rowHeader: t('consentHeader') },
    [
      wijkRow(scope, 'with', t('consent.with'), (w) => reached(w)?.consent ?? 0),
      wijkRow(scope, 'without', t('consent.without'), (w) => {
        const r = reached(w)
        return r ? r.n - r.consent : 0
      }),
    ],
  )
}
