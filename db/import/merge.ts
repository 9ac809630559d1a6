import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import type { PreviewPerson } from '../../shared/import'
import { phoneDigits, slots } from '../../shared/ledger'
import { address, type PersonFields, type TagRef } from '../../shared/person'
import { foldKey } from '../../shared/text'

/**
 * The import's own shape of a person (PreviewPerson: what a row says) and the ledger's: merging two
 * rows, or a row into someone already there, without losing anything.
 */

const fieldLabel = (field: 'nickname' | 'postcode' | 'wijk' | 'phone' | 'email' | 'street') =>
  translate(nl, `fields.${field}`)

const joinText = (a: string | null, b: string | null) => {
  if (!b || (a && foldKey(a).includes(foldKey(b)))) return a
  return a ? `${a}\n${b}` : b
}

/** One value, however it is spelled: a phone number by its digits, the rest by its letters. */
const same = (field: string, a: string, b: string) =>
  field === 'phone' ? phoneDigits(a) === phoneDigits(b) : foldKey(a) === foldKey(b)

/**
 * `extra` merged into `base`, losing nothing: empty fields are filled, tags and day parts added;
 * where both have a different value hers stays and the other goes into the note.
 */
export function mergePeople(base: PreviewPerson, extra: PreviewPerson): PreviewPerson {
  const merged: PreviewPerson = { ...base }
  const notes: string[] = []
  for (const field of ['nickname', 'postcode', 'wijk', 'phone', 'email'] as const) {
    const value = extra[field]
    if (!value) continue
    if (!base[field]) merged[field] = value
    else if (!same(field, base[field], value)) notes.push(`${fieldLabel(field)}: ${value}`)
  }
  if (extra.street) {
    if (!base.street) {
      merged.street = extra.street
      merged.houseNumber = extra.houseNumber
    } else if (foldKey(address(base)) !== foldKey(address(extra))) {
      notes.push(`${translate(nl, 'import.target.address')}: ${address(extra)}`)
    }
  }
  const tags = new Map<string, TagRef>()
  for (const tag of [...base.tags, ...extra.tags]) {
    const key = `${tag.kind}:${foldKey(tag.name)}`
    if (!tags.has(key)) tags.set(key, tag)
  }
  merged.tags = [...tags.values()].slice(0, 50)
  merged.wish = joinText(base.wish, extra.wish)
  merged.strength = joinText(base.strength, extra.strength)
  merged.need = joinText(base.need, extra.need)
  merged.availability = slots.filter(
    (slot) => base.availability.includes(slot) || extra.availability.includes(slot),
  )
  merged.availabilityNote = joinText(base.availabilityNote, extra.availabilityNote)
  merged.availableFrom = base.availableFrom ?? extra.availableFrom
  merged.referredBy = base.referredBy ?? extra.referredBy
  merged.firstMetOn =
    [base.firstMetOn, extra.firstMetOn].filter((d): d is string => !!d).sort()[0] ?? null
  merged.note = [base.note, notes.length ? notes.join('\n') : null, extra.note]
    .filter(Boolean)
    .join('\n')
  merged.note ||= null
  return merged
}

/** A stored person (ledger/rows.ts's fields) as the import's shape, to merge a row into. */
export function previewOf(fields: PersonFields): PreviewPerson {
  return {
    firstName: fields.firstName,
    tussenvoegsel: fields.tussenvoegsel ?? null,
    lastName: fields.lastName ?? null,
    nickname: fields.nickname ?? null,
    street: fields.street ?? null,
    houseNumber: fields.houseNumber ?? null,
    postcode: fields.postcode ?? null,
    wijk: fields.wijk ?? null,
    phone: fields.phone ?? null,
    email: fields.email ?? null,
    tags: fields.tags,
    wish: fields.wish ?? null,
    strength: fields.strength ?? null,
    need: fields.need ?? null,
    availability: fields.availability,
    availableFrom: fields.availableFrom ?? null,
    availabilityNote: fields.availabilityNote ?? null,
    firstMetOn: fields.firstMetOn ?? null,
    referredBy: fields.referredBy ?? null,
    contactDate: null,
    followUpOn: null,
    note: fields.note ?? null,
  }
}

const orUndefined = <T>(value: T | null) => value ?? undefined

/**
 * The import's shape as the fields a person is stored from. What the import does not know (consent,
 * how they met, age, cadence) comes from `base`, the person merged into, or stays empty.
 */
export function fieldsOf(person: PreviewPerson, base?: PersonFields): PersonFields {
  return {
    firstName: person.firstName!,
    tussenvoegsel: orUndefined(person.tussenvoegsel),
    lastName: orUndefined(person.lastName),
    nickname: orUndefined(person.nickname),
    street: orUndefined(person.street),
    houseNumber: orUndefined(person.houseNumber),
    postcode: orUndefined(person.postcode),
    wijk: orUndefined(person.wijk),
    phone: orUndefined(person.phone),
    email: orUndefined(person.email),
    wish: orUndefined(person.wish),
    strength: orUndefined(person.strength),
    need: orUndefined(person.need),
    note: orUndefined(person.note),
    tags: person.tags,
    availability: person.availability,
    availableFrom: orUndefined(person.availableFrom),
    availabilityNote: orUndefined(person.availabilityNote),
    metChannel: base?.metChannel,
    referredBy: orUndefined(person.referredBy),
    firstMetOn: orUndefined(person.firstMetOn),
    consentStatus: base?.consentStatus ?? 'not_asked',
    consentDate: base?.consentDate,
    consentScope: base?.consentScope,
    consentNote: base?.consentNote,
    ageBand: base?.ageBand,
    cadence: base?.cadence,
  }
}
