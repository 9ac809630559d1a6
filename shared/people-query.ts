import { z } from 'zod'
import { consentStatuses, slots, type Slot } from './ledger'
import { idSchema, peopleScopes, type PersonSummary } from './person'

/** Listing, searching and narrowing people: what the list and search channels take and give. */

export const lastContactFilters = ['never', 'over3m', 'over1y'] as const

/** Narrowing the list or a search: all given conditions hold. */
export const peopleFilterSchema = z.strictObject(
  {
    wijkId: idSchema.optional(),
    tagId: idSchema.optional(),
    slot: z.enum(slots as [Slot, ...Slot[]], { error: 'validation.invalid' }).optional(),
    consent: z.enum(consentStatuses, { error: 'validation.invalid' }).optional(),
    lastContact: z.enum(lastContactFilters, { error: 'validation.invalid' }).optional(),
  },
  { error: 'validation.invalid' },
)
export type PeopleFilter = z.output<typeof peopleFilterSchema>

export const listPeopleSchema = z
  .strictObject(
    {
      scope: z.enum(peopleScopes, { error: 'validation.invalid' }).default('active'),
      filter: peopleFilterSchema.default({}),
      limit: z.int({ error: 'validation.notANumber' }).min(1).max(1000).default(200),
      offset: z.int({ error: 'validation.notANumber' }).min(0).default(0),
    },
    { error: 'validation.invalid' },
  )
  .default({ scope: 'active', filter: {}, limit: 200, offset: 0 })

/** Where in a person a search word was found, most important first. */
export const searchFieldNames = [
  'name',
  'tag',
  'address',
  'wijk',
  'wish',
  'strength',
  'need',
  'note',
] as const
export type SearchFieldName = (typeof searchFieldNames)[number]

export const searchPeopleSchema = z.strictObject(
  {
    query: z.string({ error: 'validation.invalid' }).max(200, { error: 'validation.tooLong' }),
    scope: z.enum(['active', 'archived'], { error: 'validation.invalid' }).default('active'),
    filter: peopleFilterSchema.default({}),
    limit: z.int({ error: 'validation.notANumber' }).min(1).max(500).default(100),
  },
  { error: 'validation.invalid' },
)

export interface PeopleSearchResult {
  person: PersonSummary
  /** Why she matched: name, tag, address… (most important first). */
  fields: SearchFieldName[]
  /** The words that matched, folded, for highlighting. */
  words: string[]
}
