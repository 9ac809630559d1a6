import { z } from 'zod'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import type {
  ImportColumn,
  ImportTarget,
  NoticeKind,
  NotResident,
  PreviewPerson,
  PreviewRow,
  ProblemKind,
  RowNotice,
  RowProblem,
} from '../../shared/import'
import { slots, type Slot, type TagKind } from '../../shared/ledger'
import { personLimits, type TagRef } from '../../shared/person'
import { foldKey } from '../../shared/text'
import {
  cellText,
  lostLetter,
  parseAvailability,
  parsePhone,
  readDutchDate,
  parsePostcode,
  splitTags,
  type Cell,
} from './cells'
import { splitAddress, splitDutchName, splitLastName } from './names'
import { textLimits } from './storable'
import { suggestTarget } from './mapping'

/** A column with its field: what conversion works from. */
export interface MappedColumn {
  index: number
  header: string
  target: ImportTarget
}

/** Pairs the columns with her mapping (one target per column, in the same order). */
export function mapColumns(
  columns: readonly ImportColumn[],
  mapping: readonly ImportTarget[],
): MappedColumn[] {
  return columns.flatMap((column, i) => {
    const target = mapping[i] ?? 'ignore'
    return target === 'ignore' ? [] : [{ index: column.index, header: column.header, target }]
  })
}

const tagKindOf: Partial<Record<ImportTarget, TagKind>> = {
  passions: 'passion',
  needs: 'need',
  themes: 'theme',
}

/** A single value longer than its field keeps is a problem, kept in the note as written. */
const limitOf: Partial<Record<ImportTarget, number>> = {
  firstName: personLimits.firstName,
  tussenvoegsel: personLimits.tussenvoegsel,
  lastName: personLimits.lastName,
  ...textLimits,
}

const emailSchema = z.email()

const emptyPerson = (): PreviewPerson => ({
  firstName: null,
  tussenvoegsel: null,
  lastName: null,
  nickname: null,
  street: null,
  houseNumber: null,
  postcode: null,
  wijk: null,
  phone: null,
  email: null,
  tags: [],
  wish: null,
  strength: null,
  need: null,
  availability: [],
  availableFrom: null,
  availabilityNote: null,
  firstMetOn: null,
  referredBy: null,
  contactDate: null,
  followUpOn: null,
  note: null,
})

/** The fields the row's single-value columns fill; names and addresses are put together after. */
type Single = Partial<Record<ImportTarget, { value: string; column: MappedColumn }>>

/** What the cells of one row say, column by column, before a person is put together from it. */
interface Reading {
  single: Single
  tags: Map<string, TagRef>
  availability: Set<Slot>
  availabilityNotes: string[]
  texts: Partial<Record<'wish' | 'strength' | 'need', string[]>>
  noteLines: string[]
  problems: RowProblem[]
  notices: RowNotice[]
}

/** How a row is read beyond its cells. */
export interface ConvertOptions {
  /** Her corrections of cells: column index → the text to use instead. */
  fixes?: Readonly<Record<string, string>> | undefined
  /**
   * The file is a CSV, which Excel writes in Windows-1252 with a "?" for each letter it cannot
   * hold: a "?" at the start or inside a word is a lost letter.
   */
  lossy?: boolean | undefined
}

const notice = (
  column: MappedColumn | undefined,
  raw: string,
  kind: NoticeKind,
  values?: Record<string, string | number>,
): RowNotice => ({
  column: column?.index ?? -1,
  header: column?.header ?? translate(nl, 'fields.note'),
  raw,
  kind,
  message: translate(nl, `import.notices.${kind}`, values),
})

/**
 * One row of the sheet as it will be stored, with what could not be read. A value that does not
 * fit its field goes into the note as written ("Geboren: 3 januari"), so nothing is lost; the
 * problem is listed so she can fix it, skip the row or leave it in the note.
 */
export function convertRow(
  columns: readonly MappedColumn[],
  cells: readonly Cell[],
  row: number,
  options: ConvertOptions = {},
): PreviewRow {
  const reading = readCells(columns, cells, options)
  const person = emptyPerson()
  Object.assign(person, namesOf(reading))
  Object.assign(person, addressOf(reading))
  fillTheRest(person, reading)
  const problems = reading.problems
  const blocked = !person.firstName
  if (blocked) {
    const nameColumn = columns.find((c) => c.target === 'firstName' || c.target === 'fullName')
    problems.push({
      column: nameColumn?.index ?? -1,
      header: nameColumn?.header ?? translate(nl, 'fields.firstName'),
      target: nameColumn?.target ?? 'firstName',
      raw: '',
      kind: 'nameMissing',
      message: translate(nl, 'import.problems.nameMissing'),
    })
  }
  if (person.note && person.note.length > personLimits.note) {
    reading.notices.push(
      notice(undefined, `${person.note.slice(0, 40)}…`, 'noteTooLong', {
        length: person.note.length.toLocaleString('nl-NL'),
        max: personLimits.note.toLocaleString('nl-NL'),
      }),
    )
  }
  return {
    row,
    person,
    problems,
    notices: reading.notices,
    blocked,
    notResident: notResident(cells),
    duplicate: null,
  }
}

/** The words that end a list: a totals row is no resident. */
const totalsWords =
  /^(totaal|totalen|subtotaal|eindtotaal|som|aantal|gemiddeld|gemiddelde|total|totals|subtotal|sum|count|average)\b/

/**
 * Is this the summary row under a list ("Totaal 112", "Aantal:", "Som", a row of only numbers)?
 * Read from every cell of the row, mapped or not: she may have left the totals column unmapped.
 */
export function notResident(cells: readonly Cell[]): NotResident | null {
  const texts = cells.map((cell) => cellText(cell)).filter(Boolean)
  if (texts.length === 0) return null
  if (totalsWords.test(foldKey(texts[0]!))) return 'totals'
  const numeric = (cell: Cell) =>
    typeof cell === 'number' || (typeof cell === 'string' && /^[\d\s.,€%+-]+$/.test(cell.trim()))
  const filled = cells.filter((cell) => cellText(cell) !== '')
  return filled.every(numeric) && !filled.some((cell) => /^0\d{9}$/.test(cellText(cell)))
    ? 'totals'
    : null
}

/** Every mapped cell read into its field, or into the note with a problem where it does not fit. */
function readCells(
  columns: readonly MappedColumn[],
  cells: readonly Cell[],
  { fixes = {}, lossy = false }: ConvertOptions,
): Reading {
  const reading: Reading = {
    single: {},
    tags: new Map(),
    availability: new Set(),
    availabilityNotes: [],
    texts: {},
    noteLines: [],
    problems: [],
    notices: [],
  }
  const problem = (column: MappedColumn, raw: string, kind: ProblemKind) => {
    reading.problems.push({
      column: column.index,
      header: column.header,
      target: column.target,
      raw,
      kind,
      message: translate(nl, `import.problems.${kind}`),
    })
    reading.noteLines.push(`${column.header}: ${raw}`)
  }
  const noteColumns = columns.filter((c) => c.target === 'note').length
  for (const column of columns) {
    const fixed = fixes[String(column.index)]
    const cell: Cell = fixed !== undefined ? fixed : (cells[column.index] ?? null)
    const text = cellText(cell)
    if (!text) continue
    if (typeof cell === 'string' && lostLetter(text, lossy)) {
      reading.notices.push(notice(column, text, 'lostLetter'))
    }
    const { target } = column
    if (target === 'note') {
      const plain = suggestTarget(column.header) === 'note' || column.header.startsWith('Kolom ')
      reading.noteLines.push(plain && noteColumns === 1 ? text : `${column.header}: ${text}`)
      continue
    }
    const kind = tagKindOf[target]
    if (kind) {
      for (const name of splitTags(cell)) {
        if (name.length > personLimits.tagName) problem(column, name, 'tooLong')
        else reading.tags.set(`${kind}:${foldKey(name)}`, { kind, name })
      }
    } else if (target === 'wish' || target === 'strength' || target === 'need') {
      for (const [field, part] of wishCanNeed(target, text))
        (reading.texts[field] ??= []).push(part)
    } else if (target === 'availability') {
      for (const slot of parseAvailability(cell)) reading.availability.add(slot)
      reading.availabilityNotes.push(text)
    } else if (reading.single[target]) {
      // One value per field: the first column with something in it wins, the others go to the note.
      reading.noteLines.push(`${column.header}: ${text}`)
    } else {
      const limit = limitOf[target]
      if (limit !== undefined && text.length > limit) problem(column, text, 'tooLong')
      else readSingle(reading, column, cell, text, problem)
    }
  }
  return reading
}

type WishCanNeed = 'wish' | 'strength' | 'need'

/**
 * Text in a wil / kan / nodig column, part by part (lines, or sentences after ";"): a part that
 * begins "wil …" is a wish, "kan …" something they can, "heeft … nodig" / "nodig: …" a need,
 * whatever column it stands in ("Wil / kan": "wil koken leren; kan goed fietsen"). The rest stays
 * with the column's field. Her words are kept as written.
 */
export function wishCanNeed(target: WishCanNeed, text: string): [WishCanNeed, string][] {
  const parts = text
    .split(/\n|;\s*/)
    .map((part) => part.trim())
    .filter(Boolean)
  const fieldOf = (part: string): WishCanNeed => {
    const key = foldKey(part)
    if (/^(wil|wilt|wil graag|zou graag)\b/.test(key)) return 'wish'
    if (/^(kan|kun|kunnen|is goed in)\b/.test(key)) return 'strength'
    if (/^(nodig\b|heeft\b.*\bnodig\b|zoekt\b)/.test(key)) return 'need'
    return target
  }
  const result: [WishCanNeed, string][] = []
  for (const part of parts) {
    const field = fieldOf(part)
    const last = result.at(-1)
    if (last && last[0] === field) last[1] += `\n${part}`
    else result.push([field, part])
  }
  // A text with no parts recognised stays whole, as she wrote it (with its own line breaks).
  return result.length === 1 && result[0]![0] === target ? [[target, text]] : result
}

/** A field of one value (a phone number, a postcode, a date…), read as Dutch spreadsheets write it. */
function readSingle(
  reading: Reading,
  column: MappedColumn,
  cell: Cell,
  text: string,
  problem: (column: MappedColumn, raw: string, kind: ProblemKind) => void,
): void {
  const { target } = column
  const { single } = reading
  switch (target) {
    case 'phone': {
      const phone = parsePhone(cell)
      if (phone) single.phone = { value: phone, column }
      else problem(column, text, 'phone')
      break
    }
    case 'postcode': {
      const postcode = parsePostcode(cell)
      if (postcode) single.postcode = { value: postcode, column }
      else problem(column, text, 'postcode')
      break
    }
    case 'email': {
      const email = text.replace(/^mailto:/i, '')
      if (email.length <= personLimits.email && emailSchema.safeParse(email).success) {
        single.email = { value: email, column }
      } else problem(column, text, 'email')
      break
    }
    case 'availableFrom':
    case 'contactDate':
    case 'followUpOn':
    case 'firstMetOn': {
      const read = readDutchDate(cell)
      if (!read) problem(column, text, 'date')
      else {
        single[target] = { value: read.date, column }
        if (read.monthOnly) reading.notices.push(notice(column, text, 'monthOnly'))
      }
      break
    }
    default:
      single[target] = { value: text, column }
  }
}

/**
 * Names: a full-name column split the Dutch way; separate columns win over the split. A title
 * ("Dhr.") is left out and shown; a suffix without a last name to go with goes to the note.
 */
function namesOf(
  reading: Reading,
): Pick<PreviewPerson, 'firstName' | 'tussenvoegsel' | 'lastName'> {
  const { single } = reading
  const split = single.fullName ? splitDutchName(single.fullName.value) : {}
  if (split.title && single.fullName) {
    reading.notices.push(notice(single.fullName.column, split.title, 'title'))
  }
  if (split.suffix && single.fullName) {
    reading.noteLines.push(`${single.fullName.column.header}: ${single.fullName.value}`)
  }
  const last = single.lastName
    ? single.tussenvoegsel
      ? { lastName: single.lastName.value }
      : splitLastName(single.lastName.value)
    : {}
  let firstName = single.firstName?.value ?? split.firstName ?? null
  let tussenvoegsel =
    single.tussenvoegsel?.value.toLocaleLowerCase('nl') ??
    last.tussenvoegsel ??
    (single.lastName ? null : (split.tussenvoegsel ?? null))
  let lastName = last.lastName ?? (single.lastName ? null : (split.lastName ?? null))
  if (!firstName && lastName) {
    // Only a surname ("Jansen", "Dhr. Smit"): that is the name she knows them by.
    firstName = [tussenvoegsel, lastName].filter(Boolean).join(' ')
    tussenvoegsel = null
    lastName = null
  }
  // What a split made too long for its field stays in the note as written, never half a name.
  const fits = (value: string | null, max: number) => !value || value.length <= max
  if (
    !fits(firstName, personLimits.firstName) ||
    !fits(tussenvoegsel, personLimits.tussenvoegsel) ||
    !fits(lastName, personLimits.lastName)
  ) {
    const source = single.fullName ?? single.lastName ?? single.firstName
    if (source) reading.noteLines.push(`${source.column.header}: ${source.value}`)
    if (!fits(firstName, personLimits.firstName)) firstName = null
    if (!fits(tussenvoegsel, personLimits.tussenvoegsel)) tussenvoegsel = null
    if (!fits(lastName, personLimits.lastName)) lastName = null
  }
  return { firstName, tussenvoegsel, lastName }
}

/** Address: street and number columns win over one address column split. */
function addressOf(reading: Reading): Pick<PreviewPerson, 'street' | 'houseNumber' | 'postcode'> {
  const { single, noteLines } = reading
  const address = single.address ? splitAddress(single.address.value) : {}
  let street = single.street?.value ?? address.street ?? null
  let houseNumber = single.houseNumber?.value ?? address.houseNumber ?? null
  const postcode = single.postcode?.value ?? address.postcode ?? null
  if (address.rest) noteLines.push(`${single.address!.column.header}: ${single.address!.value}`)
  if (street && street.length > personLimits.street) street = null
  if (houseNumber && houseNumber.length > personLimits.houseNumber) {
    if (single.address) noteLines.push(`${single.address.column.header}: ${single.address.value}`)
    houseNumber = null
  }
  return { street, houseNumber, postcode }
}

/** Contact details, labels, wil / kan / nodig, time, dates and the note. */
function fillTheRest(person: PreviewPerson, reading: Reading): void {
  const { single, noteLines } = reading
  person.nickname = single.nickname?.value ?? null
  person.wijk = single.wijk?.value ?? null
  person.phone = single.phone?.value ?? null
  person.email = single.email?.value ?? null
  person.tags = [...reading.tags.values()].slice(0, 50)
  for (const target of ['wish', 'strength', 'need'] as const) {
    const joined = reading.texts[target]?.join('\n') ?? ''
    if (joined.length > personLimits.text) {
      noteLines.push(`${translate(nl, `fields.${target}`)}: ${joined}`)
    } else person[target] = joined || null
  }
  person.availability = slots.filter((slot) => reading.availability.has(slot))
  const availabilityNote = reading.availabilityNotes.join('; ')
  if (availabilityNote.length > personLimits.availabilityNote) noteLines.push(availabilityNote)
  else person.availabilityNote = availabilityNote || null
  person.availableFrom = single.availableFrom?.value ?? null
  person.firstMetOn = single.firstMetOn?.value ?? null
  person.referredBy = single.referredBy?.value ?? null
  person.contactDate = single.contactDate?.value ?? null
  person.followUpOn = single.followUpOn?.value ?? null
  person.note = noteLines.join('\n') || null
}

/** Is anything in the mapped columns of this row? Empty rows are left out (and counted). */
export function rowHasContent(columns: readonly MappedColumn[], cells: readonly Cell[]): boolean {
  return columns.some((column) => cellText(cells[column.index] ?? null) !== '')
}
