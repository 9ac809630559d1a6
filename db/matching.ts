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
  summary: PersonSummary
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

/**
 * For an initiative: the active residents whose passions, talents, needs or wishes meet its themes,
 * ranked, with "beschikbaar vanaf" still to come apart. People already connected to it (and not
 * stopped) and its own contact person are left out.
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
  const themeKeys = themes.map((theme) => theme.name_key)

  const candidates = new Map<string, Candidate>()
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

  const personQuery = () => {
    let select = db
      .selectFrom('person')
      .leftJoin('wijk', 'wijk.id', 'person.wijk_id')
      .select(summaryColumns)
      .select(['person.name_key', 'person.availability', 'person.available_from', 'person.wijk_id'])
      .where('person.deleted_at', 'is', null)
      .where('person.status', '=', 'active')
    if (query.wijkId) select = select.where('person.wijk_id', '=', query.wijkId)
    if (query.consent === 'given')
      select = select.where('person.consent_status', 'in', ['verbal', 'written'])
    return select
  }
  type Row = Awaited<ReturnType<ReturnType<typeof personQuery>['execute']>>[number]
  const candidateOf = (row: Row): Candidate => {
    let candidate = candidates.get(row.id)
    if (!candidate) {
      candidate = {
        summary: toSummary(row),
        sortKey: row.name_key,
        availability: row.availability,
        availableFrom: row.available_from,
        wijkId: row.wijk_id,
        tags: new Map(),
        text: new Map(),
      }
      candidates.set(row.id, candidate)
    }
    return candidate
  }

  // Everyone with a tag of one of its themes, with that tag: one pass over the tag index.
  const tagged = await personQuery()
    .innerJoin('person_tag', 'person_tag.person_id', 'person.id')
    .innerJoin('tag', 'tag.id', 'person_tag.tag_id')
    .select(['tag.kind as tag_kind', 'tag.name as tag_name', 'tag.name_key as tag_key'])
    .where('tag.name_key', 'in', themeKeys)
    .where('tag.kind', 'in', ['passion', 'need', 'theme'])
    .execute()
  for (const row of tagged) {
    if (excluded.has(row.id)) continue
    const candidate = candidateOf(row)
    const known = candidate.tags.get(row.tag_key)
    if (!known || tagOrder[row.tag_kind] < tagOrder[known.kind]) {
      candidate.tags.set(row.tag_key, { kind: row.tag_kind, name: row.tag_name })
    }
  }

  // And everyone who writes a theme in wil, kan or nodig (from the search index, no typos).
  const textOnly = new Map<string, Map<string, { field: TextField; word: string }>>()
  for (const theme of themes) {
    for (const [id, match] of textMatches(index, theme.name)) {
      if (excluded.has(id)) continue
      const candidate = candidates.get(id)
      if (candidate) candidate.text.set(theme.name_key, match)
      else textOnly.set(id, (textOnly.get(id) ?? new Map()).set(theme.name_key, match))
    }
  }
  const textIds = [...textOnly.keys()]
  for (let i = 0; i < textIds.length; i += 2000) {
    const rows = await personQuery()
      .where('person.id', 'in', textIds.slice(i, i + 2000))
      .execute()
    for (const row of rows) candidateOf(row).text = textOnly.get(row.id)!
  }

  const scored = [...candidates.values()].map((candidate) => ({
    ...score(candidate, initiative.meets, { id: initiative.wijk_id, name: initiative.name }),
    id: candidate.summary.id,
    sortKey: candidate.sortKey,
    candidate,
  }))
  scored.sort(byScoreThenName)
  const toMatch = (item: (typeof scored)[number]): PersonMatch => ({
    person: item.candidate.summary,
    score: item.score,
    reasons: item.reasons,
    availableFrom: item.candidate.availableFrom,
  })
  const isSoon = (item: (typeof scored)[number]) =>
    item.candidate.availableFrom !== null && item.candidate.availableFrom > today
  return {
    now: scored
      .filter((item) => !isSoon(item))
      .slice(0, query.limit)
      .map(toMatch),
    soon: scored.filter(isSoon).slice(0, query.limit).map(toMatch),
  }
}

/**
 * For a person: the active initiatives that fit her passions, wishes and needs (same weights,
 * seen from her side), and other residents who share a tag with her, most shared first.
 */
export async function suggestForPerson(
  db: Kysely<Database>,
  initiativeIndex: SearchIndex,
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

  const people: SharedPassion[] = []
  if (tags.length > 0) {
    const rows = await db
      .selectFrom('person_tag')
      .innerJoin('person', 'person.id', 'person_tag.person_id')
      .innerJoin('tag', 'tag.id', 'person_tag.tag_id')
      .leftJoin('wijk', 'wijk.id', 'person.wijk_id')
      .select(summaryColumns)
      .select(['person.name_key', 'tag.name as tag_name'])
      .where(
        'person_tag.tag_id',
        'in',
        tags.map((tag) => tag.id),
      )
      .where('person.id', '!=', personId)
      .where('person.deleted_at', 'is', null)
      .where('person.status', '=', 'active')
      .execute()
    const byPerson = new Map<
      string,
      { summary: PersonSummary; sortKey: string; shared: string[] }
    >()
    for (const row of rows) {
      if (connected.has(row.id)) continue
      const entry = byPerson.get(row.id)
      if (entry) entry.shared.push(row.tag_name)
      else
        byPerson.set(row.id, {
          summary: toSummary(row),
          sortKey: row.name_key,
          shared: [row.tag_name],
        })
    }
    const ranked = [...byPerson.values()]
      .map((entry) => ({ ...entry, id: entry.summary.id, score: entry.shared.length }))
      .sort(byScoreThenName)
      .slice(0, limit)
    for (const entry of ranked) {
      people.push({
        person: entry.summary,
        shared: entry.shared.sort((a, b) => foldKey(a).localeCompare(foldKey(b))),
      })
    }
  }
  return {
    initiatives: initiatives.slice(0, limit).map(({ initiative, score, reasons }) => ({
      initiative,
      score,
      reasons,
    })),
    people,
  }
}
