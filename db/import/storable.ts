import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import type { LongNoteChoice, PreviewPerson } from '../../shared/import'
import { personFieldsSchema, personLimits } from '../../shared/person'
import { StoreError } from '../store/errors'
import { fieldsOf } from './merge'

/** The person form's limits on the text fields an import fills one value into (names apart). */
export const textLimits = {
  nickname: personLimits.nickname,
  street: personLimits.street,
  houseNumber: personLimits.houseNumber,
  wijk: personLimits.wijk,
  wish: personLimits.text,
  strength: personLimits.text,
  need: personLimits.text,
  availabilityNote: personLimits.availabilityNote,
  referredBy: personLimits.route,
} as const

/**
 * A person as the person form can save her again: every value within the form's limits. What a row
 * or a merge made too long moves into the note as written; a note longer than the form keeps is
 * cut where a line or word ends, and the rest becomes contact notes (`rest`), or is left off when
 * she chose to shorten it. Checked against the form's own schema at the end: an import never
 * stores a person she could not save.
 */
export function storable(
  person: PreviewPerson,
  longNote: LongNoteChoice = 'moment',
): { person: PreviewPerson; rest: string[] } {
  const fitted: PreviewPerson = { ...person }
  const noteLines = fitted.note ? [fitted.note] : []
  for (const [field, max] of Object.entries(textLimits) as [keyof typeof textLimits, number][]) {
    const value = fitted[field]
    if (value && value.length > max) {
      noteLines.push(`${translate(nl, `fields.${field}`)}: ${value}`)
      fitted[field] = null
    }
  }
  fitted.tags = fitted.tags.slice(0, 50)
  const { note, rest } = splitNote(noteLines.join('\n'), longNote)
  fitted.note = note
  const check = personFieldsSchema.safeParse(fieldsOf(fitted))
  if (!check.success) {
    const field = String(check.error.issues[0]?.path[0] ?? '')
    throw new StoreError('invalid_input', translate(nl, 'import.errors.notStorable', { field }))
  }
  return { person: fitted, rest }
}

/** A contact note holds as much as the person form's text fields, less room for its heading. */
const restPart = personLimits.text - 80

/** Where to cut `text` at most `max` characters in: after the last line break or space. */
function cutAt(text: string, max: number): number {
  if (text.length <= max) return text.length
  const breakAt = Math.max(text.lastIndexOf('\n', max), text.lastIndexOf(' ', max))
  return breakAt > max / 2 ? breakAt : max
}

function splitNote(
  text: string,
  longNote: LongNoteChoice,
): { note: string | null; rest: string[] } {
  if (!text) return { note: null, rest: [] }
  if (text.length <= personLimits.note) return { note: text, rest: [] }
  if (longNote === 'shorten') {
    const end = cutAt(text, personLimits.note - 1)
    return { note: `${text.slice(0, end).trimEnd()}…`, rest: [] }
  }
  const more = translate(nl, 'import.noteContinues')
  const first = cutAt(text, personLimits.note - more.length - 1)
  const note = `${text.slice(0, first).trimEnd()}\n${more}`
  const rest: string[] = []
  let remaining = text.slice(first).trimStart()
  while (remaining) {
    const end = cutAt(remaining, restPart)
    rest.push(remaining.slice(0, end).trimEnd())
    remaining = remaining.slice(end).trimStart()
  }
  return { note, rest }
}
