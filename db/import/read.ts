import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import Papa from 'papaparse'
import type { CsvEncoding, CsvSeparator, ImportFormat } from '../../shared/import'
import { nl } from '../../shared/i18n/nl'
import { translate } from '../../shared/i18n/messages'
import { StoreError } from '../store/errors'
import type { Cell } from './cells'

export interface Sheet {
  name: string
  rows: Cell[][]
}

export interface ReadFile {
  fileName: string
  format: ImportFormat
  sheets: Sheet[]
  /** CSV only: how it was read (detected, or as she chose). */
  encoding?: CsvEncoding
  separator?: CsvSeparator
}

export interface CsvOptions {
  encoding?: CsvEncoding | undefined
  separator?: CsvSeparator | undefined
}

/** 50 MB: ten times the largest ledger we have seen, and small enough to hold in memory. */
const maxFileBytes = 50 * 1024 * 1024

const unreadable = (key: keyof typeof nl.import.errors, values?: Record<string, string>) =>
  new StoreError('file_unreadable', translate(nl, `import.errors.${key}`, values))

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const oleMagic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

/** Reads a spreadsheet from disk, whatever its extension claims: the bytes decide. */
export async function readSpreadsheet(path: string, csv: CsvOptions = {}): Promise<ReadFile> {
  const fileName = basename(path)
  let bytes: Buffer
  try {
    if ((await stat(path)).size > maxFileBytes) throw unreadable('tooLarge')
    bytes = await readFile(path)
  } catch (error) {
    if (error instanceof StoreError) throw error
    throw unreadable('cannotOpen', { name: fileName })
  }
  if (bytes.length === 0 || bytes.toString('latin1').trim() === '') throw unreadable('empty')
  if (bytes.subarray(0, 4).equals(zipMagic)) {
    return { fileName, format: 'xlsx', sheets: await readXlsx(bytes) }
  }
  if (bytes.subarray(0, 8).equals(oleMagic)) {
    // Office keeps a password-protected .xlsx in an OLE container with an "EncryptionInfo" stream.
    const encrypted = bytes.includes(Buffer.from('EncryptionInfo', 'utf16le'))
    throw unreadable(encrypted ? 'passwordProtected' : 'oldExcel')
  }
  return { fileName, format: 'csv', ...readCsv(bytes, csv) }
}

async function readXlsx(bytes: Buffer): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer)
  } catch {
    throw unreadable('damaged')
  }
  const sheets = workbook.worksheets
    .filter((sheet) => sheet.state === 'visible' || sheet.state === undefined)
    .map((sheet) => {
      const rows: Cell[][] = []
      sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
        const cells: Cell[] = []
        const values = row.values as ExcelJS.CellValue[]
        for (let col = 1; col < values.length; col++) cells.push(excelCell(values[col]))
        rows[rowNumber - 1] = cells
      })
      // eachRow skips the rows before the first one with anything in it.
      for (let i = 0; i < rows.length; i++) rows[i] ??= []
      return { name: sheet.name, rows }
    })
  return sheets
}

/** One exceljs cell value as the plain value Excel shows: formulas by their result. */
function excelCell(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value
  }
  if (value instanceof Date) return value
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result
    if (result && typeof result === 'object' && 'error' in result) return null
    return excelCell(result as ExcelJS.CellValue)
  }
  if ('hyperlink' in value) {
    const text = (value as { text?: unknown }).text
    return typeof text === 'string' ? text : excelCell(text as ExcelJS.CellValue)
  }
  return null // errors (#N/B) and anything exceljs adds later
}

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

const separators: readonly CsvSeparator[] = [';', ',', '\t']

/**
 * The separator that splits the first lines into the same number of fields (more than one) most
 * often; ties go to `;`, Dutch Excel's list separator.
 */
export function detectSeparator(text: string): CsvSeparator {
  const sample = text.slice(0, 64 * 1024)
  let best: { separator: CsvSeparator; score: number } = { separator: ';', score: -1 }
  for (const separator of separators) {
    const rows = Papa.parse<string[]>(sample, { delimiter: separator, preview: 50 }).data.filter(
      (row) => row.some((cell) => cell.trim() !== ''),
    )
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

function readCsv(
  bytes: Buffer,
  options: CsvOptions,
): Pick<ReadFile, 'sheets' | 'encoding' | 'separator'> {
  const encoding = options.encoding ?? detectEncoding(bytes)
  const text = decode(bytes, encoding)
  if (looksBinary(text)) throw unreadable('notSpreadsheet')
  const separator = options.separator ?? detectSeparator(text)
  const parsed = Papa.parse<string[]>(text, { delimiter: separator })
  const rows: Cell[][] = parsed.data.map((row) => row.map((cell) => (cell === '' ? null : cell)))
  return { sheets: [{ name: 'CSV', rows }], encoding, separator }
}
