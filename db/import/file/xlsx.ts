import { SaxesParser, type SaxesTagPlain } from 'saxes'
import { StoreError } from '../../store/errors'
import type { Cell } from '../cells'
import { CellCount, checkCellLength, checkPlace, readLimits, unreadable } from './limits'
import type { ReadWatch, Sheet } from './sheet'
import { partAsText, partText, zipEntries, ZipError, ZipLimitError, type ZipEntry } from './zip'

/**
 * An Excel workbook (.xlsx), read part by part as it inflates: the workbook's sheets, its styles
 * (which cells are dates), its shared strings and each visible sheet's cells, with formulas by
 * their last result, as Excel shows them. Every limit of limits.ts is checked while reading.
 */

const localName = (name: string) => name.slice(name.indexOf(':') + 1)

/** One XML part, parsed as it inflates; `on` gets each opening and closing tag and the text. */
async function parsePart(
  chunks: Iterable<string> | AsyncIterable<string>,
  on: {
    open?: (name: string, attributes: Record<string, string>) => void
    close?: (name: string) => void
    text?: (text: string) => void
  },
): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: false })
  let failure: unknown
  parser.on('error', (error) => {
    failure ??= error
  })
  if (on.open) {
    const open = on.open
    parser.on('opentag', (tag: SaxesTagPlain) => open(localName(tag.name), tag.attributes))
  }
  if (on.close) {
    const close = on.close
    parser.on('closetag', (tag: SaxesTagPlain) => close(localName(tag.name)))
  }
  if (on.text) {
    parser.on('text', on.text)
    parser.on('cdata', on.text)
  }
  for await (const chunk of chunks) {
    parser.write(chunk)
    if (failure) break
  }
  if (!failure) parser.close()
  if (failure) throw failure
}

interface WorkbookSheet {
  name: string
  part: string
  visible: boolean
}

interface Workbook {
  sheets: WorkbookSheet[]
  sharedStrings?: string | undefined
  styles?: string | undefined
  /** Dates count from 1 January 1904 (old Mac workbooks) instead of 30 December 1899. */
  date1904: boolean
}

/** "worksheets/sheet1.xml" next to "xl/workbook.xml" → "xl/worksheets/sheet1.xml". */
function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1)
  const parts = from.split('/').slice(0, -1)
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop()
    else if (piece !== '.') parts.push(piece)
  }
  return parts.join('/')
}

const relsOf = (part: string) => {
  const slash = part.lastIndexOf('/')
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`
}

async function relations(bytes: Buffer, entries: Map<string, ZipEntry>, part: string) {
  const entry = entries.get(relsOf(part))
  const found: { id: string; type: string; target: string }[] = []
  if (!entry) return found
  await parsePart([await partAsText(bytes, entry, readLimits.otherPartBytes)], {
    open: (name, attributes) => {
      if (name === 'Relationship' && attributes.Target && attributes.Id) {
        found.push({
          id: attributes.Id,
          type: attributes.Type ?? '',
          target: resolvePart(part, attributes.Target),
        })
      }
    },
  })
  return found
}

async function readWorkbook(bytes: Buffer, entries: Map<string, ZipEntry>): Promise<Workbook> {
  const root = await relations(bytes, entries, '')
  const workbookPart =
    root.find((relation) => relation.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml'
  const entry = entries.get(workbookPart)
  if (!entry) throw new ZipError('no workbook')
  const links = await relations(bytes, entries, workbookPart)
  const byId = new Map(links.map((relation) => [relation.id, relation.target]))
  const sheets: WorkbookSheet[] = []
  let date1904 = false
  await parsePart([await partAsText(bytes, entry, readLimits.otherPartBytes)], {
    open: (name, attributes) => {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributes.date1904 ?? '')
      if (name !== 'sheet') return
      const id = Object.entries(attributes).find(([key]) => localName(key) === 'id')?.[1]
      const part = id ? byId.get(id) : undefined
      if (!part) return
      sheets.push({
        name: attributes.name ?? '',
        part,
        visible: !attributes.state || attributes.state === 'visible',
      })
    },
  })
  if (sheets.length > readLimits.sheets)
    throw unreadable('tooManySheets', { max: readLimits.sheets })
  const target = (suffix: string) =>
    links.find((relation) => relation.type.endsWith(suffix))?.target
  return { sheets, sharedStrings: target('/sharedStrings'), styles: target('/styles'), date1904 }
}

/** Excel's built-in number formats that show a date or a time. */
const builtInDateFormats = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
])

/** A format code that shows a date: d, m, y (or h, s) outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0]!
  return /[dmyhs]/i.test(bare) && !/^(general|@)$/i.test(bare.trim())
}

/** For each cell style (the `s` of a cell), whether it shows a date. */
async function readDateStyles(bytes: Buffer, entries: Map<string, ZipEntry>, part?: string) {
  const entry = part ? entries.get(part) : undefined
  if (!entry) return []
  const custom = new Map<number, boolean>()
  const styles: boolean[] = []
  let inCellXfs = false
  await parsePart([await partAsText(bytes, entry, readLimits.otherPartBytes)], {
    open: (name, attributes) => {
      if (name === 'numFmt') {
        custom.set(Number(attributes.numFmtId), isDateFormat(attributes.formatCode ?? ''))
      } else if (name === 'cellXfs') inCellXfs = true
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0)
        styles.push(custom.get(id) ?? builtInDateFormats.has(id))
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false
    },
  })
  return styles
}

/** The workbook's shared strings: each `<si>`, its runs joined, its phonetic guide left out. */
async function readSharedStrings(bytes: Buffer, entries: Map<string, ZipEntry>, part?: string) {
  const entry = part ? entries.get(part) : undefined
  const strings: string[] = []
  if (!entry) return strings
  let current: string[] | undefined
  let inText = false
  let phonetic = 0
  await parsePart(partText(bytes, entry, readLimits.sharedStringsBytes), {
    open: (name) => {
      if (name === 'si') current = []
      else if (name === 'rPh') phonetic++
      else if (name === 't' && phonetic === 0) inText = true
    },
    close: (name) => {
      if (name === 'si') {
        strings.push(current!.join(''))
        current = undefined
      } else if (name === 'rPh') phonetic--
      else if (name === 't') inText = false
    },
    text: (text) => {
      if (inText && current) current.push(text)
    },
  })
  return strings
}

/** "BC12" → column 54 (0-based) and row 12. */
function parseRef(ref: string): { column: number; row: number } | undefined {
  const match = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref)
  if (!match) return undefined
  let column = 0
  for (const letter of match[1]!) column = column * 26 + (letter.charCodeAt(0) - 64)
  return { column: column - 1, row: Number(match[2]) }
}

const epoch1900 = Date.UTC(1899, 11, 30)
const epoch1904 = Date.UTC(1904, 0, 1)

interface SheetContext {
  bytes: Buffer
  entry: ZipEntry
  strings: readonly string[]
  dateStyles: readonly boolean[]
  date1904: boolean
  cells: CellCount
  onRead: (compressedBytes: number) => void
}

/** One sheet's cells: rows[r - 1][c], as she sees them in Excel. */
async function readSheet(context: SheetContext): Promise<Cell[][]> {
  const { strings, dateStyles, cells } = context
  const rows: Cell[][] = []
  let row = 0
  let column = -1
  let type = ''
  let style = 0
  let text: string[] = []
  let capture = false
  let inInline = false
  let phonetic = 0
  let hasValue = false
  const merged: { from: { column: number; row: number }; to: { column: number; row: number } }[] =
    []
  const value = (): Cell => {
    const raw = text.join('')
    switch (type) {
      case 's':
        return strings[Number(raw)] ?? null
      case 'inlineStr':
      case 'str':
        return raw
      case 'b':
        return raw === '1' || raw === 'true'
      case 'e':
        return null // #N/B, #DEEL/0!: Excel shows an error, not a value
      case 'd': {
        const date = new Date(raw)
        return Number.isNaN(date.getTime()) ? raw : date
      }
      default: {
        const number = Number(raw)
        if (raw.trim() === '' || !Number.isFinite(number)) return raw.trim() === '' ? null : raw
        if (dateStyles[style] && number >= 0 && number < 2_958_466) {
          const epoch = context.date1904 ? epoch1904 : epoch1900
          return new Date(epoch + Math.round(number * 86_400_000))
        }
        return number
      }
    }
  }
  await parsePart(partText(context.bytes, context.entry, readLimits.sheetBytes, context.onRead), {
    open: (name, attributes) => {
      switch (name) {
        case 'row':
          row = attributes.r ? Number(attributes.r) : row + 1
          column = -1
          break
        case 'c': {
          const ref = attributes.r ? parseRef(attributes.r) : undefined
          if (ref) {
            row = ref.row
            column = ref.column
          } else column++
          type = attributes.t ?? 'n'
          style = Number(attributes.s ?? 0)
          text = []
          hasValue = false
          break
        }
        case 'v':
          capture = !inInline
          hasValue = true
          break
        case 'is':
          inInline = true
          hasValue = true
          break
        case 'rPh':
          phonetic++
          break
        case 't':
          capture = inInline && phonetic === 0
          break
        case 'mergeCell': {
          const [from, to] = (attributes.ref ?? '').split(':').map(parseRef)
          if (from && to) merged.push({ from, to })
          break
        }
      }
    },
    close: (name) => {
      switch (name) {
        case 'v':
        case 't':
          capture = false
          break
        case 'is':
          inInline = false
          break
        case 'rPh':
          phonetic--
          break
        case 'c': {
          if (!hasValue) break
          const cell = value()
          if (cell === null || cell === '') break
          checkPlace(row, column)
          if (typeof cell === 'string') checkCellLength(cell, row, column)
          const cellsOfRow = (rows[row - 1] ??= [])
          if (column >= cellsOfRow.length) cells.add(column + 1 - cellsOfRow.length)
          cellsOfRow[column] = cell
          break
        }
      }
    },
    text: (chunk) => {
      if (capture) text.push(chunk)
    },
  })
  fillMerged(rows, merged, cells)
  // A row with nothing in it is an empty row; a cell with nothing in it is null, never a hole.
  for (let r = 0; r < rows.length; r++) {
    const cellsOfRow = (rows[r] ??= [])
    for (let c = 0; c < cellsOfRow.length; c++) cellsOfRow[c] ??= null
  }
  return rows
}

/**
 * Merged cells show their value across the whole merge, as she sees it in Excel: a header merged
 * over two columns ("Passie / talent") names both. Only within what holds values: a merge over a
 * whole column reaches no further than the last row read.
 */
function fillMerged(
  rows: Cell[][],
  merged: readonly { from: { column: number; row: number }; to: { column: number; row: number } }[],
  cells: CellCount,
): void {
  const width = rows.reduce((max, row) => Math.max(max, row?.length ?? 0), 0)
  for (const { from, to } of merged) {
    const value = rows[from.row - 1]?.[from.column]
    if (value === undefined || value === null) continue
    for (let r = from.row; r <= Math.min(to.row, rows.length); r++) {
      const row = (rows[r - 1] ??= [])
      for (let c = from.column; c <= Math.min(to.column, width - 1); c++) {
        if (r === from.row && c === from.column) continue
        if (c >= row.length) cells.add(c + 1 - row.length)
        row[c] ??= value
      }
    }
  }
}

/** Every visible sheet of the workbook in `bytes` (a zip already checked by its first bytes). */
export async function readXlsx(bytes: Buffer, watch?: ReadWatch): Promise<Sheet[]> {
  try {
    const entries = zipEntries(bytes)
    const workbook = await readWorkbook(bytes, entries)
    const dateStyles = await readDateStyles(bytes, entries, workbook.styles)
    const strings = await readSharedStrings(bytes, entries, workbook.sharedStrings)
    const visible = workbook.sheets.filter((sheet) => sheet.visible)
    const parts = visible.map((sheet) => entries.get(sheet.part))
    const total = parts.reduce((sum, entry) => sum + (entry?.compressedSize ?? 0), 0)
    const cells = new CellCount()
    const sheets: Sheet[] = []
    let before = 0
    for (const [i, sheet] of visible.entries()) {
      const entry = parts[i]
      if (!entry) throw new ZipError('sheet missing')
      const rows = await readSheet({
        bytes,
        entry,
        strings,
        dateStyles,
        date1904: workbook.date1904,
        cells,
        onRead: (done) => watch?.progress(before + done, total),
      })
      before += entry.compressedSize
      sheets.push({ name: sheet.name, rows })
    }
    return sheets
  } catch (error) {
    if (error instanceof ZipLimitError) throw unreadable('unpackedTooLarge')
    if (error instanceof StoreError) throw error
    throw unreadable('damaged')
  }
}
