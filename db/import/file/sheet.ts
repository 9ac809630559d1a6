import type { CsvEncoding, CsvSeparator, ImportFormat } from '../../../shared/import'
import type { Cell } from '../cells'

/** A file as read: its sheets of cells, and for a CSV how it was read. */

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

export interface ReadWatch {
  /** How far reading is: bytes (compressed, for a workbook) or characters done of the total. */
  progress(done: number, total: number): void
}
