import { basename } from 'node:path'
import type { Kysely } from 'kysely'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import type { Report, ReportExport } from '../../shared/report'
import { StoreError } from '../store/errors'
import type { Platform } from '../platform/platform'
import type { Database } from '../store/schema'
import { saveFile } from '../platform/save'
import { reportDocument } from './document'
import { logExport } from './log'
import { reportCsv } from './report'
import { logStoryExport } from './stories'

const fileName = (report: Report, extension: string) => {
  const { from, to } = report.request
  return `verantwoording-${from}${from === to ? '' : `-${to}`}.${extension}`
}

/**
 * Asks her where to save, makes the file's bytes and writes them (platform/save.ts), then logs the
 * export (what, when, which settings). Null when she cancels the dialog: then nothing is made, written or logged.
 */
export async function saveExport(
  db: Kysely<Database>,
  platform: Platform,
  report: Report,
  format: 'csv' | 'pdf',
  bytes: () => Promise<string | Uint8Array>,
  defaultName = fileName(report, format),
): Promise<ReportExport | null> {
  // A story about someone without the consent "opnemen in verhalen" never leaves her machine.
  if (report.stories.some((story) => story.withoutConsent > 0)) {
    throw new StoreError('conflict', translate(nl, 'errors.storyWithoutConsent'))
  }
  if (report.blockedBy) {
    const { periodLabel, wijken, k } = report.blockedBy
    throw new StoreError(
      'conflict',
      translate(nl, 'report.sameDay', { period: periodLabel, wijken: wijken.join(', '), k }),
    )
  }
  const path = await saveFile(
    platform,
    {
      title: translate(nl, 'report.saveTitle'),
      filters: [{ name: translate(nl, `report.${format}Filter`), extensions: [format] }],
      defaultName,
    },
    bytes,
  )
  if (!path) return null
  const entry = await logExport(db, platform.now(), format, report, basename(path))
  await logStoryExport(db, entry.id, report.stories)
  return entry
}

/** The report as CSV for Excel, where she chooses. */
export const exportCsv = (db: Kysely<Database>, platform: Platform, report: Report) =>
  saveExport(db, platform, report, 'csv', async () => reportCsv(report))

/** The report as an A4 PDF with its charts, printed through the platform, where she chooses. */
export const exportPdf = (db: Kysely<Database>, platform: Platform, report: Report) =>
  saveExport(db, platform, report, 'pdf', () => platform.printToPdf(reportDocument(report)))
