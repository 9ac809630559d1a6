import type { WriteContext } from '../../db/ledger/write-context'
import { localDate } from '../../shared/dates'
import { newPersonSchema, type NewPerson, type NewPersonInput } from '../../shared/person'

/** A write context at a fixed time, as the API builds one from the clock and settings. */
export function at(
  when: string | Date = '2026-03-02T09:30:00.000Z',
  worker = 'Meike',
): WriteContext {
  const now = new Date(when)
  return { now, today: localDate(now), worker }
}

/** A new person as the API would pass it on: parsed by the contract's schema. */
export const person = (fields: NewPersonInput): NewPerson => newPersonSchema.parse(fields)
