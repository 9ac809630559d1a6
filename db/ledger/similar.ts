import type { Kysely } from 'kysely'
import type { SimilarPerson, SimilarQuery } from '../../shared/person'
import { editDistance, foldKey } from '../../shared/text'
import { summaryColumns, toSummary } from './rows'
import type { Database } from '../store/schema'

/** First names that may be the same person's: equal, one the start of the other, or a typo apart. */
function firstNamesAlike(a: string, b: string): boolean {
  if (a === b) return true
  if (a.length >= 3 && b.length >= 3 && (a.startsWith(b) || b.startsWith(a))) return true
  return Math.min(a.length, b.length) >= 4 && editDistance(a, b, 1) <= 1
}

/**
 * Everyone with this name key or this address key: by name from the list index (its second
 * column, under both statuses), by address from the address index.
 */
export const candidates = (
  db: Kysely<Database>,
  column: 'name_key' | 'address_key',
  key: string,
) => {
  const query = db
    .selectFrom('person')
    .leftJoin('wijk', 'wijk.id', 'person.wijk_id')
    .select([...summaryColumns, 'person.name_key', 'person.address_key'])
    .where(`person.${column}`, '=', key)
    .where('person.deleted_at', 'is', null)
    .where('person.anonymised_at', 'is', null)
    .limit(200)
  return column === 'name_key' ? query.where('person.status', 'in', ['active', 'archived']) : query
}

/**
 * People she has probably met already ("Lijkt op: Fatima el Amrani, Kerkstraat 12"): the same last
 * name (any case or accents) with a like first name, or anyone at the same street and number. Two
 * index lookups, so it is cheap enough to run as she types. It only suggests: a name alone
 * never merges anyone, because homonyms are common.
 */
export async function similarPeople(
  db: Kysely<Database>,
  query: SimilarQuery,
  limit = 5,
): Promise<SimilarPerson[]> {
  const first = query.firstName ? foldKey(query.firstName) : ''
  const nameKey = query.lastName ? foldKey(query.lastName) : first
  const addressKey =
    query.street && query.houseNumber ? foldKey(`${query.street} ${query.houseNumber}`) : undefined
  if (!nameKey && !addressKey) return []

  const [byName, byAddress] = await Promise.all([
    nameKey ? candidates(db, 'name_key', nameKey).execute() : [],
    addressKey ? candidates(db, 'address_key', addressKey).execute() : [],
  ])
  const rows = [...new Map([...byName, ...byAddress].map((row) => [row.id, row])).values()]

  const found: SimilarPerson[] = []
  for (const row of rows) {
    const sameAddress = addressKey !== undefined && row.address_key === addressKey
    const likeName =
      row.name_key === nameKey &&
      (!query.lastName || !first || firstNamesAlike(foldKey(row.first_name), first))
    if (!sameAddress && !likeName) continue
    const reason = sameAddress && likeName ? 'name_and_address' : sameAddress ? 'address' : 'name'
    found.push({ person: toSummary(row), reason })
  }
  const rank = { name_and_address: 0, name: 1, address: 2 } as const
  return found.sort((a, b) => rank[a.reason] - rank[b.reason]).slice(0, limit)
}
