import type { Kysely } from 'kysely'
import { sharesUntil } from '../../shared/filters'
import type {
  InitiativeMatch,
  MatchReason,
  PersonSuggestions,
  SharedPassion,
} from '../../shared/connect'
import { foldKey, searchTokens } from '../../shared/text'
import { personNotFound } from '../ledger/guards'
import type { Database } from '../store/schema'
import type { SearchIndex } from '../search/search-index'
import { listInitiatives } from './initiatives'
import { tagWidth, textFields, type MatchColumns, type TextField } from './match-columns'
import { summaries } from './matching'
import { clearFit, newFit, scoreFit, tagKindOrder } from './scoring'
import { byScoreThenName, TopK } from './top-k'

/**
 * For a person: the active initiatives that fit her passions, wishes and needs (same weights,
 * seen from her side), and other residents who share a tag with her, most shared first.
 */
export async function suggestForPerson(
  db: Kysely<Database>,
  initiativeIndex: SearchIndex,
  peopleIndex: MatchColumns,
  personId: string,
  today: string,
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
  const herSlot = peopleIndex.slotOfId(personId)
  const herAttributes = herSlot === undefined ? undefined : peopleIndex.entryAt(herSlot)?.attributes
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
    const themes = initiative.themes
    const fit = newFit(themes.length)
    clearFit(fit)
    let matched = false
    themes.forEach((theme, t) => {
      const tag = tagsByKey.get(foldKey(theme))
      if (tag) {
        fit.tag[t] = tagKindOrder.indexOf(tag.kind)
        fit.tagName[t] = tag.name
        matched = true
        return
      }
      const themeWords = searchTokens(theme)
      const field =
        themeWords.length > 0 && themeWords.every((w) => words.has(w))
          ? words.get(themeWords[0]!)
          : undefined
      if (field) {
        fit.text[t] = textFields.indexOf(field)
        matched = true
      }
    })
    if (!matched) continue
    const reasons: MatchReason[] = []
    const score = scoreFit(
      fit,
      themes.length,
      person.availability,
      meta.meets,
      !!meta.wijk_id && person.wijk_id === meta.wijk_id,
      { reasons, word: (t) => themes[t]!, wijkName: initiative.wijk ?? '' },
    )
    initiatives.push({ initiative, score, reasons, sortKey: meta.name_key, id: initiative.id })
  }
  initiatives.sort(byScoreThenName)

  // Residents who share a tag with her: from the index in memory, most shared first, then by name.
  const hers = new Map(tags.map((tag) => [tag.id, tag.name]))
  const best = new TopK<{
    id: string
    sortKey: string
    score: number
    shared: string[]
    askConsentFirst: boolean
  }>(limit)
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
      const many = count > tagWidth ? peopleIndex.tagsAt(slot) : undefined
      const shared: string[] = []
      for (let i = 0; i < count; i++) {
        const name = hersByNumber[many ? many[i]! : columns.tags[slot * tagWidth + i]!]
        if (name) shared.push(name)
      }
      if (!best.admitsScore(shared.length)) return
      const entry = peopleIndex.entryAt(slot)!
      if (best.admits(shared.length, entry.sortKey, entry.id)) {
        best.offer({
          id: entry.id,
          sortKey: entry.sortKey,
          score: shared.length,
          shared,
          askConsentFirst: !sharesUntil(entry.attributes, today),
        })
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
      ? [
          {
            person,
            shared: entry.shared.sort((a, b) => foldKey(a).localeCompare(foldKey(b))),
            askConsentFirst: entry.askConsentFirst,
          },
        ]
      : []
  })
  return {
    initiatives: initiatives.slice(0, limit).map(({ initiative, score, reasons }) => ({
      initiative,
      score,
      reasons,
    })),
    people,
    askConsentFirst: !sharesUntil(herAttributes ?? {}, today),
  }
}
