import type { Kysely, Selectable } from 'kysely'
import { localDate } from '../../shared/dates'
import type { Report, ReportExport, ReportRequest } from '../../shared/report'
import { newId } from '../store/ids'
import type { Database, ReportExportTable } from '../store/schema'

/**
 * The export log: every report that left her machine, when, and with which settings (no figures).
 * She sees it under the report; the report uses it to refuse a same-day export that, next to an
 * earlier one, could give a small count away.
 */

export async function logExport(
  db: Kysely<Database>,
  now: Date,
  format: 'csv' | 'pdf',
  report: Report,
  fileName: string,
): Promise<ReportExport> {
  const entry: ReportExport = {
    id: newId(now.getTime()),
    at: now.toISOString(),
    format,
    periodLabel: report.periodLabel,
    wijken: report.wijken,
    k: report.request.k,
    roundTo5: report.request.roundTo5,
    fileName,
    request: report.request,
  }
  await db
    .insertInto('report_export')
    .values({
      id: entry.id,
      at: entry.at,
      format,
      settings: JSON.stringify({
        request: report.request,
        periodLabel: report.periodLabel,
        wijken: report.wijken,
      }),
      file_name: fileName,
    })
    .execute()
  return entry
}

const exportOf = (row: Selectable<ReportExportTable>): ReportExport => {
  const settings = JSON.parse(row.settings) as {
    request: ReportRequest
    periodLabel: string
    wijken: string[]
  }
  return {
    id: row.id,
    at: row.at,
    format: row.format,
    periodLabel: settings.periodLabel,
    wijken: settings.wijken,
    k: settings.request.k,
    roundTo5: settings.request.roundTo5,
    fileName: row.file_name,
    request: settings.request,
  }
}

export async function listExports(db: Kysely<Database>): Promise<ReportExport[]> {
  const rows = await db
    .selectFrom('report_export')
    .selectAll()
    .orderBy('at', 'desc')
    .limit(100)
    .execute()
  return rows.map(exportOf)
}

/** The same figures, cut the same way: period, breakdown, wijken, k and rounding. */
const sameCut = (a: ReportRequest, b: ReportRequest) =>
  a.from === b.from &&
  a.to === b.to &&
  a.breakdown === b.breakdown &&
  a.k === b.k &&
  a.roundTo5 === b.roundTo5 &&
  [...a.wijkIds].sort().join() === [...b.wijkIds].sort().join()

/**
 * An export made today that this report may not join. Two reports over overlapping periods cut
 * differently (another period, breakdown, set of wijken, k or rounding) can be laid side by side:
 * March is January–March minus January–February, and a count hidden in one may be shown, or
 * worked out, in the other. So, on one day, an overlapping report is exported with the same
 * settings as the first, or not at all. A period that does not overlap is always fine.
 */
export async function sameDayConflict(
  db: Kysely<Database>,
  request: ReportRequest,
  now: Date,
  /** Her local date at `now`, as the report has it. */
  today: string,
): Promise<ReportExport | null> {
  // A local day is at most 14 hours off UTC either way: a day and a half back covers it.
  const since = new Date(now.getTime() - 36 * 3600_000).toISOString()
  const rows = await db
    .selectFrom('report_export')
    .selectAll()
    .where('at', '>=', since)
    .orderBy('at')
    .execute()
  for (const entry of rows.map(exportOf)) {
    if (localDate(new Date(entry.at)) !== today) continue
    const other = entry.request
    const overlaps = request.from <= other.to && other.from <= request.to
    if (overlaps && !sameCut(request, other)) return entry
  }
  return null
}
