import { translate } from '../../../shared/i18n/messages'
import { nl } from '../../../shared/i18n/nl'
import { StoreError } from '../../store/errors'
import { columnLetter } from '../mapping'

/**
 * How much of a file the import reads, checked while reading, so that a broken or hostile file
 * ends in a clear message within seconds instead of a frozen app. Her largest real list had a few
 * thousand rows and 40 columns; these leave ample room above that.
 */
export const readLimits = {
  /** The file on disk (an .xlsx counts compressed). */
  fileBytes: 50 * 1024 * 1024,
  /** The last row a value may stand in, as Excel numbers rows. */
  rows: 200_000,
  /** The last column a value may stand in: GR. */
  columns: 200,
  /**
   * Cells over all sheets, counted as Excel lays them out: up to the last one with something in it
   * on each row (the empty ones between take memory too).
   */
  cells: 6_000_000,
  /** Characters in one cell: Excel's own limit. */
  cellChars: 32_767,
  /** Worksheets in one workbook. */
  sheets: 255,
  /** Unpacked bytes of one part of an .xlsx, whatever the file claims. */
  sheetBytes: 384 * 1024 * 1024,
  sharedStringsBytes: 64 * 1024 * 1024,
  otherPartBytes: 8 * 1024 * 1024,
} as const

export type ReadErrorKey = keyof typeof nl.import.errors

export const unreadable = (key: ReadErrorKey, values?: Record<string, string | number>) =>
  new StoreError('file_unreadable', translate(nl, `import.errors.${key}`, values))

/** "C12": a cell as she finds it in Excel (row 1-based, column 0-based). */
export const cellName = (row: number, column: number) => `${columnLetter(column)}${row}`

const number = (n: number) => n.toLocaleString('nl-NL')

/** A value stands where no list of hers reaches: name the cell, so she can find and clear it. */
export function checkPlace(row: number, column: number): void {
  if (row > readLimits.rows || column >= readLimits.columns) {
    throw unreadable('outsideList', {
      cell: cellName(row, column),
      rows: number(readLimits.rows),
      column: columnLetter(readLimits.columns - 1),
    })
  }
}

export function checkCellLength(text: string, row: number, column: number): void {
  if (text.length > readLimits.cellChars) {
    throw unreadable('cellTooLong', {
      cell: cellName(row, column),
      max: number(readLimits.cellChars),
    })
  }
}

/** Counts the cells read so far; past the limit the file is no list of people. */
export class CellCount {
  private count = 0
  add(cells: number): void {
    this.count += cells
    if (this.count > readLimits.cells) {
      throw unreadable('tooManyCells', { max: number(readLimits.cells) })
    }
  }
}
