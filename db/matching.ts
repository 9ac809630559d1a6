import type { Kysely } from 'kysely'
import type {
  InitiativeMatch,
  InitiativeMatches,
  MatchInitiativeQuery,
  MatchReason,
  PersonMatch,
  PersonSuggestions,
  SharedPassion,
} from '../shared/connect'
import { maskToSlots, type TagKind } from '../shared/ledger'
import type { PersonSummary } from '../shared/person'
import { foldKey, searchTokens } from '../shared/text'
import { initiativeNotFound, listInitiatives } from './initiatives'
import { personNotFound } from './guards'
import { summaryColumns, toSummary } from './rows'
import type { Database } from './schema'
import type { SearchIndex } from './search-index'

/**
 * Matching, explainable and deterministic: a fit is a theme she has as a tag (or writes in wil, kan,
 * nodig), then time and place. Each part adds a fixed weight and names itself as a reason; ties go
 * by name in Dutch order, then by id.
 */
export const weights = {
  tag: { passion: 10, need: 8, theme: 6 } satisfies Record<TagKind, number>,
  text: { wish: 5, strength: 5, need: 4 },
  /** Free when the initiative meets (at least one day part in common). */
  time: 3,
  /** Both have day parts, and none in common. */
  noTime: -2,
  wijk: 2,
} as const

type TextField = keyof typeof weights.text
const textFields: readonly TextField[] = ['wish', 'strength', 'need']

interface Candidate {
  id: string
  sortKey: string
  availability: number
  availableFrom: string | null
  wijkId: string | null
  tags: Map<string, { kind: TagKind; name: string }>
  text: Map<string, { field: TextField; word: string }>
}

const tagOrder: Record<TagKind, number> = { passion: 0, need: 1, theme: 2 }

function score(
  candidate: Pick<Candidate, 'tags' | 'text' | 'availability' | 'wijkId'>,
  meets: number,
  wijk: { id: string | null; name: string | null },
): { score: number; reasons: MatchReason[] } {
  const reasons: MatchReason[] = []
  let total = 0
  const tags = [...candidate.tags.values()].sort(
    (a, b) => tagOrder[a.kind] - tagOrder[b.kind] || foldKey(a.name).localeCompare(foldKey(b.name)),
  )
  for (const tag of tags) {
    total += weights.tag[tag.kind]
    reasons.push({ kind: 'tag', tagKind: tag.kind, name: tag.name })
  }
  // Words in her wil/kan/nodig count only for themes no tag of hers already covers.
  for (const [theme, text] of [...candidate.text].sort(([a], [b]) => a.localeCompare(b))) {
    if (candidate.tags.has(theme)) continue
    total += weights.text[text.field]
    reasons.push({ kind: 'text', field: text.field, word: text.word })
  }
  const common = meets & candidate.availability
  if (common !== 0) {
    total += weights.time
    reasons.push({ kind: 'time', slots: maskToSlots(common) })
  } else if (meets !== 0 && candidate.availability !== 0) total += weights.noTime
  if (wijk.id && candidate.wijkId === wijk.id) {
    total += weights.wijk
    reasons.push({ kind: 'wijk', name: wijk.name ?? '' })
  }
  return { score: total, reasons }
}

/** The best `limit` by score then name, without sorting everyone (tens of thousands share a tag). */
function topByScore<T extends { score: number; sortKey: string; id: string }>(
  items: T[],
  limit: number,
) {
  const top: T[] = []
  for (const item of items) {
    if (top.length === limit && byScoreThenName(item, top[limit - 1]!) >= 0) continue
    top.push(item)
    top.sort(byScoreThenName)
    if (top.length > limit) top.pop()
  }
  return top
}

const byScoreThenName = <T extends { score: number; sortKey: string; id: string }>(a: T, b: T) =>
  b.score - a.score ||
  (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0) ||
  (a.id < b.id ? -1 : 1)

/** People in whose wil/kan/nodig every word of the theme occurs (one field each), from the index. */
function textMatches(
  index: SearchIndex,
  theme: string,
): Map<string, { field: TextField; word: string }> {
  const words = searchTokens(theme)
  let result: Map<string, { field: TextField; word: string }> | undefined
  for (const word of words) {
    const found = index.documentsWithWord(word, textFields) as Map<string, TextField>
    const next = new Map<string, { field: TextField; word: string }>()
    for (const [id, field] of found) {
      if (!result || result.has(id))
        next.set(id, { field: result?.get(id)?.field ?? field, word: theme })
    }
    result = next
  }
  return result ?? new Map()
}

/** The summaries (name, address, wijk…) of these people, in the order given. */
async function summaries(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, PersonSummary>()
  const rows = await db
    .selectFrom('person')
    .leftJoin('wijk', 'wijk.id', 'person.wijk_id')
    .select(summaryColumns)
    .where('person.id', 'in', ids)
    .execute()
  return new Map(rows.map((row) => [row.id, toSummary(row)]))
}

/** Theme tags by id: every tag (of any kind) named like one of the themes. */
async function tagsNamed(db: Kysely<Database>, keys: readonly string[]) {
  if (keys.length === 0) return new Map<string, { kind: TagKind; name: string; key: string }>()
  const rows = await db
    .selectFrom('tag')
    .select(['id', 'kind', 'name', 'name_key'])
    .where('name_key', 'in', keys)
    .where('kind', 'in', ['passion', 'need', 'theme'])
    .execute()
  return new Map(rows.map((tag) => [tag.id, { kind: tag.kind, name: tag.name, key: tag.name_key }]))
}

/**
 * For an initiative: the active residents whose passions, talents, needs or wishes meet its themes,
 * ranked, with "beschikbaar vanaf" still to come apart. People already connected to it (and not
 * stopped) and its own contact person are left out. The people are read from the search index in
 * memory (their tags, day parts, wijk, consent), kept in step with the store by the API table; only
 * the ones shown are read from the store.
 */
export async function matchInitiative(
  db: Kysely<Database>,
  index: SearchIndex,
  query: MatchInitiativeQuery,
  today: string,
): Promise<InitiativeMatches> {
  const initiative = await db
    .selectFrom('initiative')
    .leftJoin('wijk', 'wijk.id', 'initiative.wijk_id')
    .select(['initiative.meets', 'initiative.wijk_id', 'initiative.contact_person_id', 'wijk.name'])
    .where('initiative.id', '=', query.id)
    .executeTakeFirst()
  if (!initiative) throw initiativeNotFound()
  const themes = await db
    .selectFrom('initiative_tag')
    .innerJoin('tag', 'tag.id', 'initiative_tag.tag_id')
    .select(['tag.name', 'tag.name_key'])
    .where('initiative_tag.initiative_id', '=', query.id)
    .execute()
  if (themes.length === 0) return { now: [], soon: [] }
  const themeTags = await tagsNamed(
    db,
    themes.map((theme) => theme.name_key),
  )
  const excluded = new Set(
    (
      await db
        .selectFrom('connection')
        .select('person_id')
        .where('initiative_id', '=', query.id)
        .where('status', '!=', 'gestopt')
        .execute()
    ).map((row) => row.person_id),
  )
  if (initiative.contact_person_id) excluded.add(initiative.contact_person_id)

  // Who writes a theme in wil, kan or nodig (no typos: a typo would be a wrong reason).
  const textByPerson = new Map<string, Map<string, { field: TextField; word: string }>>()
  for (const theme of themes) {
    for (const [id, match] of textMatches(index, theme.name)) {
      const map = textByPerson.get(id) ?? new Map<string, { field: TextField; word: string }>()
      textByPerson.set(id, map.set(theme.name_key, match))
    }
  }

  const candidates: Candidate[] = []
  for (const doc of index.documents()) {
    if (doc.status !== 'active' || excluded.has(doc.id)) continue
    const a = doc.attributes
    if (query.wijkId && a.wijkId !== query.wijkId) continue
    if (query.consent === 'given' && a.consent !== 'verbal' && a.consent !== 'written') continue
    let tags: Candidate['tags'] | undefined
    for (const tagId of a.tagIds) {
      const tag = themeTags.get(tagId)
      if (!tag) continue
      tags ??= new Map()
      const known = tags.get(tag.key)
      if (!known || tagOrder[tag.kind] < tagOrder[known.kind]) {
        tags.set(tag.key, { kind: tag.kind, name: tag.name })
      }
    }
    const text = textByPerson.get(doc.id)
    if (!tags && !text) continue
    candidates.push({
      id: doc.id,
      sortKey: doc.sortKey,
      availability: a.availability,
      availableFrom: a.availableFrom ?? null,
      wijkId: a.wijkId,
      tags: tags ?? new Map(),
      text: text ?? new Map(),
    })
  }

  const scored = candidates.map((candidate) => ({
    ...score(candidate, initiative.meets, { id: initiative.wijk_id, name: initiative.name }),
    id: candidate.id,
    sortKey: candidate.sortKey,
    availableFrom: candidate.availableFrom,
  }))
  scored.sort(byScoreThenName)
  const isSoon = (item: { availableFrom: string | null }) =>
    item.availableFrom !== null && item.availableFrom > today
  const now = scored.filter((item) => !isSoon(item)).slice(0, query.limit)
  const soon = scored.filter(isSoon).slice(0, query.limit)
  const people = await summaries(
    db,
    [...now, ...soon].map((item) => item.id),
  )
  const toMatch = (item: (typeof scored)[number]): PersonMatch[] => {
    const person = people.get(item.id)
    return person
      ? [{ person, score: item.score, reasons: item.reasons, availableFrom: item.availableFrom }]
      : []
  }
  return { now: now.flatMap(toMatch), soon: soon.flatMap(toMatch) }
}

/**
 * For a person: the active initiatives that fit her passions, wishes and needs (same weights,
 * seen from her side), and other residents who share a tag with her, most shared first.
 */
export async function suggestForPerson(
  db: Kysely<Database>,
  initiativeIndex: SearchIndex,
  peopleIndex: SearchIndex,
  personId: string,
  limit = 5,
): Promise<PersonSuggestions> {
  const person = await db
    .selectFrom('person')
    .select(['id', 'availability', 'wijk_id', 'wish', 'strength', 'need'])
    .where('id', '=', personId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!person) throw personNotFound()
  const tags = await db
    .selectFrom('person_tag')
    .innerJoin('tag', 'tag.id', 'person_tag.tag_id')
    .select(['tag.id', 'tag.kind', 'tag.name', 'tag.name_key'])
    .where('person_tag.person_id', '=', personId)
    .execute()
  const tagsByKey = new Map(tags.map((tag) => [tag.name_key, tag]))
  const words = new Map<string, TextField>()
  for (const field of textFields) {
    for (const word of searchTokens(person[field] ?? ''))
      if (!words.has(word)) words.set(word, field)
  }

  const connected = new Set(
    (
      await db
        .selectFrom('connection')
        .select(['initiative_id', 'other_person_id', 'person_id'])
        .where((eb) =>
          eb.or([eb('person_id', '=', personId), eb('other_person_id', '=', personId)]),
        )
        .where('status', '!=', 'gestopt')
        .execute()
    ).flatMap((row) => [row.initiative_id, row.other_person_id, row.person_id]),
  )

  const initiatives: (InitiativeMatch & { sortKey: string; id: string })[] = []
  const active = await listInitiatives(db, initiativeIndex, { status: 'actief', query: '' })
  const wijken = new Map(
    (
      await db.selectFrom('initiative').select(['id', 'wijk_id', 'meets', 'name_key']).execute()
    ).map((row) => [row.id, row]),
  )
  for (const initiative of active) {
    if (connected.has(initiative.id)) continue
    const meta = wijken.get(initiative.id)!
    const mine = new Map<string, { kind: TagKind; name: string }>()
    const text = new Map<string, { field: TextField; word: string }>()
    for (const theme of initiative.themes) {
      const key = foldKey(theme)
      const tag = tagsByKey.get(key)
      if (tag) mine.set(key, { kind: tag.kind, name: tag.name })
      else {
        const themeWords = searchTokens(theme)
        const field =
          themeWords.length > 0 && themeWords.every((w) => words.has(w))
            ? words.get(themeWords[0]!)
            : undefined
        if (field) text.set(key, { field, word: theme })
      }
    }
    if (mine.size === 0 && text.size === 0) continue
    const result = score(
      { tags: mine, text, availability: person.availability, wijkId: person.wijk_id },
      meta.meets,
      { id: meta.wijk_id, name: initiative.wijk },
    )
    initiatives.push({ initiative, ...result, sortKey: meta.name_key, id: initiative.id })
  }
  initiatives.sort(byScoreThenName)

  // Residents who share a tag with her: from the index in memory, most shared first, then by name.
  const hers = new Map(tags.map((tag) => [tag.id, tag.name]))
  const sharing: { id: string; sortKey: string; score: number; shared: string[] }[] = []
  if (hers.size > 0) {
    for (const doc of peopleIndex.documents()) {
      if (doc.id === personId || doc.status !== 'active' || connected.has(doc.id)) continue
      let shared: string[] | undefined
      for (const tagId of doc.attributes.tagIds) {
        const name = hers.get(tagId)
        if (name) (shared ??= []).push(name)
      }
      if (shared) sharing.push({ id: doc.id, sortKey: doc.sortKey, score: shared.length, shared })
    }
  }
  const best = topByScore(sharing, limit)
  const found = await summaries(
    db,
    best.map((entry) => entry.id),
  )
  const people: SharedPassion[] = best.flatMap((entry) => {
    const person = found.get(entry.id)
    return person
      ? [{ person, shared: entry.shared.sort((a, b) => foldKey(a).localeCompare(foldKey(b))) }]
      : []
  })
  return {
    initiatives: initiatives.slice(0, limit).map(({ initiative, score, reasons }) => ({
      initiative,
      score,
      reasons,
    })),
    people,
  }
}
