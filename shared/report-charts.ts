import { cellText, type ReportCell, type ReportTable } from './report'

/**
 * What the report draws beside its tables, decided once for the screen (recharts) and the PDF
 * (plain SVG): one bar per line of the table, from the protected cells only. A count that is
 * "<k" or hidden gets no bar, only its mark, so a chart never shows more than its table.
 */

export interface ChartBar {
  label: string
  /** The count, or null when the table does not show it. */
  value: number | null
  /** What the table shows: "12", "<5" or "×". */
  text: string
}

export interface ReportChart {
  tableId: string
  title: string
  bars: ChartBar[]
}

const bar = (label: string, cell: ReportCell | null, k: number): ChartBar => ({
  label,
  value: cell?.kind === 'count' ? cell.value : null,
  text: cellText(cell, k),
})

/**
 * Per table, what is worth a picture: per wijk or channel its total, over time the totals row,
 * per theme or passion its count. The day-part grid is a picture already and gets none.
 */
const pick: Record<string, (table: ReportTable, k: number) => ChartBar[]> = {
  reached: (table, k) => table.rows.map((row) => bar(row.label, row.total, k)),
  new: (table, k) =>
    table.columns.map((column, c) => bar(column.label, table.totals?.cells[c] ?? null, k)),
  moments: (table, k) =>
    table.columns.map((column, c) => bar(column.label, table.totals?.cells[c] ?? null, k)),
  channels: (table, k) => table.rows.map((row) => bar(row.label, row.total, k)),
  followUps: (table, k) => table.rows.map((row) => bar(row.label, row.total, k)),
  connections: (table, k) =>
    table.rows.filter((row) => row.key !== 'all').map((row) => bar(row.label, row.cells[0]!, k)),
  routes: (table, k) => table.rows.map((row) => bar(row.label, row.total, k)),
  ...Object.fromEntries(
    ['going', 'metPeople', 'givesBack'].map((question) => [`outcome-${question}`, allAnswers]),
  ),
  passions: (table, k) => table.rows.map((row) => bar(row.label, row.cells[0]!, k)),
  consent: (table, k) => table.rows.map((row) => bar(row.label, row.total, k)),
}

/** Per answer, for all connections (a theme's row would be the same picture, smaller). */
function allAnswers(table: ReportTable, k: number): ChartBar[] {
  const all = table.rows.find((row) => row.key === 'all')
  return table.columns.map((column, c) => bar(column.label, all?.cells[c] ?? null, k))
}

/** The chart of a table, or null when it has none or nothing to draw. */
export function chartOf(table: ReportTable, k: number): ReportChart | null {
  const bars = pick[table.id]?.(table, k)
  if (!bars || bars.every((b) => !b.value)) return null
  return { tableId: table.id, title: table.title, bars }
}

/** A wide table (a year per month) gets its chart below it rather than beside it. */
export const chartBelow = (table: ReportTable): boolean => table.columns.length > 6
