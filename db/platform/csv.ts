/**
 * The one CSV writer: every CSV the app writes goes through here (tests/unit/csv.test.ts checks
 * that no other code writes one). Made for Dutch Excel: `;` between cells, CRLF between lines,
 * UTF-8 with a byte-order mark so é and ë survive.
 *
 * Text that begins like a formula ("=HYPERLINK(…)", "+1", "-2", "@SUM", a tab or carriage return,
 * or their full-width forms, also after spaces) would run as one when she opens the file in Excel:
 * such a cell gets a leading apostrophe and is always quoted, so Excel shows it as the text it is.
 * Numbers are written as numbers (a count of -1 stays a number).
 */

export type CsvCell = string | number | null | undefined

/** Characters that make a spreadsheet read a cell as a formula (or a DDE command). */
const formulaStart = /^[\s\u00a0]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/

export function csvCell(cell: CsvCell, separator = ';'): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : ''
  const formula = formulaStart.test(cell)
  const text = formula ? `'${cell}` : cell
  const quote = formula || text.includes(separator) || /["\n\r]/.test(text)
  return quote ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvText(
  rows: readonly (readonly CsvCell[])[],
  { separator = ';' }: { separator?: ';' | ',' | '\t' } = {},
): string {
  const lines = rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator))
  return `\ufeff${lines.join('\r\n')}\r\n`
}
