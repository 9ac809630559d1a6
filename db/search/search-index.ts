import {
  searchFieldNames as searchFields,
  type SearchFieldName as SearchField,
} from '../../shared/people-query'
import type { FilterAttributes } from '../../shared/filters'
import type { PeopleFilter } from '../../shared/people-query'
import { searchTokens } from '../../shared/text'
import { Arena, Vocabulary, type ArenaSnapshot, type VocabularySnapshot } from './compact'
import { AttributeColumns, type AttributeColumnsSnapshot } from './attribute-columns'

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
/** The same, by the field's place in `searchFields` (as postings hold it). */
const weights = Float64Array.from(searchFields, (field) => fieldWeight[field])

/** Exact and prefix above fuzzy. */
const quality = { exact: 4, prefix: 3, fuzzy: 1 } as const
type Quality = keyof typeof quality
const qualityOrder = { exact: 0, prefix: 1, fuzzy: 2 } as const

/** How many typos a query word may have: none under three letters, one from three, two from seven. */
const typosAllowed = (queryWord: string) =>
  queryWord.length >= 7 ? 2 : queryWord.length >= 3 ? 1 : 0

const qualities: readonly Quality[] = ['exact', 'prefix', 'fuzzy']

/**
 * What a query word matches: the postings it reaches (`word * 8 + field`) with the score each gives,
 * highest first, and which of them a typo reaches (1); and the words themselves, with how each
 * matches (its place in `qualities`).
 */
interface Matched {
  lists: Int32Array
  scores: Int32Array
  typo: Uint8Array
  words: Int32Array
  how: Uint8Array
}

const fuzzyPlace = qualities.indexOf('fuzzy')

/** A search's query words, and those of them the index holds as words (see `typedWords`). */
interface Query {
  words: string[]
  typed: Set<number>
}

/** Every (quality, field) a query word's match can have, highest score first (ties: quality, field). */
const listOrder = (['exact', 'prefix', 'fuzzy'] as const)
  .flatMap((how) =>
    searchFields.map((_, field) => ({ how, field, score: weights[field]! * quality[how] })),
  )
  .sort((a, b) => b.score - a.score)

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

/**
 * The field a query word counts in by context, or -1: a word between two that are found in one and
 * the same field of hers counts in that field when it is there too. In "zeynep veen laan van
 * vollenhove 126", "van" lies between two words of her address: it is her street's, not the "van"
 * of someone named "van Dijk" who lives in that street as well. A word is found in the field of its
 * best score there (exact before prefix before typo, then the first field). `scores` holds her
 * best score per query word and field: `[(h * words + w) * 8 + field]`.
 */
function contextField(scores: Int32Array, words: number, h: number, w: number): number {
  if (w === 0 || w === words - 1) return -1
  const foundIn = (at: number) => {
    let field = -1
    for (let f = 0; f < 8; f++) {
      const score = scores[at + f]!
      if (score === 0) continue
      const best = field < 0 ? 0 : scores[at + field]!
      // The same score in two fields: the better match (a higher quality in a lighter field).
      if (score > best || (score === best && score / weights[f]! > best / weights[field]!)) {
        field = f
      }
    }
    return field
  }
  const at = (h * words + w) * 8
  const field = foundIn(at - 8)
  return field >= 0 && field === foundIn(at + 8) && scores[at + field]! > 0 ? field : -1
}

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

/** A search index as plain data (see `SearchIndex.snapshot`). */
export interface SearchIndexSnapshot {
  vocabulary: VocabularySnapshot
  postings: ArenaSnapshot
  slotWords: ArenaSnapshot
  ids: (string | undefined)[]
  sortKeys: string[]
  statusOf: Uint8Array<ArrayBuffer>
  attributes: AttributeColumnsSnapshot
  free: number[]
}

const tagField = searchFields.indexOf('tag')
const statuses = ['active', 'archived'] as const

/**
 * The search index: every word of every person, by field, in memory in the main process next to
 * the store. Words are found exactly, by prefix (a sorted word list) and with one or two typos
 * (bounded edit distance, walking the sorted words); the query's words match in any order, so "de
 * vries jan", "jan vries" and "vries" all find Jan de Vries.
 *
 * Compact: each distinct word is held once, as a number (`Vocabulary`); the postings of a word in
 * a field (the slots of the people who have it there, ascending) and a person's words (`word * 8 +
 * field`) are lists of numbers in shared typed arrays (`Arena`), not a Set or an array each.
 */
export class SearchIndex {
  private readonly vocabulary = new Vocabulary()
  /** `word * 8 + field` → the slots of the people with that word in that field, ascending. */
  private postings = new Arena()
  /** Slot → `word * 8 + field` of every word of the person, labels included. */
  private slotWords = new Arena()
  private ids: (string | undefined)[] = []
  private sortKeys: string[] = []
  private statusOf = new Uint8Array(0)
  /** What filters read (wijk, labels, availability, consent, last contact), as numbers. */
  private attributes = new AttributeColumns()
  private slotOf = new Map<string, number>()
  private free: number[] = []
  /** Query word → the postings it reaches and their scores; valid while the vocabulary stays. */
  private matchCache = new Map<string, Matched>()
  /** Per word, how each query word of a group matches it, two bits each (see `eachMatch`); all 0 between uses. */
  private matchedHow = new Uint32Array(0)
  private cachedVersion = -1
  // Per-slot tallies of one search, reused between searches (a stamp says which search wrote it).
  private generation = 0
  private seen = new Uint32Array(0)
  private wordStamp = new Uint32Array(0)
  private wordBest = new Int32Array(0)
  private total = new Int32Array(0)
  private count = new Int32Array(0)
  /** The slots one search touched, then those it keeps and their ranks: reused, grown with the slots. */
  private touched = new Int32Array(0)
  private kept = new Int32Array(0)
  private keys = new Int32Array(0)

  get size(): number {
    return this.slotOf.size
  }

  put(doc: SearchDoc): void {
    this.remove(doc.id)
    const slot = this.free.pop() ?? this.ids.length
    const words: number[] = []
    searchFields.forEach((field, fieldIndex) => {
      const text = doc.fields[field]
      if (!text) return
      for (const word of new Set(searchTokens(text))) {
        const number = this.vocabulary.use(word)
        words.push(number * 8 + fieldIndex)
        this.postings.insertSorted(number * 8 + fieldIndex, slot)
      }
    })
    this.slotWords.set(slot, words)
    this.ids[slot] = doc.id
    this.sortKeys[slot] = doc.sortKey
    if (slot >= this.statusOf.length) {
      const bigger = new Uint8Array(Math.max(1024, slot + 1, this.statusOf.length * 2))
      bigger.set(this.statusOf)
      this.statusOf = bigger
    }
    this.statusOf[slot] = statuses.indexOf(doc.status ?? 'active')
    this.attributes.set(slot, doc.attributes)
    this.slotOf.set(doc.id, slot)
  }

  /**
   * Only her labels changed (a bulk action): the same as putting her again with these tags, without
   * reading and splitting every other field of hers anew.
   */
  retag(id: string, tagIds: readonly string[], names: string): void {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    const words: number[] = []
    for (const packed of this.slotWords.view(slot)) {
      if ((packed & 7) === tagField) this.unpost(packed, slot)
      else words.push(packed)
    }
    for (const word of names ? new Set(searchTokens(names)) : []) {
      const number = this.vocabulary.use(word)
      words.push(number * 8 + tagField)
      this.postings.insertSorted(number * 8 + tagField, slot)
    }
    this.slotWords.set(slot, words)
    if (this.attributes.get(slot)) this.attributes.setTags(slot, tagIds)
  }

  /** Takes a slot out of one word-and-field's postings (`word * 8 + field`). */
  private unpost(wordField: number, slot: number): void {
    this.postings.deleteSorted(wordField, slot)
    this.vocabulary.release(wordField >> 3)
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    for (const packed of this.slotWords.view(slot)) this.unpost(packed, slot)
    this.slotWords.release(slot)
    this.ids[slot] = undefined
    this.attributes.clear(slot)
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
    for (const [id, slot] of this.slotOf) {
      const attributes = this.attributes.get(slot)
      documents.set(id, {
        sortKey: this.sortKeys[slot]!,
        status: statuses[this.statusOf[slot]!]!,
        attributes: attributes && { ...attributes, tagIds: [...attributes.tagIds].sort() },
        words: [...this.slotWords.view(slot)]
          .map((packed) => `${searchFields[packed & 7]}:${this.vocabulary.text(packed >> 3)}`)
          .sort(),
      })
    }
    return documents
  }

  /** After filling: the room the lists grew into, given back. */
  pack(): void {
    this.postings.pack()
    this.slotWords.pack()
  }

  /**
   * The index as plain data, for the indexer that built it to hand it over (see `load`). The
   * index is not to be used after.
   */
  snapshot(): SearchIndexSnapshot {
    return {
      vocabulary: this.vocabulary.snapshot(),
      postings: this.postings.snapshot(),
      slotWords: this.slotWords.snapshot(),
      ids: this.ids,
      sortKeys: this.sortKeys,
      statusOf: this.statusOf,
      attributes: this.attributes.snapshot(),
      free: this.free,
    }
  }

  /** Becomes the index a snapshot holds (what it held before is dropped). */
  load(snapshot: SearchIndexSnapshot): void {
    this.vocabulary.load(snapshot.vocabulary)
    this.postings = Arena.from(snapshot.postings)
    this.slotWords = Arena.from(snapshot.slotWords)
    this.ids = snapshot.ids
    this.sortKeys = snapshot.sortKeys
    this.statusOf = snapshot.statusOf
    this.attributes = AttributeColumns.from(snapshot.attributes)
    this.free = snapshot.free
    this.slotOf = new Map()
    this.ids.forEach((id, slot) => {
      if (id !== undefined) this.slotOf.set(id, slot)
    })
  }

  /** Distinct words, postings, and the bytes all its typed arrays take (the benchmark's figures). */
  get footprint(): { words: number; postings: number; arrayBytes: number } {
    const postings = this.postings.footprint
    const tallies = [this.seen, this.wordStamp, this.wordBest, this.total, this.count]
    const scratch = [this.touched, this.kept, this.keys, this.statusOf]
    return {
      words: this.vocabulary.size,
      postings: postings.used,
      arrayBytes:
        postings.bytes +
        this.slotWords.footprint.bytes +
        this.attributes.bytes +
        [...tallies, ...scratch].reduce((sum, array) => sum + array.byteLength, 0),
    }
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
    if (queryWords.length === 0 || limit < 1) return []
    const slots = this.ids.length
    if (this.total.length < slots) this.grow(slots)
    if (this.generation + queryWords.length + 1 >= 0xffffffff) {
      // Stamps start over (after four billion query words): none may look like this search's.
      this.generation = 0
      this.seen.fill(0)
      this.wordStamp.fill(0)
    }
    this.generation += queryWords.length + 1
    const base = this.generation - queryWords.length
    const { seen, wordStamp, wordBest, total, count, touched } = this
    let touches = 0

    const wanted = status === undefined ? -1 : statuses.indexOf(status)
    const passes = filter && this.attributes.filter(filter.conditions, filter.today)
    const statusOf = this.statusOf
    const keep = (slot: number) =>
      (wanted < 0 || statusOf[slot] === wanted) && (!passes || passes(slot))
    const single = queryWords.length === 1
    const typed = this.typedWords(queryWords)
    const asked: Query = { words: queryWords, typed }
    queryWords.forEach((queryWord, w) => {
      const stamp = base + w
      const { lists, scores, typo } = this.wordsMatching(queryWord)
      // The postings straight from the arena's array: no view made per list ("m" reaches thousands).
      const data = this.postings.numbers
      let strong = 0
      for (let l = 0; l < lists.length; l++) {
        const score = scores[l]!
        // One query word: the lists come highest score first, so once `limit` people she may see
        // score more than anyone still to come could, the rest cannot reach the page ("m": the
        // names that start with it, not every note that has such a word).
        if (single && strong >= limit && score < scores[l - 1]!) break
        if (typo[l] === 1 && typed.has(lists[l]! >> 3)) continue
        const from = this.postings.start(lists[l]!)
        const to = from + this.postings.size(lists[l]!)
        for (let p = from; p < to; p++) {
          const slot = data[p]!
          if (seen[slot]! < base) {
            // First time this search: start the slot's tally.
            seen[slot] = base
            total[slot] = 0
            count[slot] = 0
            touched[touches++] = slot
            if (single && keep(slot)) strong++
          }
          if (wordStamp[slot] !== stamp) {
            wordStamp[slot] = stamp
            wordBest[slot] = score
            total[slot]! += score
            count[slot]! += 1
          } else if (wordBest[slot]! < score) {
            total[slot]! += score - wordBest[slot]!
            wordBest[slot] = score
          }
        }
      }
    })

    // Sort keys are folded already, so plain comparison orders them (and costs far less); the
    // same name twice goes by id, so the order never depends on which slot someone got.
    const sortKeys = this.sortKeys
    const ids = this.ids
    const byName = (a: number, b: number) => {
      const x = sortKeys[a]!
      const y = sortKeys[b]!
      if (x !== y) return x < y ? 1 : -1
      return ids[a]! < ids[b]! ? 1 : ids[a]! > ids[b]! ? -1 : 0
    }
    const better = (a: number, b: number) =>
      count[a]! - count[b]! || total[a]! - total[b]! || byName(a, b)
    const { kept, keys } = this
    // The people kept, each with (words matched, score) as one number to rank by.
    let keeps = 0
    for (let t = 0; t < touches; t++) {
      const slot = touched[t]!
      if (!keep(slot)) continue
      kept[keeps] = slot
      keys[keeps++] = count[slot]! * 65536 + total[slot]!
    }
    /**
     * The `size` best by (words matched, score), then name; the number they were cut at, and the
     * first left out at that number (by name).
     */
    const best = (size: number): { slots: number[]; cut: number; next?: number } => {
      if (keeps <= size) return { slots: Array.from(kept.subarray(0, keeps)), cut: -1 }
      // Everyone above the size-th best number is in; of those at that very number, the first
      // by name. Found by selection, so only those few are compared by name (a one-letter query
      // keeps tens of thousands).
      const threshold = largest(keys.slice(0, keeps), size)
      const above: number[] = []
      const at: number[] = []
      for (let i = 0; i < keeps; i++) {
        if (keys[i]! > threshold) above.push(kept[i]!)
        else if (keys[i] === threshold) at.push(kept[i]!)
      }
      const first = firstOf(at, size - above.length + 1, byName)
      const next = first.length > size - above.length ? first.pop() : undefined
      return { slots: above.concat(first), cut: threshold, next }
    }
    const { slots: page, cut, next } = best(limit)
    if (queryWords.length < 3) {
      return this.weigh(page, asked)
        .sort((a, b) => better(b.slot, a.slot))
        .map((weighed) => weighed.hit)
    }
    // A word between two others may count less in context (see `contextField`), never more. The
    // first page by the words alone is weighed again, and explained as it is; it stands when no one
    // left out could come before its last one (all left out are at the cut or below, and those at
    // the cut come after `next` by name). Otherwise everyone whose words alone reach that last
    // one's score in context is weighed again too: anyone below cannot come before it.
    const hits = new Map<number, SearchHit>()
    for (const { slot, hit } of this.weigh(page, asked)) {
      hits.set(slot, hit)
      total[slot] = hit.score
    }
    const key = (slot: number) => count[slot]! * 65536 + total[slot]!
    let shown = firstOf(page, limit, better)
    const last = shown.at(-1)
    const lastKey = last === undefined ? -1 : key(last)
    const settled =
      cut < 0 ||
      lastKey > cut ||
      (lastKey === cut && (next === undefined || byName(last!, next) > 0))
    if (!settled) {
      const more: number[] = []
      for (let i = 0; i < keeps; i++) {
        if (keys[i]! >= lastKey && !hits.has(kept[i]!)) more.push(kept[i]!)
      }
      const inContext = this.contextScores(more, asked)
      more.forEach((slot, h) => (total[slot] = inContext[h]!))
      shown = firstOf(page.concat(more), limit, better)
      const unexplained = shown.filter((slot) => !hits.has(slot))
      for (const { slot, hit } of this.weigh(unexplained, asked)) hits.set(slot, hit)
    }
    return shown.map((slot) => hits.get(slot)!)
  }

  /**
   * Each person's score and why she matched: per query word her best field and word. Read from her
   * own few dozen words, each looked up among the words the query word matches (marked once per
   * query word, not compared again per person), with the same tie-break as the scoring: the best
   * score, then exact before prefix before typo, prefixes in word order, typos by length then word
   * order, and the first field. In context (see `contextField`), a word counts in its neighbours'
   * field.
   */
  private weigh(slots: number[], query: Query): { slot: number; hit: SearchHit }[] {
    const n = query.words.length
    type Found = { score: number; rank: Rank; field: number; word: string }
    // Per person and query word: her best match in each field.
    const found: (Found | undefined)[][] = Array.from({ length: slots.length * n }, () => [])
    const scores = new Int32Array(slots.length * n * 8)
    this.eachMatch(slots, query, (h, w, packed, how) => {
      const word = this.vocabulary.text(packed >> 3)
      const field = packed & 7
      const score = weights[field]! * quality[how]
      const rank: Rank = [qualityOrder[how], how === 'fuzzy' ? word.length : 0, word, field]
      const best = found[h * n + w]!
      const was = best[field]
      if (!was || was.score < score || (was.score === score && before(rank, was.rank))) {
        best[field] = { score, rank, field, word }
        scores[(h * n + w) * 8 + field] = score
      }
    })
    return slots.map((slot, h) => {
      const fields = new Set<SearchField>()
      const words = new Set<string>()
      let score = 0
      for (let w = 0; w < n; w++) {
        const inContext = contextField(scores, n, h, w)
        let match = inContext >= 0 ? found[h * n + w]![inContext] : undefined
        for (const other of match ? [] : found[h * n + w]!) {
          if (!other) continue
          const better =
            !match ||
            match.score < other.score ||
            (match.score === other.score && before(other.rank, match.rank))
          if (better) match = other
        }
        if (!match) continue
        score += match.score
        fields.add(searchFields[match.field]!)
        words.add(match.word)
      }
      const hit = {
        id: this.ids[slot]!,
        score,
        fields: [...fields].sort((a, b) => searchFields.indexOf(a) - searchFields.indexOf(b)),
        words: [...words],
      }
      return { slot, hit }
    })
  }

  /** Her scores in context (as `weigh` counts them, without saying why), for many people. */
  private contextScores(slots: number[], query: Query): Int32Array {
    const n = query.words.length
    const scores = new Int32Array(slots.length * n * 8)
    this.eachMatch(slots, query, (h, w, packed, how) => {
      const at = (h * n + w) * 8 + (packed & 7)
      const score = weights[packed & 7]! * quality[how]
      if (score > scores[at]!) scores[at] = score
    })
    const totals = new Int32Array(slots.length)
    for (let h = 0; h < slots.length; h++) {
      for (let w = 0; w < n; w++) {
        const at = (h * n + w) * 8
        const inContext = contextField(scores, n, h, w)
        let score = inContext >= 0 ? scores[at + inContext]! : 0
        if (inContext < 0) for (let f = 0; f < 8; f++) score = Math.max(score, scores[at + f]!)
        totals[h]! += score
      }
    }
    return totals
  }

  /**
   * Calls `visit` for every word of each of these people that a query word matches (with how it
   * matches). The words each query word matches are marked once, two bits each (1 + the place of
   * how in `qualities`), for sixteen query words at a time; her own words are then read once and
   * looked up, not compared again per person. Never a typo of another word of the query.
   */
  private eachMatch(
    slots: number[],
    { words: queryWords, typed }: Query,
    visit: (h: number, w: number, packed: number, how: Quality) => void,
  ): void {
    if (this.matchedHow.length < this.vocabulary.capacity) {
      this.matchedHow = new Uint32Array(Math.max(1024, this.vocabulary.capacity * 2))
    }
    const matchedHow = this.matchedHow
    for (let from = 0; from < queryWords.length; from += 16) {
      const group = queryWords.slice(from, from + 16).map((word) => this.wordsMatching(word))
      group.forEach((matched, g) => {
        matched.words.forEach((word, i) => {
          const how = matched.how[i]!
          if (how !== fuzzyPlace || !typed.has(word)) matchedHow[word]! |= (how + 1) << (2 * g)
        })
      })
      slots.forEach((slot, h) => {
        for (const packed of this.slotWords.view(slot)) {
          const marks = matchedHow[packed >> 3]!
          if (marks === 0) continue
          for (let g = 0; g < group.length; g++) {
            const code = (marks >>> (2 * g)) & 3
            if (code !== 0) visit(h, from + g, packed, qualities[code - 1]!)
          }
        }
      })
      for (const matched of group) for (const word of matched.words) matchedHow[word] = 0
    }
  }

  /**
   * The query's own words, as the index numbers them. A query word is never taken as a typo of
   * another word she typed in the same query: in "zeynep ven laan van vollenhove", "ven" is not
   * "van" (it is there already), so someone named "van …" in that street does not count it twice,
   * once as her name and once as a typo, above Zeynep ter Veen.
   */
  private typedWords(queryWords: string[]): Set<number> {
    const typed = new Set<number>()
    for (const queryWord of queryWords) {
      const word = this.vocabulary.numberOf(queryWord)
      if (word !== undefined) typed.add(word)
    }
    return typed
  }

  /**
   * The postings a query word reaches: every word it matches (exactly, as a prefix, or with a typo)
   * in every field, as `word * 8 + field`, with the score a person gets from each, highest first.
   * Remembered for the last few hundred query words until a word comes or goes (a list empty now
   * is kept too: it may fill without the vocabulary changing).
   */
  private wordsMatching(queryWord: string): Matched {
    if (this.cachedVersion !== this.vocabulary.version || this.matchCache.size > 512) {
      this.matchCache.clear()
      this.cachedVersion = this.vocabulary.version
    }
    const cached = this.matchCache.get(queryWord)
    if (cached) return cached
    const matched: Record<Quality, number[]> = { exact: [], prefix: [], fuzzy: [] }
    const add = (word: number, how: Quality) => matched[how].push(word)
    const exact = this.vocabulary.numberOf(queryWord)
    if (exact !== undefined) add(exact, 'exact')
    for (const word of this.vocabulary.prefixed(queryWord)) {
      if (word !== exact) add(word, 'prefix')
    }
    // Typos once a word is long enough to tell them from another word.
    const allowed = typosAllowed(queryWord)
    for (const word of this.vocabulary.within(queryWord, allowed)) {
      // Exact and prefix matches were counted above, at their better quality.
      if (!word.startsWith(queryWord)) add(this.vocabulary.numberOf(word)!, 'fuzzy')
    }
    const size = (matched.exact.length + matched.prefix.length + matched.fuzzy.length) * 8
    const lists = new Int32Array(size)
    const scores = new Int32Array(size)
    const typo = new Uint8Array(size)
    let at = 0
    for (const { how, field, score } of listOrder) {
      for (const word of matched[how]) {
        lists[at] = word * 8 + field
        typo[at] = how === 'fuzzy' ? 1 : 0
        scores[at++] = score
      }
    }
    const all = [...matched.exact, ...matched.prefix, ...matched.fuzzy]
    const how = qualities.flatMap((quality, place) => matched[quality].map(() => place))
    const found = { lists, scores, typo, words: Int32Array.from(all), how: Uint8Array.from(how) }
    this.matchCache.set(queryWord, found)
    return found
  }

  private grow(size: number): void {
    const bigger = <T extends Uint32Array | Int32Array>(old: T): T => {
      const next = new (old.constructor as new (length: number) => T)(
        Math.max(size, old.length * 2),
      )
      next.set(old)
      return next
    }
    this.seen = bigger(this.seen)
    this.wordStamp = bigger(this.wordStamp)
    this.wordBest = bigger(this.wordBest)
    this.total = bigger(this.total)
    this.count = bigger(this.count)
    this.touched = bigger(this.touched)
    this.kept = bigger(this.kept)
    this.keys = bigger(this.keys)
  }
}

/** The `k` best of `items` by `better` (positive when a beats b), best first. */
function firstOf(items: number[], k: number, better: (a: number, b: number) => number): number[] {
  // A small sorted list beats a heap for the k of a results page.
  const best: number[] = []
  for (const item of items) {
    if (best.length === k && better(item, best[k - 1]!) <= 0) continue
    let at = best.length
    while (at > 0 && better(item, best[at - 1]!) > 0) at--
    best.splice(at, 0, item)
    if (best.length > k) best.pop()
  }
  return best
}

/** The k-th largest of `values` (1 is the largest); reorders them (quickselect). */
function largest(values: Int32Array, k: number): number {
  let low = 0
  let high = values.length - 1
  const target = k - 1
  while (low < high) {
    const pivot = values[(low + high) >>> 1]!
    let i = low
    let j = high
    while (i <= j) {
      while (values[i]! > pivot) i++
      while (values[j]! < pivot) j--
      if (i <= j) {
        const swap = values[i]!
        values[i] = values[j]!
        values[j] = swap
        i++
        j--
      }
    }
    if (target <= j) high = j
    else if (target >= i) low = i
    else return values[target]!
  }
  return values[target]!
}
