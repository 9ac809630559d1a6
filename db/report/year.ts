import type { Kysely } from 'kysely'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import { chartOf, type ReportChart } from '../../shared/report-charts'
import {
  cellText,
  yearRequest,
  type Report,
  type ReportCell,
  type ReportExport,
  type ReportTable,
  type YearOverview,
} from '../../shared/report'
import type { Platform } from '../platform/platform'
import { escapeHtml, printDocument } from '../platform/html'
import type { Database } from '../store/schema'
import { chartSvg } from './document'
import { saveExport } from './exports'
import { buildReport } from './report'

/**
 * Het jaaroverzicht: the page she hands to her manager or the wethouder. Reach, new residents,
 * routes, connections by theme with what they brought, follow-ups kept, two stories, charts beside
 * the figures and the method in plain Dutch at the bottom. Everything on it is read from the
 * year's protected report (report.ts), so it can show nothing the report would not: every count is
 * the report's cell, "<k" and "×" included.
 */

const t = (name: string, values?: Record<string, string | number>) =>
  translate(nl, `year.${name}`, values)

const tableOf = (report: Report, id: string): ReportTable => {
  const table = report.tables.find((candidate) => candidate.id === id)
  if (!table) throw new Error(`The report has no table ${id}`)
  return table
}

/** The whole year's figure of a table: its grand total, or the total of its one row. */
const yearTotal = (table: ReportTable): ReportCell | null =>
  table.totals?.total ?? table.rows[0]?.total ?? null

const rowByKey = (table: ReportTable, key: string) => table.rows.find((row) => row.key === key)

/** A key figure: the report's cell as it prints, big, with what it counts under it. */
function figure(label: string, cell: ReportCell | null, k: number): string {
  return `<div class="figure"><span class="number">${escapeHtml(cellText(cell, k) || '0')}</span><span class="label">${escapeHtml(label)}</span></div>`
}

/** A chart without the lines that are 0: a page has no room for them. */
const withoutZeros = (chart: ReportChart | null): ReportChart | null =>
  chart && { ...chart, bars: chart.bars.filter((bar) => bar.value !== 0) }

/** Per theme: connections made and still active, and the share who still go and met people. */
function themesHtml(report: Report, k: number): string {
  const connections = tableOf(report, 'connections')
  const going = tableOf(report, 'outcome-going')
  const met = tableOf(report, 'outcome-metPeople')
  const yes = (table: ReportTable, key: string) => {
    const row = rowByKey(table, key)
    return row ? cellText(row.cells[0] ?? null, k) : '–'
  }
  const rows = connections.rows
    .map(
      (row) =>
        `<tr><th scope="row">${escapeHtml(row.label)}</th>${[
          cellText(row.cells[0] ?? null, k),
          cellText(row.cells[1] ?? null, k),
          yes(going, row.key),
          yes(met, row.key),
        ]
          .map((text) => `<td>${escapeHtml(text)}</td>`)
          .join('')}</tr>`,
    )
    .join('')
  const head = [t('theme'), t('made'), t('active'), t('going'), t('met')]
    .map((label) => `<th scope="col">${escapeHtml(label)}</th>`)
    .join('')
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`
}

const style = `
@page { size: A4; margin: 12mm 12mm 12mm; }
* { box-sizing: border-box; }
body { font-family: 'Liberation Sans', Arial, Helvetica, sans-serif; font-size: 8.5pt; color: #1d2329; margin: 0; }
header { border-bottom: 2px solid #2f6f62; margin-bottom: 6pt; padding-bottom: 4pt; }
.organisation { font-size: 9pt; color: #2f6f62; font-weight: bold; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 2pt; }
h2 { font-size: 10pt; margin: 0 0 3pt; color: #2f6f62; }
h3 { font-size: 9pt; margin: 0 0 2pt; }
.meta { margin: 0; color: #4a545e; }
.figures { display: flex; gap: 6pt; margin: 6pt 0 8pt; }
.figure { flex: 1; border: 1px solid #d5dbe0; border-radius: 4pt; padding: 4pt 6pt; }
.figure .number { display: block; font-size: 16pt; font-weight: bold; color: #2f6f62; }
.figure .label { color: #4a545e; }
.columns { display: flex; gap: 10pt; }
.columns > div { flex: 1; min-width: 0; }
section { margin-bottom: 7pt; break-inside: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #d5dbe0; padding: 1.5pt 4pt; text-align: right; font-variant-numeric: tabular-nums; }
th[scope="row"], thead th:first-child { text-align: left; font-weight: normal; }
thead th { font-weight: bold; border-bottom: 1.2px solid #1d2329; }
.chart { font-size: 7.5pt; fill: #1d2329; max-width: 100%; height: auto; }
.chart rect { fill: #2f6f62; }
.story { border-left: 3px solid #2f6f62; padding-left: 6pt; margin-bottom: 5pt; }
.story p { margin: 0 0 3pt; }
.method { color: #4a545e; font-size: 7.5pt; border-top: 1px solid #d5dbe0; padding-top: 4pt; }
.method p { margin: 0 0 2pt; }
`

/** The one page, from the year's protected report. */
export function yearDocument(report: Report): string {
  const k = report.request.k
  const year = report.request.from.slice(0, 4)
  const wijk = report.wijken.join(', ')
  const followUps = tableOf(report, 'followUps')
  const reachChart = chartOf(tableOf(report, 'reached'), k)
  const quarters = tableOf(report, 'reached')
  const perQuarter: ReportChart | null = quarters.totals
    ? {
        tableId: 'reached-quarters',
        title: t('perQuarter'),
        bars: quarters.columns.map((column, c) => {
          const cell = quarters.totals!.cells[c] ?? null
          return {
            label: column.label,
            value: cell?.kind === 'count' ? cell.value : null,
            text: cellText(cell, k),
          }
        }),
      }
    : null
  const routes = withoutZeros(chartOf(tableOf(report, 'routes'), k))
  // Half a page wide: room for a route's whole name.
  const wide = { labelWidth: 150, barsWidth: 80, longest: 32 }
  const stories = report.stories
    .map(
      (story) =>
        `<div class="story"><h3>${escapeHtml(story.title)}</h3>${story.text
          .split(/\n+/)
          .map((p) => `<p>${escapeHtml(p)}</p>`)
          .join('')}</div>`,
    )
    .join('')
  return printDocument({
    title: `${t('title', { year })}: ${wijk}`,
    style,
    body: `<header>
${report.organisation ? `<p class="organisation">${escapeHtml(report.organisation)}</p>` : ''}
<h1>${escapeHtml(t('title', { year }))}: ${escapeHtml(wijk)}</h1>
<p class="meta">${escapeHtml(translate(nl, 'reportView.legend', { k }))}</p>
</header>
<div class="figures">
${figure(t('reached'), yearTotal(quarters), k)}
${figure(t('new'), yearTotal(tableOf(report, 'new')), k)}
${figure(t('moments'), yearTotal(tableOf(report, 'moments')), k)}
${figure(t('connections'), rowByKey(tableOf(report, 'connections'), 'all')?.cells[0] ?? null, k)}
${figure(t('followUpsDone'), rowByKey(followUps, 'done')?.total ?? null, k)}
</div>
<div class="columns">
<div>
<section><h2>${escapeHtml(t('reachTitle'))}</h2>${perQuarter ? chartSvg(perQuarter, wide) : ''}${
      report.request.wijkIds.length === 0 && reachChart ? chartSvg(reachChart, wide) : ''
    }</section>
<section><h2>${escapeHtml(t('routesTitle'))}</h2>${routes && routes.bars.length > 0 ? chartSvg(routes, wide) : `<p class="meta">${escapeHtml(t('nothing'))}</p>`}</section>
<section><h2>${escapeHtml(t('followUpsTitle'))}</h2><p>${escapeHtml(
      t('followUps', {
        done: cellText(rowByKey(followUps, 'done')?.total ?? null, k) || '0',
        late: cellText(rowByKey(followUps, 'late')?.total ?? null, k) || '0',
      }),
    )}</p></section>
</div>
<div>
<section><h2>${escapeHtml(t('themesTitle'))}</h2>${themesHtml(report, k)}<p class="meta">${escapeHtml(t('themesNote', { k }))}</p></section>
${stories ? `<section><h2>${escapeHtml(t('storiesTitle'))}</h2>${stories}</section>` : ''}
</div>
</div>
<section class="method"><h2>${escapeHtml(t('methodTitle'))}</h2>${report.method.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</section>`,
  })
}

/** The year's page as a PDF where she chooses, logged like every export. */
export async function exportYear(
  db: Kysely<Database>,
  platform: Platform,
  input: YearOverview,
  now: Date,
  today: string,
): Promise<ReportExport | null> {
  const report = await buildReport(db, yearRequest(input), now, today)
  // A wijk's name as a file name can hold: letters, digits and dashes.
  const wijk = input.wijkId
    ? `-${report.wijken[0]!.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}`
    : ''
  return saveExport(
    db,
    platform,
    report,
    'pdf',
    () => platform.printToPdf(yearDocument(report)),
    `jaaroverzicht-${input.year}${wijk}.pdf`,
  )
}
