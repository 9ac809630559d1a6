import { randomUUID } from 'node:crypto'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import type {
  ImportFileView,
  ImportPreview,
  ImportProgress,
  ImportTarget,
  PreviewRow,
} from '../../shared/import'
import type { Kysely } from 'kysely'
import type { Platform } from '../platform/platform'
import type { BulkInsert } from '../store/bulk'
import type { Database } from '../store/schema'
import { StoreError } from '../store/errors'
import type { Cell } from './cells'
import {
  convertRow,
  mapColumns,
  rowHasContent,
  type ConvertOptions,
  type MappedColumn,
} from './convert'
import { DuplicateFinder } from './duplicates'
import { ReadCancelled, readOffMain, type Reading } from './file/off-main'
import type { CsvOptions, ReadFile } from './file/sheet'
import { describeColumns, findHeaderRow, hasContent } from './mapping'

/**
 * One import in progress: the file as read and where its header is. It lives in the main process
 * between the steps, so the renderer never sends a path or file contents, only choices.
 */
export interface ImportSession {
  id: string
  path: string
  file: ReadFile
  sheet: number
  /** 0-based. */
  headerRow: number
  columns: ReturnType<typeof describeColumns>
  /**
   * The last preview's duplicate finder (the ledger and every row of the file) and the mapping it
   * was made with: checking one fixed row asks it instead of reading the ledger again.
   */
  preview?: { mapping: string; finder: DuplicateFinder } | undefined
}

/** What the main process keeps of the import she is working through, between its steps. */
export interface ImportState {
  session?: ImportSession | undefined
  /** How far a long step is, for her progress bar; null when none runs. */
  progress: ImportProgress | null
  /** The file being read right now (off the main process), so that she can stop it. */
  reading?: Reading | undefined
}

/** What the import's steps work with: the store, the file dialog and reader, the import in progress. */
export interface ImportWork {
  db: Kysely<Database>
  /** Many rows at once, inside the import's transaction (see store/bulk.ts). */
  bulk: BulkInsert
  chooseFile: Platform['chooseFile']
  startReader: Platform['startReader']
  state: ImportState
}

/** Lets the main process answer other calls (progress) during long work: once every `every` items. */
export const yieldEvery = async (i: number, every = 500) => {
  if (i > 0 && i % every === 0) await new Promise((resolve) => setImmediate(resolve))
}

export function requireSession(state: ImportState, id: string): ImportSession {
  const session = state.session
  if (!session || session.id !== id) {
    throw new StoreError('not_found', translate(nl, 'import.errors.sessionGone'))
  }
  return session
}

const rowsOf = (session: ImportSession): Cell[][] => session.file.sheets[session.sheet]?.rows ?? []

/** The sheet with most rows in it: the list, not the instructions tab. */
const fullestSheet = (file: ReadFile) =>
  file.sheets.reduce(
    (best, sheet, index) =>
      sheet.rows.filter(hasContent).length > file.sheets[best]!.rows.filter(hasContent).length
        ? index
        : best,
    0,
  )

function setSheet(session: ImportSession, sheet: number, headerRow?: number) {
  const rows = session.file.sheets[sheet]?.rows ?? []
  session.sheet = sheet
  session.headerRow = headerRow ?? findHeaderRow(rows)
  session.columns = describeColumns(rows, session.headerRow)
  session.preview = undefined
}

export function viewOf(session: ImportSession): ImportFileView {
  const rows = rowsOf(session)
  let rowCount = 0
  for (let r = session.headerRow + 1; r < rows.length; r++) if (hasContent(rows[r])) rowCount++
  return {
    sessionId: session.id,
    fileName: session.file.fileName,
    format: session.file.format,
    encoding: session.file.encoding ?? null,
    separator: session.file.separator ?? null,
    sheets: session.file.sheets.map((sheet) => sheet.name),
    sheet: session.sheet,
    headerRow: session.headerRow + 1,
    rowCount,
    columns: session.columns,
  }
}

/** A file with nothing under its header cannot be imported: say so at once. */
function assertHasRows(view: ImportFileView) {
  if (view.columns.length === 0) {
    throw new StoreError('file_unreadable', translate(nl, 'import.errors.empty'))
  }
  if (view.rowCount === 0) {
    throw new StoreError('file_unreadable', translate(nl, 'import.errors.onlyHeader'))
  }
}

/**
 * Reads the file off the main process, with her progress bar and Cancel; undefined when she
 * stopped it. One file at a time: a second read stops the first.
 */
async function readFile(
  work: ImportWork,
  path: string,
  csv: CsvOptions = {},
): Promise<ReadFile | undefined> {
  const { state } = work
  state.reading?.cancel()
  const progress: ImportProgress = { phase: 'reading', done: 0, total: 0 }
  state.progress = progress
  const reading = readOffMain(work.startReader, path, csv, progress)
  state.reading = reading
  try {
    return await reading.file
  } catch (error) {
    if (error instanceof ReadCancelled) return undefined
    throw error
  } finally {
    if (state.reading === reading) {
      state.reading = undefined
      state.progress = null
    }
  }
}

/** She stops the file being read: the reader ends at once, and nothing changes. */
export function cancelImportRead(state: ImportState): null {
  state.reading?.cancel()
  return null
}

/**
 * Step 1: she chooses a file in the native dialog; it is read off the main process. Null when she
 * cancels the dialog or stops the reading.
 */
export async function openImport(work: ImportWork): Promise<ImportFileView | null> {
  const { state } = work
  const path = await work.chooseFile({
    title: translate(nl, 'import.dialogTitle'),
    filters: [{ name: translate(nl, 'import.dialogFilter'), extensions: ['xlsx', 'csv', 'txt'] }],
  })
  if (!path) return null
  state.session = undefined
  const file = await readFile(work, path)
  if (!file) return null
  const session: ImportSession = {
    id: randomUUID(),
    path,
    file,
    sheet: 0,
    headerRow: 0,
    columns: [],
  }
  setSheet(session, fullestSheet(file))
  const view = viewOf(session)
  assertHasRows(view)
  state.session = session
  return view
}

/**
 * She corrects how the file was read: another sheet, header row, encoding or separator (a CSV is
 * read again, off the main process; stopping that keeps the file as it was read before).
 */
export async function configureImport(
  work: ImportWork,
  input: {
    sessionId: string
    sheet?: number | undefined
    headerRow?: number | undefined
  } & CsvOptions,
): Promise<ImportFileView> {
  const session = requireSession(work.state, input.sessionId)
  if (session.file.format === 'csv' && (input.encoding || input.separator)) {
    const file = await readFile(work, session.path, {
      encoding: input.encoding ?? session.file.encoding,
      separator: input.separator ?? session.file.separator,
    })
    if (!file) return viewOf(session)
    session.file = file
    setSheet(session, 0, input.headerRow !== undefined ? input.headerRow - 1 : undefined)
  } else {
    const sheet = input.sheet ?? session.sheet
    if (sheet >= session.file.sheets.length) {
      throw new StoreError('invalid_input', translate(nl, 'import.errors.noSuchSheet'))
    }
    const headerRow = input.headerRow !== undefined ? input.headerRow - 1 : undefined
    setSheet(session, sheet, sheet === session.sheet ? (headerRow ?? session.headerRow) : headerRow)
  }
  return viewOf(session)
}

/** The rows under the header with something in the mapped columns, with their sheet row numbers. */
export function dataRows(session: ImportSession, columns: readonly MappedColumn[]) {
  const rows = rowsOf(session)
  const result: { row: number; cells: Cell[] }[] = []
  let empty = 0
  for (let r = session.headerRow + 1; r < rows.length; r++) {
    const cells = rows[r] ?? []
    if (rowHasContent(columns, cells)) result.push({ row: r + 1, cells })
    else if (hasContent(cells)) empty++
  }
  return { rows: result, empty }
}

/** How this file's rows are read: her fixes, and whether "?" in a word is a lost letter (a CSV). */
export const convertOptions = (
  session: ImportSession,
  fixes?: Readonly<Record<string, string>>,
): ConvertOptions => ({ fixes, lossy: session.file.format === 'csv' })

export function mappedColumns(session: ImportSession, mapping: readonly ImportTarget[]) {
  if (mapping.length !== session.columns.length) {
    throw new StoreError('invalid_input', translate(nl, 'import.errors.mappingStale'))
  }
  return mapColumns(session.columns, mapping)
}

/**
 * Steps 3 and 4: every row as it will be stored, its problems, and who it may already be. Rows
 * with nothing in the mapped columns are counted, not shown.
 */
export async function previewImport(
  work: ImportWork,
  input: { sessionId: string; mapping: ImportTarget[] },
): Promise<ImportPreview> {
  const { state } = work
  const session = requireSession(state, input.sessionId)
  const columns = mappedColumns(session, input.mapping)
  const { rows, empty } = dataRows(session, columns)
  const finder = await DuplicateFinder.forLedger(work.db)
  const progress: ImportProgress = { phase: 'checking', done: 0, total: rows.length }
  state.progress = progress
  const preview: PreviewRow[] = []
  try {
    for (const [i, { row, cells }] of rows.entries()) {
      await yieldEvery(i)
      progress.done = i
      const converted = convertRow(columns, cells, row, convertOptions(session))
      converted.duplicate = finder.match(row, converted.person)
      finder.remember(row, converted.person)
      preview.push(converted)
    }
  } finally {
    state.progress = null
  }
  session.preview = { mapping: input.mapping.join(','), finder }
  return { rows: preview, emptyRows: empty }
}

/** One row again, with her corrections: is it readable now, and who may it be? */
export async function checkImportRow(
  work: ImportWork,
  input: {
    sessionId: string
    mapping: ImportTarget[]
    row: number
    fixes: Record<string, string>
  },
): Promise<PreviewRow> {
  const session = requireSession(work.state, input.sessionId)
  const columns = mappedColumns(session, input.mapping)
  const { rows } = dataRows(session, columns)
  const target = rows.find((candidate) => candidate.row === input.row)
  if (!target) throw new StoreError('not_found', translate(nl, 'import.errors.noSuchRow'))
  // The preview's finder compares with earlier rows only (match looks below `row`); without one,
  // the ledger and the rows above are read afresh.
  let finder =
    session.preview?.mapping === input.mapping.join(',') ? session.preview.finder : undefined
  if (!finder) {
    finder = await DuplicateFinder.forLedger(work.db)
    for (const { row, cells } of rows) {
      if (row >= input.row) break
      finder.remember(row, convertRow(columns, cells, row, convertOptions(session)).person)
    }
  }
  const converted = convertRow(
    columns,
    target.cells,
    target.row,
    convertOptions(session, input.fixes),
  )
  converted.duplicate = finder.match(target.row, converted.person)
  return converted
}
