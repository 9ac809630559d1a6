import { sql, type Kysely } from 'kysely'
import type { PersonSummary } from '../../shared/person'
import type { PeopleFilter, PeopleSearchResult } from '../../shared/people-query'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import { displayName } from '../../shared/person'
import { scopedPeople } from '../ledger/people'
import { summaryColumns, toSummary } from '../ledger/rows'
import type { Database } from '../store/schema'
import { MatchColumns } from '../connect/match-columns'
import { sharingUntil } from '../privacy/consent'
import { SearchIndex, type SearchDoc } from './search-index'
import { inIds } from '../store/in-ids'
import { runIndexer, type IndexerProcess, type IndexRun } from './indexer'

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
  if (ids) query = query.where(inIds('person.id', ids))
  const rows = await query.execute()
  let tagQuery = db
    .selectFrom('person_tag')
    .innerJoin('tag', 'tag.id', 'person_tag.tag_id')
    .select(['person_tag.person_id', 'tag.id', 'tag.name'])
  if (ids) tagQuery = tagQuery.where(inIds('person_tag.person_id', ids))
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
  if (ids) query = query.where(inIds('person_id', ids))
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

/** Both, empty. */
export const emptyPeopleIndexes = (): PeopleIndexes => ({
  search: new SearchIndex(),
  matching: new MatchColumns(),
})

/** Both, from one read of the store. */
export async function buildPeopleIndexes(db: Kysely<Database>): Promise<PeopleIndexes> {
  const indexes = emptyPeopleIndexes()
  for (const doc of await searchDocs(db)) {
    indexes.search.put(doc)
    indexes.matching.put(doc)
  }
  indexes.search.pack()
  indexes.matching.pack()
  return indexes
}

/**
 * Reads the next `chunk` people by id (after `after`) into both indexes; returns their ids. Inside
 * a transaction, so no write comes between reading a person and putting her.
 */
export async function fillStep(
  trx: Kysely<Database>,
  indexes: PeopleIndexes,
  after: string,
  chunk: number,
): Promise<string[]> {
  const ids = (
    await trx
      .selectFrom('person')
      .select('id')
      .where('deleted_at', 'is', null)
      .where('anonymised_at', 'is', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(chunk)
      .execute()
  ).map((row) => row.id)
  for (const doc of await searchDocs(trx, ids)) {
    indexes.search.put(doc)
    indexes.matching.put(doc)
  }
  return ids
}

/** Whether the indexes hold everyone yet, and when they will. */
export interface PeopleIndexing {
  done: boolean
  /** Settles when everyone is in (or the build stopped: the store closed under it). */
  ready: Promise<void>
  /** How long filling them took, once done. */
  tookMs?: number
  /**
   * How long the main process took to take over the indexer's indexes, with the people written
   * meanwhile.
   */
  handOverMs?: number
  /** Who filled them: the main process step by step, or an indexer process (large ledgers). */
  by?: 'steps' | 'process'
  /**
   * While the indexer fills them: the people written meanwhile, put in anew from the store once it
   * hands them over (it read the store as it was when it began).
   */
  pending?: Set<string>
  /** Stops filling them, and ends the indexer and its connection (the store is about to close). */
  stop(): Promise<void>
}

export interface IndexingOptions {
  /** People read and put per step; between steps the app answers whatever else was asked. */
  chunk?: number
  /** The build waits for this before it starts (tests hold it back to see the app before it). */
  gate?: Promise<void>
  /** Told once, when the indexes are full or the build stopped. */
  onDone?: (
    outcome: { people: number; ms: number; by: 'steps' | 'process' } | { stopped: unknown },
  ) => void
  /**
   * An indexer process fills them for a large ledger: how the Platform starts one (see
   * indexer.ts), and the store's file and key.
   */
  indexer?: { start: () => IndexerProcess; path: string; key: string }
  /** From how many people on the indexer fills them (below, the main process is quick). */
  indexerFrom?: number
  /** Runs after the indexer answered, before its indexes are taken over (tests write then). */
  beforeHandOver?: () => Promise<void>
}

/** From this many people on, an indexer process fills the indexes by default. */
const indexerFrom = 20_000

/**
 * Both indexes, empty now and filled in the background, so the first screen (Vandaag, the first
 * page of Bewoners) comes from the store alone, before anyone is indexed.
 *
 * A large ledger is read by an indexer process (`options.indexer`): its heap, its garbage and its
 * CPU stay out of this process, it hands over the finished indexes as plain data and typed arrays,
 * and it ends, its memory the OS's again. It reads the store as it was when it began, so the people
 * written meanwhile (`pending`) are put in anew when it answers. Should it fail, or for a small
 * ledger, the main process fills them: a step of `chunk` people at a time, each step inside one
 * read transaction, with the event loop free between steps; writes meanwhile go in through
 * `reindexPeople` as always.
 */
export function startPeopleIndexes(
  db: Kysely<Database>,
  options: IndexingOptions = {},
): PeopleIndexes & { indexing: PeopleIndexing } {
  const chunk = options.chunk ?? 2000
  const indexes = emptyPeopleIndexes()
  let stopped = false
  let run: IndexRun | undefined
  const indexing: PeopleIndexing = {
    done: false,
    ready: Promise.resolve(),
    stop: async () => {
      stopped = true
      await run?.stop()
    },
  }
  const inSteps = async () => {
    indexing.by = 'steps'
    let after = ''
    let people = 0
    for (;;) {
      if (stopped) throw new Error('indexing stopped')
      const read = await db.transaction().execute((trx) => fillStep(trx, indexes, after, chunk))
      people += read.length
      if (read.length < chunk) {
        indexes.search.pack()
        indexes.matching.pack()
        return people
      }
      after = read.at(-1)!
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  const inProcess = async (indexer: NonNullable<IndexingOptions['indexer']>) => {
    indexing.by = 'process'
    // The store may have closed while its size was read: no process is started for nothing.
    if (stopped) throw new Error('indexing stopped')
    indexing.pending = new Set()
    run = runIndexer(indexer.start, { path: indexer.path, key: indexer.key, chunk })
    const outcome = await run.outcome
    run = undefined
    await options.beforeHandOver?.()
    if (!outcome.ok || stopped) {
      // Filled here instead; what was written meanwhile it reads as it is now.
      indexing.pending = undefined
      return inSteps()
    }
    const handOver = performance.now()
    const { search, matching, sameSlots } = outcome
    indexes.search.load(search)
    indexes.matching.load(
      sameSlots
        ? { ...matching, ids: search.ids.slice(), sortKeys: search.sortKeys.slice() }
        : matching,
    )
    await db.transaction().execute(async (trx) => {
      const written = [...(indexing.pending ?? [])]
      indexing.pending = undefined
      await reindexPeople(trx, indexes, written)
    })
    indexing.handOverMs = performance.now() - handOver
    return outcome.people
  }
  const build = async () => {
    await (options.gate ?? new Promise((resolve) => setImmediate(resolve)))
    const started = performance.now()
    const indexer = options.indexer
    const large =
      indexer !== undefined && (await ledgerSize(db)) >= (options.indexerFrom ?? indexerFrom)
    const people = large ? await inProcess(indexer) : await inSteps()
    warmUp(indexes.search)
    indexing.done = true
    indexing.tookMs = performance.now() - started
    options.onDone?.({ people, ms: indexing.tookMs, by: indexing.by! })
  }
  indexing.ready = build().catch((error: unknown) => options.onDone?.({ stopped: error }))
  return { ...indexes, indexing }
}

/**
 * A few searches once the index is full, their results dropped: her first searches then run code
 * the engine has compiled already (at 100k the first ones took 10–20 ms, the rest 2–5). One word
 * and several, prefixes and both kinds of typo; a few milliseconds, once.
 */
function warmUp(search: SearchIndex): void {
  for (const query of ['a', 'de', 'van der', 'jansen', 'tuinieren 12', 'bakkerstraat', 'mar']) {
    search.search(query, 100, 'active')
  }
}

/**
 * About how many people the ledger holds: everyone in the person table, read from its smallest
 * index (a count with conditions would read every row).
 */
async function ledgerSize(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/**
 * After a write: these people as they are now (or gone, when in the trash), in both. While the
 * indexer fills the indexes, they are noted and put in when it hands them over.
 */
export async function reindexPeople(
  db: Kysely<Database>,
  indexes: PeopleIndexes & { indexing?: PeopleIndexing },
  ids: readonly string[],
): Promise<void> {
  const pending = indexes.indexing?.pending
  if (pending) {
    for (const id of ids) pending.add(id)
    return
  }
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
  indexes: PeopleIndexes & { indexing?: PeopleIndexing },
  ids: readonly string[],
): Promise<void> {
  if (indexes.indexing?.pending) return reindexPeople(db, indexes, ids)
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

type SearchInput = {
  query: string
  scope: 'active' | 'archived'
  filter: PeopleFilter
  limit: number
}

/** How long a search waits for the indexes still being filled before it asks the store itself. */
const waitForIndexMs = 200

export async function searchPeople(
  db: Kysely<Database>,
  indexes: { search: SearchIndex; indexing: PeopleIndexing },
  input: SearchInput,
  today: string,
): Promise<PeopleSearchResult[]> {
  if (!indexes.indexing.done) {
    await Promise.race([
      indexes.indexing.ready,
      new Promise((resolve) => setTimeout(resolve, waitForIndexMs)),
    ])
  }
  if (!indexes.indexing.done) return searchStore(db, input, today)
  const index = indexes.search
  const hits = index.search(input.query, input.limit, input.scope, {
    conditions: input.filter,
    today,
  })
  if (hits.length === 0) return []
  const rows = await db
    .selectFrom('person')
    .leftJoin('wijk', 'wijk.id', 'person.wijk_id')
    .select(summaryColumns)
    // One statement for any number of hits (an IN list of its own length would be prepared anew).
    .where(
      inIds(
        'person.id',
        hits.map((hit) => hit.id),
      ),
    )
    .execute()
  const byId = new Map<string, PersonSummary>(rows.map((row) => [row.id, toSummary(row)]))
  return hits.flatMap((hit) => {
    const person = byId.get(hit.id)
    return person ? [{ person, fields: hit.fields, words: hit.words }] : []
  })
}

/** The fields the store-side search looks in, and what each is called in "gevonden in". */
const storeFields = [
  ['name', ['first_name', 'tussenvoegsel', 'last_name', 'nickname']],
  ['address', ['street', 'house_number']],
  ['wish', ['wish']],
  ['strength', ['strength']],
  ['need', ['need']],
  ['note', ['note']],
] as const

/**
 * Search while the indexes are still being filled (the first seconds after a start with a large
 * ledger): every word of the query in some field, as a part of a word (SQLite's LIKE, which folds
 * case but not accents), in name order. Slower and without typos, but never an empty list for
 * someone who is there.
 */
export async function searchStore(
  db: Kysely<Database>,
  input: SearchInput,
  today: string,
): Promise<PeopleSearchResult[]> {
  const words = input.query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
  if (words.length === 0) return []
  const columns = storeFields.flatMap(([, names]) => names)
  let query = scopedPeople(db, input, today)
  for (const word of words) {
    const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    query = query.where((eb) =>
      eb.or(
        columns.map(
          (column) => sql<boolean>`${sql.ref(`person.${column}`)} LIKE ${like} ESCAPE '\\'`,
        ),
      ),
    )
  }
  const rows = await query
    .leftJoin('wijk', 'wijk.id', 'person.wijk_id')
    .select([...summaryColumns, 'person.wish', 'person.strength', 'person.need', 'person.note'])
    .orderBy('person.name_key')
    .orderBy('person.id')
    .limit(input.limit)
    .execute()
  return rows.map((row) => {
    const values = row as unknown as Record<string, string | null>
    const fields = storeFields
      .filter(([, names]) =>
        names.some((name) => {
          const value = values[name]?.toLowerCase() ?? ''
          return words.some((word) => value.includes(word))
        }),
      )
      .map(([field]) => field)
    return { person: toSummary(row), fields, words }
  })
}
