import { writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Kysely } from 'kysely'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import type { Report, ReportExport } from '../../shared/report'
import { StoreError } from '../errors'
import { newId } from '../ids'
import type { Platform } from '../platform'
import type { Database } from '../schema'
import { reportCsv } from './report'

/**
 * Saves the report as CSV where she chooses, and logs the export (what, when, which settings).
 * Null when she cancels the dialog: then nothing is written or logged.
 */
export async function exportCsv(
  db: Kysely<Database>,
  platform: Platform,
  report: Report,
): Promise<ReportExport | null> {
  const { from, to } = report.request
  const path = await platform.chooseSaveFile({
    title: translate(nl, 'report.saveTitle'),
    filters: [{ name: translate(nl, 'report.csvFilter'), extensions: ['csv'] }],
    defaultName: `verantwoording-${from}${from === to ? '' : `-${to}`}.csv`,
  })
  if (!path) return null
  try {
    await writeFile(path, reportCsv(report), 'utf8')
  } catch {
    throw new StoreError('internal', translate(nl, 'report.saveFailed', { name: basename(path) }))
  }
  return logExport(db, platform.now(), 'csv', report, basename(path))
}

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

export async function listExports(db: Kysely<Database>): Promise<ReportExport[]> {
  const rows = await db
    .selectFrom('report_export')
    .selectAll()
    .orderBy('at', 'desc')
    .limit(100)
    .execute()
  return rows.map((row) => {
    const settings = JSON.parse(row.settings) as {
      request: Report['request']
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
    }
  })
}
