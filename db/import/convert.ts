import { z } from 'zod'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import type {
  ImportColumn,
  ImportTarget,
  PreviewPerson,
  PreviewRow,
  ProblemKind,
  RowProblem,
} from '../../shared/import'
import { slots, type Slot, type TagKind } from '../../shared/ledger'
import { personLimits, type TagRef } from '../../shared/person'
import { foldKey } from '../../shared/text'
import {
  cellText,
  parseAvailability,
  parseDutchDate,
  parsePhone,
  parsePostcode,
  splitTags,
  type Cell,
} from './cells'
import { splitAddress, splitDutchName, splitLastName } from './names'
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

const textLimits: Partial<Record<ImportTarget, number>> = {
  firstName: personLimits.firstName,
  tussenvoegsel: personLimits.tussenvoegsel,
  lastName: personLimits.lastName,
  nickname: personLimits.nickname,
  street: personLimits.street,
  houseNumber: personLimits.houseNumber,
  wijk: personLimits.wijk,
  wish: personLimits.text,
  strength: personLimits.text,
  need: personLimits.text,
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
}

/**
 * One row of the sheet as it will be stored, with what could not be read. A value that does not
 * fit its field goes into the note as written ("Geboren: 3 januari"), so nothing is lost; the
 * problem is listed so she can fix it, skip the row or leave it in the note.
 */
export function convertRow(
  columns: readonly MappedColumn[],
  cells: readonly Cell[],
  row: number,
  fixes: Readonly<Record<string, string>> = {},
): PreviewRow {
  const reading = readCells(columns, cells, fixes)
  const person = emptyPerson()
  Object.assign(person, namesOf(reading.single))
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
  return { row, person, problems, blocked, duplicate: null }
}

/** Every mapped cell read into its field, or into the note with a problem where it does not fit. */
function readCells(
  columns: readonly MappedColumn[],
  cells: readonly Cell[],
  fixes: Readonly<Record<string, string>>,
): Reading {
  const reading: Reading = {
    single: {},
    tags: new Map(),
    availability: new Set(),
    availabilityNotes: [],
    texts: {},
    noteLines: [],
    problems: [],
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
      ;(reading.texts[target] ??= []).push(text)
    } else if (target === 'availability') {
      for (const slot of parseAvailability(cell)) reading.availability.add(slot)
      reading.availabilityNotes.push(text)
    } else if (reading.single[target]) {
      // One value per field: the first column with something in it wins, the others go to the note.
      reading.noteLines.push(`${column.header}: ${text}`)
    } else {
      const limit = textLimits[target]
      if (limit !== undefined && text.length > limit) problem(column, text, 'tooLong')
      else readSingle(reading.single, column, cell, text, problem)
    }
  }
  return reading
}

/** A field of one value (a phone number, a postcode, a date…), read as Dutch spreadsheets write it. */
function readSingle(
  single: Single,
  column: MappedColumn,
  cell: Cell,
  text: string,
  problem: (column: MappedColumn, raw: string, kind: ProblemKind) => void,
): void {
  const { target } = column
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
      const date = parseDutchDate(cell)
      if (date) single[target] = { value: date, column }
      else problem(column, text, 'date')
      break
    }
    default:
      single[target] = { value: text, column }
  }
}

/** Names: a full-name column split the Dutch way; separate columns win over the split. */
function namesOf(single: Single): Pick<PreviewPerson, 'firstName' | 'tussenvoegsel' | 'lastName'> {
  const split = single.fullName ? splitDutchName(single.fullName.value) : {}
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
    // Only a surname ("Jansen"): that is the name she knows them by.
    firstName = [tussenvoegsel, lastName].filter(Boolean).join(' ')
    tussenvoegsel = null
    lastName = null
  }
  if (firstName && firstName.length > personLimits.firstName) firstName = null
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
  if (availabilityNote.length > 500) noteLines.push(availabilityNote)
  else person.availabilityNote = availabilityNote || null
  person.availableFrom = single.availableFrom?.value ?? null
  person.firstMetOn = single.firstMetOn?.value ?? null
  person.contactDate = single.contactDate?.value ?? null
  person.followUpOn = single.followUpOn?.value ?? null
  person.note = noteLines.join('\n') || null
}

/** Is anything in the mapped columns of this row? Empty rows are left out (and counted). */
export function rowHasContent(columns: readonly MappedColumn[], cells: readonly Cell[]): boolean {
  return columns.some((column) => cellText(cells[column.index] ?? null) !== '')
}
