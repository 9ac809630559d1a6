import iconv from 'iconv-lite'
import Papa from 'papaparse'
import type { CsvEncoding, CsvSeparator } from '../../../shared/import'
import type { Cell } from '../cells'
import { CellCount, checkCellLength, checkPlace, unreadable } from './limits'
import type { CsvOptions, ReadFile, ReadWatch } from './sheet'

const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf])
const utf16leBom = Buffer.from([0xff, 0xfe])

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252 (what Dutch Excel
 * writes for "CSV (gescheiden door lijstscheidingsteken)"). Node's own windows-1252 decoder is wrong
 * for 0x80–0x9F (€, curly quotes), so iconv-lite decodes it.
 */
export function detectEncoding(bytes: Buffer): CsvEncoding {
  if (bytes.subarray(0, 2).equals(utf16leBom)) return 'utf-16le'
  if (bytes.subarray(0, 3).equals(utf8Bom)) return 'utf-8'
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return 'utf-8'
  } catch {
    return 'windows-1252'
  }
}

export function decode(bytes: Buffer, encoding: CsvEncoding): string {
  const text = iconv.decode(bytes, encoding === 'utf-16le' ? 'utf16le' : encoding)
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * Every line ending as `\n`. Files stitched together from several sources mix `\r\n`, `\n` and a
 * lone `\r` (old Mac Excel); a parser that guesses one kind reads the others as part of a cell and
 * joins rows. Inside a quoted cell a line break stays a line break.
 */
export const oneLineEnding = (text: string) => text.replace(/\r\n?/g, '\n')

const separators: readonly CsvSeparator[] = [';', ',', '\t']

/**
 * The separator that splits the first lines into the same number of fields (more than one) most
 * often; ties go to `;`, Dutch Excel's list separator.
 */
export function detectSeparator(text: string): CsvSeparator {
  const sample = text.slice(0, 64 * 1024)
  let best: { separator: CsvSeparator; score: number } = { separator: ';', score: -1 }
  for (const separator of separators) {
    const rows = Papa.parse<string[]>(sample, {
      delimiter: separator,
      newline: '\n',
      preview: 50,
    }).data.filter((row) => row.some((cell) => cell.trim() !== ''))
    if (rows.length === 0) continue
    const counts = new Map<number, number>()
    for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1)
    const [width, often] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!
    if (width < 2) continue
    const score = often / rows.length + width / 1000
    if (score > best.score) best = { separator, score }
  }
  return best.separator
}

/** Text that is not text: NUL bytes or many control characters in the first kilobytes. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192)
  let control = 0
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i)
    if (code === 0) return true
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) control++
  }
  return control > sample.length * 0.02
}

/** A CSV file, row by row, with the limits of limits.ts checked on every row as it is read. */
export function readCsv(
  bytes: Buffer,
  options: CsvOptions,
  watch?: ReadWatch,
): Pick<ReadFile, 'sheets' | 'encoding' | 'separator'> {
  const encoding = options.encoding ?? detectEncoding(bytes)
  const decoded = decode(bytes, encoding)
  if (looksBinary(decoded)) throw unreadable('notSpreadsheet')
  const text = oneLineEnding(decoded)
  const separator = options.separator ?? detectSeparator(text)
  const rows: Cell[][] = []
  const cells = new CellCount()
  let failure: unknown
  Papa.parse<string[]>(text, {
    delimiter: separator,
    newline: '\n',
    step: (result, parser) => {
      try {
        const row = rows.length + 1
        cells.add(result.data.length)
        const cellsOfRow: Cell[] = result.data.map((cell, column) => {
          if (cell === '') return null
          checkPlace(row, column)
          checkCellLength(cell, row, column)
          return cell
        })
        rows.push(cellsOfRow)
        if (row % 2000 === 0) watch?.progress(result.meta.cursor, text.length)
      } catch (error) {
        failure = error
        parser.abort()
      }
    },
  })
  if (failure) throw failure
  // A file that ends in a line break has no empty last row.
  while (rows.length > 0 && rows.at(-1)!.every((cell) => cell === null)) rows.pop()
  return { sheets: [{ name: 'CSV', rows }], encoding, separator }
}
