import { z } from 'zod'
import type { Slot } from './ledger'
import type { TagRef } from './person'

/** Bringing her Excel list in: the steps' inputs and what each step answers. */

export const importFormats = ['xlsx', 'csv'] as const
export type ImportFormat = (typeof importFormats)[number]

export const csvEncodings = ['utf-8', 'windows-1252', 'utf-16le'] as const
export type CsvEncoding = (typeof csvEncodings)[number]

export const csvSeparators = [';', ',', '\t'] as const
export type CsvSeparator = (typeof csvSeparators)[number]

/** Where a column's values go. `ignore` drops it; `note` keeps it in the note as "Kopje: waarde". */
export const importTargets = [
  'ignore',
  'note',
  'fullName',
  'firstName',
  'tussenvoegsel',
  'lastName',
  'nickname',
  'address',
  'street',
  'houseNumber',
  'postcode',
  'wijk',
  'phone',
  'email',
  'passions',
  'needs',
  'themes',
  'wish',
  'strength',
  'need',
  'availability',
  'availableFrom',
  'contactDate',
  'followUpOn',
  'firstMetOn',
  'referredBy',
] as const
export type ImportTarget = (typeof importTargets)[number]

/** The targets that gather several values: labels, wil/kan/nodig text, day parts; and the note. */
const multiValueTargets: readonly ImportTarget[] = [
  'ignore',
  'note',
  'passions',
  'needs',
  'themes',
  'wish',
  'strength',
  'need',
  'availability',
]

/** The targets that hold one value: a second column mapped to one of them goes to the note. */
export const singleValueTargets: ReadonlySet<ImportTarget> = new Set(
  importTargets.filter((target) => !multiValueTargets.includes(target)),
)

export interface ImportColumn {
  /** 0-based position in the sheet. */
  index: number
  /** The header as written ("Kolom D" where the header cell is empty). */
  header: string
  /** The first few values, as text. */
  samples: string[]
  suggested: ImportTarget
}

/** The file as read, with the columns found under its header row. */
export interface ImportFileView {
  sessionId: string
  fileName: string
  format: ImportFormat
  encoding: CsvEncoding | null
  separator: CsvSeparator | null
  sheets: string[]
  sheet: number
  /** 1-based, as Excel numbers rows. */
  headerRow: number
  /** Rows under the header with anything in them. */
  rowCount: number
  columns: ImportColumn[]
}

export const problemKinds = [
  'date',
  'email',
  'phone',
  'postcode',
  'tooLong',
  'nameMissing',
] as const
export type ProblemKind = (typeof problemKinds)[number]

/** A value that cannot be stored as its field wants it. */
export interface RowProblem {
  column: number
  header: string
  target: ImportTarget
  raw: string
  kind: ProblemKind
  message: string
}

/**
 * Something she should see before importing, that does not stop the row: a title left out of the
 * name, a month without a day, a letter the CSV could not hold, a note longer than the form keeps.
 */
export const noticeKinds = ['title', 'monthOnly', 'lostLetter', 'noteTooLong'] as const
export type NoticeKind = (typeof noticeKinds)[number]

export interface RowNotice {
  /** The column it is about; -1 for the row as a whole. */
  column: number
  header: string
  raw: string
  kind: NoticeKind
  message: string
}

/** What the rest of a note longer than the person form keeps becomes: a contact note, or nothing. */
export const longNoteChoices = ['moment', 'shorten'] as const
export type LongNoteChoice = (typeof longNoteChoices)[number]

/** Why a row is not a resident: the totals row at the bottom of a list ("Totaal 112"). */
export type NotResident = 'totals'

export type DuplicateReason = 'phone' | 'email' | 'address'

/** Someone this row may be: a person in her ledger, or an earlier row of this file. */
export interface DuplicateMatch {
  kind: 'existing' | 'file'
  /** The person in the ledger (kind `existing`). */
  personId?: string
  /** The earlier row (kind `file`). */
  row?: number
  name: string
  reasons: DuplicateReason[]
}

/** How a row will be stored. */
export interface PreviewPerson {
  firstName: string | null
  tussenvoegsel: string | null
  lastName: string | null
  nickname: string | null
  street: string | null
  houseNumber: string | null
  postcode: string | null
  wijk: string | null
  phone: string | null
  email: string | null
  tags: TagRef[]
  wish: string | null
  strength: string | null
  need: string | null
  availability: Slot[]
  availableFrom: string | null
  availabilityNote: string | null
  firstMetOn: string | null
  referredBy: string | null
  contactDate: string | null
  followUpOn: string | null
  note: string | null
}

export interface PreviewRow {
  /** 1-based row number in the sheet, as she sees it in Excel. */
  row: number
  person: PreviewPerson
  problems: RowProblem[]
  notices: RowNotice[]
  /** A row that cannot be stored as it is (no name): it is skipped unless she fixes it. */
  blocked: boolean
  /** Not a resident (a totals row): skipped unless she says to import it. */
  notResident: NotResident | null
  duplicate: DuplicateMatch | null
}

export interface ImportPreview {
  rows: PreviewRow[]
  /** Rows under the header with nothing in the mapped columns: left out. */
  emptyRows: number
}

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'importing'
  done: number
  total: number
}

export interface SkippedRow {
  row: number
  reason: 'chosen' | 'duplicate' | 'problems' | 'nameMissing' | 'notResident'
}

/** What an import did, kept with it so she can read it later. */
export interface ImportReport {
  id: string
  fileName: string
  createdAt: string
  added: number
  merged: number
  skipped: SkippedRow[]
  /** Values that could not be read as their field and went into the note as written. */
  keptInNote: number
  emptyRows: number
  undoneAt: string | null
}

export interface ImportHistoryItem {
  id: string
  fileName: string
  createdAt: string
  added: number
  merged: number
  skipped: number
  undoneAt: string | null
  /** Only the last import can be undone, and only while nobody it touched changed since. */
  undoable: boolean
}

const sessionId = z.uuid({ error: 'validation.invalid' })
const rowNumber = z.int({ error: 'validation.invalid' }).min(1).max(1_048_576)

export const mappingSchema = z
  .array(z.enum(importTargets, { error: 'validation.invalid' }), { error: 'validation.invalid' })
  .max(500, { error: 'validation.tooMany' })

export const configureImportSchema = z.strictObject(
  {
    sessionId,
    sheet: z.int().min(0).max(255).optional(),
    headerRow: rowNumber.optional(),
    encoding: z.enum(csvEncodings, { error: 'validation.invalid' }).optional(),
    separator: z.enum(csvSeparators, { error: 'validation.invalid' }).optional(),
  },
  { error: 'validation.invalid' },
)

export const previewImportSchema = z.strictObject(
  { sessionId, mapping: mappingSchema },
  { error: 'validation.invalid' },
)

/** Her corrections of a row's cells: column index → the text to use instead. */
const fixesSchema = z
  .record(
    z.string().regex(/^\d{1,3}$/, { error: 'validation.invalid' }),
    z.string({ error: 'validation.invalid' }).max(5000, { error: 'validation.tooLong' }),
    { error: 'validation.invalid' },
  )
  .default({})

export const checkRowSchema = z.strictObject(
  { sessionId, mapping: mappingSchema, row: rowNumber, fixes: fixesSchema },
  { error: 'validation.invalid' },
)

export const duplicateChoices = ['merge', 'new', 'skip'] as const
export type DuplicateChoice = (typeof duplicateChoices)[number]

/** What to do with a value that cannot be read: keep it in the note as written, or skip the row. */
export const problemChoices = ['note', 'skip'] as const
export type ProblemChoice = (typeof problemChoices)[number]

export const rowDecisionSchema = z.strictObject(
  {
    row: rowNumber,
    /** Skip it (true), or import it after all (false: a totals row she wants as a person). */
    skip: z.boolean().optional(),
    problems: z.enum(problemChoices, { error: 'validation.invalid' }).optional(),
    longNote: z.enum(longNoteChoices, { error: 'validation.invalid' }).optional(),
    duplicate: z.enum(duplicateChoices, { error: 'validation.invalid' }).optional(),
    fixes: fixesSchema,
  },
  { error: 'validation.invalid' },
)
export type RowDecision = z.output<typeof rowDecisionSchema>
export type RowDecisionInput = z.input<typeof rowDecisionSchema>

export const commitImportSchema = z.strictObject(
  {
    sessionId,
    mapping: mappingSchema,
    decisions: z.array(rowDecisionSchema).max(1_048_576).default([]),
  },
  { error: 'validation.invalid' },
)

export const importRefSchema = z.strictObject(
  { id: z.uuid({ error: 'validation.id' }) },
  { error: 'validation.invalid' },
)
