import {
  searchFieldNames as searchFields,
  type SearchFieldName as SearchField,
} from '../../shared/people-query'
import { passesFilter, type FilterAttributes } from '../../shared/filters'
import type { PeopleFilter } from '../../shared/people-query'
import { editDistance, searchTokens } from '../../shared/text'

// Where in a person a word was found; the order is the order of importance.
export { searchFields, type SearchField }

/** Name above tag above the rest, note last. */
const fieldWeight: Record<SearchField, number> = {
  name: 16,
  tag: 8,
  address: 6,
  wijk: 4,
  wish: 2,
  strength: 2,
  need: 2,
  note: 1,
}

/** Exact and prefix above fuzzy. */
const quality = { exact: 4, prefix: 3, fuzzy: 1 } as const
type Quality = keyof typeof quality
const qualityOrder = { exact: 0, prefix: 1, fuzzy: 2 } as const

/** How many typos a query word may have: none under three letters, one from three, two from seven. */
const typosAllowed = (queryWord: string) =>
  queryWord.length >= 7 ? 2 : queryWord.length >= 3 ? 1 : 0

/** Whether an indexed word matches a query word, and how: the rule `wordsMatching` applies. */
function matchQuality(queryWord: string, word: string): Quality | undefined {
  if (word === queryWord) return 'exact'
  if (word.startsWith(queryWord)) return 'prefix'
  const allowed = typosAllowed(queryWord)
  if (allowed === 0 || Math.abs(word.length - queryWord.length) > allowed) return undefined
  return editDistance(queryWord, word, allowed) <= allowed ? 'fuzzy' : undefined
}

/** The word's letter pairs, in order ("tuin": tu, ui, in). */
function letterPairs(word: string): string[] {
  const pairs: string[] = []
  for (let i = 0; i + 1 < word.length; i++) pairs.push(word.slice(i, i + 2))
  return pairs
}

/** Ties between equal scores: quality, a typo's length, the word, the field. */
type Rank = [number, number, string, number]
const before = (a: Rank, b: Rank) =>
  a[0] !== b[0]
    ? a[0] < b[0]
    : a[1] !== b[1]
      ? a[1] < b[1]
      : a[2] !== b[2]
        ? a[2] < b[2]
        : a[3] < b[3]

export interface SearchDoc {
  id: string
  /** Sorts ties the Dutch way (the person's name key). */
  sortKey: string
  /** Searched apart: the active people, or the archived ones. */
  status?: 'active' | 'archived'
  /** What filters look at (wijk, tags, availability, consent, last contact). */
  attributes?: FilterAttributes
  fields: Partial<Record<SearchField, string>>
}

export interface SearchHit {
  id: string
  score: number
  /** The fields that matched, most important first: what the row says ("naam", "label"…). */
  fields: SearchField[]
  /** The indexed words that matched, for highlighting. */
  words: string[]
}

export interface IndexedDocument {
  sortKey: string
  status: 'active' | 'archived'
  attributes: FilterAttributes | undefined
  /** `field:word`, sorted. */
  words: string[]
}

interface Entry {
  id: string
  sortKey: string
  status: 'active' | 'archived'
  attributes: FilterAttributes | undefined
  /**
   * Every word of the document but its labels, to take it out of the postings again, and the field
   * of each (`fields[i]` for `words[i]`): two flat arrays, not an array per word (at 100k people,
   * two million small arrays were a third of the index's memory).
   */
  words: string[]
  fields: Uint8Array
  /** The words of its labels, apart: a bulk action changes only those (`retag`). */
  tagWords: string[]
}

const tagField = searchFields.indexOf('tag')

/** Word → documents and fields it occurs in, as `doc * 8 + field`. */
type Postings = Map<string, Set<number>>

/**
 * The search index: every word of every person, by field, in memory in the main process next to
 * the store. Words are found exactly, by prefix (a sorted word list) and with one or two typos
 * (bounded edit distance over words of nearby length); all words of the query must match, in any
 * order, so "de vries jan", "jan vries" and "vries" all find Jan de Vries.
 */
export class SearchIndex {
  private readonly entries: (Entry | undefined)[] = []
  private readonly slotOf = new Map<string, number>()
  private readonly free: number[] = []
  private readonly postings: Postings = new Map()
  private sortedWords: string[] = []
  private wordsByLength = new Map<number, string[]>()
  /** Letter pair → the indexed words that have it: typo candidates. Kept as words come and go. */
  private readonly byPair = new Map<string, Set<string>>()
  private dirty = false
  /** Query word → the indexed words it matches; valid until the word lists change. */
  private matchCache = new Map<string, { word: string; how: Quality }[]>()
  // Per-slot tallies of one search, reused between searches (a stamp says which search wrote it).
  private generation = 0
  private seen = new Float64Array(0)
  private wordStamp = new Float64Array(0)
  private wordBest = new Float64Array(0)
  private total = new Float64Array(0)
  private count = new Float64Array(0)

  get size(): number {
    return this.slotOf.size
  }

  put(doc: SearchDoc): void {
    this.remove(doc.id)
    const slot = this.free.pop() ?? this.entries.length
    const words: string[] = []
    const fields: number[] = []
    searchFields.forEach((field, fieldIndex) => {
      const text = doc.fields[field]
      if (!text || fieldIndex === tagField) return
      for (const word of new Set(searchTokens(text))) {
        words.push(word)
        fields.push(fieldIndex)
        this.post(word, slot * 8 + fieldIndex)
      }
    })
    this.entries[slot] = {
      id: doc.id,
      sortKey: doc.sortKey,
      status: doc.status ?? 'active',
      attributes: doc.attributes,
      words,
      fields: Uint8Array.from(fields),
      tagWords: this.postTags(slot, doc.fields.tag),
    }
    this.slotOf.set(doc.id, slot)
  }

  /**
   * Only her labels changed (a bulk action): the same as putting her again with these tags, without
   * reading and splitting every other field of hers anew.
   */
  retag(id: string, tagIds: readonly string[], names: string): void {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    const entry = this.entries[slot]!
    for (const word of entry.tagWords) this.unpost(word, slot * 8 + tagField)
    entry.tagWords = this.postTags(slot, names)
    if (entry.attributes) entry.attributes = { ...entry.attributes, tagIds: [...tagIds] }
  }

  private postTags(slot: number, names: string | undefined): string[] {
    const words = names ? [...new Set(searchTokens(names))] : []
    for (const word of words) this.post(word, slot * 8 + tagField)
    return words
  }

  private post(word: string, posting: number): void {
    let set = this.postings.get(word)
    if (!set) {
      set = new Set()
      this.postings.set(word, set)
      this.dirty = true
      for (const pair of letterPairs(word)) {
        const words = this.byPair.get(pair)
        if (words) words.add(word)
        else this.byPair.set(pair, new Set([word]))
      }
    }
    set.add(posting)
  }

  private unpost(word: string, posting: number): void {
    const set = this.postings.get(word)!
    set.delete(posting)
    if (set.size === 0) {
      this.postings.delete(word)
      this.dirty = true
      for (const pair of new Set(letterPairs(word))) {
        const words = this.byPair.get(pair)!
        words.delete(word)
        if (words.size === 0) this.byPair.delete(pair)
      }
    }
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    const entry = this.entries[slot]!
    entry.words.forEach((word, i) => this.unpost(word, slot * 8 + entry.fields[i]!))
    for (const word of entry.tagWords) this.unpost(word, slot * 8 + tagField)
    this.entries[slot] = undefined
    this.slotOf.delete(id)
    this.free.push(slot)
  }

  /**
   * Every document as the index holds it, by id: its sort key, status, attributes and words with
   * their fields. Two indexes of the same documents give the same; tests compare the one kept in
   * step with the store against one built from it afresh.
   */
  documents(): Map<string, IndexedDocument> {
    const documents = new Map<string, IndexedDocument>()
    for (const entry of this.entries) {
      if (!entry) continue
      documents.set(entry.id, {
        sortKey: entry.sortKey,
        status: entry.status,
        attributes: entry.attributes && {
          ...entry.attributes,
          tagIds: [...entry.attributes.tagIds].sort(),
        },
        words: [
          ...entry.words.map((word, i) => `${searchFields[entry.fields[i]!]}:${word}`),
          ...entry.tagWords.map((word) => `tag:${word}`),
        ].sort(),
      })
    }
    return documents
  }

  /**
   * The best hits for `query`, at most `limit`, among people of `status` when given.
   * People matching more of the query's words come first, then the higher score, then by name: a
   * garbled word costs a place, not the whole result.
   */
  search(
    query: string,
    limit = 50,
    status?: 'active' | 'archived',
    filter?: { conditions: PeopleFilter; today: string },
  ): SearchHit[] {
    const queryWords = [...new Set(searchTokens(query))]
    if (queryWords.length === 0) return []
    this.refreshWordLists()
    const slots = this.entries.length
    if (this.total.length < slots) this.grow(slots)
    this.generation += queryWords.length + 1
    const base = this.generation - queryWords.length
    const touched: number[] = []

    queryWords.forEach((queryWord, w) => {
      const stamp = base + w
      for (const { word, how } of this.wordsMatching(queryWord)) {
        for (const posting of this.postings.get(word)!) {
          const slot = posting >> 3
          const score = fieldWeight[searchFields[posting & 7]!] * quality[how]
          if (this.seen[slot]! < base) {
            // First time this search: start the slot's tally.
            this.seen[slot] = base
            this.total[slot] = 0
            this.count[slot] = 0
            touched.push(slot)
          }
          if (this.wordStamp[slot] !== stamp) {
            this.wordStamp[slot] = stamp
            this.wordBest[slot] = score
            this.total[slot]! += score
            this.count[slot]! += 1
          } else if (this.wordBest[slot]! < score) {
            this.total[slot]! += score - this.wordBest[slot]!
            this.wordBest[slot] = score
          }
        }
      }
    })

    // Sort keys are folded already, so plain comparison orders them (and costs far less).
    const byName = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0)
    const better = (a: number, b: number) =>
      this.count[a]! - this.count[b]! ||
      this.total[a]! - this.total[b]! ||
      byName(this.entries[a]!.sortKey, this.entries[b]!.sortKey)
    const keep = (slot: number) => {
      const entry = this.entries[slot]!
      if (status && entry.status !== status) return false
      if (!filter || !entry.attributes) return true
      return passesFilter(entry.attributes, filter.conditions, filter.today)
    }
    const top = topK(touched, limit, better, keep)
    return top.map((slot) => this.hit(slot, queryWords))
  }

  /**
   * Why a person matched: per query word its best field and word (only for the hits shown). Read
   * from her own few dozen words, not from every indexed word the query word matches (for "m",
   * thousands), with the same rule and the same tie-break as the scoring: the best score, then
   * exact before prefix before typo, prefixes in word order, typos by length then word order, and
   * the first field.
   */
  private hit(slot: number, queryWords: string[]): SearchHit {
    const entry = this.entries[slot]!
    const fields = new Set<SearchField>()
    const words = new Set<string>()
    for (const queryWord of queryWords) {
      let best: { score: number; rank: Rank; field: number; word: string } | undefined
      const consider = (word: string, field: number) => {
        const how = matchQuality(queryWord, word)
        if (!how) return
        const score = fieldWeight[searchFields[field]!] * quality[how]
        const rank: Rank = [qualityOrder[how], how === 'fuzzy' ? word.length : 0, word, field]
        if (!best || best.score < score || (best.score === score && before(rank, best.rank))) {
          best = { score, rank, field, word }
        }
      }
      entry.words.forEach((word, i) => consider(word, entry.fields[i]!))
      for (const word of entry.tagWords) consider(word, tagField)
      if (best) {
        fields.add(searchFields[best.field]!)
        words.add(best.word)
      }
    }
    return {
      id: entry.id,
      score: this.total[slot]!,
      fields: [...fields].sort((a, b) => searchFields.indexOf(a) - searchFields.indexOf(b)),
      words: [...words],
    }
  }

  /** The indexed words a query word matches, and how: exactly, as a prefix, or with a typo. */
  private wordsMatching(queryWord: string): { word: string; how: Quality }[] {
    const cached = this.matchCache.get(queryWord)
    if (cached) return cached
    const found: { word: string; how: Quality }[] = []
    if (this.postings.has(queryWord)) found.push({ word: queryWord, how: 'exact' })
    for (const word of this.prefixed(queryWord)) {
      if (word !== queryWord) found.push({ word, how: 'prefix' })
    }
    // Typos once a word is long enough to tell them from another word.
    const allowed = typosAllowed(queryWord)
    for (const word of this.typoCandidates(queryWord, allowed)) {
      // Exact and prefix matches were counted above, at their better quality.
      if (word.startsWith(queryWord)) continue
      if (editDistance(queryWord, word, allowed) <= allowed) found.push({ word, how: 'fuzzy' })
    }
    this.matchCache.set(queryWord, found)
    return found
  }

  /**
   * The words that may be within `allowed` typos of the query word, shortest first, then in word
   * order: without a full scan where the letter pairs tell. Each typo (a letter dropped, added,
   * changed, or two swapped) takes at most three of the query word's letter pairs away, so a word
   * within `allowed` typos shares at least (its distinct pairs − 3 × allowed) of them; the words
   * that share fewer cannot match and are never compared.
   */
  private typoCandidates(queryWord: string, allowed: number): string[] {
    if (allowed === 0) return []
    const pairs = new Set(letterPairs(queryWord))
    const need = pairs.size - 3 * allowed
    const nearby = (word: string) => Math.abs(word.length - queryWord.length) <= allowed
    if (need <= 0) {
      const words: string[] = []
      for (
        let length = queryWord.length - allowed;
        length <= queryWord.length + allowed;
        length++
      ) {
        words.push(...(this.wordsByLength.get(length) ?? []))
      }
      return words
    }
    const counts = new Map<string, number>()
    for (const pair of pairs) {
      for (const word of this.byPair.get(pair) ?? []) {
        if (nearby(word)) counts.set(word, (counts.get(word) ?? 0) + 1)
      }
    }
    const words: string[] = []
    for (const [word, count] of counts) if (count >= need) words.push(word)
    return words.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
  }

  /** Words that start with `prefix`, from the sorted list by binary search. */
  private *prefixed(prefix: string): Generator<string> {
    let low = 0
    let high = this.sortedWords.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (this.sortedWords[middle]! < prefix) low = middle + 1
      else high = middle
    }
    for (let i = low; i < this.sortedWords.length && this.sortedWords[i]!.startsWith(prefix); i++) {
      yield this.sortedWords[i]!
    }
  }

  private grow(size: number): void {
    const bigger = (old: Float64Array) => {
      const next = new Float64Array(Math.max(size, old.length * 2))
      next.set(old)
      return next
    }
    this.seen = bigger(this.seen)
    this.wordStamp = bigger(this.wordStamp)
    this.wordBest = bigger(this.wordBest)
    this.total = bigger(this.total)
    this.count = bigger(this.count)
  }

  /** The word lists follow the postings lazily: rebuilt on the first search after a new word. */
  private refreshWordLists(): void {
    if (!this.dirty) return
    this.matchCache.clear()
    this.sortedWords = [...this.postings.keys()].sort()
    this.wordsByLength = new Map()
    for (const word of this.sortedWords) {
      const list = this.wordsByLength.get(word.length)
      if (list) list.push(word)
      else this.wordsByLength.set(word.length, [word])
    }
    this.dirty = false
  }
}

/** The `k` best of `items` by `better` (positive when a beats b), keeping only those `keep` accepts. */
function topK(
  items: number[],
  k: number,
  better: (a: number, b: number) => number,
  keep: (item: number) => boolean,
): number[] {
  // A small sorted list beats a heap for the k of a results page.
  const best: number[] = []
  for (const item of items) {
    if (best.length === k && better(item, best[k - 1]!) <= 0) continue
    if (!keep(item)) continue
    let at = best.length
    while (at > 0 && better(item, best[at - 1]!) > 0) at--
    best.splice(at, 0, item)
    if (best.length > k) best.pop()
  }
  return best
}
