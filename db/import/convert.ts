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
  const person = emptyPerson()
  const problems: RowProblem[] = []
  const noteLines: string[] = []
  const single: Single = {}
  const tags = new Map<string, TagRef>()
  const availability = new Set<Slot>()
  const availabilityNotes: string[] = []
  const texts: Partial<Record<'wish' | 'strength' | 'need', string[]>> = {}

  const problem = (column: MappedColumn, raw: string, kind: ProblemKind) => {
    problems.push({
      column: column.index,
      header: column.header,
      target: column.target,
      raw,
      kind,
      message: translate(nl, `import.problems.${kind}`),
    })
    noteLines.push(`${column.header}: ${raw}`)
  }

  for (const column of columns) {
    const fixed = fixes[String(column.index)]
    const cell: Cell = fixed !== undefined ? fixed : (cells[column.index] ?? null)
    const text = cellText(cell)
    if (!text) continue
    const { target } = column
    if (target === 'note') {
      const plain = suggestTarget(column.header) === 'note' || column.header.startsWith('Kolom ')
      noteLines.push(
        plain && columns.filter((c) => c.target === 'note').length === 1
          ? text
          : `${column.header}: ${text}`,
      )
      continue
    }
    const kind = tagKindOf[target]
    if (kind) {
      for (const name of splitTags(cell)) {
        if (name.length > personLimits.tagName) problem(column, name, 'tooLong')
        else tags.set(`${kind}:${foldKey(name)}`, { kind, name })
      }
      continue
    }
    if (target === 'wish' || target === 'strength' || target === 'need') {
      ;(texts[target] ??= []).push(text)
      continue
    }
    if (target === 'availability') {
      for (const slot of parseAvailability(cell)) availability.add(slot)
      availabilityNotes.push(text)
      continue
    }
    // One value per field: the first column with something in it wins, the others go to the note.
    if (single[target]) {
      noteLines.push(`${column.header}: ${text}`)
      continue
    }
    const limit = textLimits[target]
    if (limit !== undefined && text.length > limit) {
      problem(column, text, 'tooLong')
      continue
    }
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

  // Names: a full-name column split the Dutch way; separate columns win over the split.
  const split = single.fullName ? splitDutchName(single.fullName.value) : {}
  const last = single.lastName
    ? single.tussenvoegsel
      ? { lastName: single.lastName.value }
      : splitLastName(single.lastName.value)
    : {}
  person.firstName = single.firstName?.value ?? split.firstName ?? null
  person.tussenvoegsel =
    single.tussenvoegsel?.value.toLocaleLowerCase('nl') ??
    last.tussenvoegsel ??
    (single.lastName ? null : (split.tussenvoegsel ?? null))
  person.lastName = last.lastName ?? (single.lastName ? null : (split.lastName ?? null))
  if (!person.firstName && person.lastName) {
    // Only a surname ("Jansen"): that is the name she knows them by.
    person.firstName = [person.tussenvoegsel, person.lastName].filter(Boolean).join(' ')
    person.tussenvoegsel = null
    person.lastName = null
  }
  if (person.firstName && person.firstName.length > personLimits.firstName) {
    person.firstName = null
  }
  person.nickname = single.nickname?.value ?? null

  // Address: street and number columns win over one address column split.
  const address = single.address ? splitAddress(single.address.value) : {}
  person.street = single.street?.value ?? address.street ?? null
  person.houseNumber = single.houseNumber?.value ?? address.houseNumber ?? null
  person.postcode = single.postcode?.value ?? address.postcode ?? null
  if (address.rest) noteLines.push(`${single.address!.column.header}: ${single.address!.value}`)
  if (person.street && person.street.length > personLimits.street) person.street = null
  if (person.houseNumber && person.houseNumber.length > personLimits.houseNumber) {
    if (single.address) noteLines.push(`${single.address.column.header}: ${single.address.value}`)
    person.houseNumber = null
  }

  person.wijk = single.wijk?.value ?? null
  person.phone = single.phone?.value ?? null
  person.email = single.email?.value ?? null
  person.tags = [...tags.values()].slice(0, 50)
  for (const target of ['wish', 'strength', 'need'] as const) {
    const joined = texts[target]?.join('\n') ?? ''
    if (joined.length > personLimits.text) {
      noteLines.push(`${translate(nl, `fields.${target}`)}: ${joined}`)
    } else person[target] = joined || null
  }
  person.availability = slots.filter((slot) => availability.has(slot))
  const availabilityNote = availabilityNotes.join('; ')
  if (availabilityNote.length > 500) noteLines.push(availabilityNote)
  else person.availabilityNote = availabilityNote || null
  person.availableFrom = single.availableFrom?.value ?? null
  person.firstMetOn = single.firstMetOn?.value ?? null
  person.contactDate = single.contactDate?.value ?? null
  person.followUpOn = single.followUpOn?.value ?? null
  person.note = noteLines.join('\n') || null

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

/** Is anything in the mapped columns of this row? Empty rows are left out (and counted). */
export function rowHasContent(columns: readonly MappedColumn[], cells: readonly Cell[]): boolean {
  return columns.some((column) => cellText(cells[column.index] ?? null) !== '')
}
