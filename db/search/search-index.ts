import {
  searchFieldNames as searchFields,
  type SearchFieldName as SearchField,
} from '../../shared/people-query'
import { passesFilter, type FilterAttributes } from '../../shared/filters'
import { consentStatuses, type ConsentStatus } from '../../shared/ledger'
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
  /** Every (word, field) of the document, to take it out of the postings again. */
  words: [string, number][]
  /** Its tags as small numbers (see `tagNumber`): matching compares numbers, not id strings. */
  tags: Int32Array
}

/** Per slot: active (1) or not, day parts, wijk number, consent (1 + its place), available from. */
export interface Columns {
  active: Uint8Array
  availability: Int32Array
  wijk: Int32Array
  consent: Uint8Array
  /** yyyymmdd, 0 when none. */
  availableFrom: Int32Array
  /** The first `tagWidth` tag numbers of each slot (`slot * tagWidth + i`); more are in its entry. */
  tags: Int32Array
  tagCount: Uint16Array
}

/** Tags kept in the columns per person: most have fewer; the rest are read from the entry. */
export const tagWidth = 8

const emptyColumns = (size: number): Columns => ({
  active: new Uint8Array(size),
  availability: new Int32Array(size),
  wijk: new Int32Array(size),
  consent: new Uint8Array(size),
  availableFrom: new Int32Array(size),
  tags: new Int32Array(size * tagWidth),
  tagCount: new Uint16Array(size),
})

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
  /**
   * The words of wil, kan and nodig once more, by field: matching looks a theme up in those three
   * only, and most of a word's postings are elsewhere (names, notes, tags).
   */
  private readonly fieldPostings = new Map<number, Postings>(
    (['wish', 'strength', 'need'] as const).map((field) => [
      searchFields.indexOf(field),
      new Map(),
    ]),
  )
  /** Tag id → the slots of the documents with that tag: matching starts from a theme's people. */
  private readonly byTag = new Map<string, Set<number>>()
  /** The same slots as arrays, made when first read after a change (iterating is what matching does). */
  private readonly byTagArray = new Map<string, Int32Array>()
  /**
   * What matching reads per person, one typed array per attribute, indexed by slot: scanning tens of
   * thousands of people then touches a few dense arrays instead of an object each.
   */
  private columns = emptyColumns(0)
  private readonly wijkNumbers = new Map<string, number>()
  /** Tag id → a small number, the same for as long as the index lives. */
  private readonly tagNumbers = new Map<string, number>()
  private visited = new Uint32Array(0)
  private visitStamp = 0
  private sortedWords: string[] = []
  private wordsByLength = new Map<number, string[]>()
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
    const words: [string, number][] = []
    searchFields.forEach((field, fieldIndex) => {
      const text = doc.fields[field]
      if (!text) return
      for (const word of new Set(searchTokens(text))) {
        words.push([word, fieldIndex])
        let set = this.postings.get(word)
        if (!set) {
          set = new Set()
          this.postings.set(word, set)
          this.dirty = true
        }
        set.add(slot * 8 + fieldIndex)
        const byField = this.fieldPostings.get(fieldIndex)
        if (byField) {
          let slots = byField.get(word)
          if (!slots) byField.set(word, (slots = new Set()))
          slots.add(slot)
        }
      }
    })
    for (const tagId of doc.attributes?.tagIds ?? []) {
      let set = this.byTag.get(tagId)
      if (!set) this.byTag.set(tagId, (set = new Set()))
      set.add(slot)
      this.byTagArray.delete(tagId)
    }
    this.setColumns(slot, doc)
    this.entries[slot] = {
      id: doc.id,
      sortKey: doc.sortKey,
      status: doc.status ?? 'active',
      attributes: doc.attributes,
      words,
      tags: Int32Array.from(doc.attributes?.tagIds ?? [], (tagId) => this.tagNumber(tagId)),
    }
    this.slotOf.set(doc.id, slot)
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    for (const [word, field] of this.entries[slot]!.words) {
      const byField = this.fieldPostings.get(field)?.get(word)
      byField?.delete(slot)
      if (byField?.size === 0) this.fieldPostings.get(field)!.delete(word)
      const set = this.postings.get(word)!
      set.delete(slot * 8 + field)
      if (set.size === 0) {
        this.postings.delete(word)
        this.dirty = true
      }
    }
    for (const tagId of this.entries[slot]!.attributes?.tagIds ?? []) {
      const set = this.byTag.get(tagId)
      set?.delete(slot)
      if (set?.size === 0) this.byTag.delete(tagId)
      this.byTagArray.delete(tagId)
    }
    this.columns.active[slot] = 0
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
        words: entry.words.map(([word, field]) => `${searchFields[field]}:${word}`).sort(),
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

  private setColumns(slot: number, doc: SearchDoc): void {
    if (slot >= this.columns.active.length) {
      const next = emptyColumns(Math.max(1024, slot + 1, this.columns.active.length * 2))
      for (const key of Object.keys(next) as (keyof Columns)[]) next[key].set(this.columns[key])
      this.columns = next
    }
    const a = doc.attributes
    const c = this.columns
    c.active[slot] = a && (doc.status ?? 'active') === 'active' ? 1 : 0
    c.availability[slot] = a?.availability ?? 0
    c.wijk[slot] = a?.wijkId ? this.wijkNumber(a.wijkId) : -1
    c.consent[slot] = a ? consentStatuses.indexOf(a.consent as ConsentStatus) + 1 : 0
    c.availableFrom[slot] = a?.availableFrom ? Number(a.availableFrom.replaceAll('-', '')) : 0
    const tagIds = a?.tagIds ?? []
    c.tagCount[slot] = tagIds.length
    for (let i = 0; i < Math.min(tagIds.length, tagWidth); i++) {
      c.tags[slot * tagWidth + i] = this.tagNumber(tagIds[i]!)
    }
  }

  /** The per-slot arrays matching reads (see `columns`); valid until the next put or remove. */
  get matchColumns(): Readonly<Columns> {
    return this.columns
  }

  /** A wijk's small number, as `matchColumns.wijk` holds it. */
  wijkNumber(wijkId: string): number {
    let number = this.wijkNumbers.get(wijkId)
    if (number === undefined) this.wijkNumbers.set(wijkId, (number = this.wijkNumbers.size))
    return number
  }

  /** The document in a slot (its id, name key, attributes and tag numbers), if any. */
  entryAt(slot: number): Readonly<Entry> | undefined {
    return this.entries[slot]
  }

  /** The slot of a document, if it is in the index. */
  slotOfId(id: string): number | undefined {
    return this.slotOf.get(id)
  }

  /** A tag's small number (given on first sight); matching indexes arrays with it. */
  tagNumber(tagId: string): number {
    let number = this.tagNumbers.get(tagId)
    if (number === undefined) this.tagNumbers.set(tagId, (number = this.tagNumbers.size))
    return number
  }

  /** How many tag numbers have been given: the length of arrays indexed by them. */
  get tagCount(): number {
    return this.tagNumbers.size
  }

  /** How many slots the index has: the length of per-slot arrays a caller keeps (see markWithWord). */
  get capacity(): number {
    return this.entries.length
  }

  /**
   * Calls `visit` once for every document that has one of `tagIds` or is in `slots`: matching reads
   * a theme's people from the tag postings, not by scanning everyone.
   */
  forEachWith(
    tagIds: Iterable<string>,
    slots: readonly number[],
    visit: (slot: number) => void,
  ): void {
    // A stamp per slot says "visited in this call" without a set of tens of thousands.
    if (this.visited.length < this.entries.length) {
      const bigger = new Uint32Array(Math.max(this.entries.length, this.visited.length * 2))
      bigger.set(this.visited)
      this.visited = bigger
    }
    const stamp = ++this.visitStamp
    const visited = this.visited
    for (const tagId of tagIds) {
      let tagged = this.byTagArray.get(tagId)
      if (!tagged) {
        const set = this.byTag.get(tagId)
        if (!set) continue
        tagged = Int32Array.from(set)
        this.byTagArray.set(tagId, tagged)
      }
      for (let i = 0; i < tagged.length; i++) {
        const slot = tagged[i]!
        if (visited[slot] === stamp) continue
        visited[slot] = stamp
        visit(slot)
      }
    }
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!
      if (visited[slot] === stamp || !this.entries[slot]) continue
      visited[slot] = stamp
      visit(slot)
    }
  }

  /**
   * Marks the documents with `word` (or a word it begins: "wandel" finds "wandelen") in one of
   * `fields`: `marks[slot]` becomes 1 + the field's place in `fields` (the first that has it), for
   * matching by theme, where a typo would be a wrong reason. Returns the slots marked.
   */
  markWithWord(
    word: string,
    fields: readonly ('wish' | 'strength' | 'need')[],
    marks: Uint8Array,
  ): number[] {
    this.refreshWordLists()
    const marked: number[] = []
    const words = this.postings.has(word) ? [word] : []
    for (const other of this.prefixed(word)) if (other !== word) words.push(other)
    fields.forEach((field, f) => {
      const byField = this.fieldPostings.get(searchFields.indexOf(field))!
      for (const matched of words) {
        for (const slot of byField.get(matched) ?? []) {
          if (marks[slot] || !this.entries[slot]) continue
          marks[slot] = f + 1
          marked.push(slot)
        }
      }
    })
    return marked
  }

  /** Why a person matched: per query word its best field and word (only for the hits shown). */
  private hit(slot: number, queryWords: string[]): SearchHit {
    const fields = new Set<SearchField>()
    const words = new Set<string>()
    for (const queryWord of queryWords) {
      let best: { score: number; field: SearchField; word: string } | undefined
      for (const { word, how } of this.wordsMatching(queryWord)) {
        const set = this.postings.get(word)!
        searchFields.forEach((field, f) => {
          const score = fieldWeight[field] * quality[how]
          if (set.has(slot * 8 + f) && (!best || best.score < score)) best = { score, field, word }
        })
      }
      if (best) {
        fields.add(best.field)
        words.add(best.word)
      }
    }
    return {
      id: this.entries[slot]!.id,
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
    const allowed = queryWord.length >= 7 ? 2 : queryWord.length >= 3 ? 1 : 0
    for (let length = queryWord.length - allowed; length <= queryWord.length + allowed; length++) {
      if (allowed === 0) break
      for (const word of this.wordsByLength.get(length) ?? []) {
        // Exact and prefix matches were counted above, at their better quality.
        if (word.startsWith(queryWord)) continue
        if (editDistance(queryWord, word, allowed) <= allowed) found.push({ word, how: 'fuzzy' })
      }
    }
    this.matchCache.set(queryWord, found)
    return found
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
