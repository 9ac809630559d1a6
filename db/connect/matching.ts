import type { Kysely } from 'kysely'
import type {
  InitiativeMatch,
  InitiativeMatches,
  MatchInitiativeQuery,
  MatchReason,
  PersonMatch,
  PersonSuggestions,
  SharedPassion,
} from '../../shared/connect'
import type { FilterAttributes } from '../../shared/filters'
import { consentStatuses, maskToSlots, type TagKind } from '../../shared/ledger'
import type { PersonSummary } from '../../shared/person'
import { foldKey, searchTokens } from '../../shared/text'
import { initiativeNotFound, listInitiatives } from './initiatives'
import { personNotFound } from '../ledger/guards'
import { summaryColumns, toSummary } from '../ledger/rows'
import type { Database } from '../store/schema'
import type { SearchIndex } from '../search/search-index'
import { tagWidth, textFields, type MatchColumns, type TextField } from './match-columns'

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

interface Scored {
  /** Where the index keeps her (for the theme marks). */
  slot: number
  id: string
  sortKey: string
  score: number
  availableFrom: string | null
  attributes: FilterAttributes
}

/**
 * The best `limit` by score then name, kept while scanning: tens of thousands may share a theme,
 * and only the first page is shown, so nobody else is sorted.
 */
class TopK<T extends { score: number; sortKey: string; id: string }> {
  private readonly top: T[] = []
  constructor(private readonly limit: number) {}
  /** Whether any item with this score could still get in (ties are decided by name). */
  admitsScore(score: number): boolean {
    const last = this.top[this.limit - 1]
    return !last || score >= last.score
  }

  /** Whether an item with this score and name would get in: asked before making one. */
  admits(score: number, sortKey: string, id: string): boolean {
    const last = this.top[this.limit - 1]
    if (!last) return true
    if (score !== last.score) return score > last.score
    if (sortKey !== last.sortKey) return sortKey < last.sortKey
    return id < last.id
  }
  offer(item: T): void {
    const { top, limit } = this
    if (top.length === limit && byScoreThenName(item, top[limit - 1]!) >= 0) return
    let i = top.length < limit ? top.length : limit - 1
    top[i] = item
    // Insertion: move it up past everyone it beats.
    while (i > 0 && byScoreThenName(top[i]!, top[i - 1]!) < 0) {
      ;[top[i - 1], top[i]] = [top[i]!, top[i - 1]!]
      i--
    }
  }
  items(): T[] {
    return this.top
  }
}

const byScoreThenName = <T extends { score: number; sortKey: string; id: string }>(a: T, b: T) =>
  b.score - a.score ||
  (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0) ||
  (a.id < b.id ? -1 : 1)

/**
 * Marks the people in whose wil/kan/nodig every word of the theme occurs (`marks[slot]`: 1 + the
 * place in `textFields` of the field of its first word); returns their slots.
 */
function markTheme(index: MatchColumns, theme: string, marks: Uint8Array): number[] {
  const [first, ...rest] = searchTokens(theme)
  if (!first) return []
  let slots = index.markWithWord(first, textFields, marks)
  for (const word of rest) {
    const other = new Uint8Array(marks.length)
    index.markWithWord(word, textFields, other)
    slots = slots.filter((slot) => {
      if (other[slot]) return true
      marks[slot] = 0
      return false
    })
  }
  return slots
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
  index: MatchColumns,
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
  // Theme tags by id, each with its theme's number (at most 30 themes: one bit each).
  const themeNumber = new Map(themes.map((theme, i) => [theme.name_key, i]))
  const themeTags = new Map(
    [...(await tagsNamed(db, [...themeNumber.keys()]))].map(([id, tag]) => [
      id,
      { ...tag, theme: themeNumber.get(tag.key)! },
    ]),
  )
  const bestWeight = new Float64Array(themes.length)
  // The same, indexed by the index's tag numbers: an array read per tag instead of a lookup.
  const themeOfNumber = new Int16Array(index.tagCount + themeTags.size).fill(-1)
  const weightOfNumber = new Float64Array(themeOfNumber.length)
  for (const [tagId, tag] of themeTags) {
    const number = index.tagNumber(tagId)
    themeOfNumber[number] = tag.theme
    weightOfNumber[number] = weights.tag[tag.kind]
  }
  const textWeight = textFields.map((field) => weights.text[field])
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
  const themeText = themes.map((theme) => {
    const marks = new Uint8Array(index.capacity)
    return {
      key: theme.name_key,
      name: theme.name,
      marks,
      slots: markTheme(index, theme.name, marks),
    }
  })
  const textOf = (slot: number) => {
    let text: Map<string, { field: TextField; word: string }> | undefined
    for (const theme of themeText) {
      const mark = theme.marks[slot]
      if (mark)
        (text ??= new Map()).set(theme.key, { field: textFields[mark - 1]!, word: theme.name })
    }
    return text
  }

  // One pass over everyone with a theme: a number each, the reasons only for those shown.
  const meets = initiative.meets
  const wijk = { id: initiative.wijk_id, name: initiative.name }
  const nowTop = new TopK<Scored>(query.limit)
  const soonTop = new TopK<Scored>(query.limit)
  const columns = index.matchColumns
  const excludedSlots = new Set<number>()
  for (const id of excluded) {
    const slot = index.slotOfId(id)
    if (slot !== undefined) excludedSlots.add(slot)
  }
  const wijkFilter = query.wijkId ? index.wijkNumber(query.wijkId) : -1
  const ownWijk = initiative.wijk_id ? index.wijkNumber(initiative.wijk_id) : -1
  const verbal = consentStatuses.indexOf('verbal') + 1
  const written = consentStatuses.indexOf('written') + 1
  const todayNumber = Number(today.replaceAll('-', ''))
  index.forEachWith(
    themeTags.keys(),
    themeText.flatMap((theme) => theme.slots),
    (slot) => {
      if (columns.active[slot] === 0 || excludedSlots.has(slot)) return
      if (wijkFilter >= 0 && columns.wijk[slot] !== wijkFilter) return
      const consent = columns.consent[slot]
      if (query.consent === 'given' && consent !== verbal && consent !== written) return
      let total = 0
      // The themes she has a tag for (a bit each), each counted once at its best kind.
      let mask = 0
      const count = columns.tagCount[slot]!
      const many = count > tagWidth ? index.entryAt(slot)!.tags : undefined
      for (let i = 0; i < count; i++) {
        const number = many ? many[i]! : columns.tags[slot * tagWidth + i]!
        const theme = number < themeOfNumber.length ? themeOfNumber[number]! : -1
        if (theme < 0) continue
        const bit = 1 << theme
        const weight = weightOfNumber[number]!
        if ((mask & bit) === 0) {
          mask |= bit
          bestWeight[theme] = weight
          total += weight
        } else if (weight > bestWeight[theme]!) {
          total += weight - bestWeight[theme]!
          bestWeight[theme] = weight
        }
      }
      let wrote = false
      for (let t = 0; t < themeText.length; t++) {
        if ((mask & (1 << t)) !== 0) continue
        const mark = themeText[t]!.marks[slot]!
        if (mark === 0) continue
        total += textWeight[mark - 1]!
        wrote = true
      }
      if (mask === 0 && !wrote) return
      const availability = columns.availability[slot]!
      if ((meets & availability) !== 0) total += weights.time
      else if (meets !== 0 && availability !== 0) total += weights.noTime
      if (ownWijk >= 0 && columns.wijk[slot] === ownWijk) total += weights.wijk
      const top = columns.availableFrom[slot]! > todayNumber ? soonTop : nowTop
      // Only someone who gets onto the page is looked at any closer.
      if (!top.admitsScore(total)) return
      const entry = index.entryAt(slot)!
      if (top.admits(total, entry.sortKey, entry.id)) {
        top.offer({
          slot,
          id: entry.id,
          sortKey: entry.sortKey,
          score: total,
          availableFrom: entry.attributes?.availableFrom ?? null,
          attributes: entry.attributes,
        })
      }
    },
  )

  const now = nowTop.items()
  const soon = soonTop.items()
  const people = await summaries(
    db,
    [...now, ...soon].map((item) => item.id),
  )
  // The reasons, for the few shown: the same weights, so they add up to the score.
  const toMatch = (item: Scored): PersonMatch[] => {
    const person = people.get(item.id)
    if (!person) return []
    const tags = new Map<string, { kind: TagKind; name: string }>()
    for (const tagId of item.attributes.tagIds) {
      const tag = themeTags.get(tagId)
      if (!tag) continue
      const known = tags.get(tag.key)
      if (!known || tagOrder[tag.kind] < tagOrder[known.kind]) {
        tags.set(tag.key, { kind: tag.kind, name: tag.name })
      }
    }
    const explained = score(
      {
        tags,
        text: textOf(item.slot) ?? new Map(),
        availability: item.attributes.availability,
        wijkId: item.attributes.wijkId,
      },
      meets,
      wijk,
    )
    return [
      {
        person,
        score: explained.score,
        reasons: explained.reasons,
        availableFrom: item.availableFrom,
      },
    ]
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
  peopleIndex: MatchColumns,
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
  const best = new TopK<{ id: string; sortKey: string; score: number; shared: string[] }>(limit)
  if (hers.size > 0) {
    const columns = peopleIndex.matchColumns
    const hersByNumber: (string | undefined)[] = []
    for (const [tagId, name] of hers) hersByNumber[peopleIndex.tagNumber(tagId)] = name
    const skip = new Set<number>()
    for (const id of [personId, ...connected]) {
      const slot = id ? peopleIndex.slotOfId(id) : undefined
      if (slot !== undefined) skip.add(slot)
    }
    peopleIndex.forEachWith(hers.keys(), [], (slot) => {
      if (columns.active[slot] === 0 || skip.has(slot)) return
      const count = columns.tagCount[slot]!
      const many = count > tagWidth ? peopleIndex.entryAt(slot)!.tags : undefined
      const shared: string[] = []
      for (let i = 0; i < count; i++) {
        const name = hersByNumber[many ? many[i]! : columns.tags[slot * tagWidth + i]!]
        if (name) shared.push(name)
      }
      if (!best.admitsScore(shared.length)) return
      const entry = peopleIndex.entryAt(slot)!
      if (best.admits(shared.length, entry.sortKey, entry.id)) {
        best.offer({ id: entry.id, sortKey: entry.sortKey, score: shared.length, shared })
      }
    })
  }
  const found = await summaries(
    db,
    best.items().map((entry) => entry.id),
  )
  const people: SharedPassion[] = best.items().flatMap((entry) => {
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
