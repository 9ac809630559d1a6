import type { Kysely } from 'kysely'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import {
  cellText,
  type Report,
  type ReportCell,
  type ReportRequest,
  type ReportTable,
} from '../../shared/report'
import { csvText, type CsvCell } from '../platform/csv'
import type { Database } from '../store/schema'
import { readSettings } from '../ledger/settings'
import { collectTables } from './tables'
import { sameDayConflict } from './log'
import { protect } from './protect'
import { reportStories } from './stories'

/** "maart 2026" for "2026-03". */
export const monthLabel = (yearMonth: string) => {
  const names = translate(nl, 'report.monthNames').split(',')
  return `${names[Number(yearMonth.slice(5, 7)) - 1]} ${yearMonth.slice(0, 4)}`
}

/** The method, in plain Dutch, as the report states it at the bottom. */
function method(request: ReportRequest): string[] {
  const t = (name: string) => translate(nl, `report.method.${name}`, { k: request.k })
  return [
    t('what'),
    t('small'),
    t('hidden'),
    ...(request.roundTo5 ? [t('rounded')] : []),
    t('labels'),
    t('reached'),
    t('erasure'),
  ]
}

/** The report as it may be shown and exported: counts only, protected, with its method. */
export async function buildReport(
  db: Kysely<Database>,
  request: ReportRequest,
  now: Date,
  today: string,
): Promise<Report> {
  const raw = await collectTables(db, request, today)
  const wijken =
    request.wijkIds.length === 0
      ? [translate(nl, 'report.allWijken')]
      : (
          await db
            .selectFrom('wijk')
            .select('name')
            .where('id', 'in', request.wijkIds)
            .orderBy('name_key')
            .execute()
        ).map((w) => w.name)
  return {
    request,
    periodLabel:
      request.from === request.to
        ? monthLabel(request.from)
        : `${monthLabel(request.from)} – ${monthLabel(request.to)}`,
    wijken,
    organisation: (await readSettings(db)).organisation,
    generatedAt: now.toISOString(),
    tables: raw.map((table) => protect(table, request.k, request.roundTo5)),
    narrative: request.narrative,
    stories: await reportStories(db, request.storyIds, today),
    method: method(request),
    blockedBy: await sameDayConflict(db, request, now, today),
  }
}

/** The report for Excel: `;`, UTF-8 with a BOM, Dutch headings, one block per table. */
export function reportCsv(report: Report): string {
  const k = report.request.k
  // A count is a number in Excel; "<5" and "×" are the text the report shows.
  const cell = (value: ReportCell | null): CsvCell =>
    value?.kind === 'count' && value.share === undefined ? value.value : cellText(value, k)
  const lines: CsvCell[][] = [
    [translate(nl, 'report.title')],
    ...(report.organisation ? [[report.organisation]] : []),
    [translate(nl, 'report.period'), report.periodLabel],
    [translate(nl, 'report.wijken'), report.wijken.join(', ')],
    [],
  ]
  const tableLines = (table: ReportTable) => {
    const hasTotal = table.rows.some((row) => row.total !== null)
    lines.push([table.title])
    lines.push([
      table.rowHeader,
      ...table.columns.map((c) => c.label),
      ...(hasTotal ? [translate(nl, 'report.total')] : []),
    ])
    for (const row of [...table.rows, ...(table.totals ? [table.totals] : [])]) {
      lines.push([row.label, ...row.cells.map(cell), ...(hasTotal ? [cell(row.total)] : [])])
    }
    if (table.note) lines.push([table.note])
    lines.push([])
  }
  for (const table of report.tables) tableLines(table)
  if (report.stories.length > 0) {
    lines.push([translate(nl, 'report.storiesTitle')])
    for (const story of report.stories) {
      lines.push([story.title])
      for (const paragraph of story.text.split(/\n+/)) lines.push([paragraph])
    }
    lines.push([])
  }
  if (report.narrative) {
    lines.push([translate(nl, 'report.narrativeTitle')])
    for (const paragraph of report.narrative.split(/\n+/)) lines.push([paragraph])
    lines.push([])
  }
  lines.push([translate(nl, 'report.methodTitle')])
  for (const paragraph of report.method) lines.push([paragraph])
  return csvText(lines)
}
