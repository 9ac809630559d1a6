import type { Kysely } from 'kysely'
import type { PersonSummary } from '../../shared/person'
import type { PeopleFilter, PeopleSearchResult } from '../../shared/people-query'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import { displayName } from '../../shared/person'
import { summaryColumns, toSummary } from '../ledger/rows'
import type { Database } from '../store/schema'
import { MatchColumns } from '../connect/match-columns'
import { sharingUntil } from '../privacy/consent'
import { SearchIndex, type SearchDoc } from './search-index'
import { inIds } from '../store/in-ids'

/**
 * The search index lives in the main process, next to the store: every write goes through the API
 * table here, so the index changes in the same call as the data, and the renderer receives only
 * the rows it shows (a page of results), never the whole ledger.
 */

const indexColumns = [
  ...summaryColumns,
  'person.name_key',
  'person.wijk_id',
  'person.availability',
  'person.available_from',
  'person.consent_status',
  'person.wish',
  'person.strength',
  'person.need',
  'person.note',
] as const

/** The people with these ids (or everyone), as the index reads them: words by field. */
async function searchDocs(db: Kysely<Database>, ids?: readonly string[]): Promise<SearchDoc[]> {
  if (ids && ids.length === 0) return []
  let query = db
    .selectFrom('person')
    .leftJoin('wijk', 'wijk.id', 'person.wijk_id')
    .select(indexColumns)
    .where('person.deleted_at', 'is', null)
    .where('person.anonymised_at', 'is', null)
  if (ids) query = query.where('person.id', 'in', ids)
  const rows = await query.execute()
  let tagQuery = db
    .selectFrom('person_tag')
    .innerJoin('tag', 'tag.id', 'person_tag.tag_id')
    .select(['person_tag.person_id', 'tag.id', 'tag.name'])
  if (ids) tagQuery = tagQuery.where('person_tag.person_id', 'in', ids)
  const notes = await momentNotes(db, ids)
  const sharing = await sharingUntil(db, ids)
  const tags = new Map<string, { id: string; name: string }[]>()
  for (const { person_id, id, name } of await tagQuery.execute()) {
    const list = tags.get(person_id)
    if (list) list.push({ id, name })
    else tags.set(person_id, [{ id, name }])
  }
  return rows.map((row) => {
    const person = toSummary(row)
    return {
      id: row.id,
      sortKey: row.name_key,
      status: row.status,
      attributes: {
        wijkId: row.wijk_id,
        tagIds: (tags.get(row.id) ?? []).map((tag) => tag.id),
        availability: row.availability,
        consent: row.consent_status,
        lastContactOn: row.last_contact_on,
        availableFrom: row.available_from,
        shareUntil: sharing.get(row.id) ?? null,
      },
      fields: {
        name: [displayName(person), person.nickname].filter(Boolean).join(' '),
        address: [person.street, person.houseNumber].filter(Boolean).join(' '),
        wijk: person.wijk ?? undefined,
        tag: (tags.get(row.id) ?? []).map((tag) => tag.name).join(' '),
        wish: row.wish ?? undefined,
        strength: row.strength ?? undefined,
        need: row.need ?? undefined,
        // Her note and the notes of her contact moments: "a word from a note" finds either.
        note: [row.note, ...(notes.get(row.id) ?? [])].filter(Boolean).join('\n') || undefined,
      },
    }
  })
}

/**
 * The notes of their contact moments, by person. The note an import writes on each moment it
 * makes ("Contact volgens de Excel-lijst") is the app's, not hers: it would make every imported
 * person a hit for "lijst".
 */
async function momentNotes(db: Kysely<Database>, ids?: readonly string[]) {
  let query = db
    .selectFrom('contact_moment')
    .select(['person_id', 'note'])
    .where('note', 'is not', null)
    .where('note', '!=', translate(nl, 'import.momentNote'))
  if (ids) query = query.where('person_id', 'in', ids)
  const notes = new Map<string, string[]>()
  for (const { person_id, note } of await query.execute()) {
    const list = notes.get(person_id)
    if (list) list.push(note!)
    else notes.set(person_id, [note!])
  }
  return notes
}

/** What is kept of every person in memory: the search index and matching's columns. */
export interface PeopleIndexes {
  search: SearchIndex
  matching: MatchColumns
}

/** Both, from one read of the store. */
export async function buildPeopleIndexes(db: Kysely<Database>): Promise<PeopleIndexes> {
  const indexes = { search: new SearchIndex(), matching: new MatchColumns() }
  for (const doc of await searchDocs(db)) {
    indexes.search.put(doc)
    indexes.matching.put(doc)
  }
  return indexes
}

/** After a write: these people as they are now (or gone, when in the trash), in both. */
export async function reindexPeople(
  db: Kysely<Database>,
  indexes: PeopleIndexes,
  ids: readonly string[],
): Promise<void> {
  // In chunks: an import touches thousands, and SQLite binds at most 32,766 values a statement.
  for (let i = 0; i < ids.length; i += 2000) {
    const chunk = ids.slice(i, i + 2000)
    const docs = await searchDocs(db, chunk)
    const present = new Set(docs.map((doc) => doc.id))
    for (const index of [indexes.search, indexes.matching]) {
      for (const id of chunk) if (!present.has(id)) index.remove(id)
      for (const doc of docs) index.put(doc)
    }
  }
}

/**
 * After a bulk action on labels: only these people's tags are read again, and put in both indexes
 * as if each were put in anew (the rest of her words stay as they are).
 */
export async function retagPeople(
  db: Kysely<Database>,
  indexes: PeopleIndexes,
  ids: readonly string[],
): Promise<void> {
  const rows = await db
    .selectFrom('person_tag')
    .innerJoin('tag', 'tag.id', 'person_tag.tag_id')
    .select(['person_tag.person_id', 'tag.id', 'tag.name'])
    .where(inIds('person_tag.person_id', ids))
    .execute()
  const tags = new Map<string, { id: string; name: string }[]>()
  for (const { person_id, id, name } of rows) {
    const list = tags.get(person_id)
    if (list) list.push({ id, name })
    else tags.set(person_id, [{ id, name }])
  }
  for (const id of ids) {
    const own = tags.get(id) ?? []
    const tagIds = own.map((tag) => tag.id)
    indexes.search.retag(id, tagIds, own.map((tag) => tag.name).join(' '))
    indexes.matching.retag(id, tagIds)
  }
}

export async function searchPeople(
  db: Kysely<Database>,
  index: SearchIndex,
  input: { query: string; scope: 'active' | 'archived'; filter: PeopleFilter; limit: number },
  today: string,
): Promise<PeopleSearchResult[]> {
  const hits = index.search(input.query, input.limit, input.scope, {
    conditions: input.filter,
    today,
  })
  if (hits.length === 0) return []
  const rows = await db
    .selectFrom('person')
    .leftJoin('wijk', 'wijk.id', 'person.wijk_id')
    .select(summaryColumns)
    .where(
      'person.id',
      'in',
      hits.map((hit) => hit.id),
    )
    .execute()
  const byId = new Map<string, PersonSummary>(rows.map((row) => [row.id, toSummary(row)]))
  return hits.flatMap((hit) => {
    const person = byId.get(hit.id)
    return person ? [{ person, fields: hit.fields, words: hit.words }] : []
  })
}
