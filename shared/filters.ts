import { addMonths } from './calendar'
import { slots } from './ledger'
import type { PeopleFilter } from './people-query'

/** What a filter looks at in a person. */
export interface FilterAttributes {
  wijkId: string | null
  tagIds: readonly string[]
  availability: number
  consent: string
  lastContactOn: string | null
  /** "Beschikbaar vanaf": matching puts people whose day is still to come apart. */
  availableFrom?: string | null
  /** Until when she may propose him to an initiative (his sharing consent); null: ask first. */
  shareUntil?: string | null
}

/** "Laatste contact langer dan 3 maanden / een jaar geleden" counts back from today. */
export function lastContactBefore(filter: PeopleFilter, today: string): string | undefined {
  if (filter.lastContact === 'over3m') return addMonths(today, -3)
  if (filter.lastContact === 'over1y') return addMonths(today, -12)
  return undefined
}

/** Whether a person passes every condition of the filter (the list's SQL says the same). */
export function passesFilter(
  person: FilterAttributes,
  filter: PeopleFilter,
  today: string,
): boolean {
  if (filter.wijkId && person.wijkId !== filter.wijkId) return false
  if (filter.tagId && !person.tagIds.includes(filter.tagId)) return false
  if (filter.slot && (person.availability & (1 << slots.indexOf(filter.slot))) === 0) return false
  if (filter.consent && person.consent !== filter.consent) return false
  if (filter.lastContact === 'never' && person.lastContactOn !== null) return false
  const before = lastContactBefore(filter, today)
  if (before && (person.lastContactOn === null || person.lastContactOn >= before)) return false
  return true
}

/** May she propose him to an initiative on `today`: a sharing consent that holds then. */
export const sharesUntil = (attributes: Pick<FilterAttributes, 'shareUntil'>, today: string) =>
  !!attributes.shareUntil && attributes.shareUntil >= today
