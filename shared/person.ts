import { z } from 'zod'
import {
  ageBands,
  cadences,
  channels,
  consentStatuses,
  followUpPicks,
  isDutchPhone,
  isoDate,
  normalisePostcode,
  slots,
  tagKinds,
  type AgeBand,
  type Cadence,
  type ConsentStatus,
  type ContactChannel,
  type Slot,
  type TagKind,
} from './ledger'

/** Free text that may be left empty; empty strings and spaces count as "not given". */
export const optionalText = (max: number) =>
  z
    .string({ error: 'validation.invalid' })
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .transform((value) => (value === '' ? undefined : value))
    .optional()

/** A choice a form may leave on "—" (the empty string). */
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.literal(''), z.enum(values, { error: 'validation.invalid' })])
    .optional()
    .transform((value) => (value ? value : undefined))

const optionalDate = z
  .union([z.literal(''), isoDate])
  .optional()
  .transform((value) => (value ? value : undefined))

export const idSchema = z.uuid({ error: 'validation.id' })

export const personLimits = {
  firstName: 100,
  tussenvoegsel: 30,
  lastName: 100,
  nickname: 60,
  street: 120,
  houseNumber: 12,
  wijk: 80,
  phone: 30,
  email: 120,
  text: 2000,
  note: 5000,
  availabilityNote: 500,
  route: 60,
  tagName: 60,
} as const

export const tagRefSchema = z.strictObject({
  kind: z.enum(tagKinds, { error: 'validation.invalid' }),
  name: z
    .string({ error: 'validation.tagName' })
    .trim()
    .min(1, { error: 'validation.tagName' })
    .max(personLimits.tagName, { error: 'validation.tooLong' }),
})
export type TagRef = z.output<typeof tagRefSchema>

const personShape = {
  firstName: z
    .string({ error: 'validation.firstNameRequired' })
    .trim()
    .min(1, { error: 'validation.firstNameRequired' })
    .max(personLimits.firstName, { error: 'validation.tooLong' }),
  tussenvoegsel: optionalText(personLimits.tussenvoegsel),
  lastName: optionalText(personLimits.lastName),
  nickname: optionalText(personLimits.nickname),
  street: optionalText(personLimits.street),
  houseNumber: optionalText(personLimits.houseNumber),
  postcode: optionalText(10).refine((value) => !value || normalisePostcode(value), {
    error: 'validation.postcode',
  }),
  /** The wijk by name: an existing one (matched without regard to case or accents) or a new one. */
  wijk: optionalText(personLimits.wijk),
  phone: optionalText(personLimits.phone).refine((value) => !value || isDutchPhone(value), {
    error: 'validation.phone',
  }),
  email: optionalText(personLimits.email).refine(
    (value) => !value || z.email().safeParse(value).success,
    { error: 'validation.email' },
  ),
  wish: optionalText(personLimits.text),
  strength: optionalText(personLimits.text),
  need: optionalText(personLimits.text),
  note: optionalText(personLimits.note),
  tags: z.array(tagRefSchema).max(50, { error: 'validation.tooMany' }).default([]),
  availability: z
    .array(z.enum(slots as [Slot, ...Slot[]], { error: 'validation.invalid' }))
    .max(slots.length)
    .default([]),
  availableFrom: optionalDate,
  availabilityNote: optionalText(personLimits.availabilityNote),
  metChannel: optionalChoice(channels),
  /** Aangemeld door: a route from her list (settings), by name. */
  referredBy: optionalText(personLimits.route),
  firstMetOn: optionalDate,
  /**
   * The contact purpose's consent, as a save may change it (recorded as a decision in its history,
   * see db/privacy/consent.ts). Left out, it stays as it is.
   */
  consentStatus: z.enum(consentStatuses, { error: 'validation.invalid' }).optional(),
  consentDate: optionalDate,
  consentScope: optionalText(500),
  consentNote: optionalText(500),
  ageBand: optionalChoice(ageBands),
  /** Keep in touch every …: the next follow-up is set from the last contact. */
  cadence: optionalChoice(cadences),
}

export const personFieldsSchema = z.strictObject(personShape, { error: 'validation.invalid' })
export type PersonFields = z.output<typeof personFieldsSchema>
export type PersonFieldsInput = z.input<typeof personFieldsSchema>

export const momentFieldsSchema = z.strictObject(
  {
    date: isoDate,
    channel: z.enum(channels, { error: 'validation.channel' }),
    place: optionalText(120),
    note: optionalText(personLimits.text),
    /** Hoe bereikt: how this contact came about, a route from her list. */
    referredBy: optionalText(personLimits.route),
  },
  { error: 'validation.invalid' },
)
export type MomentFields = z.output<typeof momentFieldsSchema>

/** A new person, and what she noted at the meeting: one transaction. */
export const newPersonSchema = z.strictObject(
  {
    ...personShape,
    moment: momentFieldsSchema.optional(),
    followUpPick: optionalChoice(followUpPicks),
    /** Why to get back to them ("Na de zomer: vragen of ze wil koken"): shown on Vandaag. */
    followUpReason: optionalText(200),
  },
  { error: 'validation.invalid' },
)
export type NewPersonInput = z.input<typeof newPersonSchema>
export type NewPerson = z.output<typeof newPersonSchema>

export const updatePersonSchema = z.strictObject(
  { id: idSchema, ...personShape },
  { error: 'validation.invalid' },
)
export type UpdatePerson = z.output<typeof updatePersonSchema>
export type UpdatePersonInput = z.input<typeof updatePersonSchema>

export const personRefSchema = z.strictObject({ id: idSchema }, { error: 'validation.invalid' })

export const addMomentSchema = momentFieldsSchema.extend({ personId: idSchema })

export const peopleScopes = ['active', 'archived', 'trash'] as const
export type PeopleScope = (typeof peopleScopes)[number]

export const similarPeopleSchema = z.strictObject(
  {
    firstName: optionalText(personLimits.firstName),
    tussenvoegsel: optionalText(personLimits.tussenvoegsel),
    lastName: optionalText(personLimits.lastName),
    street: optionalText(personLimits.street),
    houseNumber: optionalText(personLimits.houseNumber),
  },
  { error: 'validation.invalid' },
)
export type SimilarQuery = z.output<typeof similarPeopleSchema>

export interface Tag {
  id: string
  kind: TagKind
  name: string
}

export interface ContactMoment {
  id: string
  personId: string
  date: string
  channel: ContactChannel
  place: string | null
  note: string | null
  worker: string | null
  referredBy: string | null
  createdAt: string
}

export interface PersonSummary {
  id: string
  firstName: string
  tussenvoegsel: string | null
  lastName: string | null
  nickname: string | null
  street: string | null
  houseNumber: string | null
  wijk: string | null
  status: 'active' | 'archived'
  lastContactOn: string | null
  deletedAt: string | null
}

export interface Person extends PersonSummary {
  postcode: string | null
  phone: string | null
  email: string | null
  wish: string | null
  strength: string | null
  need: string | null
  note: string | null
  availability: Slot[]
  availableFrom: string | null
  availabilityNote: string | null
  metChannel: ContactChannel | null
  referredBy: string | null
  firstMetOn: string | null
  consentStatus: ConsentStatus
  consentDate: string | null
  consentScope: string | null
  consentNote: string | null
  ageBand: AgeBand | null
  cadence: Cadence | null
  /** UTC, ISO-8601. */
  createdAt: string
  updatedAt: string
}

export interface PeoplePage {
  items: PersonSummary[]
  total: number
}

export interface SimilarPerson {
  person: PersonSummary
  /** Why she is suggested: a like name, the same address, or both. Never merged on name alone. */
  reason: 'name' | 'address' | 'name_and_address'
}

/** A stored person (null where not known) or a new one (undefined). */
type Named = {
  firstName: string
  tussenvoegsel?: string | null | undefined
  lastName?: string | null | undefined
}

/** "Jan de Vries": how a name reads in a sentence. */
export function displayName(person: Named): string {
  return [person.firstName, person.tussenvoegsel, person.lastName].filter(Boolean).join(' ')
}

/** "Vries, Jan de": how a Dutch name stands in a sorted list (the tussenvoegsel does not sort). */
export function sortName(person: Named): string {
  if (!person.lastName) return displayName(person)
  const rest = [person.firstName, person.tussenvoegsel].filter(Boolean).join(' ')
  return `${person.lastName}, ${rest}`
}

/** "Kerkstraat 12": where she lives, as far as it is known. */
export function address(person: Pick<PersonSummary, 'street' | 'houseNumber'>): string {
  return [person.street, person.houseNumber].filter(Boolean).join(' ')
}
