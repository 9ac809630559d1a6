import type { Kysely } from 'kysely'
import type {
  InitiativeMatches,
  MatchInitiativeQuery,
  MatchReason,
  PersonMatch,
} from '../../shared/connect'
import type { FilterAttributes } from '../../shared/filters'
import { sharesUntil } from '../../shared/filters'
import type { TagKind } from '../../shared/ledger'
import type { PersonSummary } from '../../shared/person'
import { searchTokens } from '../../shared/text'
import { summaryColumns, toSummary } from '../ledger/rows'
import type { Database } from '../store/schema'
import { initiativeNotFound } from './initiatives'
import { tagWidth, textFields, type MatchColumns } from './match-columns'
import { clearFit, newFit, scoreFit, tagKindOrder, type Fit } from './scoring'
import { TopK } from './top-k'

/**
 * Who fits an initiative: its themes met by residents' tags or by words in their wil, kan and
 * nodig, then time and place (the rule is scoring.ts), read from matching's columns in memory.
 */

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
export async function summaries(db: Kysely<Database>, ids: readonly string[]) {
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
  // The same, indexed by the columns' tag numbers: an array read per tag instead of a lookup.
  const themeOfNumber = new Int16Array(index.tagCount + themeTags.size).fill(-1)
  const kindOfNumber = new Int8Array(themeOfNumber.length)
  const nameOfNumber = new Map<number, string>()
  for (const [tagId, tag] of themeTags) {
    const number = index.tagNumber(tagId)
    themeOfNumber[number] = tag.theme
    kindOfNumber[number] = tagKindOrder.indexOf(tag.kind)
    nameOfNumber.set(number, tag.name)
  }
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
    return { marks, slots: markTheme(index, theme.name, marks) }
  })

  const columns = index.matchColumns
  /** Fills `fit` for the person in `slot`; false when she meets none of the themes. */
  const fitOf = (slot: number, fit: Fit): boolean => {
    clearFit(fit)
    let matched = false
    const count = columns.tagCount[slot]!
    const many = count > tagWidth ? index.tagsAt(slot) : undefined
    for (let i = 0; i < count; i++) {
      const number = many ? many[i]! : columns.tags[slot * tagWidth + i]!
      const theme = number < themeOfNumber.length ? themeOfNumber[number]! : -1
      if (theme < 0) continue
      const kind = kindOfNumber[number]!
      // Each theme counts once, at the best kind of tag she has for it.
      if (fit.tag[theme]! < 0 || kind < fit.tag[theme]!) {
        fit.tag[theme] = kind
        fit.tagName[theme] = nameOfNumber.get(number)!
      }
      matched = true
    }
    for (let theme = 0; theme < themes.length; theme++) {
      if (fit.tag[theme]! >= 0) continue
      const mark = themeText[theme]!.marks[slot]!
      if (mark === 0) continue
      fit.text[theme] = mark - 1
      matched = true
    }
    return matched
  }

  // One pass over everyone with a theme: a number each, the reasons only for those shown.
  const meets = initiative.meets
  const nowTop = new TopK<Scored>(query.limit)
  const soonTop = new TopK<Scored>(query.limit)
  const excludedSlots = new Set<number>()
  for (const id of excluded) {
    const slot = index.slotOfId(id)
    if (slot !== undefined) excludedSlots.add(slot)
  }
  const wijkFilter = query.wijkId ? index.wijkNumber(query.wijkId) : -1
  const ownWijk = initiative.wijk_id ? index.wijkNumber(initiative.wijk_id) : -1
  const todayNumber = Number(today.replaceAll('-', ''))
  const fit = newFit(themes.length)
  index.forEachWith(
    themeTags.keys(),
    themeText.flatMap((theme) => theme.slots),
    (slot) => {
      if (columns.active[slot] === 0 || excludedSlots.has(slot)) return
      if (wijkFilter >= 0 && columns.wijk[slot] !== wijkFilter) return
      // "Alleen met toestemming": his consent to share his details with an initiative, still valid.
      if (query.consent === 'given' && columns.shareUntil[slot]! < todayNumber) return
      if (!fitOf(slot, fit)) return
      const sameWijk = ownWijk >= 0 && columns.wijk[slot] === ownWijk
      const total = scoreFit(fit, themes.length, columns.availability[slot]!, meets, sameWijk)
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
          availableFrom: entry.attributes.availableFrom ?? null,
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
  // The reasons, for the few shown: the same rule, so they add up to the score.
  const toMatch = (item: Scored): PersonMatch[] => {
    const person = people.get(item.id)
    if (!person) return []
    const explained = newFit(themes.length)
    fitOf(item.slot, explained)
    const reasons: MatchReason[] = []
    const score = scoreFit(
      explained,
      themes.length,
      item.attributes.availability,
      meets,
      !!initiative.wijk_id && item.attributes.wijkId === initiative.wijk_id,
      { reasons, word: (theme) => themes[theme]!.name, wijkName: initiative.name ?? '' },
    )
    return [
      {
        person,
        score,
        reasons,
        availableFrom: item.availableFrom,
        askConsentFirst: !sharesUntil(item.attributes, today),
      },
    ]
  }
  return { now: now.flatMap(toMatch), soon: soon.flatMap(toMatch) }
}
