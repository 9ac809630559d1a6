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
  return [
    ...activityTables(scope, activity),
    routeTable(scope, activity, routes),
    channelTable(scope, activity),
    await followUpTable(db, scope, today),
    await connectionTable(db, scope, request.k),
    ...(await outcomeTables(db, scope, request.k)),
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
  const rows = lines.map((line) =>
    wijkRow(scope, line.key, line.label, (w) => activity.routeCounts.get(key(line.key, w)) ?? 0),
  )
  return {
    id: 'routes',
    title: t('routesTitle'),
    rowHeader: t('routeHeader'),
    columns: wijkColumns(scope),
    rows,
    totals: {
      values: scope.wijken.map((_, c) => sum(rows.map((row) => row.values[c]!))),
      total: sum(rows.map((row) => row.total)),
    },
    rowsAdd: true,
    columnsAdd: true,
    note: t('routesNote'),
  }
}

/** Contact moments by channel, per wijk. */
function channelTable(scope: Scope, activity: Activity): RawTable {
  const rows = channels.map((channel) =>
    wijkRow(
      scope,
      channel,
      translate(nl, `channel.${channel}`),
      (w) => activity.channelCounts.get(key(channel, w)) ?? 0,
    ),
  )
  return {
    id: 'channels',
    title: t('channels'),
    rowHeader: t('channel'),
    columns: wijkColumns(scope),
    rows,
    totals: {
      values: scope.wijken.map((_, c) => sum(rows.map((row) => row.values[c]!))),
      total: sum(rows.map((row) => row.total)),
    },
    rowsAdd: true,
    columnsAdd: true,
  }
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

/** Connections made in the period (and still active today), by theme of the initiative. */
async function connectionTable(db: Kysely<Database>, scope: Scope, k: number): Promise<RawTable> {
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
    .filter(([, counts]) => counts.made >= k)
    .sort((a, b) => b[1].made - a[1].made || a[0].localeCompare(b[0], 'nl'))
    .map(([theme, counts]) => ({ key: theme, label: theme, values: [counts.made, counts.active] }))
  const all = [...made.values()]
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
      {
        key: 'all',
        label: t('allConnections'),
        values: [all.length, all.filter((c) => c.active).length],
      },
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
async function outcomeTables(db: Kysely<Database>, scope: Scope, k: number): Promise<RawTable[]> {
  const rows = await sql<{
    connection_id: string
    going: OutcomeAnswer
    met_people: OutcomeAnswer
    gives_back: OutcomeAnswer | null
    wijk_id: string | null
    theme: string | null
  }>`
    SELECT o.connection_id, o.going, o.met_people, o.gives_back, p.wijk_id, t.name AS theme
    FROM connection_outcome o JOIN connection c ON c.id = o.connection_id
    JOIN person p ON p.id = c.person_id
    LEFT JOIN initiative_tag it ON it.initiative_id = c.initiative_id
    LEFT JOIN tag t ON t.id = it.tag_id
    WHERE o.date >= ${scope.start} AND o.date < ${scope.end} AND p.deleted_at IS NULL
    ORDER BY o.date, o.created_at`.execute(db)
  // The latest answer per connection (rows come oldest first), with every theme it has.
  const latest = new Map<string, { answers: Record<OutcomeQuestion, OutcomeAnswer | null> }>()
  const themes = new Map<string, Set<string>>()
  for (const row of rows.rows) {
    if (!scope.inScope(row.wijk_id)) continue
    latest.set(row.connection_id, {
      answers: { going: row.going, metPeople: row.met_people, givesBack: row.gives_back },
    })
    const set = themes.get(row.connection_id) ?? new Set<string>()
    set.add(row.theme ?? t('betweenResidents'))
    themes.set(row.connection_id, set)
  }
  return outcomeQuestions.map((question) => {
    const byTheme = new Map<string, number[]>()
    const all = [0, 0, 0]
    for (const [id, { answers }] of latest) {
      const answer = answers[question]
      if (!answer) continue
      const a = outcomeAnswers.indexOf(answer)
      all[a]!++
      for (const theme of themes.get(id)!) {
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
  const rows = [
    wijkRow(scope, 'with', t('consent.with'), (w) => reached(w)?.consent ?? 0),
    wijkRow(scope, 'without', t('consent.without'), (w) => {
      const r = reached(w)
      return r ? r.n - r.consent : 0
    }),
  ]
  return {
    id: 'consent',
    title: t('consentTitle'),
    rowHeader: t('consentHeader'),
    columns: wijkColumns(scope),
    rows,
    totals: {
      values: scope.wijken.map((_, c) => rows[0]!.values[c]! + rows[1]!.values[c]!),
      total: rows[0]!.total + rows[1]!.total,
    },
    rowsAdd: true,
    columnsAdd: true,
  }
}
