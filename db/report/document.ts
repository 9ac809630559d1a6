import { localDate } from '../../shared/dates'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import { chartBelow, chartOf, type ReportChart } from '../../shared/report-charts'
import { cellText, type Report, type ReportTable } from '../../shared/report'
import { escapeHtml, printDocument } from '../platform/html'
import { monthLabel } from './report'

/**
 * The report as one self-contained A4 document for printing to PDF: the same protected tables as
 * on screen, a bar chart beside each, her stories, the method, the period, the wijken and her
 * organisation. Built from the Report only, so it can hold nothing the report does not; no script,
 * no link, nothing to fetch (its policy allows inline styles and nothing else).
 */

const t = (name: string, values?: Record<string, string | number>) =>
  translate(nl, `report.${name}`, values)

const barHeight = 16
const gap = 4
const valueWidth = 34

/** A horizontal bar chart in SVG: one bar per line, the table's own mark where it has no count. */
export function chartSvg(
  chart: ReportChart,
  { labelWidth = 110, barsWidth = 130, longest = 18 } = {},
): string {
  const max = Math.max(1, ...chart.bars.map((bar) => bar.value ?? 0))
  const height = chart.bars.length * (barHeight + gap)
  const width = labelWidth + barsWidth + valueWidth
  const rows = chart.bars.map((bar, i) => {
    const y = i * (barHeight + gap)
    const length = !bar.value ? 0 : Math.max(1, (bar.value / max) * barsWidth)
    const middle = y + barHeight / 2 + 4
    const label = bar.label.length > longest ? `${bar.label.slice(0, longest - 1)}…` : bar.label
    return [
      `<text x="${labelWidth - 6}" y="${middle}" text-anchor="end">${escapeHtml(label)}</text>`,
      `<rect x="${labelWidth}" y="${y}" width="${length.toFixed(1)}" height="${barHeight}" rx="2"/>`,
      `<text x="${labelWidth + length + 4}" y="${middle}">${escapeHtml(bar.text)}</text>`,
    ].join('')
  })
  return `<svg class="chart" role="img" aria-label="${escapeHtml(chart.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}</svg>`
}

function tableHtml(table: ReportTable, k: number): string {
  const hasTotal = table.rows.some((row) => row.total !== null)
  const head = [
    table.rowHeader,
    ...table.columns.map((c) => c.label),
    ...(hasTotal ? [t('total')] : []),
  ]
    .map((label) => `<th scope="col">${escapeHtml(label)}</th>`)
    .join('')
  const body = [...table.rows, ...(table.totals ? [table.totals] : [])]
    .map((row) => {
      const cells = [...row.cells, ...(hasTotal ? [row.total] : [])]
        .map((cell) => `<td>${escapeHtml(cellText(cell, k))}</td>`)
        .join('')
      const total = row === table.totals ? ' class="total"' : ''
      return `<tr${total}><th scope="row">${escapeHtml(row.label)}</th>${cells}</tr>`
    })
    .join('')
  const empty =
    table.rows.length === 0
      ? `<p class="muted">${escapeHtml(translate(nl, 'reportView.nothing'))}</p>`
      : ''
  const note = table.note ? `<p class="note">${escapeHtml(table.note)}</p>` : ''
  const chart = chartOf(table, k)
  const wide = chartBelow(table) ? ' wide' : ''
  return `<section class="block${wide}"><h2>${escapeHtml(table.title)}</h2><div class="pair"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${chart ? chartSvg(chart) : ''}</div>${empty}${note}</section>`
}

const style = `
@page { size: A4; margin: 16mm 14mm 18mm; }
* { box-sizing: border-box; }
body { font-family: 'Liberation Sans', Arial, Helvetica, sans-serif; font-size: 9.5pt; color: #1d2329; margin: 0; }
header { border-bottom: 2px solid #2f6f62; margin-bottom: 10pt; padding-bottom: 6pt; }
.organisation { font-size: 10pt; color: #2f6f62; font-weight: bold; margin: 0 0 2pt; }
h1 { font-size: 18pt; margin: 0 0 4pt; }
h2 { font-size: 11pt; margin: 0 0 4pt; }
.meta { margin: 0; color: #4a545e; }
.legend { color: #4a545e; font-size: 8.5pt; margin: 6pt 0 10pt; }
.block { break-inside: avoid; margin-bottom: 12pt; }
.pair { display: flex; gap: 12pt; align-items: flex-start; }
.wide .pair { flex-direction: column; }
table { border-collapse: collapse; flex: 1 1 auto; }
th, td { border-bottom: 1px solid #d5dbe0; padding: 2pt 5pt; text-align: right; font-variant-numeric: tabular-nums; }
th[scope="row"], thead th:first-child { text-align: left; font-weight: normal; }
thead th { font-weight: bold; border-bottom: 1.5px solid #1d2329; }
tr.total th, tr.total td { font-weight: bold; border-top: 1.5px solid #1d2329; }
.chart { flex: none; font-size: 8pt; fill: #1d2329; }
.chart rect { fill: #2f6f62; }
.note, .muted { color: #4a545e; font-size: 8.5pt; margin: 3pt 0 0; }
.text p { margin: 0 0 5pt; }
.stories { border-left: 3px solid #2f6f62; padding-left: 8pt; }
h3 { font-size: 10pt; margin: 6pt 0 2pt; }
`

/** The whole document, ready for printing. */
export function reportDocument(report: Report): string {
  const k = report.request.k
  const madeIn = monthLabel(localDate(new Date(report.generatedAt)).slice(0, 7))
  const paragraphs = (texts: string[]) => texts.map((p) => `<p>${escapeHtml(p)}</p>`).join('')
  const narrative = report.narrative
    ? `<section class="block text"><h2>${escapeHtml(t('narrativeTitle'))}</h2>${paragraphs(report.narrative.split(/\n+/))}</section>`
    : ''
  // Cijfers én verhalen: her stories right after the figures of reach, before the details.
  const stories = report.stories.length
    ? `<section class="block text stories"><h2>${escapeHtml(t('storiesTitle'))}</h2>${report.stories
        .map((story) => `<h3>${escapeHtml(story.title)}</h3>${paragraphs(story.text.split(/\n+/))}`)
        .join('')}</section>`
    : ''
  const tables = report.tables.map((table) => tableHtml(table, k))
  return printDocument({
    title: `${t('title')} ${report.periodLabel}`,
    style,
    body: `<header>
${report.organisation ? `<p class="organisation">${escapeHtml(report.organisation)}</p>` : ''}
<h1>${escapeHtml(t('title'))}: ${escapeHtml(report.periodLabel)}</h1>
<p class="meta">${escapeHtml(t('wijken'))}: ${escapeHtml(report.wijken.join(', '))}</p>
<p class="meta">${escapeHtml(t('madeIn', { month: madeIn }))}</p>
</header>
<p class="legend">${escapeHtml(translate(nl, 'reportView.legend', { k }))}</p>
${tables.slice(0, 3).join('\n')}
${stories}
${tables.slice(3).join('\n')}
${narrative}
<section class="block text"><h2>${escapeHtml(t('methodTitle'))}</h2>${paragraphs(report.method)}</section>`,
  })
}
