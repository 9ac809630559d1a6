import { z } from 'zod'

/** Free text that may be left empty; empty strings and spaces count as "not given". */
const optionalText = (max: number) =>
  z
    .string({ error: 'validation.invalid' })
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .transform((value) => (value === '' ? undefined : value))
    .optional()

export const personLimits = {
  firstName: 100,
  tussenvoegsel: 30,
  lastName: 100,
  wijk: 80,
  note: 5000,
} as const

export const newPersonSchema = z.strictObject(
  {
    firstName: z
      .string({ error: 'validation.firstNameRequired' })
      .trim()
      .min(1, { error: 'validation.firstNameRequired' })
      .max(personLimits.firstName, { error: 'validation.tooLong' }),
    tussenvoegsel: optionalText(personLimits.tussenvoegsel),
    lastName: optionalText(personLimits.lastName),
    wijk: optionalText(personLimits.wijk),
    note: optionalText(personLimits.note),
  },
  { error: 'validation.invalid' },
)

/** What a form or a caller sends; what a handler receives after parsing. */
export type NewPersonInput = z.input<typeof newPersonSchema>
export type NewPerson = z.output<typeof newPersonSchema>

export const listPeopleSchema = z
  .strictObject(
    {
      limit: z.int({ error: 'validation.notANumber' }).min(1).max(1000).default(200),
      offset: z.int({ error: 'validation.notANumber' }).min(0).default(0),
    },
    { error: 'validation.invalid' },
  )
  .default({ limit: 200, offset: 0 })

export interface Person {
  id: string
  firstName: string
  tussenvoegsel: string | null
  lastName: string | null
  wijk: string | null
  note: string | null
  /** UTC, ISO-8601. */
  createdAt: string
  updatedAt: string
}

export interface PeoplePage {
  items: Person[]
  total: number
}

type Named = Pick<Person, 'firstName' | 'tussenvoegsel' | 'lastName'>

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
